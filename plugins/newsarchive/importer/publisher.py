"""Who issues a release: the publisher is not a partner, and IOM is one when someone else
publishes.

Clues, surest first: a source credit ("SOURCE: ...", "Source: IOM Germany", "Distributed by
APO on behalf of ..."), the site's name (og:site_name, the end of <title>, the masthead's logo,
the copyright line), a text file's header lines. A clue that names an organization of the text
makes it the publisher; a site that names none (a newspaper, a wire, an aggregator) publishes
without being a party. With no clue at all the publisher is IOM, whose releases this archive
collects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..countries import get_country
from ..registry import Registry
from ..text import match_key
from .acronyms import acronym_definitions
from .geo import city_country, country_code, nationality_code
from .phrases import STATE_BODY

IOM_NAMES = (
    "IOM",
    "International Organization for Migration",
    "International Organisation for Migration",
    "UN Migration",
    "Organisation internationale pour les migrations",
    "Organización Internacional para las Migraciones",
    "OIM",
)
OUTLET = re.compile(
    r"\b(?:news|newsroom|hub|daily|times|digest|information service|press|wire|tribune|post|"
    r"chronicle|herald|journal|gazette|agency|agência|lusa|media|magazine|weekly|radio|tv|"
    r"online|network)\b",
    re.I,
)
_OFFICE = re.compile(r"^(?:the\s+)?(?:uns?|un s)\s+", re.I)


@dataclass(frozen=True)
class Publisher:
    """The publisher's names: its own and those the text gives it ("ILO", "International
    Labour Organization"); outlet is True for a site that is not a party (a newspaper)."""

    names: tuple[str, ...]
    outlet: bool = False
    country: str = ""  # a government body's country ("Italian Ministry of ..." -> IT)
    government: bool = False  # a government's own site ("GOV.UK"): its state publishes

    @property
    def is_iom(self) -> bool:
        """True when IOM publishes."""
        return any(match_key(n) == "iom" for n in self.names)

    @property
    def label(self) -> str:
        """The publisher's shortest name, for notes."""
        return min(self.names, key=len) if self.names else ""

    def covers(self, text: str) -> bool:
        """True when a mention names the publisher or one of its offices ("IOM Pakistan",
        "OSCE Mission to Serbia", "the UN's IOM"), with or without its country ("Italian
        Ministry of ...", "Italy", "Government of Italy" when the Italian ministry publishes)."""
        text = ARTICLE.sub("", text.strip())  # "L'OIM", "la OIM"
        if self.country and _country_of(text) == self.country:
            return True
        keys = {_office_key(text), _office_key(_unqualified(text))}
        return any(
            key == k
            or key.startswith(k + " ")
            or (key.endswith(" " + k) and " " in k)  # "International Center La Strada Moldova"
            for key in keys | {_OFFICE.sub("", key) for key in keys}
            for k in map(_office_key, self.names)
            if k and (len(k) > 2 or k == key)
        )

    def owns(self, name: str, home: str | None = None) -> bool:
        """True when a state publisher's own state is the body named ("UK Home Office", "British
        Embassy Hanoi" on GOV.UK; on a US Department of Justice page the "Office for Victims of
        Crime", a national body that names no other country): its paying makes no funder."""
        if not self.country or self.outlet or not STATE_BODY.search(name):
            return False
        words = re.findall(r"[A-Z][\w.'’-]*", name)
        codes = {nationality_code(w) or country_code(w) for w in words} - {None}
        if self.government:
            return self.country in codes
        if home:
            return home == self.country
        return not codes and not INTERNATIONAL.search(name)


def _office_key(name: str) -> str:
    """A name's match key without "in" before its seat ("British Embassy in Hanoi")."""
    return match_key(re.sub(r"\s+in\s+(?=[A-Z])", " ", name))


