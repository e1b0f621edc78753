"""Places: country names and nationalities in text, and the country of a dateline's city.

The gazetteer (data/cities.tsv) and the demonyms (data/demonyms.csv) are small files made by
`newsarchive.importer.make_data`; each is read once per run.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..countries import EXTRA_NAMES, country_names, resolve_country
from ..text import match_key

MAX_NAME_WORDS = 8
_TOKEN = re.compile(r"\w+")
# Regions whose names hold a country's name or a word that is one ("America" is the US).
REGIONS = (
    "Latin America",
    "North America",
    "South America",
    "Central America",
    "Americas",
    "Gulf of Guinea",
    "Niger Delta",
    "Lake Chad",
    "Congo Basin",
    "Korean Peninsula",
)
PEOPLE = (
    r"(?:migrants?|nationals?|citizens?|women|men|girls?|boys?|children|youths?|workers?|"
    r"victims?|survivors?|returnees?|refugees?|asylum[- ]seekers?|families|community|"
    r"communities|diaspora|fishermen|seafarers|domestic workers|labou?r migrants|people|"
    r"students|nurses|minors|travell?ers|deportees|households)"
)


@dataclass(frozen=True)
class Mention:
    """A country named in a text: where, which country, and how (name or nationality)."""

    start: int
    end: int
    code: str
    nationality: bool = False


def _data_lines(name: str) -> list[str]:
    text = resources.files("newsarchive").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def cities() -> dict[str, tuple[str, bool]]:
    """City names (match keys) to (country code of the most populous city of that name,
    whether it is the own name of a large city, which running text may name)."""
    rows = csv.reader(_data_lines("cities.tsv")[1:], delimiter="\t")
    return {match_key(name): (code, kind == "c") for name, code, kind in rows}


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, bool]]:
    """Nationality adjectives ("Italian") and plural nouns ("Italians", "Pakistanis"), by match
    key, to (country code, plural)."""
    found: dict[str, tuple[str, bool]] = {}
    for demonym, code in csv.reader(_data_lines("demonyms.csv")[1:]):
        found[match_key(demonym)] = (code, False)
    for demonym, code in csv.reader(_data_lines("demonyms.csv")[1:]):
        if demonym[-1:].islower() and not re.search(r"(?:ese|s|ch|sh)$", demonym):
            found.setdefault(match_key(demonym + "s"), (code, True))
    return found


@functools.lru_cache(maxsize=1)
def name_index() -> dict[str, str]:
    """Country names (not bare ISO codes) by match key; short names written in capitals only."""
    import pycountry

    codes = {match_key(c.alpha_3) for c in pycountry.countries}
    codes |= {c.alpha_2.lower() for c in pycountry.countries}
    extra = {match_key(name) for names in EXTRA_NAMES.values() for name in names}
    return {k: v for k, v in country_names().items() if k not in codes or k in extra}


@functools.lru_cache(maxsize=1)
def foreign_names() -> dict[str, str]:
    """Country names in French, Spanish and Portuguese (pycountry's translations) by match
    key, for text in those languages; a name a large city bears ("Granada") is left out."""
    import gettext

    import pycountry

    index, towns = name_index(), cities()
    found: dict[str, str] = {}
    for language in ("fr", "es", "pt"):
        try:
            names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                name = names.gettext(value) if value else ""
                key = match_key(name)
                if key and "," not in name and key not in index and key not in towns:
                    found.setdefault(key, country.alpha_2)
    return found


ROMANCE_WORDS = re.compile(
    r"\b(?:de|la|le|les|des|du|el|los|las|del|que|et|y|em|da|do|para|pour|avec|con|une|por)\b"
)


def in_romance_language(text: str) -> bool:
    """True for French, Spanish or Portuguese text (by how often their small words occur)."""
    total = len(_TOKEN.findall(text))
    return total > 0 and len(ROMANCE_WORDS.findall(text.lower())) > 0.08 * total


@functools.lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return frozenset(match_key(r) for r in REGIONS)


def city_country(name: str, own_name: bool = False) -> str | None:
    """Alpha-2 code of the most populous city of this name in the gazetteer, else None;
    own_name: only a large city's own name ("Edo" is not Tokyo, "March" is a month)."""
    found = cities().get(match_key(name))
    return found[0] if found and (found[1] or not own_name) else None


def country_code(phrase: str) -> str | None:
    """The country a phrase names exactly ("Viet Nam", "DRC"), else None."""
    key = match_key(phrase)
    if key in _regions():
        return None
    code = name_index().get(key)
    return code if code and (len(key) > 3 or phrase.isupper()) else None


def nationality_code(word: str) -> str | None:
    """The country of a nationality adjective or plural ("Danish", "Afghans"), else None."""
    found = demonyms().get(match_key(word)) if word[:1].isupper() else None
    return found[0] if found else None


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
        code = city_country(part)
        if code:
            return code
    return None


def country_mentions(text: str) -> list[Mention]:
    """Every country a text names, by name or as the nationality of people ("Afghan women"),
    in order; region names that hold a country's name ("Latin America") are skipped."""
    index = name_index()
    if in_romance_language(text):
        index = {**foreign_names(), **index}
    tokens = list(_TOKEN.finditer(text))
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        step = 1
        for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            phrase = text[start:end]
            if not phrase[:1].isupper():
                break
            key = match_key(phrase)
            if key in _regions():
                step = n
                break
            if key in index and (len(key) > 3 or phrase.isupper()):
                city = _city_named_for(text, tokens, i, n)
                found.append(
                    Mention(start, tokens[i + n].end() if city else end, city or index[key])
                )
                step = n + bool(city)
                break
        else:
            mention = _nationality(text, tokens[i])
            if mention:
                found.append(mention)
        i += step
    if index is not name_index():  # "migrantes venezolanos y haitianos"
        found = sorted([*found, *_romance_nationalities(text)], key=lambda m: m.start)
    return found


ROMANCE_PEOPLE = (
    r"(?:migrantes?|migrants|ciudadan[oa]s|personas|v[ií]ctimas|mujeres|hombres|niñ[oa]s|j[oó]venes|"
    r"trabajador(?:es|as)|refugiad[oa]s|nacionales|ressortissant(?:e)?s|victimes|femmes|hommes|"
    r"enfants|jeunes|travailleu(?:r|se)s|réfugié(?:e)?s|pessoas|mulheres|crianças|cidadãos|"
    r"adolescentes|nacionalidad|nationalité|nacionalidade|son|sont|são)"
)
# Nationalities written in lower case after the people they describe, as French, Spanish and
# Portuguese do: "migrantes venezolanos, ecuatorianos y haitianos", "des migrants maliens".
ROMANCE_NATIONALITIES = re.compile(
    rf"\b{ROMANCE_PEOPLE}\s+((?:[a-zà-ÿ]{{5,}}(?:,\s*|\s+(?:y|e|et|ou|o)\s+))*[a-zà-ÿ]{{5,}})"
)


def _romance_nationalities(text: str) -> list[Mention]:
    found = []
    for m in ROMANCE_NATIONALITIES.finditer(text):
        for word in re.finditer(r"[a-zà-ÿ]{5,}", m[1]):
            code = romance_nationality(word[0])
            if code:
                start = m.start(1) + word.start()
                found.append(Mention(start, start + len(word[0]), code, nationality=True))
    return found


@functools.lru_cache(maxsize=1024)
def romance_nationality(word: str) -> str | None:
    """The country of a French, Spanish or Portuguese nationality adjective: an English
    demonym it starts with ("bolivianas", "nigériens"), else the one country whose one-word
    name its stem begins ("venezolanos" -> Venezuela, "peruanos" -> Peru)."""
    key = match_key(word)
    english = [d for d in demonyms() if len(d) >= 6 and key.startswith(d)]
    if english:
        return demonyms()[max(english, key=len)][0]
    names = {  # one-word names, and "El Salvador" as "salvador" ("salvadoreña")
        re.sub(r"^(?:el|la|le|the|as|os) ", "", k): c
        for k, c in {**foreign_names(), **name_index()}.items()
        if " " not in re.sub(r"^(?:el|la|le|the|as|os) ", "", k)
    }
    for n in range(len(key) - 1, 3, -1):
        if key[:n] in names:
            return names[key[:n]]
        codes = {c for k, c in names.items() if k.startswith(key[:n])} if n >= 5 else set()
        if codes:
            return codes.pop() if len(codes) == 1 else None
    return None


def _city_named_for(text: str, tokens: list[re.Match], i: int, n: int) -> str | None:
    """The country of a city named by the country's name at tokens i..i+n-1 and "City"
    ("Benin City" is in Nigeria, "Kuwait City" in Kuwait), else None."""
    if i + n >= len(tokens) or tokens[i + n].group() != "City":
        return None
    return city_country(text[tokens[i].start() : tokens[i + n].end()], own_name=True)


def _nationality(text: str, token: re.Match) -> Mention | None:
    """A nationality naming people of a country: "Ethiopian migrants", "Afghans"."""
    word = token.group()
    found = demonyms().get(match_key(word)) if word[:1].isupper() else None
    if not found:
        return None
    code, plural = found
    after = text[token.end() : token.end() + 60]  # "Afghan and Pakistani nationals"
    if (
        plural
        and not re.match(r"\s*[A-Z]", after)
        or re.match(
            rf"(?:(?:,|\s+and|\s+or)\s+[A-Z][\w-]+)*\s+(?:[a-z-]+\s+){{0,2}}{PEOPLE}\b", after
        )
    ):
        return Mention(token.start(), token.end(), code, nationality=True)
    return None


NOT_PLACES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday central union independence "
    "liberty mobile home victory progress unity hope".split()
)
PLACE_AFTER = re.compile(
    r"\b(?:in|at|from|to|near|outside|en|à|au|desde|hacia)\s+(?:the\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
)
AREA = re.compile(r"\s+(?:State|Province|Region|District|County|Governorate|Department|Oblast)\b")


