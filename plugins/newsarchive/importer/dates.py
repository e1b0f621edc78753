"""Release dates: the dateline ("Cairo, 2 July 2024 -"), date-only lines and page metadata."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
DATE = (
    rf"{WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_WORD = r"[A-Za-zÀ-ÿ'’.\-]+"
PLACE = rf"[A-ZÀ-Þ]{_WORD}(?: {_WORD}){{0,3}}(?:,\s*[A-ZÀ-Þ]{_WORD}(?: {_WORD}){{0,3}})?"
_TAG = r"(?:\s*\([A-Z][A-Za-z]{1,8}\))?"
_AFTER = r"(?:\s*[-–—:|]+\s*|\s+(?=[A-Z\"“‘']))"
DATELINE_PLACE_DATE = re.compile(
    rf"^(?P<place>{PLACE}){_TAG}\s*(?:,|[-–—|])\s*(?P<date>{DATE}){_TAG}{_AFTER}"
)
DATELINE_DATE_PLACE = re.compile(
    rf"^(?P<date>{DATE})\s*[,\-–—|]\s*(?P<place>{PLACE}){_TAG}{_AFTER}"
)
DATELINE_PLACE = re.compile(rf"^(?P<place>{PLACE}){_TAG}\s*[-–—]\s+(?=[A-Z\"“‘'])")
SPACED_DASH_PLACE = re.compile(
    r"^(?P<place>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+){0,2}) [-–—] (?=[A-Z])"
)
DATE_LINE = re.compile(
    rf"^(?:(?:published|posted|released|date|updated|issued)\s*(?:on)?\s*:?\s*)?(?P<date>{DATE})"
    r"(?:\s*[|,-]?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?)?\s*$",
    re.I,
)
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Dateline:
    """The place and date that open a release's first paragraph, and where the rest starts."""

    place: str
    date: dt.date | None
    end: int


@functools.lru_cache(maxsize=1024)
def parse_date(text: str) -> dt.date | None:
    """A full date (day, month and year) written in words or ISO form, else None."""
    text = text.strip()
    m = ISO.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    import dateparser

    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None


def is_date_line(line: str) -> bool:
    """True for a line that only holds a date ("19 October 2023", "Published: 2 July 2024")."""
    return bool(DATE_LINE.match(line.strip()))


def date_of_line(line: str) -> dt.date | None:
    """The date a date-only line gives, else None."""
    m = DATE_LINE.match(line.strip())
    return parse_date(m["date"]) if m else None


def _valid_place(place: str) -> bool:
    from .geo import place_country

    return place_country(place) is not None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph: place and date, or a known place alone."""
    for pattern in (DATELINE_PLACE_DATE, DATELINE_DATE_PLACE):
        m = pattern.match(paragraph)
        if m:
            date = parse_date(m["date"])
            if date:
                return Dateline(m["place"].strip(" ,"), date, m.end())
    m = DATELINE_PLACE.match(paragraph)
    if m and _valid_place(m["place"]):
        return Dateline(m["place"].strip(" ,"), None, m.end())
    m = SPACED_DASH_PLACE.match(paragraph)
    if m and m["place"].split()[0] not in ("The", "This", "IOM", "In", "On", "Today"):
        return Dateline(m["place"], None, m.end())
    return None


def first_page_date(values: list[str]) -> dt.date | None:
    """The first usable date among page metadata values (ISO timestamps or written dates)."""
    for value in values:
        date = parse_date(value[:40])
        if date:
            return date
    return None