# Words of a body that belongs to no one state.
INTERNATIONAL = re.compile(
    r"\b(?:European|International|United Nations|UN|World|Global|Regional|African Union|"
    r"Inter-American|Asian|Commonwealth|Council of Europe)\b"
)
ARTICLE = re.compile(r"^(?:[lL]['’]\s*|(?:la|le|les|el|los|las)\s+(?=[A-Z]))")
IOM = Publisher(IOM_NAMES)
QUALIFIER_BEFORE = re.compile(r"^(?P<who>[A-Z][\w.-]*)(?:['’]s)?\s+(?=[A-Z])")
QUALIFIER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<who>[A-Z][\w\s.'’-]+)$")


def _country_of(text: str) -> str | None:
    """The country a mention is or is the government of ("Italy", "Government of Italy")."""
    text = re.sub(r"^(?:the\s+)?(?:Government|Republic|Kingdom) of\s+(?:the\s+)?", "", text.strip())
    return country_code(text)


def _unqualified(text: str) -> str:
    """A body's name without the country that qualifies it ("Italian Ministry of X" -> "Ministry
    of X", "Ministry of X of Italy" -> "Ministry of X")."""
    before = QUALIFIER_BEFORE.match(text)
    if before and (nationality_code(before["who"]) or country_code(before["who"])):
        text = text[before.end() :]
    after = QUALIFIER_AFTER.search(text)
    if after and country_code(after["who"]):
        text = text[: after.start()]
    return text


def _names_iom(clue: str) -> bool:
    key = match_key(clue)
    return any(re.search(rf"\b{re.escape(match_key(n))}\b", key) for n in ("IOM", *IOM_NAMES[1:]))


COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?©\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*", re.I
)
# A body's name with its state after a comma: "Ministry of Foreign Affairs, Kingdom of Thailand".
QUALIFIED_BY = re.compile(
    r",\s*(?:the\s+)?(?:Kingdom|Republic|Federal Republic|State|Government|Commonwealth) of\s+"
    r"(?:the\s+)?([A-Z][\w' -]+)$"
)
CLUE_SEPARATOR = re.compile(r"\s+[-–—|·:»]\s+|\s*[|·]\s*")
# What a site's name adds to its owner's: "ASEAN Main Portal", "UN Women – Headquarters",
# "Council of Europe 2023", "... All rights reserved".
SITE_WORDS = re.compile(
    r"(?:[\s,.]+(?:\d{4}|all rights reserved|(?:main |official |web )?portal|headquarters|"
    r"official (?:web)?site|web ?site|home ?page))+\.?$",
    re.I,
)


def clue_names(clue: str) -> list[str]:
    """The names a clue may give its publisher by: the whole clue, then its parts ("CBSS —
    Council of the Baltic Sea States"), without what a site adds to a name; a copyright line
    only by its first part ("© Council of Europe 2023 · Disclaimer · Contact")."""
    copyright = COPYRIGHT.match(clue)
    text = clue[copyright.end() :] if copyright else clue
    parts = [re.sub(r"^by\s+", "", p) for p in CLUE_SEPARATOR.split(text) if p.strip()]
    names = parts[:1] if copyright else [text, *parts]
    names += [QUALIFIED_BY.sub(r" of \1", n) for n in names if QUALIFIED_BY.search(n)]
    names += [p for n in names[:1] for p in joint_bodies(n)]
    return list(dict.fromkeys(n for n in (SITE_WORDS.sub("", n).strip(" .,") for n in names) if n))


def joint_bodies(name: str) -> list[str]:
    """The bodies a clue joins with "and" when each is one ("Foreign, Commonwealth & Development
    Office and British Embassy Hanoi"), else [] ("Ministry of Labour and Social Protection")."""
    parts = re.split(r"\s+and\s+(?=[A-Z])", name)
    return parts if len(parts) > 1 and all(map(STATE_BODY.search, parts)) else []


def initials_of(name: str) -> str:
    """The acronym a name's capitalized words spell ("Council of the Baltic Sea States" ->
    "CBSS"), "" for a name of fewer than three such words."""
    letters = [w[0] for w in re.findall(r"[A-Z][\w'’-]*", name)]
    return "".join(letters) if len(letters) >= 3 else ""


def _organization_named(
    clue: str, text: str, text_names: dict[str, str], registry: Registry
) -> tuple:
    """The names of the text's organization a clue names ((acronym, name) or (name,)), else ()."""
    for name in clue_names(clue):
        found = _organization_named_by(name, text, text_names, registry)
        if found:
            return found
    return ()


def _organization_named_by(
    clue: str, text: str, text_names: dict[str, str], registry: Registry
) -> tuple:
    """The names of the text's organization one name of a clue gives, else ()."""
    key = match_key(clue)
    if not key or _generic_clue(clue):
        return ()
    office = re.match(r"^(.+?)\s+(.+)$", clue)  # "UNICEF Lao People's Democratic Republic"
    if office and country_code(office[2]) and not country_code(office[1]):
        found = _organization_named_by(office[1], text, text_names, registry)
        if found:
            return found
    if re.fullmatch(r"[a-z]{3,8}", clue) and re.search(rf"\b{clue.upper()}\b", text):
        return (clue.upper(),)  # a logo's "unicef"
    for acronym, name in text_names.items():
        name_key, acronym_key = match_key(name), match_key(acronym)
        most = len(key.split()) >= 0.6 * len(name_key.split())  # not "ASEAN" for "ASEAN Convention"
        if len(name_key.split()) >= 2 and (name_key in key or (key in name_key and most)):
            return (acronym, name)
        if re.search(rf"\b{re.escape(acronym_key)}\b", key) and len(acronym_key) >= 3:
            return (acronym, name)
    org = registry.resolve(clue)
    if org:
        return (org.acronym, org.name)
    plain = re.sub(r"\s*\([^)]*\)", "", clue).strip(" .")
    distinctive = len(plain.split()) >= 2 or re.fullmatch(r"[A-Z]{3,}", plain)
    found = re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", text) if distinctive else None
    if found:
        before = re.search(
            r"([A-Z][\w.-]*)(?:['’]s)?\s+$", text[max(0, found.start() - 30) : found.start()]
        )
        code = before and (nationality_code(before[1]) or country_code(before[1]))
        return (plain, code) if code else (plain,)
    acronym = initials_of(plain)
    if acronym and re.search(rf"\b{acronym}\b", text):
        return (acronym, plain)
    if clue.isupper() and len(clue.split()) > 2:  # a letterhead: "ECOWAS COMMISSION COMMISSION DE"
        for n in range(len(clue.split()) - 1, 1, -1):
            head = " ".join(clue.split()[:n])
            found = re.search(rf"(?<!\w){re.escape(head)}(?!\w)", text, re.I)
            if found:
                return (found[0],)
    return ()


