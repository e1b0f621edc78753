"""Release dates: datelines ("Cairo, 2 July 2024 -"), date lines and bylines, page metadata.

A date is taken only where a page states it as the release's: a dateline, a byline or a
labelled publishing date. Event dates, "updated" stamps, relative times ("17 hours ago") and
dates inside URLs are not publication dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{DAY}\s+(?:of\s+)?{MONTH},?\s+\d{{4}}"
    rf"|{MONTH}\s+{DAY},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})(?!\d)"
)
DATE = rf"{WEEKDAY}{_DATE}"
YEARLESS = rf"(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?![\w,]*\s*\d{{4}})(?!\d)"
FOREIGN_MONTH = (
    r"(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|"
    r"diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)"
)
FOREIGN_DATE = (
    rf"(?:le\s+)?\d{{1,2}}(?:er|º|o)?\s+(?:de\s+)?{FOREIGN_MONTH}(?:\s+(?:de\s+)?\d{{4}})?"
)
FOREIGN_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er|º|o)?\s+(?:de\s+)?{FOREIGN_MONTH}\s+(?:de\s+)?\d{{4}}(?!\d)"
)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽȘȚẠ-Ỹ"  # capitals, with Latin Extended-A (mixed cases) and Vietnamese
_WORD = r"(?:[^\W\d_]|['’.\-])+"
_NAME = rf"[{_UPPER}]{_WORD}(?: {_WORD}){{0,3}}"
PLACE = rf"{_NAME}(?:/{_NAME})*(?:,\s*{_NAME})?"
# A wire's or service's credit beside a dateline: "(APO)", "(UN Information Service)",
# "/African Press Organization (APO)/", "(ILO News)", "(Lusa)", "Elubo (W/R), Oct. 12, GNA –".
WIRE = r"(?:\s*\((?:[A-Z][\w.'’&/-]*\s?){1,5}\)|\s*/[^/\n]{2,70}/|,\s*[A-Z]{2,8}(?=\s*[-–—]))"
# What ends a dateline: a dash or colon (".-" after a wire's credit: "Madrid, Jun 6 (EFE).-"), a
# space before the text, a date glued to the next word ("6 February 2020To ..."), or a full stop
# after a date ("Accra, 26 June 2023. The ...").
_AFTER = r"(?:\s*\.?[-–—:|]+\s*|\s+(?=[A-Z\"“‘'])|(?<=\d)(?=[A-Z][a-z])|(?<=\d)\.\s+(?=[A-Z]))"
DATELINE_PLACE_DATE = re.compile(
    rf"^(?P<place>{PLACE})(?P<wire1>{WIRE})?\s*(?:,|[-–—|])\s*(?:(?P<date>{DATE})|"
    rf"(?P<partial>{YEARLESS}))(?P<wire2>{WIRE})?{_AFTER}"
)
DATELINE_DATE_PLACE = re.compile(
    rf"^(?P<date>{DATE})\s*[,\-–—|]\s*(?P<place>{PLACE})(?P<wire1>{WIRE})?{_AFTER}"
)
DATELINE_PLACE_FOREIGN_DATE = re.compile(
    rf"^(?P<place>{PLACE})(?P<wire1>{WIRE})?\s*[,\-–—|]\s*(?P<date>{FOREIGN_DATE})"
    rf"(?P<wire2>{WIRE})?{_AFTER}"
)
DATELINE_DATE_ONLY = re.compile(rf"^(?P<date>{DATE})(?P<wire1>{WIRE})?\s*[-–—:|]+\s*(?=[A-Z\"“‘'])")
DATELINE_PLACE_WIRE = re.compile(rf"^(?P<place>{PLACE})(?P<wire1>{WIRE})\s*[-–—:|]+\s*")
DATELINE_PLACE = re.compile(rf"^(?P<place>{PLACE})\s*[-–—:]\s+(?=[A-Z\"“‘'])")
# A listing's date line that names the place too: "Kathmandu, 20 November 2023".
DATE_LINE_PLACE = re.compile(rf"^(?P<place>{PLACE})\s*,\s*(?:{DATE}|{FOREIGN_DATE})\s*$")
SPACED_DASH_PLACE = re.compile(
    r"^(?P<place>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+){0,2}) [-–—] (?=[A-Z])"
)
PUBLISHED_LABEL = re.compile(
    r"(?:\b(?:published(?:\s+(?:date|on))?|publishing\s+date|publication\s+date|date\s+published|"
    r"posted(?:\s+(?:on|at))?|released(?:\s+on)?|issued(?:\s+on)?|first\s+published|date|"
    r"fecha(?:\s+de\s+publicación)?|publicado(?:\s+(?:el|em))?|date\s+de\s+publication|"
    r"data(?:\s+de\s+publicação)?)|\bpubliée?s?(?:\s+le)?)\s*:?\s*$",
    re.I,
)
# The date a re-post (an aggregator, ReliefWeb) says the release first appeared: its own.
ORIGINAL_LABEL = re.compile(
    r"\b(?:originally\s+(?:published|posted|released)|first\s+published|original\s+"
    r"(?:publication\s+)?date)\s*:?\s*$",
    re.I,
)
OTHER_LABEL = re.compile(
    r"\b(?:event\s+date|date\s+of\s+(?:the\s+)?event|updated(?:\s+on)?|last\s+updated|"
    r"modified|last\s+modified|reviewed|deadline|held\s+on|from|to|until|since|valid|"
    r"mis\s+à\s+jour|actualizado|atualizado|modifié)\b[^\d]*$",
    re.I,
)
TIME = re.compile(
    r"^\s*(?:[-–—|,·•@]\s*|at\s+|a las\s+|à\s+|às\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?h?"
    r"(?:\s*[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:GMT|UTC|CET|CEST|EAT|WAT|EST|EDT|[A-Z]{3})\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?",
    re.I,
)
RELATIVE = re.compile(
    r"\b\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
    r"(?:\s+\d+\s+(?:minutes?|mins?|seconds?|secs?))?\s+ago\b|\bjust now\b",
    re.I,
)
_SEP_END = re.compile(r"(?:[-–—|·•:,»›/]|\b(?:on|at))\s*$", re.I)
_SEP_START = re.compile(
    r"^\s*(?:[-–—|·•,»›/(\[]|by\b|\bby\s|(?:last\s+)?(?:updated|modified|edited)\b|"
    r"modifié|mis à jour|actualizado|atualizado|in\s+[A-Z]|"  # "Posted 9th May 2023 in News"
    r"(?:author|authors|source|category|categories|tags?|topics?|location)\s*:)",
    re.I,
)
# What may stand before a date in a byline: the writer's name ("By Jane Doe September 4, 2023").
BYLINE_PREFIX = re.compile(r"^by\s+(?:[A-ZÀ-Ý][\w'’.-]*\s*){1,4}$", re.I)
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NUMERIC = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})$")
MAX_META_WORDS = 24
DATE_RE = re.compile(DATE)


@dataclass(frozen=True)
class Dateline:
    """The place and date that open a release's first paragraph, and where the rest starts.

    partial is (month, day) when the dateline gives no year ("NEW YORK, 31 October"); credit
    is the wire's or information service's name beside it ("APO", "UN Information Service"),
    which makes the place an issuing place.
    """

    place: str
    date: dt.date | None
    end: int
    partial: tuple[int, int] | None = None
    credit: str = ""
    impossible: str = ""  # a date written in the dateline that no calendar has ("31 February")

    @property
    def wire(self) -> bool:
        """True when a wire's or service's credit stands beside the dateline."""
        return bool(self.credit)


@dataclass(frozen=True)
class LineDate:
    """A short line that dates something: what kind of date, and the date when it is one.

    kind: "original" (the first publication a re-post names), "published" (a labelled
    publishing date), "plain" (a date line, byline or feed line), "other" (an event date, an
    update stamp) or "relative" ("17 hours ago", no date).
    """

    date: dt.date | None
    kind: str


def _weekday_number(name: str | None) -> int | None:
    if not name:
        return None
    key = name.lower()[:3]
    return ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(key)


@functools.lru_cache(maxsize=2048)
def parse_date(text: str, weekday: str | None = None) -> dt.date | None:
    """A full date (day, month and year) written in words or numbers, else None; a weekday
    decides between day-first and month-first readings of a numeric date."""
    text = text.strip()
    m = re.match(rf"{WEEKDAY}(.*)$", text)
    if m and m["weekday"]:
        weekday, text = weekday or m["weekday"], text[m.start(2) :]
    m = ISO.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = NUMERIC.match(text)
    if m:
        return numeric_date(int(m[1]), int(m[3]), int(m[4]), _weekday_number(weekday))
    import dateparser

    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    cleaned = re.sub(r"(\d)\s+of\s+", r"\1 ", cleaned)
    parsed = dateparser.parse(
        cleaned,
        languages=["en", "es", "fr", "pt"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date() if parsed else None


def numeric_date(first: int, second: int, year: int, weekday: int | None = None) -> dt.date | None:
    """A numeric date read day first (14/02/2022, 12.06.2023), month first when it must be or
    when only that reading falls on the weekday the page gives (Wed, 11/06/2019)."""
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [d for d in readings if d.weekday() == weekday]
        readings = matching or readings
    return readings[0] if readings else None


def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date without a year ("31 October", "May 11"), else None."""
    parsed = parse_date(f"{text} 2000")
    return (parsed.month, parsed.day) if parsed else None


