"""Partners inferred from how a release names an organization when no phrase gives it a part:
a small hand-set linear score over the features of its mentions (salience.py), its weights
chosen by leaving one fixture set out at a time (tests/importer/loso.py says how). Every
partner so found is named in the release's review notes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..text import match_key
from .orgs import OrgRef
from .phrases import DONOR_NAME
from .salience import Standing
from .support import donor_like, home_country

# Features a rule may weigh: each is True or False for one organization in one release.
FEATURES = (
    "subject",
    "agent",
    "partner_word",
    "lead",
    "listed",
    "beside",
    "many",
    "speaks",
)


@dataclass(frozen=True)
class Rule:
    """Weights of the features and the least total that makes an organization a partner."""

    weights: tuple[tuple[str, int], ...]
    threshold: int

    def score(self, features: dict[str, bool]) -> int:
        """The rule's total for one organization's features."""
        return sum(weight for name, weight in self.weights if features[name])

    def describe(self) -> str:
        """The rule in one line: "subject*2 + agent*2 + ... >= 2"."""
        terms = [f"{name}*{weight}" for name, weight in self.weights if weight]
        return " + ".join(terms) + f" >= {self.threshold}"


# Chosen by leave-one-set-out on the six blind sets, each scored with the importer as it was
# before that set was first run (tests/importer/loso.py; README "Importer").
RULE = Rule(
    (
        ("subject", 2),
        ("agent", 1),
        ("partner_word", 2),
        ("lead", 1),
        ("listed", 0),
        ("beside", 2),
        ("many", 1),
        ("speaks", 0),
    ),
    2,
)


def features(st: Standing, taken: set[str]) -> dict[str, bool]:
    """The features of one organization, given the keys of the parties the phrases found."""
    return {
        "subject": st.subject,
        "agent": st.agent,
        "partner_word": st.partner_word,
        "lead": st.lead,
        "listed": bool(st.listed_with & taken),
        "beside": bool(st.beside & taken),
        "many": st.mentions >= 2,
        "speaks": st.speaks,
    }


# A state's government: a party only where a phrase gives it its part ("Government of Japan").
GOVERNMENT = re.compile(r"\b(?:Government|Gobierno|Gouvernement|Governo)\b")


# A foundation may be an NGO doing the work ("Blue Dragon Children's Foundation"): its part is
# money only where a phrase says so.
FOUNDATION = re.compile(r"^(?:Foundation|Fundación|Fondation|Fundação|Trust)$")


def _donor(ref: OrgRef, country: str | None) -> bool:
    """True for a donor, fund, embassy or development agency, not a foundation by its name."""
    if not donor_like(ref, country):
        return False
    words = DONOR_NAME.findall(ref.org.name if ref.org else ref.name)
    return (
        bool(ref.org and ref.org.type == "donor")
        or not words
        or not all(FOUNDATION.match(w) for w in words)
    )


def _state(ref: OrgRef) -> bool:
    return bool(GOVERNMENT.search(ref.name)) or ref.bare


def same_body(a: OrgRef, b: OrgRef) -> bool:
    """True when two references name one body ("Ministry of Labour" and "Ministry of Labour
    of Kenya", "Cambodian Police" and "Cambodian National Police", "ILO" and "International
    Labour Organization (ILO)")."""
    if a.key == b.key or (a.acronym and a.acronym == b.acronym):
        return True
    short, long = sorted((match_key(a.name).split(), match_key(b.name).split()), key=len)
    if not short:
        return False
    if long[: len(short)] == short:  # "Ministry of Labour" of Kenya, not "National Police" Academy
        return len(long) == len(short) or long[len(short)] in QUALIFIERS
    words = iter(long)  # "Cambodian Police" in "Cambodian National Police", head word last
    return short[-1] == long[-1] and all(w in words for w in short)


QUALIFIERS = frozenset("of for in at de del du des da do".split())


def inferred_partners(
    standings: Iterable[Standing],
    found: list[OrgRef],
    country: str | None,
    owns=lambda name, home: False,
    rule: Rule = RULE,
) -> list[Standing]:
    """The organizations the phrases did not find that the rule makes partners: never one cited
    only as a source, people counted from it, a country named bare, a donor (its part is money,
    which only a phrase says), or a body of the publisher's own state."""
    taken = {r.key for r in found}
    out = []
    for st in standings:
        ref = st.ref
        if any(same_body(ref, r) for r in found) or st.only_cited or st.counted or st.owned:
            continue
        if st.described >= st.mentions:  # only described or a channel, never acting
            continue
        if _donor(ref, country) or owns(ref.name, home_country(ref)) or _state(ref):
            continue
        if rule.score(features(st, taken)) >= rule.threshold:
            out.append(st)
    return out
