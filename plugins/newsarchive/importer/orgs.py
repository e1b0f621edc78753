"""Partners and funders: organizations a release names as party to the work, other than IOM."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from ..registry import Organization, Registry
from ..text import match_key
from .acronyms import CONNECTORS, ORG_HEADS, acronym_definitions
from .geo import name_index
from .mentions import known_mentions, resolve_name

PUBLISHER_NAMES = ("IOM", "International Organization for Migration", "UN Migration")
MAX_NAME_WORDS = 12
MONEY_WORDS = (
    r"(?:the\s+)?(?:generous\s+|financial\s+|kind\s+|technical\s+)?(?:support|funding|financ|"
    r"assistance|contribution|grant|donation|resources)"
)
JOINT_VERBS = (
    r"organi[sz]ed|implemented|delivered|conducted|hosted|led|published|launched|released|"
    r"produced|developed|prepared|written|authored|convened|run|managed|chaired"
)
PARTNER_TRIGGER = re.compile(
    r"\b(?:in (?:close )?(?:collaboration|partnership|cooperation|coordination) with|"
    r"(?:partner(?:ed|ing|s)?|collaborat\w+|cooperat\w+|work(?:s|ed|ing)?|team(?:ed|s)? up|"
    r"join(?:ed|s|ing)? forces|together|jointly|(?:developed|designed|drafted|prepared|produced|"
    r"implemented|organi[sz]ed|conducted|delivered|carried out)(?: jointly)?) with|"
    r"(?:jointly |co-)?(?:organi[sz]ed|implemented|delivered|conducted|hosted|led) jointly by|"
    rf"(?:jointly |co-)(?:{JOINT_VERBS})(?: today| this week| on \w+day)? by|backed by|"
    r"(?:memorandum of understanding|mou|agreement|statement of partnership|letter of intent|"
    r"partnership|accord)(?:\s*\([A-Za-z]+\))? (?:with|between)|signed\b[^.;]{0,80}?\bwith)\s+"
    rf"(?!{MONEY_WORDS})",
    re.I,
)
FUNDED_WORK = (
    r"project|programme|program|initiative|activit(?:y|ie)|campaign|training|work|event|"
    r"workshop|conference|dialogue|course|centre|center|helpline|shelter|desk|study|research"
)
FUNDER_TRIGGER = re.compile(
    r"\b(?:(?:generously |jointly |co-)?(?:funded|financed|sponsored|bankrolled)"
    r"(?: jointly| generously)? by|(?:generously|financially) supported by|"
    rf"\b(?:{FUNDED_WORK})s? (?:is|was|are|were|has been|have been|will be) "
    r"(?:generously |also |kindly )?supported by|"
    r"(?:funding|financing|grants?|contributions?|donations?|financial support|support)\b"
    r"[^.;]{0,60}?\b(?:was|were|is|are|has been|have been|being) (?:generously )?provided by|"
    r"(?:with|through|thanks to) (?:the )?(?:generous |financial |kind |continued )?"
    r"(?:support|funding|assistance|contributions?|financing|grants?|donations?) (?:from|of|by)|"
    r"(?:funding|financing|grants?|contributions?|donations?) (?:from|by)|"
    r"made possible (?:by|through|with|thanks to) (?:the )?(?:generous )?(?:financial )?"
    r"(?:support|funding|contributions?|grants?) (?:of|from)"
    r"(?: the \w+ people (?:through|via))?)\s+",
    re.I,
)
HELP_TRIGGER = re.compile(
    r"\b(?:with|through|thanks to) (?:the )?(?:\w+ )?(?:support|assistance|help) (?:of|from)\s+"
)
SUBJECT_SIGN = re.compile(
    r"\s+(?:(?:have|has|had|will|are|were|today|jointly|formally|officially|recently|also|"
    r"together)\s+){0,2}(?:[a-z]+ed|sign|signs|launch(?:es)?|opens?|joins?|agrees?|holds?|"
    r"hosts?|renews?|unveils?|work|works|partners?|teams?|co-hosts?|organi[sz]es?|establish(?:es)?|"
    r"set up|sets up|commits?|convenes?|calls?|deliver|delivers|trains?|starts?|begins?|began|"
    r"held|met|meet|meets|built|build|builds)\b"
)
OBJECT_STOP = re.compile(
    r"(?<!\b[A-Z])[.;:]\s|[.;:]$|,\s*(?:which|who|whose|where|while|with|to|in order|as)\b|"
    r"\s(?:to|in order|for|within|under|through|as|that|on|at|during|since|has|have|will|is|"
    r"are|was|were|who|which|across|over|after|before|following|in)\s+(?![A-Z])"
)
_SPLIT = re.compile(r"\s*(?:,\s*and|,\s*as well as|\band also|,|\s+and\s+(?=the\s|[A-Z\ue000]))\s*")
PREPOSITION = re.compile(
    r"(?:under|in|on|at|with|for|through|after|during|following|since|as|by|from|today|this|"
    r"last|yesterday|earlier|later|meanwhile|however)\b",
    re.I,
)
BODY_OF = re.compile(rf"{ORG_HEADS.pattern} of ([^,(]+)$")
LEADING_PHRASE = re.compile(
    r"^(?:On|In|At|During|Following|After|Ahead of|To mark|Marking)\b[^,;]{3,120},\s+(?=\S)"
)
MASK = re.compile("\ue000(\\d+)\ue001")
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bMrs\.)"
    r"(?<!\bCo\.)(?<!\bJr\.)(?<!\bTel\.)(?<=[.!?])\s+(?=[A-Z\"“‘])"
)


@dataclass(frozen=True)
class OrgRef:
    """An organization a release names: registry entry when known, else what the text says."""

    name: str
    acronym: str = ""
    org: Organization | None = None

    @property
    def key(self) -> str:
        """Match key used to tell organizations apart."""
        return self.org.slug if self.org else match_key(self.acronym or self.name)

    @property
    def label(self) -> str:
        """As written in front matter: acronym if any, else name."""
        if self.org:
            return self.org.short
        return self.acronym or self.name


def is_publisher(text: str) -> bool:
    """True when a mention names the publisher (IOM), "IOM Pakistan" included."""
    key = match_key(text)
    key = re.sub(r"^(?:the|uns?|un s)\s+", "", key)
    return any(key == k or key.startswith(k + " ") for k in map(match_key, PUBLISHER_NAMES))


def _clean_item(item: str) -> str:
    item = re.split(r"/(?![^()]*\))", _unprotect(item))[0]
    item = re.sub(r"^(?:the|a|an|and|both|its|their)\s+", "", item.strip(" ,'\"“”"), flags=re.I)
    return re.sub(r"\s+(?:project|programme|initiative)$", "", item).strip(" ,")


def _org_like(name: str) -> bool:
    """A phrase that can stand for an organization: acronym, country, or a named body."""
    if MASK.search(name):
        return True
    ws = name.split()
    if not ws or not all(_capital_word(w) for w in ws):
        return False
    if re.fullmatch(r"[A-Z][A-Za-z.&]*[A-Z]\w*", name) and len(name) <= 12:
        return True
    if acronym_led(name) or names_country_body(name):
        return True
    if match_key(name) in name_index():
        return True
    return bool(ORG_HEADS.search(name)) and len([w for w in ws if w[:1].isupper()]) >= 2


def acronym_led(name: str) -> bool:
    """A name made of an acronym and capitalized words ("UN Women", "HAART Kenya")."""
    ws = name.split()
    return 2 <= len(ws) <= 4 and bool(re.fullmatch(r"[A-Z]{2,}", ws[0])) and ws[1][:1].isupper()


def names_country_body(name: str) -> bool:
    """A proper name of a body that ends in its country ("Global Affairs Canada", "Caritas
    Kenya")."""
    ws = name.split()
    if not 2 <= len(ws) <= 5:
        return False
    for n in range(1, min(4, len(ws))):
        if match_key(" ".join(ws[-n:])) in name_index():
            return all(w[:1].isupper() for w in ws[:-n])
    return False


def _protect(name: str) -> str:
    """A defined name with its spaces and commas hidden, so list splitting leaves it whole."""
    return name.replace(" ", "\ue006").replace(",", "\ue003")


def _unprotect(text: str) -> str:
    return text.replace("\ue006", " ").replace("\ue003", ",")


def protect_names(text: str, names: list[str]) -> str:
    """The text with each of these names (longest first) kept whole by list splitting."""
    for name in names:
        if name in text:
            text = text.replace(name, _protect(name))
    return text


@functools.lru_cache(maxsize=1)
def compound_countries() -> re.Pattern:
    """Country names with "and" in them ("São Tomé and Príncipe"), accents optional, which
    lists must not split."""
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and " and " in value:
                names.add(value)
    accented: dict[str, str] = {}
    for code in range(0xC0, 0x180):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha():
            accented[base] = accented.get(base, base) + chr(code)
    patterns = [
        "".join(f"[{accented[c]}]" if c in accented else re.escape(c) for c in name)
        for name in sorted(names, key=len, reverse=True)
    ]
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


def object_items(text: str) -> list[str]:
    """The organizations listed at the start of a text ("the EU, Japan and X (ABC), to ...")."""
    names = {_unprotect(name) for name in acronym_definitions(text).values()}
    text = protect_names(text, sorted(names, key=len, reverse=True))
    stop = OBJECT_STOP.search(text)
    span = text[: stop.start()] if stop else text
    items: list[str] = []
    pieces = re.split(f"({_SPLIT.pattern})", span)
    for raw in merge_name_parts(pieces[::2], pieces[1::2]):
        item = _clean_item(_unprotect(raw))
        if not item:
            continue
        base = re.sub(r"\s*\(.*", "", item)
        if not (_org_like(base) or base in names or (items and _list_name(base))):
            break
        items.append(item)
    return items


def _list_name(name: str) -> bool:
    """A short proper name, which counts as an organization inside a list of them ("Walk Free")."""
    ws = name.split()
    return 1 <= len(ws) <= 5 and ws[0][:1].isupper() and all(map(_capital_word, ws))


def _ref(
    item: str, known: list[Organization], registry: Registry, acronyms: dict[str, str]
) -> OrgRef | None:
    """The organization an item names: a masked registry mention, or a new one from the text."""
    masked = MASK.search(item)
    if masked:
        org = known[int(masked[1])]
        return None if is_publisher(org.short) else OrgRef(org.name, org.acronym, org)
    m = re.search(r"^(.*?)\s*\(([A-Z][A-Za-z.&/]{1,11})\)$", item)
    name, acronym = (m[1].strip(), m[2].replace(".", "")) if m else (item, "")
    if not acronym and re.fullmatch(r"[A-Z][A-Za-z.&]*[A-Z]\w*", name):
        acronym = name.replace(".", "")
        name = acronyms.get(acronym, acronym)
    if is_publisher(name) or (acronym and is_publisher(acronym)):
        return None
    org = resolve_name(registry, name) or (resolve_name(registry, acronym) if acronym else None)
    if org is None and match_key(name) in name_index():
        org = registry.resolve(f"Government of {name}")
        name = org.name if org else f"Government of {name}"
    if org:
        return None if is_publisher(org.short) else OrgRef(org.name, org.acronym, org)
    return OrgRef(name, acronym if acronym != name else "")


def _refs(
    items: list[str],
    known: list[Organization],
    registry: Registry,
    acronyms: dict[str, str],
    sentence: str,
) -> tuple[list[OrgRef], list[tuple[int, int]]]:
    """The organizations items name, and where the sentence names those not in the registry."""
    found: list[OrgRef] = []
    where: list[tuple[int, int]] = []
    for item in items:
        plain = _unprotect(item)
        at = -1 if MASK.search(plain) else sentence.find(plain)
        if at >= 0:
            where.append((at, at + len(plain)))
        ref = _ref(item, known, registry, acronyms)
        if ref:
            found.append(ref)
    return found, where


def sentences(text: str) -> list[str]:
    """Sentences of a text, not split after titles and initials (Mr., U.S.)."""
    parts = SENTENCE_END.split(text)
    return [p for p in parts if p.strip()]


def mask_known(
    sentence: str, registry: Registry, country: str | None = None
) -> tuple[str, list[Organization], list]:
    """The sentence with each registry organization replaced by a numbered placeholder, the
    organizations, and where the sentence names them."""
    known: list[Organization] = []
    spans = []
    out, last = [], 0
    for found in known_mentions(sentence, registry, country):
        out += [sentence[last : found.start], f"\ue000{len(known)}\ue001"]
        known.append(found.org)
        spans.append((found.start, found.end))
        last = found.end
    out.append(sentence[last:])
    return "".join(out), known, spans


def sentence_spans(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of each line of a text."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        start = 0
        for m in SENTENCE_END.finditer(line):
            if line[start : m.start()].strip():
                out.append((offset + start, line[start : m.start()]))
            start = m.end()
        if line[start:].strip():
            out.append((offset + start, line[start:].rstrip("\r\n")))
        offset += len(line)
    return out


class Parties(NamedTuple):
    """Partners and funders a text names, and where it names organizations at all."""

    partners: list[OrgRef]
    funders: list[OrgRef]
    spans: list[tuple[int, int]]


def find_parties(text: str, registry: Registry, country: str | None = None) -> Parties:
    """Partners and funders a release's text names, in order of mention, publisher excluded,
    and the spans of the text that name organizations; country is the release's own, which
    a generic name ("the Ministry of Interior") may stand for."""
    acronyms = acronym_definitions(text)
    whole_names = sorted(acronyms.values(), key=len, reverse=True)
    partners: list[OrgRef] = []
    funders: list[OrgRef] = []
    spans: list[tuple[int, int]] = []
    for offset, sentence in sentence_spans(text):
        masked, known, known_spans = mask_known(sentence, registry, country)
        spans.extend((offset + a, offset + b) for a, b in known_spans)
        masked = protect_names(masked, whole_names)
        masked = compound_countries().sub(lambda m: _protect(m[0]), masked)

        def refs(items: list[str], known=known, offset=offset, sentence=sentence) -> list[OrgRef]:
            found, where = _refs(items, known, registry, acronyms, sentence)
            spans.extend((offset + a, offset + b) for a, b in where)
            return found

        for m in FUNDER_TRIGGER.finditer(masked):
            funders += refs(object_items(masked[m.end() :]))
        partner_hits = list(PARTNER_TRIGGER.finditer(masked))
        for m in partner_hits:
            partners += refs(object_items(masked[m.end() :]))
        joint = joint_subject(masked, known) or helped_subject(masked, known)
        partners += refs(joint)
        if partner_hits or joint:
            partners += [OrgRef(o.name, o.acronym, o) for o in known if not is_publisher(o.short)]
    funders = _unique(funders)
    funder_keys = {r.key for r in funders}
    partners = _unique(r for r in partners if r.key not in funder_keys)
    return Parties(partners, funders, sorted(set(spans)))


def joint_subject(masked: str, known: list[Organization]) -> list[str]:
    """Co-actors of the publisher in a sentence like "X and IOM have signed...", else []."""
    masked = LEADING_PHRASE.sub("", masked, count=1)
    sign = SUBJECT_SIGN.search(masked)
    if not sign or len(masked[: sign.start()].split()) > 30:
        return []
    subject: list[str] = []
    for part in merge_name_parts(re.split(r"\s+and\s+", masked[: sign.start()])):
        head, *rest = [_clean_item(p) for p in part.split(",")]
        if re.match(PREPOSITION, head) or not (MASK.search(head) or _proper_name(_base(head))):
            return []
        subject += [head, *(p for p in rest if MASK.search(p) or _proper_name(_base(p)))]
    if not any(_is_publisher_item(s, known) for s in subject):
        return []
    return [s for s in subject if not _is_publisher_item(s, known)]


def helped_subject(masked: str, known: list[Organization]) -> list[str]:
    """The subject of a sentence in which the publisher helps ("The Government of Ethiopia
    launched a plan with technical support from IOM"), else []."""
    helped = any(
        (items := object_items(masked[m.end() :])) and _is_publisher_item(items[0], known)
        for pattern in (HELP_TRIGGER, PARTNER_TRIGGER)
        for m in pattern.finditer(masked)
    )
    masked = LEADING_PHRASE.sub("", masked, count=1)
    sign = SUBJECT_SIGN.search(masked)
    if not helped or not sign:
        return []
    head = _clean_item(masked[: sign.start()].split(",")[0])
    if _is_publisher_item(head, known) or not (MASK.search(head) or _org_like(_base(head))):
        return []
    return [head]


def merge_name_parts(parts: list[str], separators: list[str] | None = None) -> list[str]:
    """Parts split at "and" joined back where "and" is inside a body's name: "Ministry of
    Solidarity" + "the Fight against Poverty"; not after a country ("... of Honduras")."""
    separators = separators if separators is not None else ["and"] * len(parts)
    out: list[str] = []
    for i, part in enumerate(parts):
        previous = out[-1] if out else ""
        m = BODY_OF.search(previous)
        joined_by_and = i > 0 and separators[i - 1].strip() == "and"
        if joined_by_and and m and not _ends_with_country(m[1]) and not _heads_a_name(part):
            out[-1] = f"{previous} and {part}"
        else:
            out.append(part)
    return out


def _ends_with_country(text: str) -> bool:
    """True when a name ends with a country's name ("Foreign Affairs of Honduras")."""
    ws = text.split()
    return any(match_key(" ".join(ws[-n:])) in name_index() for n in range(1, min(4, len(ws)) + 1))


def _heads_a_name(part: str) -> bool:
    """True when a part names a body of its own: a placeholder, an acronym or a head word."""
    base = _clean_item(part)
    return bool(MASK.search(base) or re.match(r"[A-Z]{2,}\b", base) or ORG_HEADS.search(base))


def _base(item: str) -> str:
    return re.sub(r"\s*\(.*", "", item)


def _proper_name(text: str) -> bool:
    ws = text.split()
    return 0 < len(ws) <= MAX_NAME_WORDS and all(map(_capital_word, ws))


def _capital_word(word: str) -> bool:
    """A word that can be part of a proper name: capitalized, a connector, or d'/l' + capital."""
    return (
        word[:1].isupper() or word.lower() in CONNECTORS or bool(re.match(r"[dl]['’][A-Z]", word))
    )


def _is_publisher_item(item: str, known: list[Organization]) -> bool:
    m = MASK.search(item)
    return is_publisher(known[int(m[1])].short) if m else is_publisher(item)


def _unique(refs) -> list[OrgRef]:
    out: dict[str, OrgRef] = {}
    for ref in refs:
        out.setdefault(ref.key, ref)
    return list(out.values())
