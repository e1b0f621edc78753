"""Search documents: the plain data the index and the result list are made of."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import pycountry

from ..countries import EXTRA_NAMES, Country
from ..registry import Organization
from ..release import Release
from ..sdgs import Goal
from .cache import TermCache, cache_key
from .text import fold

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


# Abbreviations readers type that the importer's names leave out ("US" reads as a stop word: the
# search page recognises it only in capitals).
ABBREVIATIONS = {"US": ("US",), "AE": ("UAE",)}


@functools.cache
def country_names(country: Country) -> tuple[str, ...]:
    """Every name a country goes by, its own first: ISO 3166's names and the common names and
    abbreviations the importer knows ("UK", "USA", "DRC", "Ivory Coast", "Turkey", "Burma")."""
    names = [country.name, country.official_name]
    found = pycountry.countries.get(alpha_2=country.code)
    if found is not None:
        names += [getattr(found, a, "") for a in ("name", "official_name", "common_name")]
    names += EXTRA_NAMES.get(country.code, [])
    names += ABBREVIATIONS.get(country.code, ())
    out, seen = [], set()
    for name in names:
        key = fold(name).casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


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
    cache_key: str = ""  # digest of the texts its fields are made of, when a TermCache is used
    cached_snippet: str = ""  # the body's snippet from the cache (then `body` is left empty)

    @property
    def year(self) -> str:
        """The release's year, or "" when undated."""
        return self.date[:4]

    @property
    def snippet(self) -> str:
        """Text shown under the title: the summary, else the start of the body."""
        return self.summary or self.cached_snippet or excerpt(self.body)


def field_values(doc: SearchDocument) -> dict[str, str]:
    """The text of each indexed field, before folding; lists are joined into one string so every
    word counts (`partner` holds each organization's slug, acronym, name and aliases, `country`
    every name of each country and its code)."""
    orgs = [" ".join(o.keys()) for o in doc.organizations]
    countries = [f"{' '.join(country_names(c))} {c.code}" for c in doc.countries]
    goals = [f"{g.number} sdg{g.number} {g.title}" for g in doc.sdgs]
    return {
        "title": doc.title,
        "summary": doc.summary,
        "body": doc.body,
        "partner": " ".join(orgs).replace("-", " "),
        "country": " ".join(countries),
        "sdg": " ".join(goals),
        "dateline": doc.dateline,
        "year": doc.year,
    }


def search_documents(
    items: Iterable[tuple[str, str, Release]], cache: TermCache | None = None
) -> list[SearchDocument]:
    """Documents from (url, body HTML, release record), in the order given (newest first).

    With a cache, a release whose texts were counted in an earlier build keeps its body as HTML
    only (`build_index` and `score_documents` take its terms from the cache).
    """
    docs = []
    for ref, (url, html, record) in enumerate(items):
        orgs = list(record.partners)
        orgs += [o for o in record.funders if o not in orgs]
        doc = SearchDocument(
            ref=ref,
            url=url,
            title=record.title,
            date=record.date.isoformat() if record.date else "",
            dateline=record.dateline or "",
            summary=record.summary or "",
            body="",
            organizations=tuple(orgs),
            countries=tuple(record.countries),
            sdgs=tuple(record.sdgs),
        )
        found = None
        if cache is not None:
            values = field_values(doc)
            values["body"] = html or ""
            key = cache_key(values.values())
            found = cache.get(key)
            doc = replace(doc, cache_key=key, cached_snippet=found.snippet if found else "")
        if found is None:
            doc = replace(doc, body=html_to_text(html))
        docs.append(doc)
    return docs
