"""Lists of organizations in a sentence: where one name ends and the next begins ("the EU,
Japan and X (ABC), to ..."), names kept whole across "and" and commas."""

from __future__ import annotations

import re

from ..text import match_key
from .acronyms import ORG_HEADS, acronym_definitions
from .geo import country_code, in_romance_language, name_index
from .orgs import (
    ACRONYMED,
    GOVERNMENT_NAMED,
    MASK,
    PRONOUNS,
    capital_word,
    clean_item,
    org_like,
    protect_names,
    unprotect,
)

ROMANCE_ARTICLES = "la|le|les|el|los|las|de|du|des|del|da|do|dos|das|o|a|os|as"
OBJECT_STOP = re.compile(
    r"(?<!\b[A-Z])[.;:]\s|[.;:]$|,\s*(?:which|who|whose|where|while|with|to|in order|as)\b|"
    r"\s+(?:and|as well as)\s+(?:with|through|by|in|to|at|from|for)\s|"
    r"\s+(?:together|along|jointly)\s+with\s|\s+(?=[a-z]{3,}ed\s)|"  # "X helped design"
    r"(?<=\))\s+(?=(?!of\b|for\b|and\b|de\b|du\b|del\b)[a-z]+(?:s|ed)\b)|"  # "(ACW) documents"
    r"\s+and\s+(?:[a-z]+ly\s+)?(?=(?:is|are|was|were|has|have|will|would|can|[a-z]+ed)\b)|"
    r"\s+(?:with|worth|totalling|amounting to)\s+(?=[a-z\d$€£]|[A-Z]{3}\s*\d)|"
    r"\s(?:to|in order|for|within|under|through|as|that|on|at|during|since|has|have|will|is|"
    r"are|was|were|who|which|across|over|after|before|following|in|about)\s+(?![A-Z])|"
    # French, Spanish, Portuguese: a clause after "et"/"y" ("y cuenta con"), a relative, "à hauteur"
    rf"\s+(?:et|y|e)\s+(?!(?:{ROMANCE_ARTICLES})\b|l['’]|minist)(?=[a-zà-ÿ])|"
    r",\s*(?:qui|que|quien|donde|où|dont|afin|a fin|en el marco|dans le cadre|no âmbito)\b|"
    r"\s+(?:à|a|dans|durante|pendant|desde|depuis|en el|en la)\s+(?=[a-zà-ÿ\d])|"
    r"\s+(?:para|pour|pra)\s+(?=[a-zà-ÿ]+(?:er|ir|re|ar)\b)"  # "pour aider", not "pour l'enfance"
)

# A name its description introduces, whatever its words: "the NGO Vaša prava BiH".
DESCRIBED_NAME = re.compile(
    r"^(?:and\s+)?(?:the\s+|l['’]|la\s+|a\s+)?(?:local\s+|national\s+|international\s+)?"
    r"(?:NGOs?|ONGs?|charity|non-governmental organi[sz]ation|non-profit|nonprofit|"
    r"association)\s+(?=[A-Z])"
)
_SPLIT = re.compile(
    r"\s*(?:,\s*and|,\s*as well as|\band also|,|\s+and\s+(?=the\s|[A-Z\ue000])|"
    r"\s+(?:et|y|e|avec|con|com)\s+(?=(?:(?:la|le|les|el|los|las|o|a)\s+|l['’])?"
    r"(?:[A-ZÀ-Ý\ue000]|minist))|"
    r"\s+and\s+(?=(?!(?:of|for|the|on|in|to)\b)[a-z]))\s*"  # "... Hotline and service providers"
)

