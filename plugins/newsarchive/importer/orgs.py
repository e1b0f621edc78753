"""Organizations in text: a reference to one, an item of a list cleaned into a name (no
article, description or possessive), and what reads as an organization's name."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..registry import Organization
from ..text import match_key
from .acronyms import CONNECTORS, ORG_HEADS
from .geo import name_index, nationality_code, romance_nationality
from .mentions import is_generic

MAX_NAME_WORDS = 12
GOVERNMENT_OF = re.compile(
    r"^(?P<who>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:['’]s)?\s+(?:government|authorities|Government)$"
)
# A state by its government's name, in four languages: "Gobierno de los Estados Unidos".
GOVERNMENT_NAMED = re.compile(
    r"^(?:the\s+)?(?:Government|Gobierno|Gouvernement|Governo)\s+(?:of|de|du|do|da|des|d['’])\s*"
    r"(?:the\s+|los\s+|las\s+|la\s+|le\s+|l['’]|o\s+|a\s+)?(.+)$"
)
POSSESSIVE = re.compile(r"^(?P<who>[A-Z][\w.-]+(?:\s[A-Z][\w-]+){0,2})['’]s\s+(?=[A-Z])")
# Words that open a sentence in capitals without naming anyone.
PRONOUNS = frozenset(
    "it this that these those they we he she its their our there here each all both some many "
    "most which who what such another".split()
)
MASK = re.compile("\ue000(\\d+)\ue001")
# A body described in words and named by the acronym after it ("Costa Rica's immigration
# authority (DGME)").
ACRONYMED = re.compile(r"\(([A-Z][A-Za-z.&/]{1,11})\)$")
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
    qualified: bool = False  # a generic name given the release's country ("... of Ghana")
    bare: bool = False  # a state the text names only by its country ("Kenya, Qatar sign ...")

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


# What news copy puts before a name: "the U.N. children's agency UNICEF", "the Thai charity
# LPN", "officers of the National Police Board".
DESCRIBED = re.compile(
    r"^(?:the\s+|a\s+|our\s+|its\s+|their\s+)?(?:[\w.'’-]+\s+){0,4}?(?:agency|organi[sz]ation|"
    r"charity|group|body|watchdog|fund|network|coalition|alliance|foundation|NGO|nonprofit|"
    r"non-profit|partners?)\s+(?=[A-Z])"
)
# What a funder's name is followed by in "with support from the European Union's humanitarian
# aid", and a description in lower case after a name ("the Proyecto Esperanza foundation").
FUNDING_OF = re.compile(
    r"(?<=[A-Za-z)])['’]s\s+(?:\w+\s+)?(?:aid|funding|support|assistance|grant|contribution|"
    r"financing|funds)$"
)
UNIT_OF = re.compile(
    r"(?<=[A-Za-z)])['’]s\s+(?:[a-z-]+\s+){0,4}(?:unit|department|division|office|team|bureau|"
    r"section|branch|wing|cell|desk)$"
)
# A state's body as news copy writes it, its head in lower case after a nationality: "the
# Pakistani embassy in Muscat", "the Croatian police".
NEWS_BODY = re.compile(
    r"^((?:[Tt]he\s+)?[A-Z][a-z]+(?:an|ese|ish|i|ch|ic))\s+(embassy|consulate|police|coast guard|"
    r"navy|army|border police)\b"
)
DESCRIBED_AFTER = re.compile(
    r"(?<=[A-Za-z])\s+(?:foundation|charity|association|organi[sz]ation|network|"
    r"coalition|NGO|nonprofit|non-profit)$"
)
# A French, Spanish or Portuguese article before a body's head word ("La Fundación", "O
# Ministério"), not before a name's own first word ("La Strada").
ROMANCE_ARTICLE = re.compile(
    r"^(?:La|Le|Les|El|Los|Las|O|Os|As)\s+(?=(?:Comit|Minist|Fundaci|Fondation|Secr[eé]tar|Direc|"
    r"Comisi|Comiss|Commission|Agen|Institut|Oficina|Office|Procura|Defensor|Fiscal|Polic|Gendarm|"
    r"Brigad|Unidad|Cellule|Conse|Observat|Centr|Program|Gouvern|Gobierno|Governo|Embajada|"
    r"Ambassade|Asocia|Association|Federa|Fédéra|Réseau|Red |Mecanismo|Mécanisme|Servic|Service|"
    r"Departamento|Département|Tribunal|Juzgado)\w*)"
)
PEOPLE_OF = re.compile(
    r"^(?:officers|officials|staff|representatives|members|delegates|experts|heads|leaders|"
    r"agents|investigators|inspectors|police officers|teams?)\s+of\s+the\s+",
    re.I,
)


def clean_item(item: str) -> str:
    """An item of a list as a name: no article, no "/ other" part, no description before it
    ("the U.N. children's agency UNICEF"), a country's possessive made a qualifier ("Angola's
    Ministry of Justice" -> "Ministry of Justice of Angola", "Germany's Federal Office ...
    (BAMF)" -> "Federal Office ... of Germany (BAMF)")."""
    item = re.split(r"/(?![^()]*\))", unprotect(item))[0]
    item = re.sub(r"[\"“”](?=[A-Z])|(?<=[a-z])[\"“”](?= [A-Z])", "", item)  # 'Center "La Strada"'
    item = re.sub(r"(\([A-Z][A-Za-z.&/]{1,11}\))\s+(?:de|du|del|of)\s+[A-Z][\w ]*$", r"\1", item)
    item = FUNDING_OF.sub("", item)  # "the European Union's humanitarian aid"
    item = UNIT_OF.sub("", item)  # "the Istanbul Police Department's anti-smuggling unit"
    item = news_body(item)  # "the Croatian police"
    item = re.sub(
        r"(\([A-Z][A-Za-z.&/]{1,11}\))\s+(?:GmbH|Ltd|Inc|PCL|plc|AG|S\.A\.|e\.V\.)$", r"\1", item
    )
    item = PEOPLE_OF.sub("", item.strip(" ,'\"“”"))
    item = DESCRIBED.sub("", item)
    item = re.sub(r"^(?:the|a|an|and|both|its|their)\s+", "", item.strip(" ,'\"“”"), flags=re.I)
    if item[:1].isupper():  # "the Proyecto Esperanza foundation"
        item = DESCRIBED_AFTER.sub("", item)
    item = re.sub(r"^(?:[lL]['’]|(?:la|le|les|el|los|las|o|os|as)\s+(?=[A-Z]|minist))", "", item)
    item = ROMANCE_ARTICLE.sub("", item)  # "Le Comité national de vigilance"
    item = re.sub(r"^minist(?=[eèé]re|erio|ério)", "Minist", item)  # French, Spanish "ministère"
    item = re.sub(r"\s+(?:project|programme|initiative)$", "", item).strip(" ,")
    item = re.sub(r"(?:\s+(?:and|or|of|the|for|with|in))+$", "", item)
    last = re.search(r"\s+([a-zà-ÿ]{5,})$", item)  # "la Guardia Civil espagnole"
    if last and item[:1].isupper() and romance_nationality(last[1]):
        item = item[: last.start()]
    item = re.sub(
        r"^(?:the\s+)?(?:NGOs?|ONGs?|charity|non-governmental organi[sz]ation)\s+(?=[A-Z])",
        "",
        item,
    )
    owner = POSSESSIVE.match(item)
    if owner and match_key(owner["who"]) in name_index():
        rest = item[owner.end() :]
        m = re.match(r"^(.*?)(\s*\([^)]*\))?$", rest)
        item = f"{m[1]} of {owner['who']}{m[2] or ''}" if is_generic_name(m[1]) else rest
    return item


