"""Between builds: each release's indexed terms, so a rebuild tokenizes only what changed.

Turning a release's body HTML into text and running lunr's pipeline (trimmer, stop words, Porter
stemmer) on its fields is most of the index's build time. The cache maps a digest of everything a
release's search fields are made of (body HTML, title, summary, partners, countries, goals,
dateline, date) to its body snippet and, per field, (number of terms, {term: count}) in
first-occurrence order: all the index builder needs (term order decides lunr's term numbers, so
it is kept). A cache from another format, field list or lunr version is ignored; a damaged one
(checksummed: a flipped byte would give a silently wrong index) is discarded with a warning and
rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from .. import cachefile
from .text import FIELDS

logger = logging.getLogger(__name__)

CACHE_FORMAT = 3  # 3: lunr.js's stemmer, every name of a country
Counted = tuple[int, dict[str, int]]  # number of terms, term counts
Entry = tuple[str, tuple[Counted, ...]]  # body snippet, counted fields in FIELDS order


def cache_key(parts: Iterable[str]) -> str:
    """The cache key of a release: a digest of the texts its search fields are made of."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class TermCache:
    """Counted terms by release digest; `save` keeps only the entries this build used."""

    def __init__(self, entries: dict[str, Entry] | None = None) -> None:
        self.entries = entries or {}
        self.used: dict[str, Entry] = {}

    @staticmethod
    def stamp() -> tuple:
        """What the cached terms depend on besides the texts."""
        return (CACHE_FORMAT, version("lunr"), tuple(name for name, _ in FIELDS))

    @classmethod
    def load(cls, path: str | Path) -> TermCache:
        """The cache at `path`, or an empty one when it is missing, stale or damaged."""
        entries = cachefile.load(path, repr(cls.stamp()), "search cache")
        return cls(entries if isinstance(entries, dict) else None)

    def get(self, key: str) -> Entry | None:
        """The cached entry of a release, marking it used."""
        found = self.entries.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, entry: Entry) -> None:
        """Remember a release's entry."""
        self.used[key] = entry

    def save(self, path: str | Path) -> None:
        """Write the entries used by this build (atomically, checksummed)."""
        cachefile.dump(path, self.used, repr(self.stamp()))
