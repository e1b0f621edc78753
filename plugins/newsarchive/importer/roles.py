"""Partners and funders: the organizations a release names as party to the work, by the
phrases that give them their part ("in partnership with", "funded by", "X and Y signed",
"X will fund"), the publisher excluded. An organization named both ways is a funder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..countries import get_country
from ..registry import Organization, Registry
from ..text import match_key
from .acronyms import acronym_definitions, spells
from .geo import country_code, foreign_names, nationality_code
from .mentions import foreign_acronyms, is_generic, mask_known, resolve_name
from .namelists import object_items, paying_items, programme_named
from .orgs import (
    GOVERNMENT_NAMED,
    GOVERNMENT_OF,
    MASK,
    OrgRef,
    base_name,
    clean_item,
    compound_countries,
    is_body,
    protect,
    protect_names,
    sentence_spans,
    unprotect,
)
from .phrases import (
    AND_WITH,
    BETWEEN_TRIGGER,
    CHANNEL_TRIGGER,
    COUNTED,
    DEVELOPMENT_AGENCY,
    FUND_VERB,
    FUNDER_TRIGGER,
    HELP_TRIGGER,
    JOINT_STATEMENT,
    LEADING_PHRASE,
    LIST_ITEM,
    MONEY,
    PARTICIPANTS_INTRO,
    PARTNER_TRIGGER,
    PEOPLE_FROM,
    RECIPIENT_TRIGGER,
    SAID_IT,
    STATE_BUDGET,
    SUPPORT_TRIGGER,
    SUPPORT_VERB,
    SUPPORTS_BODY,
    THROUGH,
    WITH_MORE,
)
from .publisher import IOM, Publisher
from .subjects import acting_subject, only_names, sentence_subject, subject_items
from .support import donor_like, home_country, names_country


class Parties(NamedTuple):
    """Partners and funders a text names, where it names organizations at all, and the
    labels whose part was inferred rather than stated (for the editor's review)."""

    partners: list[OrgRef]
    funders: list[OrgRef]
    spans: list[tuple[int, int]]
    inferred: list[str] = []
    by_country: list[str] = []  # generic names taken to be the release's country's bodies


@dataclass
class _Sentence:
    """One sentence being read: its text with registry names masked, and what it names."""

    text: str
    offset: int
    masked: str
    known: list[Organization]
    spans: list[tuple[int, int]] = field(default_factory=list)
    places: list[tuple[int, int, str]] = field(default_factory=list)  # bare countries as parties


@dataclass
class PartyFinder:
    """Reads a release's sentences for the organizations party to its work."""

    registry: Registry
    publisher: Publisher = IOM
    country: str | None = None
    acronyms: dict[str, str] = field(default_factory=dict)
    foreign: frozenset[str] = frozenset()  # acronyms the text gives another body than the registry

    def is_publisher(self, item: str, known: list[Organization]) -> bool:
        """True when an item (a masked registry name or text) names the publisher."""
        m = MASK.search(item)
        if m:
            org = known[int(m[1])]
            return any(self.publisher.covers(n) for n in (org.name, org.short))
        return self.publisher.covers(base_name(item))

    def ref(self, item: str, known: list[Organization]) -> OrgRef | None:
        """The organization an item names: a masked registry mention, or a new one from the
        text (a bare country is its government; a generic name gets the release's country)."""
        if self.is_publisher(item, known):
            return None
        masked = MASK.search(item)
        if masked:
            org = known[int(masked[1])]
            return OrgRef(org.name, org.acronym, org)
        m = re.search(  # "... (CCTP) of the General Police Inspectorate" is the CCTP
            r"^(.*?)\s*\(([A-Z][A-Za-z.&/-]{1,11})\)(?:\s+[a-z]+|\s+(?:of|de|du|del)\s+.*)?$", item
        )
        name, acronym = (m[1].strip(), m[2].replace(".", "")) if m else (item, "")
        if not acronym and re.fullmatch(r"[A-Z][A-Za-z.&]*[A-Z]\w*", name):
            acronym = name.replace(".", "")
            name = self.acronyms.get(acronym, acronym)
        key = match_key(name)  # a name the text gives an acronym elsewhere is that acronym's
        given = (a for a, n in self.acronyms.items() if match_key(n) == key and spells(a, n))
        acronym = acronym or next(given, "")
        if self.publisher.covers(name) or (acronym and self.publisher.covers(acronym)):
            return None
        registry = self.registry
        gov = GOVERNMENT_OF.match(name)
        who = gov["who"].split() if gov else []
        code = gov and (
            nationality_code(gov["who"]) or country_code(gov["who"]) or nationality_code(who[-1])
        )
        if code and get_country(code) and not registry.resolve(name):
            name = get_country(code).name  # "the Mozambican government" is Mozambique's
        org = resolve_name(registry, name, self.country)
        org = org or (resolve_name(registry, acronym) if acronym not in self.foreign else None)
        bare = org is None and bool(country_code(name))
        if bare:
            org = registry.resolve(f"Government of {name}")
            name = org.name if org else f"Government of {name}"
        if org:
            return None if self.publisher.covers(org.short) else OrgRef(org.name, org.acronym, org)
        if is_generic(name) and self.country and get_country(self.country):
            return OrgRef(f"{name} of {get_country(self.country).name}", acronym, qualified=True)
        return OrgRef(name, acronym if acronym != name else "", bare=bare)

    def refs(self, items: list[str], s: _Sentence, funding: bool = False) -> list[OrgRef]:
        """The organizations items name; where the sentence names new ones is noted (a bare
        country only as a funder: "Bangladesh and Malaysia agreed" still names places)."""
        found = []
        for item in items:
            plain = unprotect(item)
            at = -1 if MASK.search(plain) else s.text.find(plain)
            code = country_code(base_name(clean_item(plain)))
            own = code and self.is_publisher(base_name(plain), s.known)  # "The United States"
            if at >= 0 and (funding or not code or own):
                s.spans.append((s.offset + at, s.offset + at + len(plain)))
            elif at >= 0:
                s.places.append((s.offset + at, s.offset + at + len(plain), code))
            ref = self.ref(item, s.known)
            if ref:
                found.append(ref)
        return found

    def subject(self, masked: str, known: list[Organization]) -> list[str]:
        """The organizations that are the subject of a sentence, publisher's offices aside."""
        return sentence_subject(masked, lambda item: self.is_publisher(item, known))

    def read(self, s: _Sentence, partners: list, funders: list, inferred: list) -> None:
        """Add what one sentence says about partners and funders."""
        masked = s.masked
        for m in FUNDED_COMPOUND.finditer(masked):  # "a USAID-funded project"
            funders += self.refs(object_items(m[1]), s, funding=True)
        for m in FUNDER_TRIGGER.finditer(masked):
            items, state = paying_items(masked[m.end() :])
            self.refs(state, s, funding=True)  # "the Government of X, through Y": Y pays
            funders += self.refs(items, s, funding=True)
        fund = FUND_VERB.search(masked)
        head = LEADING_PHRASE.sub("", masked[: fund.start()], count=1) if fund else ""
        fund = fund if fund and only_names(head) else None
        if fund:
            through = THROUGH.search(head)
            items = object_items(through[1] if through else head)
            if through:  # "Japan, through JICA, will fund": the country's name is no place
                self.refs(object_items(head[: through.start()]), s, funding=True)
            funders += self.refs(items, s, funding=True)
        if STATE_BUDGET.search(masked) and self.country and get_country(self.country):
            budget = OrgRef(f"Government of {get_country(self.country).name}")
            funders.append(self.registry_ref(budget))
        support = list(SUPPORT_TRIGGER.finditer(masked))
        for m in support:
            items, state = paying_items(masked[m.end() :])
            self.refs(state, s, funding=True)
            for ref in self.refs(items, s, funding=True):
                (funders if donor_like(ref, self.country) else partners).append(ref)
        hits = [m for p in (PARTNER_TRIGGER, HELP_TRIGGER) for m in p.finditer(masked)]
        if hits:  # "... together with X, which ..., and with Y", "organized by X with Y"
            hits += [m for m in AND_WITH.finditer(masked) if m.start() > hits[0].start()]
            hits += filter(None, (WITH_MORE.match(masked, m.end()) for m in list(hits)))
        for m in PEOPLE_FROM.finditer(masked):
            if COUNTED.search(masked, max(0, m.start() - 30), m.start()):
                continue  # "60 officers from X" take part; they are not X's part
            items = object_items(masked[m.end() :])  # never a country's people
            partners += self.refs([i for i in items if not country_code(base_name(i))], s)
        for m in BETWEEN_TRIGGER.finditer(masked):  # bodies, not "the Spanish and French"
            items = [i for i in object_items(masked[m.end() :]) if is_body(i)]
            partners += self.refs(items, s)
        for m in CHANNEL_TRIGGER.finditer(masked):  # who carries out what a donor pays for
            rest = masked[m.end() :]
            items = [i for i in object_items(rest) if not programme_named(rest, i)]
            partners += [r for r in self.refs(items, s) if not donor_like(r, self.country)]
        hits += RECIPIENT_TRIGGER.finditer(masked)
        for m in JOINT_STATEMENT.finditer(masked):  # "..., X and Y said in a joint statement"
            partners += self.refs(subject_items(m[1], lambda i: self.is_publisher(i, s.known)), s)
        for m in hits:
            partners += self.refs(object_items(masked[m.end() :]), s)
        helping = SUPPORTS_BODY.search(masked)  # the body that organizations support
        head = LEADING_PHRASE.sub("", masked[: helping.start()], count=1) if helping else ""
        if helping and only_names(head) and subject_items(head, lambda i: False):
            partners += self.refs(
                [i for i in object_items(masked[helping.end() :]) if is_body(i)], s
            )
        for m in SAID_IT.finditer(masked):  # "IOM said it was providing ..."
            partners += self.refs(subject_items(m[1], lambda i: self.is_publisher(i, s.known)), s)
        backing = SUPPORT_VERB.search(masked)  # "Switzerland is supporting a programme"
        head = LEADING_PHRASE.sub("", masked[: backing.start()], count=1) if backing else ""
        if backing and only_names(head):  # a state's support is its money
            states = [i for i in object_items(head) if country_code(base_name(clean_item(i)))]
            funders += self.refs(states, s, funding=True)
        subject = [] if fund else self.subject(masked, s.known)
        others = [i for i in subject if not self.is_publisher(i, s.known)]
        if len(subject) >= 2 or (others and (hits or support)):
            found = self.refs(subject, s)  # the publisher's own state marks no place either
            # a development agency that signs for an amount is the donor
            paying = [r for r in found if MONEY.search(masked) and _development_agency(r)]
            funders += paying
            partners += [r for r in found if r not in paying]
            if len(subject) < 2:
                inferred += [r.label for r in found if r not in paying]
        elif not fund:  # "BMET will register workers": a body doing its part alone
            found = self.refs(acting_subject(masked, lambda i: self.is_publisher(i, s.known)), s)
            partners += found
            inferred += [r.label for r in found]

    def registry_ref(self, ref: OrgRef) -> OrgRef:
        """The registry's entry for a made-up reference when it has one."""
        org = self.registry.resolve(ref.name)
        return OrgRef(org.name, org.acronym, org) if org else ref


FUNDED_COMPOUND = re.compile(
    r"((?:\ue000\d+\ue001|[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}))-(?:funded|financed|sponsored)\b"
)


def _development_agency(ref: OrgRef) -> bool:
    """A bilateral development agency or a donor (KOICA, JICA, USAID, GIZ)."""
    org = ref.org
    return bool(org and org.type == "donor") or bool(DEVELOPMENT_AGENCY.search(ref.name))


def find_parties(
    text: str,
    registry: Registry,
    country: str | None = None,
    publisher: Publisher = IOM,
) -> Parties:
    """Partners and funders a release's text names, in order of mention, publisher excluded,
    and the spans of the text that name organizations; country is the release's own, which
    a generic name ("the Ministry of Interior") and a "State budget" stand for."""
    acronyms = acronym_definitions(text)
    foreign = foreign_acronyms(acronyms, registry)
    finder = PartyFinder(registry, publisher, country, acronyms, foreign)
    whole_names = sorted(acronyms.values(), key=len, reverse=True)
    partners: list[OrgRef] = []
    funders: list[OrgRef] = []
    inferred: list[str] = []
    by_country: list[str] = []
    spans: list[tuple[int, int]] = []
    places: list[tuple[int, int, str]] = []
    listing = False  # under "The following authorities took part in this operation:"
    for offset, sentence in sentence_spans(text):
        masked, known, known_spans = mask_known(sentence, registry, country, by_country, foreign)
        masked = protect_names(masked, whole_names)
        masked = compound_countries().sub(lambda m: protect(m[0]), masked)
        s = _Sentence(sentence, offset, masked, known)
        s.spans.extend((offset + a, offset + b) for a, b in known_spans)
        listing = listing and sentence.startswith("- ")
        if listing:
            for piece in LIST_ITEM.sub("", masked).split(";"):  # "A – its unit; B"
                partners += finder.refs(object_items(re.sub(r"\s+[–—]\s.*", "", piece)), s)
        else:
            finder.read(s, partners, funders, inferred)
        listing = listing or bool(PARTICIPANTS_INTRO.search(sentence.strip()))
        spans.extend(s.spans)
        places.extend(s.places)
    funders = [r for r in funders if not publisher.owns(r.name, r.org and r.org.country)]
    funders = _shortest_dropped(_unique(funders))
    funders = [r for r in funders if not _state_beside_its_body(r, funders, paying=True)]
    # "ASEAN and Australia launched ..., funded by the Australian Government": a party named by
    # its country that also funds is the donor, not a place
    donors = {home_country(r) for r in funders}
    spans += [(a, b) for a, b, code in places if code in donors]
    funder_keys = {r.key for r in funders}
    partners = _shortest_dropped(_unique(r for r in partners if r.key not in funder_keys))
    stated = [r for r in partners if r.label not in inferred]  # a body acting alone is no signatory
    partners = [r for r in partners if not _state_beside_its_body(r, stated)]
    kept = {r.label for r in partners}
    named = kept | {r.label for r in funders}
    return Parties(
        partners,
        funders,
        sorted(set(spans)),
        [x for x in dict.fromkeys(inferred) if x in kept],
        [x for x in dict.fromkeys(by_country) if x in named],
    )


def _state_beside_its_body(ref: OrgRef, refs: list[OrgRef], paying: bool = False) -> bool:
    """A country's government named bare ("con apoyo de Canadá", "Kenya, Qatar sign") beside
    one of its bodies ("la Embajada de Canadá", "Kenya's Ministry of Labour"): the body names
    the party; among funders, a government paying through its body ("el Gobierno de los
    Estados Unidos, a través de la Oficina de ... (PRM)") is that body."""
    state = GOVERNMENT_NAMED.match(ref.name)
    country = state[1] if state else ref.name  # "Gobierno de los Estados Unidos"
    code = (ref.bare or (paying and state)) and (
        country_code(country) or foreign_names().get(match_key(country))
    )
    return bool(code) and any(
        r is not ref
        and not GOVERNMENT_NAMED.match(r.name)
        and (names_country(r.name, code) or (paying and home_country(r) == code))
        for r in refs
    )


def _shortest_dropped(refs: list[OrgRef]) -> list[OrgRef]:
    """Refs without new names that are a shorter form of another's ("Immigration Service"
    beside "Ghana Immigration Service")."""
    names = [f" {match_key(r.name)} " for r in refs]
    return [
        r
        for i, r in enumerate(refs)
        if r.org or not any(j != i and names[i] in n and names[i] != n for j, n in enumerate(names))
    ]


def _unique(refs) -> list[OrgRef]:
    out: dict[str, OrgRef] = {}
    for ref in refs:
        out.setdefault(ref.key, ref)
    return list(out.values())
