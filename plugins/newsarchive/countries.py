"""Countries: ISO 3166-1 codes and names from pycountry, with UN M49 regions, Kosovo as XK."""

from __future__ import annotations

import csv
import difflib
import functools
import re
from dataclasses import dataclass
from importlib import resources

import pycountry

from .text import match_key, slugify

# Names in wide use that pycountry does not carry (short forms, former names, XK).
EXTRA_NAMES = {
    "XK": ["Kosovo", "Republic of Kosovo", "UNSC Resolution 1244-Administered Kosovo"],
    "GB": ["UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America"],
    "RU": ["Russia"],
    "KR": ["South Korea", "Republic of Korea", "Korea"],
    "KP": ["North Korea", "DPRK", "DPR Korea"],
    "CZ": ["Czech Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CV": ["Cape Verde"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo", "Republic of Congo", "Congo-Brazzaville"],
    "TR": ["Turkey", "Türkiye"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos", "Lao PDR"],
    "SY": ["Syria"],
    "PS": ["Palestine", "State of Palestine"],
    "VA": ["Vatican", "Holy See"],
    "NL": ["Holland", "The Netherlands"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "TL": ["East Timor"],
    "FM": ["Micronesia"],
}
# The name shown everywhere (pages, map, feeds, JSON-LD, open data, search): the short name in
# common English use, where pycountry has only an inverted or official form.
COMMON_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RU": "Russia",
    "ST": "São Tomé and Príncipe",
    "SX": "Sint Maarten",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}
_PAREN = re.compile(r"\s*\((?:the|The)\)\s*$|\s*\([^)]*\)\s*$")


@dataclass(frozen=True)
class Country:
    """One country or territory."""

    code: str
    name: str
    official_name: str
    region: str
    subregion: str

    @property
    def slug(self) -> str:
        """URL slug from the common name."""
        return slugify(self.name)


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, str]]:
    text = resources.files("newsarchive").joinpath("data/m49.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["code"]: (r["region"], r["subregion"]) for r in rows}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    regions = _regions()
    out: dict[str, Country] = {}
    for c in pycountry.countries:
        name = COMMON_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        region, subregion = regions.get(c.alpha_2, ("Other", "Other"))
        out[c.alpha_2] = Country(
            c.alpha_2, name, getattr(c, "official_name", c.name), region, subregion
        )
    region, subregion = regions.get("XK", ("Europe", "Southern Europe"))
    out["XK"] = Country("XK", "Kosovo", "Kosovo", region, subregion)
    return out


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}

    def add(name: str, code: str) -> None:
        for variant in (name, _PAREN.sub("", name)):
            key = match_key(variant)
            if key:
                index.setdefault(key, code)
        if ", " in name:  # "Korea, Republic of" -> "Republic of Korea"
            head, tail = name.split(", ", 1)
            index.setdefault(match_key(f"{tail} {head}"), code)

    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                add(value, c.alpha_2)
    for code, names in EXTRA_NAMES.items():
        for name in names:
            index[match_key(name)] = code
    for code, name in COMMON_NAMES.items():
        index.setdefault(match_key(name), code)
    for c in pycountry.countries:  # codes last, so "IN" or "TO" never hide a name
        index.setdefault(match_key(c.alpha_3), c.alpha_2)
    return index


def get_country(code: str) -> Country | None:
    """The country with this ISO 3166-1 alpha-2 code (case-insensitive)."""
    return _countries().get(str(code).strip().upper())


def resolve_country(value: str) -> Country | None:
    """The country a value names: alpha-2 or alpha-3 code, official, short or common name."""
    value = str(value).strip()
    if re.fullmatch(r"[A-Za-z]{2}", value) and get_country(value):
        return get_country(value)
    index = _index()
    code = index.get(match_key(value)) or index.get(match_key(_PAREN.sub("", value)))
    return _countries()[code] if code else None


def suggest_country(value: str, limit: int = 3) -> list[Country]:
    """Countries whose names are close to an unknown value ("Tajikstan" -> Tajikistan)."""
    index = _index()
    keys = difflib.get_close_matches(match_key(value), list(index), n=limit * 3, cutoff=0.75)
    found: list[Country] = []
    for key in keys:
        country = _countries()[index[key]]
        if country not in found:
            found.append(country)
    return found[:limit]


def all_countries() -> list[Country]:
    """Every known country, by code."""
    return [c for _, c in sorted(_countries().items())]


def country_names() -> dict[str, str]:
    """Every name and code key mapped to its alpha-2 code (for text matching)."""
    return dict(_index())
