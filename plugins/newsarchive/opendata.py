"""Open data exports: releases' metadata and per-term counts as JSON and CSV (plain data in/out)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from .countries import Country, get_country
from .registry import Organization
from .release import Release
from .sdgs import Goal

LICENSE = {
    "metadata": "CC BY 4.0",
    "metadata_url": "https://creativecommons.org/licenses/by/4.0/",
    "content": "Press releases remain as published by their authors; follow the source for reuse.",
}
RELEASE_FIELDS = (
    "title",
    "date",
    "url",
    "partners",
    "funders",
    "countries",
    "funder_countries",
    "partner_countries",
    "sdgs",
    "dateline",
    "source",
)
LIST_SEPARATOR = ";"  # between items of a list in CSV cells (slugs and codes never contain it)
FORMULA_START = ("=", "+", "-", "@")  # a spreadsheet reads a cell starting so as a formula

UrlOf = Callable[[str], str]  # slug -> absolute URL of its page


def _home_countries(orgs: Iterable[Organization]) -> list[str]:
    """The registry countries of organizations, once each, in order."""
    codes: list[str] = []
    for org in orgs:
        country = get_country(org.country) if org.country else None
        if country is not None and country.code not in codes:
            codes.append(country.code)
    return codes


def release_row(record: Release, url: str) -> dict:
    """One release's public metadata: organizations as registry slugs, countries as ISO codes;
    `countries` are where the work happens, the funders' and partners' countries come apart."""
    return {
        "title": record.title,
        "date": record.date.isoformat() if record.date else None,
        "url": url,
        "partners": [o.slug for o in record.partners],
        "funders": [o.slug for o in record.funders],
        "countries": [c.code for c in record.countries],
        "funder_countries": _home_countries(record.funders),
        "partner_countries": _home_countries(record.partners),
        "sdgs": [g.number for g in record.sdgs],
        "dateline": record.dateline or "",
        "source": record.source or "",
    }


def document(kind: str, rows: list[dict], about: str) -> dict:
    """A JSON export: its rows under `kind`, with their count, licence and documentation page."""
    return {kind: rows, "count": len(rows), "license": LICENSE, "documentation": about}


def partner_rows(records: Iterable[Release], page_url: UrlOf) -> list[dict]:
    """Every organization named in a release, with its releases as partner, funder and in all."""
    orgs: dict[str, Organization] = {}
    roles: dict[str, Counter] = {}
    for record in records:
        seen: dict[str, set[str]] = {}
        for role, items in (("partner", record.partners), ("funder", record.funders)):
            for org in items:
                orgs.setdefault(org.slug, org)
                seen.setdefault(org.slug, set()).add(role)
        for slug, found in seen.items():
            counter = roles.setdefault(slug, Counter())
            counter["releases"] += 1
            for role in found:
                counter[role] += 1
    return [
        {
            "slug": slug,
            "name": orgs[slug].name,
            "acronym": orgs[slug].acronym,
            "type": orgs[slug].type,
            "country": orgs[slug].country,
            "website": orgs[slug].url,
            "url": page_url(slug),
            "releases": roles[slug]["releases"],
            "as_partner": roles[slug]["partner"],
            "as_funder": roles[slug]["funder"],
        }
        for slug in sorted(orgs)
    ]


def country_rows(records: Iterable[Release], page_url: UrlOf) -> list[dict]:
    """Every country a release is about or whose organizations it names, with its UN M49 region:
    `releases` about it (where the work happens), and releases with one of its organizations
    as funder (`as_funder`) or partner (`as_partner`), those organizations by slug."""
    countries: dict[str, Country] = {}
    counts: dict[str, Counter] = {}
    orgs: dict[str, set[str]] = {}
    for record in records:
        for country in record.countries:
            countries.setdefault(country.code, country)
            counts.setdefault(country.code, Counter())["releases"] += 1
        for role, items in (("as_partner", record.partners), ("as_funder", record.funders)):
            for code in _home_countries(items):
                countries.setdefault(code, get_country(code))
                counts.setdefault(code, Counter())[role] += 1
            for org in items:
                if org.country and get_country(org.country):
                    orgs.setdefault(get_country(org.country).code, set()).add(org.slug)
    return [
        {
            "code": code,
            "name": countries[code].name,
            "official_name": countries[code].official_name,
            "region": countries[code].region,
            "subregion": countries[code].subregion,
            "url": page_url(countries[code].slug),
            "releases": counts[code]["releases"],
            "as_funder": counts[code]["as_funder"],
            "as_partner": counts[code]["as_partner"],
            "organizations": sorted(orgs.get(code, ())),
        }
        for code in sorted(countries)
    ]


def sdg_rows(records: Iterable[Release], goals: Sequence[Goal], page_url: UrlOf) -> list[dict]:
    """All 17 goals with their number of releases (0 included)."""
    counts: Counter[int] = Counter(g.number for record in records for g in record.sdgs)
    return [
        {
            "number": goal.number,
            "title": goal.title,
            "colour": goal.colour,
            "url": page_url(goal.slug),
            "releases": counts[goal.number],
        }
        for goal in goals
    ]


def to_json(data: object) -> bytes:
    """Compact, key-sorted UTF-8 JSON with a final newline: the same data gives the same bytes."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def to_csv(rows: Iterable[dict], fields: Sequence[str] = RELEASE_FIELDS) -> bytes:
    """CSV (RFC 4180, UTF-8, header row); lists joined with ';', null as an empty cell.

    Safe to open in a spreadsheet: every cell is quoted (so a ';' inside one cannot split it
    where spreadsheets separate fields with ';'), and a cell that would start a formula begins
    with an apostrophe (OWASP's rule against CSV injection), so it opens as text.
    """
    buffer = io.StringIO()
    buffer.write(",".join(fields) + "\r\n")  # the header: fixed names, nothing to quote
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([neutralise(_cell(row.get(f))) for f in fields])
    return buffer.getvalue().encode("utf-8")


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet would run as a formula (=, +, -, @ first, after any spaces, or
    a tab or line break first) with an apostrophe in front, so it is read as text."""
    if cell[:1] in ("\t", "\r", "\n") or cell.lstrip().startswith(FORMULA_START):
        return "'" + cell
    return cell


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)