# A French, Spanish or Portuguese name of two capitalized words followed by common nouns.
ROMANCE_GOODS = re.compile(
    r"^((?:[A-ZÀ-Ý][\w'’-]*\s+(?:(?:des|de la|de|del|da|do|dos|das|du)\s+)?)+[A-ZÀ-Ý][\w'’-]*)"
    r"\s+(?:(?:du|des|de la|de l['’]|de|del|do|da|dos|das)\s+[a-zà-ÿ]|(?:\d+|un|una|unos|unas|"
    r"dos|tres|cuatro|cinco|deux|trois|quatre|cinq|um|uma|duas|três)\s)[^A-ZÀ-Ý()]*$"
)
PROGRAMME = re.compile(r"^\W*(?:programme|program|facility|initiative|project)\b", re.I)
BODY_OF = re.compile(
    rf"{ORG_HEADS.pattern} (?:of|for|on|against|de|de la|del|du|des|da|do) ([^,(]+)$"
)
# Head words that make a part after "and" a body of its own ("... and the Swiss Agency for
# Development"), not the end of the name before it ("... and International Cooperation").

# Head words that make a part after "and" a body of its own ("... and the Swiss Agency for
# Development"), not the end of the name before it ("... and International Cooperation").
STRONG_HEADS = re.compile(
    r"\b(?:Government|Ministry|Ministries|Embassy|Consulate|Agency|Organi[sz]ation|Office|"
    r"Commission|Council|Fund|Foundation|Bank|Union|Association|Society|Institute|University|"
    r"Department|Bureau|Network|Centre|Center|Committee|Authority|Service|Police|Trust|"
    r"Alliance|Federation|Coalition|Secretariat|Mission|Directorate|Board|Court|Parliament|"
    r"Assembly|Company|Corporation|Red Cross|Red Crescent|Platform|Forum|Caritas|Commissioner|"
    r"Ombudsman|Ombudsperson)\b"
)


def object_items(text: str) -> list[str]:
    """The organizations listed at the start of a text ("the EU, Japan and X (ABC), to ...")."""
    names = {unprotect(name) for name in acronym_definitions(text).values()}
    text = protect_names(text, sorted(names, key=len, reverse=True))
    stop = OBJECT_STOP.search(text)
    span = text[: stop.start()] if stop else text
    items: list[str] = []
    romance = in_romance_language(text)
    bodies = _bodies_of_countries(span)  # "los consulados de Honduras y El Salvador"
    if bodies:
        return bodies
    pieces = re.split(f"({_SPLIT.pattern})", span)
    parts = merge_name_parts(pieces[::2], pieces[1::2])
    if _appositive(parts, span):  # "AFRIPOL, the African Union Mechanism for ..., and was"
        parts = [p for p in parts if p.strip()][:-1]
    for n, raw in enumerate(parts):
        if n and re.match(r"\s*(?:a|an)\s", unprotect(raw)) and pieces[2 * n - 1].strip() == ",":
            break  # "the Foundation for Rural Youth (FRY), a Thai NGO that ..." describes it
        item = clean_item(unprotect(raw))
        if romance:  # "l'Entraide Nationale du matériel informatique": the goods are no name
            item = ROMANCE_GOODS.sub(r"\1", item)
        item = re.sub(r"\s+\d[\d,.]*\s+[a-zà-ÿ].*$", "", item)  # "... Immigration 12 motos"
        if not item:
            continue
        base = re.sub(r"\s*\(.*", "", item)
        if base.lower() in PRONOUNS:
            break
        if item[:1].islower() and len(item.split()) <= 3:
            continue  # "working with provincial police and the Viet Nam Women's Union"
        named = DESCRIBED_NAME.match(unprotect(raw).strip()) and len(item.split()) <= 6
        romance_name = romance or re.search(r"[àâçéèêëîïôûùüÿñœ]", item)
        named = named or (romance_name and sentence_case_name(item))  # "Union européenne"
        acronymed = ACRONYMED.search(item) and item[:1].isupper()
        if not (org_like(base) or base in names or list_name(base) or acronymed):
            if not (named and item[:1].isupper()):
                break
        items.append(item)
    return items


