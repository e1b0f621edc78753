"""The organizations a sentence's subject names: "X and Y have signed", "X, with the support
of Z, launched", "The Government of X, through A and B, launched"."""

from __future__ import annotations

import re
from collections.abc import Callable

from .geo import country_code, in_romance_language
from .mentions import is_generic
from .namelists import merge_name_parts, object_items, sentence_case_name
from .orgs import (
    ACRONYMED,
    DESCRIBED,
    GOVERNMENT_OF,
    MASK,
    base_name,
    capital_word,
    clean_item,
    news_body,
    org_like,
    proper_name,
)
from .phrases import (
    INSERTED_CLAUSE,
    KICKER,
    LEADING_PHRASE,
    PREPOSITION,
    SUBJECT_SIGN,
    THROUGH_CLAUSE,
    WORK_VERB,
)

MINISTER_OF = re.compile(r"\bMinister(?= (?:of|for) [A-Z])")
# An official named with the body before the post: "BI Commissioner Norman Tansingco" is the BI.
OFFICIAL = re.compile(
    r"^(?P<body>.+?)\s+(?:Deputy\s+|Acting\s+)?(?:Secretary|Commissioner|Minister|Director|"
    r"Chairperson|Chairman|Chair|Chief|Head|President|Spokesperson|Spokesman|Ambassador|"
    r"Representative|Coordinator|Governor|Commander|Inspector)(?:[- ]General)?"
    r"(?:\s+(?:[A-Z][\w.'’-]*|d[aeiu]|de|van|von|bin|binti)){1,5}$"
)
# A clause within a sentence whose subject acts: "The investigation began after the X referred".
CLAUSE_START = re.compile(
    r"^.*\b(?:after|when|once|because|as soon as|while|before|until)\s+(?=\S)"
)
# People in a place, not a body: "Refugees in Poland, the Republic of Moldova and Romania".
PEOPLE_IN = re.compile(r"^[A-Z][a-z]+s\s+(?:in|from|of)\s+")


def sentence_subject(masked: str, is_publisher: Callable[[str], bool]) -> list[str]:
    """The organizations that are the subject of a sentence ("X and Y have signed"),
    else []."""
    masked = LEADING_PHRASE.sub("", masked, count=1)
    masked = KICKER.sub("", masked, count=1)
    through = THROUGH_CLAUSE.match(masked)  # "The Government of X, through A and B, launched"
    if through and SUBJECT_SIGN.match(masked, through.end()):
        return object_items(through["bodies"]) if subject_items(through[1], is_publisher) else []
    masked = INSERTED_CLAUSE.sub("", masked, count=1)
    sign = SUBJECT_SIGN.search(masked)
    if not sign or len(masked[: sign.start()].split()) > 30:
        return []
    return subject_items(masked[: sign.start()], is_publisher)


def subject_items(head: str, is_publisher: Callable[[str], bool]) -> list[str]:
    """The organizations a sentence's subject lists ("X and Y", "X, with the support of
    Z,"), else []."""
    head = re.sub(
        r",\s*(?:in (?:close )?(?:collaboration|partnership|co-?operation) with|"
        r"together with|with (?:the )?support (?:of|from)|with|through|via|a través de)\b.*$",
        "",
        head,
    )
    head = MINISTER_OF.sub("Ministry", head)  # a minister signs for the ministry
    # "Ministério da Justiça e dos Direitos Humanos" stays one name
    pieces = re.split(
        r"(,\s*and\s+|,\s*|\s+(?:and|y|et|e)\s+(?!(?:dos|das|des|du|del|de)\s))", head
    )
    glue = ["," if p.strip() == "," else "and" if "and" in p else p.strip() for p in pieces[1::2]]
    subject = [clean_item(p) for p in merge_name_parts(pieces[::2], glue)]
    subject = [b for b in map(_body_of_official, subject) if b is not None]  # no body, no item
    if not subject or re.match(PREPOSITION, subject[0]):
        return []
    if not all(map(_name_item, subject)) or not any(map(_named, subject)):
        return []
    # "IOM Afghanistan and Tajikistan": the second country is the publisher's office too
    offices = [
        item
        for before, item in zip(subject, subject[1:], strict=False)
        if country_code(item) and is_publisher(before) and " " in before
    ]
    return [item for item in subject if item not in offices]


