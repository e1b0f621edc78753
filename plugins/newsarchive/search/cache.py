"""Between builds: each release body's indexed terms, so a rebuild tokenizes only what changed.

The body is most of a release's words; turning its HTML into text and running lunr's pipeline
(trimmer, stop words, Porter stemmer) on it is most of the index's build time. The cache maps a
digest of the body HTML to (snippet, number of terms, {term: count}) in first-occurrence order,
which is all the index builder needs (term order decides lunr's term numbers, so it is kept).
A cache from another format or lunr version is ignored; an unreadable one is rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from importlib.metadata import version
from pathlib import Path

from ..output import write_bytes

logger = logging.getLogger(__name__)

CACHE_FORMAT = 1
Counted = tuple[str, int, dict[str, int]]  # snippet, number of terms, term counts


def body_key(html: str) -> str:
    """The cache key of a body's HTML."""
    return hashlib.sha1(html.encode("utf-8", "surrogatepass")).hexdigest()


class BodyCache:
    """Counted body terms by body digest; `save` keeps only the entries this build used."""

    def __init__(self, entries: dict[str, Counted] | None = None) -> None:
        self.entries = entries or {}
        self.used: dict[str, Counted] = {}

    @staticmethod
    def stamp() -> tuple:
        """What the cached terms depend on besides the HTML."""
        return (CACHE_FORMAT, version("lunr"))

    @classmethod
    def load(cls, path: str | Path) -> BodyCache:
        """The cache at `path`, or an empty one when it is missing, stale or unreadable."""
        try:
            with open(path, "rb") as fh:
                stamp, entries = pickle.load(fh)
        except FileNotFoundError:
            return cls()
        except Exception as exc:  # a damaged cache costs a full tokenization, nothing else
            logger.warning("archive_search: ignoring the unreadable cache %s (%s)", path, exc)
            return cls()
        return cls(entries if stamp == cls.stamp() and isinstance(entries, dict) else None)

    def get(self, key: str) -> Counted | None:
        """The counted terms of a body, marking them used."""
        found = self.entries.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, counted: Counted) -> None:
        """Remember a body's counted terms."""
        self.used[key] = counted

    def save(self, path: str | Path) -> None:
        """Write the entries used by this build (atomically)."""
        path = Path(path)
        data = pickle.dumps((self.stamp(), self.used), protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(path.parent, path.name, data)
