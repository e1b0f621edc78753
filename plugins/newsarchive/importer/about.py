"""Which countries a release is about: where the work happens, not whose organizations fund it.

A country named only inside an organization's name ("Government of Denmark", "Kosovo Police",
"PBN News Germany"), as an organization's home ("Canada's oldest relief organization"), as a
party ("funded by Japan") or as the source of statistics is not one of them; the publisher's
own country office ("IOM Pakistan") is.
"""

from __future__ import annotations

import re

from .acronyms import ORG_HEADS
from .geo import Mention, country_code, country_mentions

PUBLISHER_OFFICE = re.compile(r"\b(?:IOM|UN Migration)\s+$")
# Capitalized words that may stand before a country's name without making it part of a name.
FREE_BEFORE = frozenset(
    """
    In From To For At On By With And Or Across Between Both Throughout Within Outside Inside
    Including Like Unlike While When Where Since After Before During Also But Meanwhile Today
    Yesterday Currently Of The A An As Into Towards Toward Via Through Along Beyond Near Over
    Under Than Whereas Although Though Because If Once Until Northern Southern Eastern Western
    Central North South East West Northeast Northwest Southeast Southwest Rural Urban Coastal
    Neighbouring Neighboring Mainland Greater Upper Lower All Entire Whole Post Pre Returned
    Stranded Trafficked Displaced Smuggled Exploited Mr Ms Dr Rescued Among Amongst Per Versus
    """.split()
)
OWNED = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,4}?(?:organi[sz]ations?|NGOs?|charit(?:y|ies)|agenc(?:y|ies)|"
    r"ministr(?:y|ies)|government|embassy|foundation|company|firm|bank|development agency|"
    r"aid agency|donor|cooperation|statistics office|statistical office|news agency|"
    r"broadcaster|newspaper|police|authorities)\b",
    re.I,
)
SOURCE_OF_FIGURES = re.compile(
    r"(?:according to|data from|figures from|statistics from|estimates from|source:|"
    r"reported by|cited by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
NAME_AFTER = re.compile(r"^((?:[ \t]+(?:(?:of|for|and|&|on)[ \t]+)?[A-Z][\w'’&-]*){1,6})")
# Head words that end a body's or a site's name after a country's ("Kosovo Police",
# "Ghana Immigration Service", "PBN News Germany" is caught by the word before).
BODY_HEADS = re.compile(
    r"\b(?:Police|Service|Services|Ministry|Government|Agency|Authority|Commission|Council|"
    r"Office|Bureau|Department|Embassy|Consulate|Red Cross|Red Crescent|Institute|University|"
    r"Foundation|Fund|Network|Coalition|Association|Society|Union|Guard|Forces|Army|Navy|"
    r"Directorate|Secretariat|Court|Parliament|Assembly|Committee|Board|Trust|News|Times|Post|"
    r"Tribune|Herald|Radio|TV|Television|Broadcasting|Airlines?|Bank|Company|Ltd|Inc|Limited|"
    r"Chamber|Federation|Alliance|Caritas|Mission|Task Force|Gendarmerie|Immigration|Ambassador|"
    r"Ambassadors|Consul|Envoy|Minister|Ministers|Secretary|President|Prime Minister)\b"
)
# Offices and people whose country an "of <country>" names as theirs, not as a place.
OFFICE_OF = re.compile(
    rf"(?:{ORG_HEADS.pattern}|\b(?:Ambassador|Minister|Ministers|Consul|Envoy|Commissioner|"
    r"Representative|Secretary|Chargé|President|Prime Minister|King|Queen|Parliament|People|"
    r"Director|Head|Chief|Coordinator|Rapporteur))"
)


OF_NAME = re.compile(
    r"([A-Z][\w'’.&-]*(?:\s+(?:of|for|and|on|the|&|[A-Z][\w'’.&-]*))*)\s+(?:of|for)\s+(?:the\s+)?$"
)


LIST_GLUE = re.compile(r"\s*(?:,|,?\s+and|&)\s+(?:the\s+)?")
SEAT = re.compile(
    r"\b(?:headquartered|headquarters|head office|seated|(?:has|with) its seat)\s+(?:is\s+|are\s+)?"
    r"in\s+(?:[\w'’.-]+,?\s+){0,3}$",
    re.I,
)


def _office_of(text: str, m: Mention) -> bool:
    """True when a country's name says whose an office or a person's post is ("Minister of
    Labour of Ghana", "ILO Director for Thailand")."""
    of = OF_NAME.search(text[max(0, m.start - 120) : m.start])
    return bool(of and OFFICE_OF.search(of.group(1)))


def in_organization_name(text: str, m: Mention, title_case: bool = False) -> bool:
    """True when a country's name is part of an organization's or a site's name, or says
    whose an organization or office is. In a headline (title_case) capitals say less: only
    acronyms before and body head words right after count."""
    if m.nationality:
        return False
    before = text[max(0, m.start - 120) : m.start]
    after = text[m.end + ("." in text[m.start : m.end]) : m.end + 120]  # "U.S. Agency"
    if _office_of(text, m):
        return True
    joined = re.search(r"\b([A-Z]{2,})-$", before)  # "the ASEAN-Australia Counter Trafficking"
    if joined and not country_code(joined[1]) and re.match(r"\s+[A-Z]", after):
        return True
    name_after = NAME_AFTER.match(after)
    if name_after:
        words = name_after.group(1).split(" of ")[0]
        if BODY_HEADS.search(" ".join(words.split()[:2]) if title_case else words):
            return True
    word = re.search(r"([A-Z][\w'’.&-]*)\s+$", before)
    if word and not PUBLISHER_OFFICE.search(before):
        token = word.group(1).strip(".")
        if token.isupper() if title_case else token not in FREE_BEFORE:
            return True
    return bool(OWNED.match(after) or re.match(r"['’]s\s+[A-Z]", after))


# A state speaking or pressing, not a place: "The United States is committed to working with",
# "Switzerland is glad to stand with Moldova", "pressure from the European Union and the US".
STATE_VOICE = re.compile(
    r"\s+(?:is|are|remains|was|has been|will remain)\s+(?:\w+\s+)?(?:committed|proud|pleased|"
    r"glad|happy|honou?red|delighted|determined)\b"
)
PRESSURE = re.compile(
    r"\b(?:pressure|criticism|demands?|sanctions|calls)\s+(?:from|by)\s+(?:the\s+)?"
    r"(?:[\w ]{0,30}(?:,\s*|\s+and\s+)(?:the\s+)?){0,4}$",
    re.I,
)
DONOR_PEOPLE = re.compile(r"the \S+ people\b")  # "support of the American people through USAID"
CURRENCY = re.compile(r"\s*(?:\$|dollars?\b|cents?\b)", re.I)
QUOTED = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"?")


