"""Between builds: each release's indexed terms, so a rebuild tokenizes only what changed.

Turning a release's body HTML into text and running lunr's pipeline (trimmer, stop words, Porter
stemmer) on its fields is most of the index's build time. The cache maps a digest of everything a
release's search fields are made of (body HTML, title, summary, partners, countries, goals,
dateline, date) to its body snippet and, per field, its number of terms and its terms with their
counts in first-occurrence order: all the index builder needs (term order decides lunr's term
numbers, so it is kept). Terms are numbers into one vocabulary and the counts of a release are two
arrays (`Packed`): a 20,000-release cache loads in a tenth of the time of dicts of strings and
takes a third of the memory. A cache from another format, field list or lunr version is
ignored; a damaged one (checksummed: a flipped byte would give a silently wrong index) is
discarded with a warning and rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
from array import array
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from .. import cachefile
from .text import FIELDS

logger = logging.getLogger(__name__)

CACHE_FORMAT = 4  # 4: terms numbered in one vocabulary, counts in arrays
Counted = tuple[int, dict[str, int]]  # number of terms, term counts


class Packed(NamedTuple):
    """A release's counted fields: its snippet, and the term numbers and counts of every field
    end to end (field i's are at `ends[i - 1]:ends[i]`)."""

    snippet: str
    lengths: tuple[int, ...]  # number of terms of each field (FIELDS order)
    ends: tuple[int, ...]
    terms: array  # term numbers ("I")
    counts: array  # their counts ("I"), in first-occurrence order within each field


def cache_key(parts: Iterable[str]) -> str:
    """The cache key of a release: a digest of the texts its search fields are made of."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class _Numbers(dict):
    """term -> its number in `terms`; a term not seen yet is numbered on first lookup."""

    def __init__(self, terms: list[str]) -> None:
        super().__init__((term, i) for i, term in enumerate(terms))
        self.terms = terms

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self.terms)
        self.terms.append(term)
        return number


class TermCache:
    """Counted terms by release digest; `save` keeps only the entries this build used."""

    def __init__(
        self,
        terms: list[str] | None = None,
        entries: dict[str, Packed] | None = None,
        dropped: int = 0,
    ) -> None:
        self.terms: list[str] = list(terms or [])  # term number -> term
        self.numbers = _Numbers(self.terms)
        self.entries = entries or {}
        self.used: dict[str, Packed] = {}
        self.dropped = dropped  # entries left out since the vocabulary was last trimmed

    @staticmethod
    def stamp() -> tuple:
        """What the cached terms depend on besides the texts."""
        return (CACHE_FORMAT, version("lunr"), tuple(name for name, _ in FIELDS))

    @classmethod
    def load(cls, path: str | Path) -> TermCache:
        """The cache at `path`, or an empty one when it is missing, stale or damaged."""
        data = cachefile.load(path, repr(cls.stamp()), "search cache")
        if not (isinstance(data, dict) and isinstance(data.get("entries"), dict)):
            return cls()
        return cls(data.get("terms"), data["entries"], data.get("dropped", 0))

    def get(self, key: str) -> Packed | None:
        """The cached entry of a release, marking it used."""
        found = self.entries.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def pack(self, snippet: str, counted: Iterable[Counted]) -> Packed:
        """A release's counted fields as a Packed entry (its new terms numbered)."""
        terms, counts, lengths, ends = array("I"), array("I"), [], []
        for length, found in counted:
            terms.extend(map(self.numbers.__getitem__, found))
            counts.extend(found.values())
            lengths.append(length)
            ends.append(len(terms))
        return Packed(snippet, tuple(lengths), tuple(ends), terms, counts)

    def unpack(self, packed: Packed) -> tuple[Counted, ...]:
        """The counted fields of a Packed entry: (number of terms, {term: count}) per field."""
        out, start = [], 0
        for length, end in zip(packed.lengths, packed.ends, strict=True):
            names = map(self.terms.__getitem__, packed.terms[start:end])
            out.append((length, dict(zip(names, packed.counts[start:end], strict=True))))
            start = end
        return tuple(out)

    def put(self, key: str, packed: Packed) -> None:
        """Remember a release's entry."""
        self.used[key] = packed

    def save(self, path: str | Path) -> None:
        """Write the entries used by this build (atomically, checksummed). Once the entries left
        out since the vocabulary was last trimmed are a quarter of those kept, the terms no entry
        uses any more are dropped and the others numbered again."""
        terms, entries = self.terms, self.used
        dropped = self.dropped + sum(1 for key in self.entries if key not in entries)
        if dropped * 4 > len(entries):
            kept = sorted(set().union(*(p.terms for p in entries.values())))
            renumber = {old: new for new, old in enumerate(kept)}
            terms = [terms[i] for i in kept]
            entries = {
                key: p._replace(terms=array("I", map(renumber.__getitem__, p.terms)))
                for key, p in entries.items()
            }
            dropped = 0
        payload = {"terms": terms, "entries": entries, "dropped": dropped}
        cachefile.dump(path, payload, repr(self.stamp()))
