"""Every organization a release names, with what its mentions say of its standing: whether it
acts (it begins a clause that a verb follows), is named after a role word ("by", "with"),
stands in the headline or the lead, is listed with the publisher or a party, is cited only as
a source ("according to X", "data from X"), and how often it is named. Names that read as a
post, a programme, a place or a document are no organizations here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from ..registry import Organization, Registry
from .geo import city_country, country_code, in_romance_language, nationality_code
from .mentions import foreign_acronyms, mask_known
from .namelists import object_items, sentence_case_name
from .orgs import (
    ACRONYMED,
    MASK,
    OrgRef,
    base_name,
    clean_item,
    compound_countries,
    org_like,
    proper_name,
    protect,
    protect_names,
    sentence_spans,
    unprotect,
)
from .phrases import KICKER, LEADING_PHRASE, PREPOSITION
from .subjects import HEADLINE_VERB, OFFICIAL

# Where a name can start in a sentence with registry names masked: a placeholder, the first
# capitalized word of a run, or a French, Spanish or Portuguese body in lower case.
NAME_START = re.compile(
    r"\ue000\d+\ue001|(?<![\w\ue001\ue006'’.&/-])(?:[A-ZÀ-Ý][\w'’.&/-]*|minist[eèé]r\w*)"
)
# Capitalized words that open a phrase, not a name: "Under the CPC Partnership", "Según el".
OPENER = re.compile(
    rf"(?:{PREPOSITION.pattern}|Según|Selon|Segundo|Para|Pour|Por|Par|Con|Avec|Com|Sur|Sous|"
    r"Bajo|Desde|Depuis|Also|Both|Each|All|Other|Some|Many|Several|When|While|If|As|And|But|"
    r"Read|See|Photo|Source|Credit)\b",
    re.I,
)
# A verb after a name: a word in lower case that is not a preposition, article or conjunction,
# after an optional acronym, an inserted clause between commas and an adverb.
VERB_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?(?:,[^,;.]{1,160},\s*)?(?:[a-z]+ly\s+)?"
    r"(?!(?:of|in|for|on|at|from|to|and|or|the|with|by|as|de|du|des|la|le|les|el|los|las|en|y|"
    r"et|e|a|o|do|da|dos|das|del|au|aux|para|pour|por|par|com|con|avec|sur|sobre|into|under|"
    r"between|against|among|across|through|via|since|after|before|during|within|is|are|was|"
    r"were|es|est|son|sont)\b)"
    r"([a-zà-ÿ]{2,})\b"
)
SPEECH = re.compile(
    r"said|says|told|tells|added|adds|noted|notes|stressed|stresses|explained|explains|"
    r"emphasi[sz]ed|underlined|remarked|commented|dijo|señaló|afirmó|indicó|explicó|disse|"
    r"afirmou|declarou"
)
ARTICLE = r"(?:the\s+|l['’]|la\s+|le\s+|les\s+|el\s+|los\s+|las\s+|o\s+|a\s+|os\s+|as\s+)?"
AGENT = re.compile(rf"\b(?:by|par|por|pel[oa]s?)\s+{ARTICLE}$")
PARTNER_WORD = re.compile(rf"\b(?:with|between|alongside|avec|con|com|entre)\s+{ARTICLE}$", re.I)
SOURCE_BEFORE = re.compile(
    r"\b(?:according to|data (?:from|by)|figures (?:from|by)|statistics (?:from|by)|"
    r"estimates (?:from|by)|(?:report|study|survey|research|analysis|index) (?:by|from|of)|"
    r"published by|cited by|quoted by|told|según|selon|d['’]après|segundo|de acuerdo con)\s+"
    rf"{ARTICLE}$",
    re.I,
)
# People counted are participants, not their body's part: "60 officers from the Royal Malaysia
# Police", "12 agents de la Police".
COUNTED_FROM = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|deux|trois|dos|"
    r"tres)\s+(?:[a-zà-ÿ-]+\s+){1,3}(?:from|of|at|de|du|des|da|do|del)\s+"
    rf"{ARTICLE}$",
    re.I,
)
# A name after an indefinite article describes what came before ("NCHR is an independent
# National Human Rights Institute (NHRI)"); one after "through" or "within" is the channel or
# forum of others' work ("collaborate through the UN Network on Migration").
INDEFINITE = re.compile(r"\b([Aa]n?|[Uu]n[ae]?|[Uu]ma?)\s+(?:[a-z-]+\s+){0,3}$")
CHANNEL = re.compile(rf"\b(?:within|under)\s+{ARTICLE}$", re.I)
THROUGH = re.compile(rf"\b(?:through|via)\s+{ARTICLE}$", re.I)
FORUM = re.compile(r"\b(?:Network|Group|Platform|Forum|Coalition|Alliance|Initiative)\b")
# The publisher's own unit: "El Ministerio del Interior (Mininter), a través de la Dirección".
THROUGH_UNIT = re.compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:through|via|a través de|por medio de|"
    rf"par l['’]intermédiaire d[eu]|através d[aeo]s?)\s+{ARTICLE}",
    re.I,
)
# A programme's name: "the Migration Partnership Facility programme".
PROGRAMME_AFTER = re.compile(r"^\s*(?:programme|program|project|initiative|facility)\b", re.I)
OWNED = re.compile(r"\b(?:its|their|his|her|su|sus|son|sa|ses|seu|sua|seus|suas)\s+$", re.I)
SOURCE_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?(?:['’]s\s+)?(?:\w+\s+)?(?:report|data|figures|statistics|"
    r"estimates|survey|study|index|database|research)\b"
)
# What a name is not: a post ("Minister of ..."), a programme, document or event, a place.
POST = re.compile(
    r"^(?:Deputy\s+|Acting\s+|Vice[- ])?(?:Minister|Head|Director|Commissioner|Secretary|"
    r"Ambassador|Chief|President|Comptroller|Commander|Chairman|Chairperson|Chair|Governor|"
    r"Mayor|Spokesperson|Spokesman|Coordinator|Representative|Officer|Inspector|Judge|"
    r"Prosecutor|Minist(?:re|ro|ra))\b"
)
NOT_A_BODY = re.compile(
    r"(?<![A-Z]\w)\b(?:Programme|Program|Programa|Programa|Initiative|Project|Proyecto|Projet|Mechanism|"
    r"Plan|Strategy|Campaign|Aid|Compact|Partnership|Principles|Cup|Line|Day|Week|Award|Prize|"
    r"Agreement|Memorandum|Convention|Protocol|Act|Law|Declaration|Framework|Report|Index|"
    r"Hotline|Helpline|Facility|Airport|Port|Crescent|Street|Road|Avenue|Square|Hotel|Stadium|Hall|"
    r"Valley|Province|Region|District|County|City|Island|Islands|Crossing|Camp|Summit|"
    r"Conference|Forum|Workshop|Dialogue|Meeting|Session|Process|Operation|"
    # several bodies, not one: "ECOWAS Member States", "partner agencies"
    r"States|Countries|Members|Partners|Agencies|Authorities|Governments|Ministries|Organi[sz]ations)"
    r"(?:\s+(?:of|for|on|in|at|to|against|de|du|del|da|do)\b.*)?$"
)
# A place where work is done, not a body: "Migrant Response Centre in Obock".
FACILITY = re.compile(
    r"\b(?:Centre|Center|Centro|Shelter|Post|Camp|Facility|House|Clinic|Hospital|School|"
    r"Academy)\s+(?:in|at|en|à|em)\s+[A-Z]"
)
COMPASS = re.compile(r"^(?:Western|Eastern|Northern|Southern|Central|Peninsular|Upper|Lower)\s")
# Acronyms of common nouns and things, not bodies.
THING_ACRONYMS = frozenset(
    "NGO NGOS INGO CSO CSOS MOU MOA LOI JIT SDG SDGS GDP HIV AIDS COVID ID IDS TV PDF FAQ CEO "
    "GMBH LTD INC PLC SOP SOPS NRM TIP CTIP TIMS VOT VOTS IDP IDPS UAM UASC PR QA".split()
)


class Finder(Protocol):
    """What reads a name as an organization, the registry's or a new one, None for the
    publisher (roles.PartyFinder)."""

    acronyms: dict[str, str]

    def ref(self, item: str, known: list[Organization]) -> OrgRef | None: ...

    def is_publisher(self, item: str, known: list[Organization]) -> bool: ...


@dataclass
class Standing:
    """What the mentions of one organization in a release say about its part."""

    ref: OrgRef
    mentions: int = 0
    first: int = 0  # index of the first sentence that names it
    lead: bool = False  # named in the first two sentences (headline and lead)
    subject: bool = False  # a mention begins a clause that a verb follows
    speaks: bool = False  # ... and the verb reports speech ("X said")
    agent: bool = False  # "by X", "par X", "por X"
    partner_word: bool = False  # "with X", "between X and", "avec X", "con X"
    with_publisher: bool = False  # listed with the publisher ("IOM and X")
    listed_with: set[str] = field(default_factory=set)  # keys of the others in its lists
    beside: set[str] = field(default_factory=set)  # keys of others in its sentences
    cited: int = 0  # mentions that cite it as a source of figures or words
    counted: bool = False  # people counted from it ("60 officers from X") take part
    owned: bool = False  # a unit of another body ("through its Department") or the publisher's
    described: int = 0  # mentions as a description ("an X"), a forum, a programme's name
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def only_cited(self) -> bool:
        """True when every mention cites it as a source ("according to X", "X's report")."""
        return self.cited >= self.mentions


def trimmed(item: str) -> str:
    """A name without what follows its acronym ("... (ACNUR) firmaron un acuerdo") or a day
    ("Bureau of Immigration (BI) on Thursday")."""
    item = re.sub(r"(\([A-Z][A-Za-z.&/-]{1,11}\))\s+[a-zà-ÿ].*$", r"\1", item)
    return re.sub(r"\s+(?:on|this|last|hoy|ce|este|esta)\s+\w+$", "", item)


def well_formed(item: str, acronyms: dict[str, str], lower: frozenset[str] = frozenset()) -> bool:
    """True for a name that can be a body: a registry name, an acronym the text defines as a
    body's or uses as one, a body's proper name; not a country or its people, a post, a
    programme, document, event or place, a heading in capitals or a headline's words; lower
    holds the words the text writes in lower case (a word in capitals is no acronym)."""
    mask = MASK.search(item)
    if mask:  # a registry name alone or with its office's place, not "UNODC Global Report"
        rest = base_name(clean_item(MASK.sub("", item))).strip(" ,")
        return not rest or bool(country_code(rest) or city_country(rest))
    base = base_name(clean_item(item))
    words = base.split()
    if not words or country_code(base) or nationality_code(base) or POST.match(base):
        return False
    if OFFICIAL.match(base):  # "BI Commissioner Norman Tansingco" is a person
        return False
    if re.search(r"\d|\)\s*\S", item) or FACILITY.search(base):  # "GENEVA (15 June 2021) –"
        return False
    if NOT_A_BODY.search(base) or COMPASS.match(base) and match_place(base):
        return False
    if HEADLINE_VERB.search(f" {base} ") or re.search(r"\sto\s+[A-Z]", base):
        return False
    if len(words) > 1 and base.isupper():  # "CEBU CITY", "OF VICTIMS OF TRAFFICKING"
        return False
    acronym = re.fullmatch(r"[A-Z][A-Za-z&/-]*[A-Z]\w*", base)
    if acronym:
        defined = acronyms.get(base)
        if base.upper().replace("/", "") in THING_ACRONYMS or _currency(base):
            return False
        if defined is not None:  # "Homeland Security Investigations (HSI)", not a document's
            named = org_like(defined) or sentence_case_name(defined) or proper_name(defined)
            return named and not NOT_A_BODY.search(defined)
        if base.lower() in lower or "/" in base or city_country(base, own_name=True):
            return False  # "JUSTICE" where the text writes "justice"; "R/D"; "GENEVA"
        return len(base) <= 8
    if len(words) == 1 and city_country(base, own_name=True):
        return False
    acronymed = ACRONYMED.search(item)  # "Homeland Security Investigations (HSI)"
    if acronymed and "/" not in acronymed[1]:
        return proper_name(base) or sentence_case_name(base)
    return org_like(base) or sentence_case_name(base)  # "Direction nationale de la police"


def match_place(name: str) -> bool:
    """True for a region of a country or continent ("Western Australia", "Central America")."""
    rest = COMPASS.sub("", name)
    return bool(country_code(rest)) or rest.lower() in ("america", "asia", "africa", "europe")


def _currency(code: str) -> bool:
    import pycountry

    return len(code) == 3 and pycountry.currencies.get(alpha_3=code) is not None


def _names_at(masked: str, start: int) -> tuple[list[str], list[int]]:
    """The names of the list that starts at a position, and where each ends."""
    rest = masked[start:]
    speech = re.search(rf"\s+(?:{SPEECH.pattern})\b", rest)  # a name ends at "said"
    items = [trimmed(i) for i in object_items(rest[: speech.start()] if speech else rest)]
    plain = unprotect(masked)
    ends, end = [], start
    for item in items:
        at = plain.find(item, end)
        end = at + len(item) if at >= 0 else end + len(item)
        ends.append(end)
    return items, ends


def _clause_start(masked: str) -> int:
    """Where a sentence's main clause starts: after a leading phrase or a headline's kicker,
    and an article."""
    rest = KICKER.sub("", LEADING_PHRASE.sub("", masked, count=1), count=1)
    article = re.match(rf"{ARTICLE}", rest, re.I)
    return len(masked) - len(rest) + (article.end() if article else 0)


def standings(text: str, registry: Registry, country: str | None, finder: Finder) -> list[Standing]:
    """Every organization the text names, with what its mentions say, in order of mention."""
    foreign = foreign_acronyms(finder.acronyms, registry)
    whole = sorted(finder.acronyms.values(), key=len, reverse=True)
    found: dict[str, Standing] = {}
    lower = frozenset(re.findall(r"\b[a-zà-ÿ]+\b", text))
    for n, (offset, sentence) in enumerate(sentence_spans(text)):
        masked, known, known_spans = mask_known(sentence, registry, country, None, foreign)
        masked = protect_names(masked, whole)
        masked = compound_countries().sub(lambda m: protect(m[0]), masked)
        plain = unprotect(masked)
        clause = _clause_start(masked)
        romance = in_romance_language(sentence)
        here: set[str] = set()
        covered, publisher_end = 0, -1
        for m in NAME_START.finditer(masked):
            if m.start() < covered or OPENER.fullmatch(m[0]) or masked[: m.start()].endswith("/ "):
                continue  # "EU/ UNODC": one item
            items, ends = _names_at(masked, m.start())
            refs = [_resolve(item, finder, known, lower) for item in items]
            if refs and refs[0] is None:  # "Under the MoU, the Bureau ... will": no list
                covered = ends[0]
                continue
            covered = ends[-1] if items else m.start()
            before, after = plain[: m.start()], plain[covered:]
            verb = VERB_AFTER.match(after) if m.start() <= clause else None
            unit = publisher_end >= 0 and THROUGH_UNIT.fullmatch(plain[publisher_end : m.start()])
            if PUBLISHER in refs:
                publisher_end = covered
            listed: list[Standing] = []
            for item, ref in zip(items, refs, strict=True):
                if not isinstance(ref, OrgRef):
                    continue
                st = found.setdefault(ref.key, Standing(ref, first=n))
                _mention(st, n, before, after, verb, romance, item)
                st.owned = st.owned or bool(unit)
                st.with_publisher = st.with_publisher or PUBLISHER in refs
                st.spans.append(_span(item, sentence, offset, known, known_spans))
                listed.append(st)
            keys = {s.ref.key for s in listed}
            for st in listed:
                st.listed_with |= keys - {st.ref.key}
            here |= keys
        for key in here:
            found[key].beside |= here - {key}
    return list(found.values())


PUBLISHER = "publisher"


def _resolve(item: str, finder: Finder, known, lower: frozenset[str]) -> OrgRef | str | None:
    """The organization an item names, PUBLISHER for the publisher, None for no body."""
    if finder.is_publisher(item, known):
        return PUBLISHER
    return finder.ref(item, known) if well_formed(item, finder.acronyms, lower) else None


def _mention(st: Standing, n: int, before: str, after: str, verb, romance: bool, item: str):
    """Add what one mention says: its place, the verb after it, the words before it."""
    st.mentions += 1
    st.lead = st.lead or n <= 1
    speech = bool(verb and SPEECH.fullmatch(verb[1]))
    st.subject = st.subject or bool(verb and not speech)
    st.speaks = st.speaks or speech
    st.agent = st.agent or bool(AGENT.search(before))
    st.partner_word = st.partner_word or bool(PARTNER_WORD.search(before))
    st.cited += bool(SOURCE_BEFORE.search(before) or SOURCE_AFTER.match(after))
    st.counted = st.counted or bool(COUNTED_FROM.search(before))
    st.owned = st.owned or bool(OWNED.search(before))
    st.described += (
        _described(before, romance) or _forum(item, before) or bool(PROGRAMME_AFTER.match(after))
    )


def _described(before: str, romance: bool) -> bool:
    """True when a name follows an indefinite article (not Portuguese "a", which is "the")."""
    article = INDEFINITE.search(before)
    return bool(article and not (romance and article[1] in "aA"))


def _forum(item: str, before: str) -> bool:
    """True for a network or group named as the channel of others' work ("collaborate through
    the UN Network on Migration"), not a body doing it ("aid through IOM and UNICEF")."""
    return bool(CHANNEL.search(before) or THROUGH.search(before) and FORUM.search(item))


def _span(item: str, sentence: str, offset: int, known, known_spans) -> tuple[int, int]:
    """Where an item is named in the text (a registry name where it was masked)."""
    mask = MASK.search(item)
    if mask:
        a, b = known_spans[int(mask[1])]
        return offset + a, offset + b
    at = max(sentence.find(unprotect(item)), 0)
    return offset + at, offset + at + len(item)