# Verbs a Title Case headline puts after its parties: "The United States and Mongolia Sign ...".
HEADLINE_VERB = re.compile(
    r"(?<=\s)(?:Sign|Signs|Launch|Launches|Open|Opens|Hold|Holds|Train|Trains|Agree|Agrees|"
    r"Partner|Partners|Join|Joins|Team Up|Teams Up|Renew|Renews|Unveil|Unveils|Host|Hosts|"
    r"Deliver|Delivers|Strengthen|Strengthens|Establish|Establishes|Adopt|Adopts|Inaugurate|"
    r"Inaugurates|Validate|Validates|Support|Supports|Join Forces|Hand Over|Hands Over|"
    r"Commit|Commits|Step Up|Steps Up|Boost|Boosts|Expand|Expands)(?=\s)"
)


def headline_verb_lowered(headline: str) -> str:
    """A Title Case headline with its first verb in lower case, so its parties read as a
    sentence's subject ("The United States and Mongolia sign Memorandum ...")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", headline)
    long = [w for w in words if len(w) > 3]
    if not long or sum(w[0].isupper() for w in long) < 0.8 * len(long):
        return headline  # sentence case: its verb is in lower case already
    return HEADLINE_VERB.sub(lambda m: m[0].lower(), headline, count=1)


def acting_subject(masked: str, is_publisher: Callable[[str], bool]) -> list[str]:
    """The organizations a sentence names as doing a part of the work on their own ("BMET will
    register workers", "The Spanish Red Cross provided first aid"), else []."""
    masked = LEADING_PHRASE.sub("", masked, count=1)
    masked = INSERTED_CLAUSE.sub("", masked, count=1)
    verb = WORK_VERB.search(masked)
    head = masked[: verb.start()] if verb else ""
    if head.rstrip().endswith(","):  # "The Government of Ghana, host of the workshop,"
        return []
    clause = CLAUSE_START.search(head)  # "The investigation began after the X referred"
    head = news_body((head[clause.end() :] if clause else head).strip())
    described = DESCRIBED.match(head.strip())  # "The European Union's police agency Europol"
    if described and proper_name(head.strip()[described.end() :]):
        return [head.strip()[described.end() :]]
    named = clean_item(head)  # "Le Comité national de vigilance coordonnera"
    if in_romance_language(masked) and sentence_case_name(named) and not is_publisher(named):
        return [named]
    if not head.strip() or not only_names(head) or PEOPLE_IN.match(head.strip()):
        return []
    items = subject_items(head, is_publisher)
    # "The Ministry's Migration Fund" is the body a text named before, not a new one
    return [i for i in items if not country_code(base_name(i)) and not _backward(i)]


def _backward(item: str) -> bool:
    """True for a body named by another's generic possessive ("Ministry's Migration Fund")."""
    first = re.match(r"([A-Z]\w+)['’]s\s", item)
    return bool(first) and is_generic(first[1])


def _body_of_official(item: str) -> str | None:
    """The body an official in a subject speaks for ("BI Commissioner Norman Tansingco" -> "BI"),
    None for an official of no named body ("Police Commissioner Omar Said"), else the item."""
    m = OFFICIAL.match(item)
    if not m:
        return item
    return m["body"] if MASK.search(m["body"]) or org_like(m["body"]) else None


def only_names(head: str) -> bool:
    """True when a sentence's start up to its verb holds only names ("The United States,
    through USAID,"), so the verb's subject is an organization."""
    if PREPOSITION.match(head.strip()) and not head.strip().lower().startswith("the"):
        return False
    ws = [w.strip("(),.") for w in head.replace(",", " ").split()]
    return 0 < len(ws) <= 20 and all(
        not w
        or MASK.search(w)
        or capital_word(w)
        or w.lower() in ("through", "via", "the", "o", "a", "os", "as")  # "contra o Tráfico"
        for w in ws
    )


def _name_item(text: str) -> bool:
    """An item of a subject list that reads as a name ("Liberty Shared" beside others)."""
    base = base_name(text)
    if ACRONYMED.search(text.strip()):
        return True
    if PEOPLE_IN.match(base) and not org_like(base):  # "Refugees in Poland"
        return False
    return bool(GOVERNMENT_OF.match(base)) or proper_name(MASK.sub("Org", base))


def _named(text: str) -> bool:
    """A subject item that can be an organization: a registry name (with an office's place
    after it, "IOM Pakistan"), a proper name of a body, a country or its government."""
    base = base_name(text)
    if GOVERNMENT_OF.match(base) or ACRONYMED.search(text.strip()):
        return True
    if MASK.search(base):
        return proper_name(MASK.sub("Org", base))
    return proper_name(base) and org_like(base) or bool(country_code(base))
