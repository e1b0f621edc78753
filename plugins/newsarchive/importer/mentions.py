"""Registry organizations a text names, where a wrong match is worse than none.

A generic alias ("Ministry of Foreign Affairs") names an organization only beside its country
("Danish Ministry of Foreign Affairs", "Ministry of Foreign Affairs, Government of Denmark");
a bare country name ("Japan") is a place here, and an organization only where the text gives it
a part to play (orgs.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import Organization, Registry
from ..text import match_key
from .geo import country_code, foreign_names, nationality_code

MAX_ORG_WORDS = 14
# Words that name what a body does, not which body it is: a name made only of these needs its
# country to mean one organization.
GENERIC_WORDS = frozenset(
    """
    a an and the of for on in to de du la le des del
    ministry ministries government department office agency bureau directorate commission
    council committee authority service services police unit secretariat embassy consulate
    mission institute institution national federal state public general central republic
    foreign affairs interior home justice labour labor employment social welfare protection
    family families women woman children child youth gender equality health education trade
    finance economy economic development cooperation international relations security defence
    defense immigration emigration migration migrants border borders coast guard human rights
    planning solidarity affairs internal external european integration overseas citizens
    diaspora abroad nationals citizenship refugees religious culture sport sports tourism
    agriculture industry transport information communication communications media justice
    law enforcement prosecutor prosecution prosecutors court supreme high ministry's people
    task force anti trafficking persons smuggling crime crimes organized organised against
    fight combat combating counter prevention criminal office's
    """.split()
)


@dataclass(frozen=True)
class Found:
    """A registry organization named at text[start:end]."""

    start: int
    end: int
    org: Organization
    by_country: bool = False  # a generic name taken to be the release's country's body


NEGATED = re.compile(r"\b(?:non|anti|pan|extra|intra|ex)-$", re.I)


def is_generic(name: str) -> bool:
    """True for a name made only of generic words ("Ministry of Foreign Affairs")."""
    words = match_key(name).split()
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def is_country_name(name: str) -> bool:
    """True for a bare country name ("Japan"), which the text may use as a place."""
    return country_code(name) is not None


_OF_COUNTRY = re.compile(
    r"^(?:\s+(?:of|for)\s+(?:the\s+)?|,\s*(?:the\s+)?(?:Government|Republic|Kingdom) of\s+"
    r"(?:the\s+)?|\s+\(\s*)((?:[A-Z][\w'’.-]*)(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3})"
)


def qualifier(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """(country code, start, end) of the country that qualifies a body's name in the text:
    an adjective or possessive before it ("Italian", "Denmark's") or "of <country>" or
    ", Government of <country>" after it; (None, start, end) when there is none."""
    before = re.search(r"([A-Z][\w.-]*?)(['’]s)?\s+(?:the\s+)?$", text[max(0, start - 40) : start])
    if before:
        word = before.group(1)
        code = (country_code(word) if before.group(2) else None) or nationality_code(word)
        code = code or (country_code(word) if word.isupper() or len(word) > 3 else None)
        if code:
            return code, start - len(before.group(0)), end
    after = _OF_COUNTRY.match(text[end : end + 80])
    if after:
        words = after.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            code = country_code(phrase)
            if code:
                stop = end + after.start(1) + len(phrase)
                if after.group(0).rstrip().endswith("("):
                    stop = text.find(")", stop) + 1 or stop
                return code, start, stop
    return None, start, end


def resolve_name(registry: Registry, name: str, country: str | None = None) -> Organization | None:
    """The organization a name means: a distinctive name alone, a generic one only when the
    country given is the organization's; never an entry for a bare country name used as
    a place."""
    org = registry.resolve(name)
    if org is None or (is_generic(name) and not (country and org.country == country)):
        return None
    return org


def _american(name: str) -> str:
    """A name in the registry's spelling: "Organisation" -> "Organization", "Labour" -> "Labor"
    are tried when the name as written is not found."""
    return re.sub(r"(?<=\w)is(ation|e[ds]?)\b", r"iz\1", name)


def known_mentions(text: str, registry: Registry, country: str | None = None) -> list[Found]:
    """Registry organizations the text names, longest name first, in order; bare country names
    are left out, and generic names unless qualified by the organization's country (or, with
    no country named beside them, the release's own country)."""
    tokens = list(re.finditer(r"\w+(?:['’]s)?", text))
    found: list[Found] = []
    i = 0
    while i < len(tokens):
        step = 1
        for n in range(min(MAX_ORG_WORDS, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            phrase = text[start:end]
            if not phrase[:1].isupper():
                break
            org = registry.resolve(phrase) or registry.resolve(_american(phrase))
            if not org or (n == 1 and len(phrase) == 1) or is_country_name(phrase):
                continue
            if NEGATED.search(text, max(0, start - 8), start):
                continue  # "non-EU partner states" names no one
            by_country = False
            if is_generic(phrase):
                code, q_start, q_end = qualifier(text, start, end)
                if not org.country or org.country != (code or country):
                    continue
                start, end, by_country = q_start, q_end, code is None
            found.append(Found(start, end, org, by_country))
            step = next((k for k in range(i + n, len(tokens)) if tokens[k].start() >= end), None)
            step = (step or len(tokens)) - i
            break
        i += step
    return found


def foreign_acronyms(definitions: dict[str, str], registry: Registry) -> frozenset[str]:
    """Acronyms a text gives another country's body than the registry's: "Polícia da República
    de Moçambique (PRM)" is not the US bureau PRM (a wrong entity is worse than none)."""
    found = set()
    for acronym, name in definitions.items():
        org = registry.resolve(acronym)
        words = re.findall(r"[A-Z][\w'’-]+", name)
        codes = {
            country_code(w) or nationality_code(w) or foreign_names().get(match_key(w))
            for w in words
        }
        codes -= {None}
        if org and org.country and codes and org.country not in codes:
            found.add(acronym)
    return frozenset(found)


def mask_known(
    sentence: str,
    registry: Registry,
    country: str | None = None,
    by_country: list | None = None,
    foreign: frozenset[str] = frozenset(),
) -> tuple[str, list[Organization], list[tuple[int, int]]]:
    """The sentence with each registry organization replaced by a numbered placeholder, the
    organizations, and where the sentence names them; generic names read as the release's
    country's bodies are added to by_country; foreign acronyms (the text's own) are left."""
    known: list[Organization] = []
    spans = []
    out, last = [], 0
    for found in known_mentions(sentence, registry, country):
        if sentence[found.start : found.end] in foreign:
            continue
        out += [sentence[last : found.start], f"\ue000{len(known)}\ue001"]
        known.append(found.org)
        spans.append((found.start, found.end))
        if found.by_country and by_country is not None:
            by_country.append(found.org.short)
        last = found.end
    out.append(sentence[last:])
    return "".join(out), known, spans
