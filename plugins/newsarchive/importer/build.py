"""One raw source turned into release drafts: front matter, Markdown body and editor's notes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..registry import Registry
from ..text import match_key, slugify
from .about import countries_about
from .clues import header_clues, sender_clues, source_clues
from .contacts import parse_contacts
from .dates import (
    Dateline,
    date_of_line,
    find_dateline,
    first_page_date,
    is_labelled_date_line,
    is_original_date_line,
    place_of_date_lines,
    with_year,
)
from .decode import load_document
from .document import Document, SourceError
from .extract import lead_paragraph, provisional_title, split_sections, summarize, to_markdown
from .geo import city_countries, country_mentions, homonyms_dropped, place_countries
from .lines import WIRE_BOILERPLATE
from .lines import drop_menus as drop_menu_pairs
from .orgs import OrgRef, sentences
from .publisher import Publisher, find_publisher
from .roles import find_parties
from .split import Segment, split_releases
from .subjects import headline_verb_lowered
from .support import home_country
from .textpage import is_wrapped, tidy_text_lines, unwrap

NOTE_NO_TITLE = "The source gives no headline: this title is provisional; write the headline."
NOTE_NO_DATE = "The source gives no date."
NOTE_IMPOSSIBLE = "The dateline's date {text!r} does not exist; check the source and set the date."
NOTE_TITLE_CHOSEN = "Title chosen among the page's headings; check it is the release's headline."
NOTE_DATE_YEAR = "Date: the dateline gives no year; the year is the page's ({year}); check it."
NOTE_DATE_PAGE = "Date from the page ({how}), not from the release's dateline; check it."
NOTE_PUBLISHER = "Publisher taken to be {name}: not listed as a partner; check it."
NOTE_ROLE = "Role of {label!r} inferred from the sentence's subject; check it is a partner."
NOTE_QUALIFIED = "{label!r} is a generic name: its country was taken from the dateline."
NOTE_BY_COUNTRY = "{label!r}: a generic name read as the dateline country's body; check it."
NOTE_DATE_LINE = "Date from the line {line!r}, not from a dateline; check it is the release's."
NOTE_NEW_ORG = "New organization {label!r}: check its registry entry."
__all__ = ["Draft", "SourceError", "import_source"]


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


@dataclass
class Page:
    """What a whole source says, shared by the releases it holds."""

    doc: Document
    preamble: list[str]
    single: bool
    sources: list[str]

    def date(self) -> dt.date | None:
        """The page's own date: a date line in its header, then (for a single release) its
        metadata and <time>."""
        found = next((d for d in map(date_of_line, self.preamble) if d), None)
        if found or not self.single:
            return found
        return first_page_date(self.doc.page_dates)


def document_lines(doc: Document) -> list[str]:
    """A document's lines with menus dropped and hard-wrapped paragraphs joined (a text's page
    furniture, hyphenation and wrapped headlines first)."""
    lines = drop_menu_pairs(doc.lines if doc.is_html else tidy_text_lines(doc.lines))
    return unwrap(lines) if is_wrapped(lines) else lines


def release_date(
    dateline: Dateline | None, header_dates: list[str], page: Page
) -> tuple[dt.date | None, str | None]:
    """The release's date and, when it is not the dateline's, a note saying where it is from."""
    if dateline and dateline.date:
        return dateline.date, None
    header_dates = sorted(header_dates, key=lambda x: not is_original_date_line(x))
    line = next((x for x in header_dates if date_of_line(x)), None)
    own = date_of_line(line) if line else None
    if dateline and dateline.partial:
        reference = own or page.date()
        found = with_year(dateline.partial, reference) if reference else None
        return found, NOTE_DATE_YEAR.format(year=reference.year) if found else None
    if own:
        return own, None if is_labelled_date_line(line) else NOTE_DATE_LINE.format(line=line)
    found = page.date()
    return found, NOTE_DATE_PAGE.format(how="its header or metadata") if found else None


STATEMENT = re.compile(
    r"^[^.]{0,200}?\b(?:called|calls|urged|urges|warned|warns|welcomed|welcomes|condemned|"
    r"condemns|deplored|deplores|appealed|appeals|reiterated|reiterates|mourns|mourned|"
    r"(?:is|are) (?:alarmed|concerned|saddened|deeply|gravely)|expressed|expresses)\b"
)


TODAY = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|week)|"
    r"on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|hoy|hoje|aujourd['’]hui|cette semaine|"
    r"esta semana|ce (?:matin|jour))\b",
    re.I,
)


# Where the people concerned go, not where the work is: "workers bound for Malaysia, Qatar and".
DESTINATION = re.compile(
    r"\b(?:bound for|destined for|headed for|heading (?:to|for)|on their way to|travel(?:l?ing)? "
    r"to|migrat(?:e|ing) to|(?:children|people|migrants|victims|women|men|girls|boys|workers|"
    r"nationals|refugees) from)\s+(?:[\w'’ -]+(?:,\s*|\s+and\s+|\s+or\s+))*$"
)


def reports_elsewhere(lead: str, codes: list[str]) -> bool:
    """True when a lead reports work done in other countries, not an event held where it is
    dated ("LYON, France - An operation in Côte d'Ivoire, Ghana and Mali has ...", not "GENEVA -
    IOM and UNICEF today launched ...")."""
    first = sentences(lead)[0] if lead.strip() else ""
    places = [  # the people's nationality ("Ethiopian migrants") says nothing of where work is
        m
        for m in country_mentions(first)
        if not DESTINATION.search(first, 0, m.start) and not m.nationality
    ]
    others = {m.code for m in places} - set(codes)
    return len(others) >= 2 and not TODAY.search(first)


def place_codes(dateline: Dateline | None, rest: str, lead: str) -> list[str]:
    """Countries of a dateline's place; an issuing place only when the rest of the text names
    it again: a wire's dateline ("GENEVA .../APO/" about Yemen), the seat of a statement
    ("Geneva - IOM and UNICEF are alarmed by deaths off Djibouti") or of a report on work
    elsewhere ("LYON, France - An operation in Côte d'Ivoire, Ghana and Mali ...")."""
    if not dateline or not dateline.place:
        return []
    codes = place_countries(dateline.place)
    named = {m.code for m in country_mentions(rest)} | set(city_countries(rest))
    if not dateline.wire and not STATEMENT.match(lead) and not reports_elsewhere(lead, codes):
        return codes
    again = any(p.strip() and p.strip().lower() in rest.lower() for p in dateline.place.split(","))
    return [c for c in codes if c in named or again]


def publisher_of(segment: Segment, page: Page, text: str, dateline, registry) -> Publisher:
    """Who issues this release, from its own source credits first, then the page's."""
    sources = source_clues([*segment.dates, *segment.lines]) or page.sources
    sources += sender_clues([*page.preamble, *segment.lines])
    wires = [dateline.credit] if dateline and dateline.credit else []
    wires += [
        re.sub(r"[()]|/end$", "", line, flags=re.I).strip()
        for line in segment.lines
        if WIRE_BOILERPLATE.match(line) and re.match(r"^\(?[A-Za-z]{2,8}\)?(?:/end)?$", line)
    ]
    headers = [] if page.doc.is_html else header_clues(page.preamble)
    return find_publisher(text, registry, sources, page.doc.site_names, wires, headers)


def build_draft(segment: Segment, registry: Registry, source: str, page: Page) -> Draft:
    """The draft of one release from its segment of the source."""
    sections = split_sections(segment.lines)
    body = sections.body
    lead = lead_paragraph(body)
    dateline = find_dateline(lead)
    text_after = lead[dateline.end :] if dateline else lead
    date, date_note = release_date(dateline, [*segment.dates, *sections.dates], page)
    title = segment.title or provisional_title(text_after)
    heading = [headline_verb_lowered(segment.title) + "."] if segment.title else []
    text = "\n".join([*heading, *(text_after if line is lead else line for line in body if line)])
    publisher = publisher_of(segment, page, "\n".join([lead, text]), dateline, registry)
    whole = "\n".join(body)
    after_lead = whole[whole.find(lead) + len(lead) :] if lead in whole else whole
    where = dateline if dateline and dateline.place else None
    heads = [*segment.dates, *sections.dates, *(page.preamble if page.single else [])]
    where = where or place_of_date_lines(heads)
    place = place_codes(where, f"{text_after}\n{after_lead}", text_after)
    country = place[0] if len(place) == 1 else None
    parties = find_parties(text, registry, country, publisher)
    if heading:  # a headline repeats the text's parties; it names them alone only when the
        body_parties = find_parties(text[len(heading[0]) + 1 :], registry, country, publisher)
        if body_parties.partners or body_parties.funders:  # text names none
            shift = len(heading[0]) + 1
            spans = [(a + shift, b + shift) for a, b in body_parties.spans]
            parties = body_parties._replace(spans=sorted({*spans, *parties.spans}))
    about = countries_about(text, parties.spans, title_end=len(heading[0]) if heading else 0)
    towns = city_countries(f"{title}\n{text_after}")
    donors = {home_country(r) for r in parties.funders} | {publisher.country}  # their seats
    elsewhere = set(about) - set(place)  # when the work is elsewhere
    countries = [c for c in place if not (c in donors and elsewhere) or c in about or c in towns]
    countries += about + towns
    countries = homonyms_dropped(countries, where.place if where else "")
    review = [f"Source: {w}" for w in page.doc.warnings]
    if segment.title is None:
        review.insert(0, NOTE_NO_TITLE)
    elif not segment.from_hint and page.doc.is_html and page.doc.titles:
        review.append(NOTE_TITLE_CHOSEN)
    if dateline and dateline.impossible:
        review.append(NOTE_IMPOSSIBLE.format(text=dateline.impossible))
    if date is None:
        review.append(NOTE_NO_DATE)
    elif date_note:
        review.append(date_note)
    if not publisher.is_iom:
        review.append(NOTE_PUBLISHER.format(name=publisher.label))
    partners, funders = parties.partners, parties.funders
    review += [NOTE_ROLE.format(label=label) for label in parties.inferred]
    review += [NOTE_BY_COUNTRY.format(label=label) for label in parties.by_country]
    for ref in partners + funders:
        if ref.qualified:
            review.append(NOTE_QUALIFIED.format(label=ref.label))
        if ref.org is None or ref.org.review:
            review.append(NOTE_NEW_ORG.format(label=ref.label))
    meta = {
        "title": title,
        "date": date.isoformat() if date else None,
        "dateline": dateline.place if dateline and dateline.place else None,
        "summary": summarize(text_after),
        "partners": [r.label for r in partners],
        "funders": [r.label for r in funders],
        "countries": list(dict.fromkeys(c for c in countries if c)),
        "sdgs": sections.sdgs,
        "contacts": parse_contacts(sections.contacts),
        "source": source,
        "status": "draft" if segment.title is None else None,
        "review": list(dict.fromkeys(review)),
    }
    new_orgs = [r for r in partners + funders if r.org is None]
    return Draft(meta, to_markdown(body, title), new_orgs, provisional=segment.title is None)


def import_source(path: Path, registry: Registry) -> list[Draft]:
    """Release drafts from one raw file; raises SourceError when it cannot be read or understood."""
    doc = load_document(path)
    lines = document_lines(doc)
    hints = {match_key(t) for t in doc.titles if len(t.split()) >= 3}
    preamble, segments = split_releases(lines, hints)
    if not segments:
        raise SourceError(
            "cannot find a press release: no headline and no paragraph of text; "
            "check the file holds the release's text"
        )
    if len(segments) == 1 and segments[0].title is None and doc.page_title:
        segments[0].title = re.split(r"\s+[|–—-]\s+", doc.page_title)[0].strip() or None
    page = Page(doc, preamble, len(segments) == 1, source_clues(lines))
    return [build_draft(s, registry, path.name, page) for s in segments]