# A government paying through one of its bodies: "the Government of Norway, through the
# Norwegian Agency for Development Cooperation (Norad)", "a través de la Oficina de ...".
GOVERNMENT_THROUGH = re.compile(
    r"^[^.;]{0,120}?,?\s+(?:through|via|a través de|por medio de|par l['’]intermédiaire de|"
    r"através d[aeo]s?|por intermédio d[aeo]s?)\s+"
)


def paying_items(text: str) -> tuple[list[str], list[str]]:
    """The organizations a funding phrase names, a government paying through its body being
    that body, and the government so named (whose country is then no place)."""
    items = object_items(text)
    through = GOVERNMENT_THROUGH.match(text)
    state = items and (GOVERNMENT_NAMED.match(clean_item(items[0])) or country_code(items[0]))
    bodies = object_items(text[through.end() :]) if state and through else []
    return (bodies + items[1:], items[:1]) if bodies else (items, [])


# Bodies of several countries named at once: "los consulados de Honduras y El Salvador", "the
# embassies of Spain and Italy".
BODIES_OF = re.compile(
    r"^\s*(?:the\s+|los\s+|las\s+|les\s+)?(?P<head>embassies|consulates|consulados|embajadas|"
    r"ambassades|consulats)\s+(?:of|de|du|des)\s+(?P<countries>.+)$",
    re.I,
)
SINGULAR = {
    "embassies": "Embassy",
    "consulates": "Consulate",
    "consulados": "Consulado",
    "embajadas": "Embajada",
    "ambassades": "Ambassade",
    "consulats": "Consulat",
}


def _bodies_of_countries(span: str) -> list[str]:
    """One body per country for "the consulates of Honduras and El Salvador", else []."""
    m = BODIES_OF.match(unprotect(span).strip(" ,"))
    countries = re.split(r",\s*|\s+(?:and|y|et|e)\s+", m["countries"].strip()) if m else []
    if not countries or not all(country_code(c.strip()) for c in countries):
        return []
    of = "of" if m["head"].lower() in ("embassies", "consulates") else "de"
    return [f"{SINGULAR[m['head'].lower()]} {of} {c.strip()}" for c in countries]


def sentence_case_name(item: str) -> bool:
    """A body's name as French and Spanish write it, its head word first ("Union européenne",
    "Agence nationale de lutte contre la traite")."""
    ws = item.split()
    return 2 <= len(ws) <= 10 and bool(ORG_HEADS.match(ws[0])) and ws[0][:1].isupper()


def _appositive(parts: list[str], span: str) -> bool:
    """True when a list's last part describes the acronym before it and the sentence goes on
    after a comma ("supported by AFRIPOL, the African Union Mechanism for Police Cooperation,
    and was funded by ...")."""
    parts = [p for p in parts if p.strip()]
    if len(parts) < 2 or not span.rstrip().endswith(","):
        return False
    last = unprotect(parts[-1]).strip(" ,")
    before = clean_item(parts[-2])
    return (
        re.fullmatch(r"[A-Z]{3,}", before) is not None
        and re.match(r"the\s", last) is not None
        and len(last.split()) >= 4
    )


def list_name(name: str) -> bool:
    """A short proper name, which counts as an organization inside a list of them ("Walk Free")."""
    ws = name.split()
    return 1 <= len(ws) <= 5 and ws[0][:1].isupper() and all(map(capital_word, ws))


