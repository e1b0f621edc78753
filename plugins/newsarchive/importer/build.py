"""One raw source turned into release drafts: front matter, Markdown body and editor's notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..registry import Registry
from ..text import slugify
from .about import countries_about
from .contacts import parse_contacts
from .dates import date_of_line, find_dateline, first_page_date
from .decode import Document, SourceError, load_document
from .extract import lead_paragraph, provisional_title, split_sections, summarize, to_markdown
from .geo import city_countries, place_countries
from .lines import drop_menus, is_wrapped, unwrap
from .orgs import OrgRef, find_parties
from .split import Segment, split_releases

NOTE_NO_TITLE = "The source gives no headline: this title is provisional; write the headline."
NOTE_NO_DATE = "The source gives no date."


@dataclass
class Draft:
    """A release ready to write: front matter fields, body, and what an editor should check."""

    meta: dict
    body: str
    new_orgs: list[OrgRef] = field(default_factory=list)
    provisional: bool = False

    @property
    def title(self) -> str:
        """The release's title."""
        return self.meta["title"]

    @property
    def date(self) -> dt.date | None:
        """The release's date, if the source gives one."""
        value = self.meta.get("date")
        return dt.date.fromisoformat(value) if value else None

    def relative_path(self) -> Path:
        """Where the release goes under the output folder: <yyyy>/<slug>.md or undated/<slug>.md."""
        folder = f"{self.date:%Y}" if self.date else "undated"
        return Path(folder) / f"{slugify(self.title)}.md"


def document_lines(doc: Document) -> list[str]:
    """A document's lines with menus dropped and hard-wrapped paragraphs joined."""
    lines = drop_menus(doc.lines)
    return unwrap(lines) if is_wrapped(lines) else lines


def page_date(doc: Document, preamble: list[str]) -> dt.date | None:
    """The page's own date: metadata and <time> first, then a date line above the releases."""
    found = first_page_date(doc.page_dates)
    if found:
        return found
    return next((d for d in map(date_of_line, preamble) if d), None)


def build_draft(
    segment: Segment, registry: Registry, source: str, fallback: dt.date | None, notes: list[str]
) -> Draft:
    """The draft of one release from its segment of the source."""
    sections = split_sections(segment.lines)
    body = sections.body
    lead = lead_paragraph(body)
    dateline = find_dateline(lead)
    text_after = lead[dateline.end :] if dateline else lead
    own_date = dateline.date if dateline and dateline.date else None
    own_date = own_date or next((d for d in map(date_of_line, sections.dates) if d), None)
    date = own_date or fallback
    title = segment.title or provisional_title(text_after)
    heading = [segment.title + "."] if segment.title else []
    text = "\n".join([*heading, *(text_after if line is lead else line for line in body if line)])
    countries = place_countries(dateline.place) if dateline else []
    parties = find_parties(text, registry, countries[0] if len(countries) == 1 else None)
    partners, funders = parties.partners, parties.funders
    countries += countries_about(text, parties.spans, title_end=len(heading[0]) if heading else 0)
    countries += city_countries(f"{title}\n{text_after}")
    review = list(notes)
    if segment.title is None:
        review.insert(0, NOTE_NO_TITLE)
    if date is None:
        review.append(NOTE_NO_DATE)
    new_orgs = [r for r in partners + funders if r.org is None]
    for ref in partners + funders:
        if ref.org is None or ref.org.review:
            review.append(f"New organization {ref.label!r}: check its registry entry.")
    meta = {
        "title": title,
        "date": date.isoformat() if date else None,
        "dateline": dateline.place if dateline else None,
        "summary": summarize(text_after),
        "partners": [r.label for r in partners],
        "funders": [r.label for r in funders],
        "countries": list(dict.fromkeys(c for c in countries if c)),
        "sdgs": sections.sdgs,
        "contacts": parse_contacts(sections.contacts),
        "source": source,
        "status": "draft" if segment.title is None else None,
        "review": review,
    }
    return Draft(meta, to_markdown(body), new_orgs, provisional=segment.title is None)


def import_source(path: Path, registry: Registry) -> list[Draft]:
    """Release drafts from one raw file; raises SourceError when it cannot be read or understood."""
    doc = load_document(path)
    lines = document_lines(doc)
    preamble, segments = split_releases(lines)
    if not segments:
        raise SourceError(
            "cannot find a press release: no headline and no paragraph of text; "
            "check the file holds the release's text"
        )
    fallback = page_date(doc, preamble)
    if len(segments) == 1 and segments[0].title is None and doc.page_title:
        segments[0].title = doc.page_title.split(" | ")[0].strip() or None
    notes = [f"Source: {w}" for w in doc.warnings]
    return [build_draft(s, registry, path.name, fallback, notes) for s in segments]