def countries_about(text: str, excluded: list[tuple[int, int]], title_end: int = 0) -> list[str]:
    """Countries a text is about, in order of first mention: every country named outside
    the excluded spans (names of organizations and parties), organizations' names, their
    owners and the sources of figures."""
    found: list[str] = []
    quotes = [q.span() for q in QUOTED.finditer(text)]
    head = None  # the first country of a list ("Director for Thailand, Cambodia and Lao PDR")
    previous = None
    for m in country_mentions(text):
        joined = previous is not None and LIST_GLUE.fullmatch(text[previous.end : m.start])
        head = head if joined else m
        previous = m
        if head is not m and _office_of(text, head):
            continue
        if SEAT.search(text[max(0, m.start - 60) : m.start]):
            continue  # "Headquartered in The Hague, the Netherlands, we support ..."
        if m.nationality and any(a <= m.start < b for a, b in quotes):
            continue  # a speaker's "Greek migrant boat disaster" is not what the release is about
        if m.nationality and DONOR_PEOPLE.match(text, m.start - 4):
            continue
        if any(a <= m.start and m.end <= b for a, b in excluded):
            continue
        if in_organization_name(text, m, title_case=m.start < title_end):
            continue
        if SOURCE_OF_FIGURES.search(text[max(0, m.start - 80) : m.start]):
            continue
        if CURRENCY.match(text, m.end):
            continue  # "1,000 US dollars"
        if STATE_VOICE.match(text, m.end) or PRESSURE.search(text, max(0, m.start - 80), m.start):
            continue  # "Switzerland is glad to ...", "under pressure from the United States"
        if m.code not in found:
            found.append(m.code)
    return found