def merge_name_parts(parts: list[str], separators: list[str] | None = None) -> list[str]:
    """Parts split at "and" joined back where "and" is inside a body's name: "Ministry of
    Solidarity" + "the Fight against Poverty", "Ministry of Labour" + ", Employment" + "and
    Social Security"; not after a country ("... of Honduras")."""
    words = [s.strip() for s in (separators if separators is not None else ["and"] * len(parts))]
    separators = ["and" if w in ("and", "y", "et", "e") else w for w in words]
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        previous = out[-1] if out else ""
        m = BODY_OF.search(previous)
        glue = separators[i - 1] if i > 0 else ""
        open_name = m and not _ends_with_country(m[1]) and not _heads_a_name(part)
        topics = "" if glue == "and" and open_name else _topics_before_name(parts, separators, i)
        if topics:  # "Women, Children and Senior Citizen Service Directorate of Nepal Police"
            out.append(topics)
            i = _topics_end(parts, separators, i) + 1
            continue
        described = DESCRIBED_NAME.match(unprotect(previous).strip()) and i == len(parts) - 1
        if glue == "and" and (open_name or (described and _plain_words(part))):
            out[-1] = f"{previous} {words[i - 1]} {part}"  # "the NGO Hope and Help"
        elif (
            glue == ","
            and open_name
            and i + 1 < len(parts)
            and separators[i] == "and"
            and _short_topic(part)
            and _short_topic(parts[i + 1])
        ):
            out[-1] = f"{previous}, {part} {words[i]} {parts[i + 1]}"
            i += 1
        else:
            out.append(part)
        i += 1
    return out


def _plain_words(part: str) -> bool:
    """One or two capitalized words that head no name of their own ("Help")."""
    ws = clean_item(part).split()
    return 0 < len(ws) <= 2 and all(w[:1].isupper() for w in ws) and not _heads_a_name(part)


def _topics_end(parts: list[str], separators: list[str], i: int) -> int:
    """Index after a run of short topics joined by commas (or "and") from part i."""
    j = i
    while j + 2 < len(parts) and separators[j] in (",", "and") and _short_topic(parts[j + 1]):
        j += 1
    return j + 1


def _topics_before_name(parts: list[str], separators: list[str], i: int) -> str:
    """The whole name when parts from i are topics that a body's name ends ("Women",
    "Children" and "Senior Citizen Service Directorate of Nepal Police"), else ""."""
    if not _short_topic(parts[i]) or match_key(clean_item(parts[i])) in name_index():
        return ""
    end = _topics_end(parts, separators, i)
    if end >= len(parts) or separators[end - 1] != "and":
        return ""
    name = parts[end].strip()
    if re.match(r"(?:the|a|an)\s", name, re.I) or not STRONG_HEADS.search(name):
        return ""
    if any(match_key(clean_item(p)) in name_index() for p in parts[i:end]):
        return ""
    glue = [", " if s == "," else " and " for s in separators[i:end]]
    return "".join(p.strip() + g for p, g in zip(parts[i:end], glue, strict=True)) + name


def _short_topic(part: str) -> bool:
    """A few capitalized words without a body's head word ("Employment", "Social Security",
    "Youth Rehabilitation of Cambodia")."""
    base = clean_item(part)
    of = re.search(r"\s+of\s+(?:the\s+)?(.+)$", base)
    if of and match_key(of[1]) in name_index():
        base = base[: of.start()]
    ws = base.split()
    return 0 < len(ws) <= 3 and all(w[:1].isupper() for w in ws) and not _heads_a_name(part)


def _ends_with_country(text: str) -> bool:
    """True when a name ends with a country's name ("Foreign Affairs of Honduras")."""
    ws = unprotect(text).split()
    return any(match_key(" ".join(ws[-n:])) in name_index() for n in range(1, min(4, len(ws)) + 1))


def _heads_a_name(part: str) -> bool:
    """True when a part names a body of its own: a placeholder, an acronym or a head word."""
    base = clean_item(part)
    if DESCRIBED_NAME.match(unprotect(part).strip()):
        return True  # "... and the NGO Vaša prava BiH"
    return bool(MASK.search(base) or re.match(r"[A-Z]{2,}\b", base) or STRONG_HEADS.search(base))


def programme_named(text: str, item: str) -> bool:
    """True when an item of a list in the text is a programme's name ("the Better Migration
    Management programme")."""
    at = text.find(item)
    return at >= 0 and bool(PROGRAMME.match(text[at + len(item) : at + len(item) + 20]))