GENERIC_CLUES = frozenset(
    "news newsroom home press media actualites actualités noticias news releases "
    "press releases press release media centre media center latest news".split(" ")
) | frozenset(
    ("press room", "media room", "sala de prensa", "salle de presse", "news centre", "noticias")
)


def _generic_clue(clue: str) -> bool:
    """A clue that names no one: a section ("News"), a country or a city."""
    key = match_key(clue)
    return (
        key in GENERIC_CLUES
        or key in ("press releases", "media centre", "latest news")
        or bool(country_code(clue) or city_country(clue))
    )


def find_publisher(
    text: str,
    registry: Registry,
    sources: list[str],
    sites: list[str],
    wires: list[str],
    headers: list[str],
) -> Publisher:
    """The publisher of a release whose text is given, from its clues, surest first: source
    credits, the site's names, wire credits, a text file's header lines."""
    text_names = acronym_definitions(text)
    government = government_site_country(sites)
    sites = [c for c in sites if not _generic_clue(c)]
    headers = [c for c in headers if not _generic_clue(c)]
    for clue in [*sources, *sites, *wires, *headers]:
        if _names_iom(clue):
            return IOM
        found = _organization_named(clue, text, text_names, registry)
        if len(found) == 2 and re.fullmatch(r"[A-Z]{2}", found[1] or ""):
            return Publisher((found[0],), country=found[1])
        if found:
            names = tuple(dict.fromkeys([*(n for n in found if n), *joint_bodies(clue)]))
            state = government or state_of(names, registry)
            return Publisher(names, country=state, government=bool(government))
    outlets = [*sources, *(c for c in sites if not re.search(r"©|copyright", c, re.I)), *wires]
    outlets += [c for c in headers if OUTLET.search(c)]
    if not outlets:
        return IOM
    state = government or state_of((outlets[0],), registry)
    return Publisher((outlets[0],), outlet=not state, country=state, government=bool(government))


def state_of(names: tuple[str, ...], registry: Registry) -> str:
    """The country whose state a publisher is a body of, by its registry entry or by its name
    ("United States Department of State", "British Embassy Hanoi"); "" for anyone else (a
    news agency, an NGO, a UN office named for its country)."""
    for name in names:
        org = registry.resolve(name)
        if org and org.type in ("government", "donor") and org.country:
            return org.country
        if OUTLET.search(re.sub(r"(?i)\bagency\b", "", name)) or not STATE_BODY.search(name):
            continue
        first = re.match(r"(?:the\s+)?((?:[A-Z][\w.'’-]*\s+){1,3})", name + " ")
        ws = first[1].split() if first else []
        for n in range(len(ws), 0, -1):
            code = country_code(" ".join(ws[:n])) or (n == 1 and nationality_code(ws[0]))
            if code:
                return code
        after = re.match(r".*\bof\s+(?:the\s+)?([A-Z][\w.'’ -]+)$", name)
        if after and country_code(after[1].strip()):  # "Ministry of Foreign Affairs of Japan"
            return country_code(after[1].strip())
    return ""


GOVERNMENT_SITE = re.compile(
    r"^gov\b|\.gov\b|\bgov\.|\bgovernment of\b|\bgouvernement d|"
    r"^[A-Z][a-z]+\.[a-z]{2,3}$",  # a state's portal named for its country: "Canada.ca"
    re.I,
)


def government_site_country(sites: list[str]) -> str:
    """The country whose government runs the site ("GOV.UK", "Government of Canada"): its
    bodies publish, and the country funding the work is the publisher itself."""
    for clue in sites:
        if GOVERNMENT_SITE.search(clue):
            for part in re.split(r"[./|]|\s+(?:of|du|de)\s+|\s+", clue):
                tld = get_country(part.upper()) if len(part) == 2 else None  # "gov.ie"
                code = country_code(part.strip()) or (tld.code if tld else None)
                if code:
                    return code
    return ""