def with_year(partial: tuple[int, int], reference: dt.date) -> dt.date | None:
    """A year-less (month, day) placed in the year of a reference date the page gives: the
    same year, or the year before when the day would fall after the reference."""
    month, day = partial
    for year in (reference.year, reference.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= reference + dt.timedelta(days=7):
            return date
    return None


def line_date(line: str) -> LineDate | None:
    """What a short line says about a date: a date line ("19 October 2023"), a labelled one
    ("Publishing date: 30 July 2019", "Posted at December 7th 2023 12:00 AM"), a byline ("May
    11, 2024 | 5:31 am By ..."), a feed line ("IOM Niger News - Tue, 07/30/2019 - 10:15"), an
    event or update stamp, or a relative time; None for any other line."""
    text = re.sub(r"^(?:#{1,6}\s+|[-*•]\s+)", "", line.strip())
    words = text.split()
    if not words or len(words) > MAX_META_WORDS:
        return None
    found = sorted(
        [*DATE_RE.finditer(text), *FOREIGN_FULL_DATE.finditer(text)], key=lambda m: m.start()
    )
    for m in found:
        prefix, suffix = text[: m.start()], text[m.end() :]
        time = TIME.match(suffix)
        if time:
            suffix = suffix[time.end() :]
        if not _meta_prefix(prefix) or not _meta_suffix(suffix):
            continue
        date = parse_date(m.group(0))
        if OTHER_LABEL.search(prefix):
            return LineDate(None, "other")
        if ORIGINAL_LABEL.search(prefix):
            return LineDate(date, "original")
        return LineDate(date, "published" if PUBLISHED_LABEL.search(prefix) else "plain")
    if RELATIVE.search(text) and len(words) <= 12:
        return LineDate(None, "relative")
    return None


def _meta_prefix(prefix: str) -> bool:
    """True when what stands before a date is a label, a site's name, a writer's name, a
    place ("Strasbourg 12/01/2023") or nothing."""
    prefix = prefix.strip()
    if not prefix:
        return True
    if len(prefix.split()) > 10 or re.search(r"[.!?]\s", prefix):
        return False
    if _SEP_END.search(prefix) or PUBLISHED_LABEL.search(prefix) or BYLINE_PREFIX.match(prefix):
        return True
    return len(prefix.split()) <= 3 and _valid_place(prefix)


def _meta_suffix(suffix: str) -> bool:
    """True when what follows a date is nothing, a time, a byline or fields after a separator."""
    suffix = suffix.strip()
    return not suffix or (len(suffix.split()) <= 12 and bool(_SEP_START.match(suffix)))


def is_date_line(line: str) -> bool:
    """True for a line that only dates something: a date line, byline, feed line, an event or
    update stamp, or a relative time."""
    return line_date(line) is not None


def is_labelled_date_line(line: str) -> bool:
    """A date line that says it is the publishing date ("Posted: 2 December 2021")."""
    found = line_date(line)
    return bool(found and found.kind in ("original", "published") and found.date)


def is_original_date_line(line: str) -> bool:
    """A date line giving a re-posted release's first publication ("Originally published: ...")."""
    found = line_date(line)
    return bool(found and found.kind == "original" and found.date)


def date_of_line(line: str) -> dt.date | None:
    """The publication date a date line gives, else None (event dates and updates are not)."""
    found = line_date(line)
    return found.date if found and found.kind in ("original", "published", "plain") else None


def _credit(m: re.Match) -> str:
    """The wire's or service's name a dateline match holds, without brackets or slashes; not
    a country in brackets after the place ("Bishkek (Kyrgyzstan)")."""
    from .geo import country_code

    groups = m.groupdict()
    raw = groups.get("wire1") or groups.get("wire2") or ""
    credit = raw.strip().strip("/(),").strip()
    return "" if country_code(credit) else credit


def _valid_place(place: str) -> bool:
    from .geo import place_country

    return place_country(place) is not None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph: place and date (or a date without its year,
    or a wire's credit), or a known place alone."""
    for pattern in (DATELINE_PLACE_DATE, DATELINE_DATE_PLACE):
        m = pattern.match(paragraph)
        if not m:
            continue
        credit = _credit(m)
        if m["date"]:
            date = parse_date(m["date"])
            place = m["place"].strip(" ,")
            if date:
                return Dateline(place, date, m.end(), credit=credit)
            return Dateline(place, None, m.end(), credit=credit, impossible=m["date"])
        elif m.groupdict().get("partial"):
            partial = month_day(m["partial"])
            if partial:
                return Dateline(m["place"].strip(" ,"), None, m.end(), partial, credit)
    m = DATELINE_PLACE_FOREIGN_DATE.match(paragraph)
    if m:
        date = parse_date(m["date"])
        return Dateline(m["place"].strip(" ,"), date, m.end(), credit=_credit(m))
    m = DATELINE_DATE_ONLY.match(paragraph)
    if m and parse_date(m["date"]):
        return Dateline("", parse_date(m["date"]), m.end(), credit=_credit(m))
    m = DATELINE_PLACE_WIRE.match(paragraph)
    if m and _valid_place(m["place"]):
        return Dateline(m["place"].strip(" ,"), None, m.end(), credit=_credit(m))
    m = DATELINE_PLACE.match(paragraph)
    if m and _valid_place(m["place"]):
        return Dateline(m["place"].strip(" ,"), None, m.end())
    m = SPACED_DASH_PLACE.match(paragraph)
    if m and m["place"].split()[0] not in ("The", "This", "IOM", "In", "On", "Today"):
        return Dateline(m["place"], None, m.end())
    return None


def place_of_date_lines(lines: list[str]) -> Dateline | None:
    """The place a date line above a release gives ("Kathmandu, 20 November 2023"), as a
    dateline without a date; None when none does."""
    for line in lines:
        m = DATE_LINE_PLACE.match(line.strip())
        if m and _valid_place(m["place"]):
            return Dateline(m["place"].strip(" ,"), None, 0)
    return None


def first_page_date(values: list[str]) -> dt.date | None:
    """The first usable date among page metadata values (ISO timestamps or written dates)."""
    for value in values:
        date = parse_date(value[:40])
        if date:
            return date
    return None
