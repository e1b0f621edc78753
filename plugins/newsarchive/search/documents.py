"""Search documents: the plain data the index and the result list are made of."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from ..countries import Country
from ..registry import Organization
from ..release import Release
from ..sdgs import Goal
from .cache import BodyCache, body_key

_SPACE = re.compile(r"\s+")
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th dt dd hr section".split()
)
SNIPPET_CHARS = 240


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    parser = _TextParser()
    parser.feed(html or "")
    parser.close()
    return _SPACE.sub(" ", "".join(parser.parts)).strip()


def excerpt(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of `text`, cut at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return f"{cut}…"


@dataclass(frozen=True)
class SearchDocument:
    """One release as the search sees it; `ref` is its rank, newest first (undated last)."""

    ref: int
    url: str
    title: str
    date: str  # ISO date or ""
    dateline: str
    summary: str
    body: str
    organizations: tuple[Organization, ...]  # partners, then funders not already partners
    countries: tuple[Country, ...]
    sdgs: tuple[Goal, ...]
    body_key: str = ""  # digest of the body HTML, when a BodyCache is used
    cached_snippet: str = ""  # the body's snippet from the cache (then `body` is left empty)

    @property
    def year(self) -> str:
        """The release's year, or "" when undated."""
        return self.date[:4]

    @property
    def snippet(self) -> str:
        """Text shown under the title: the summary, else the start of the body."""
        return self.summary or self.cached_snippet or excerpt(self.body)


def search_documents(
    items: Iterable[tuple[str, str, Release]], cache: BodyCache | None = None
) -> list[SearchDocument]:
    """Documents from (url, body HTML, release record), in the order given (newest first).

    With a cache, a body already counted there is not turned into text again (`build_index`
    takes its terms from the cache).
    """
    docs = []
    for ref, (url, html, record) in enumerate(items):
        orgs = list(record.partners)
        orgs += [o for o in record.funders if o not in orgs]
        key = body_key(html or "") if cache is not None else ""
        counted = cache.get(key) if cache is not None else None
        docs.append(
            SearchDocument(
                ref=ref,
                url=url,
                title=record.title,
                date=record.date.isoformat() if record.date else "",
                dateline=record.dateline or "",
                summary=record.summary or "",
                body="" if counted else html_to_text(html),
                organizations=tuple(orgs),
                countries=tuple(record.countries),
                sdgs=tuple(record.sdgs),
                body_key=key,
                cached_snippet=counted[0] if counted else "",
            )
        )
    return docs