def news_body(text: str) -> str:
    """A state's body news copy writes in lower case, with its head capitalized ("the Pakistani
    embassy in Muscat" -> "the Pakistani Embassy in Muscat")."""
    return NEWS_BODY.sub(lambda m: f"{m[1]} {m[2].title()}", text)


def is_generic_name(name: str) -> bool:
    """True for a name that needs its country to mean one body ("Ministry of Justice")."""
    return is_generic(name)


def org_like(name: str) -> bool:
    """A phrase that can stand for an organization: acronym, country, or a named body."""
    if MASK.search(name) or GOVERNMENT_OF.match(name):
        return True
    ws = name.split()
    if not ws or not all(capital_word(w) for w in ws):
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


def protect(name: str) -> str:
    """A defined name with its spaces and commas hidden, so list splitting leaves it whole."""
    return name.replace(" ", "\ue006").replace(",", "\ue003")


def unprotect(text: str) -> str:
    return text.replace("\ue006", " ").replace("\ue003", ",")


def protect_names(text: str, names: list[str]) -> str:
    """The text with each of these names (longest first) kept whole by list splitting."""
    for name in names:
        if name in text:
            text = text.replace(name, protect(name))
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


def sentences(text: str) -> list[str]:
    """Sentences of a text, not split after titles and initials (Mr., U.S.)."""
    parts = SENTENCE_END.split(text)
    return [p for p in parts if p.strip()]


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


def base_name(item: str) -> str:
    return re.sub(r"\s*\(.*", "", item)


def proper_name(text: str) -> bool:
    ws = text.split()
    return 0 < len(ws) <= MAX_NAME_WORDS and all(map(capital_word, ws))


def capital_word(word: str) -> bool:
    """A word that can be part of a proper name: capitalized, a connector, or d'/l' + capital."""
    return (
        word[:1].isupper()
        or word.lower() in CONNECTORS
        or word in ("–", "-", "&")
        or bool(re.match(r"[dl]['’][A-Z]", word))
    )


def is_body(item: str) -> bool:
    """An item that names a body, not a state by its people ("the Spanish", "French
    authorities") nor a plural ("Member States")."""
    base = base_name(clean_item(item))
    if MASK.search(item) or ACRONYMED.search(item.strip()):
        return True
    return org_like(base) and not GOVERNMENT_OF.match(base) and not nationality_code(base)
