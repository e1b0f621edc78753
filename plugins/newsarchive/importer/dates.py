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
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"
)
FOREIGN_MONTH = (
    r"(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|"
    r"diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)"
)
FOREIGN_DATE = rf"\d{{1,2}}(?:er|º|o)?\s+(?:de\s+)?{FOREIGN_MONTH}(?:\s+(?:de\s+)?\d{{4}})?"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽȘȚẠ-Ỹ"  # capitals, with Latin Extended-A (mixed cases) and Vietnamese
_WORD = r"(?:[^\W\d_]|['’.\-])+"
_NAME = rf"[{_UPPER}]{_WORD}(?: {_WORD}){{0,3}}"
PLACE = rf"{_NAME}(?:/{_NAME})*(?:,\s*{_NAME})?"
_TAG = r"(?:\s*\([A-Z][A-Za-z]{1,8}\))?"
_AFTER = r"(?:\s*[-–—:|]+\s*|\s+(?=[A-Z\"“‘']))"
DATELINE_PLACE_DATE = re.compile(
    rf"^(?P<place>{PLACE}){_TAG}\s*(?:,|[-–—|])\s*(?P<date>{DATE}){_TAG}{_AFTER}"
)
DATELINE_DATE_PLACE = re.compile(
    rf"^(?P<date>{DATE})\s*[,\-–—|]\s*(?P<place>{PLACE}){_TAG}{_AFTER}"
)
DATELINE_PLACE_FOREIGN_DATE = re.compile(
    rf"^(?P<place>{PLACE}){_TAG}\s*[,\-–—|]\s*(?P<date>{FOREIGN_DATE}){_TAG}{_AFTER}"
)
DATELINE_PLACE = re.compile(rf"^(?P<place>{PLACE}){_TAG}\s*[-–—]\s+(?=[A-Z\"“‘'])")
SPACED_DASH_PLACE = re.compile(
    r"^(?P<place>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+){0,2}) [-–—] (?=[A-Z])"
)
DATE_LINE = re.compile(
    rf"^(?P<label>(?:published|posted|released|date|updated|issued)\s*(?:on)?\s*:?\s*)?(?P<date>{DATE})"
    r"(?:\s*[|,-]?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?)?\s*$",
    re.I,
)
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NUMERIC = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})$")


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
    m = NUMERIC.match(text)
    if m:
        return numeric_date(int(m[1]), int(m[3]), int(m[4]))
    import dateparser

    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    parsed = dateparser.parse(
        cleaned,
        languages=["en", "es", "fr", "pt"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None


def numeric_date(first: int, second: int, year: int) -> dt.date | None:
    """A numeric date read day first (14/02/2022, 12.06.2023); month first only when it must be."""
    day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_date_line(line: str) -> bool:
    """True for a line that only holds a date ("19 October 2023", "Published: 2 July 2024")."""
    return bool(DATE_LINE.match(line.strip()))


def is_labelled_date_line(line: str) -> bool:
    """A date line that says what the date is ("Posted: 2 December 2021"), wherever it stands."""
    m = DATE_LINE.match(line.strip())
    return bool(m and m["label"] and not m["label"].lower().startswith("updated"))


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
    m = DATELINE_PLACE_FOREIGN_DATE.match(paragraph)
    if m:
        return Dateline(m["place"].strip(" ,"), parse_date(m["date"]), m.end())
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