BRIEFING = re.compile(
    r"\b(?:briefing|press conference|news conference|press point|told reporters)\b[^.\n]*$", re.I
)


def city_countries(text: str) -> list[str]:
    """Countries of the cities a headline or lead names as where things happen ("trained in
    Quetzaltenango", "from Benin City")."""
    found: list[str] = []
    named = [(c.start, c.end) for c in country_mentions(text)]
    for m in PLACE_AFTER.finditer(text):
        if any(a <= m.start(1) < b for a, b in named):
            continue  # "Trinidad" of "Trinidad and Tobago" is not the Bolivian city
        if BRIEFING.search(text, max(0, m.start() - 80), m.start()):
            continue  # "at today's press briefing at the Palais des Nations in Geneva"
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).strip(".,")
            if n < len(words) and AREA.match(" " + words[n]):
                continue  # "Edo State" is not the city of Edo
            if match_key(phrase) in NOT_PLACES or country_code(phrase) or phrase.isupper():
                continue  # "according to the ILO" names no town of Peru
            code = city_country(phrase, own_name=True)
            if code:
                found.append(code)
                break
    return list(dict.fromkeys(found))


def homonyms_dropped(codes: list[str], place: str) -> list[str]:
    """Countries without one whose name is the state or province a dateline's place is in
    ("Georgia" in a release dated "SAVANNAH, GA")."""
    import pycountry

    parts = [p.strip(" .").upper() for p in place.split(",")[1:]]
    home = place_country(place) if parts else None
    if not home:
        return codes
    states = {
        match_key(s.name)
        for s in pycountry.subdivisions.get(country_code=home) or []
        if s.code.split("-")[-1] in parts or s.name.upper() in parts
    }

    def homonym(code: str) -> bool:
        country = pycountry.countries.get(alpha_2=code)
        names = {getattr(country, a, "") for a in ("name", "common_name")} if country else set()
        return code != home and bool({match_key(n) for n in names if n} & states)

    return [c for c in codes if not homonym(c)]
