"""Partners inferred from how a release names an organization when no phrase gives its part
(importer/salience.py features, importer/inferred.py rule), and the leave-one-set-out
harness's selection (tests/importer/loso.py) on data made up here."""

from __future__ import annotations

import pytest

from newsarchive.importer.acronyms import acronym_definitions
from newsarchive.importer.inferred import FEATURES, RULE, Rule, features, same_body
from newsarchive.importer.orgs import OrgRef
from newsarchive.importer.publisher import IOM, Publisher
from newsarchive.importer.roles import PartyFinder, find_parties
from newsarchive.importer.salience import standings, well_formed
from newsarchive.registry import parse_registry
from tests.importer.loso import Candidate, Release, accepted, choose, counts, grid

REGISTRY = parse_registry(
    """
- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}
- {slug: unodc, name: United Nations Office on Drugs and Crime, acronym: UNODC, type: un-agency}
"""
)
NEWS = Publisher(("Daily Courier",), outlet=True)


def standing(text, name, publisher=NEWS):
    """The features of the organization of this label that the text names."""
    finder = PartyFinder(REGISTRY, publisher, None, acronym_definitions(text))
    found = {s.ref.label: s for s in standings(text, REGISTRY, None, finder)}
    return found[name]


def parties(text, publisher=NEWS):
    found = find_parties(text, REGISTRY, None, publisher)
    return [r.label for r in found.partners], found.inferred


def test_a_body_that_begins_its_clause_and_acts_is_a_subject():
    st = standing("On Monday, the Ghana Cocoa Board will inspect the farms.", "Ghana Cocoa Board")
    assert st.subject and not st.speaks and st.lead
    st = standing("The Ghana Cocoa Board said the farms were inspected.", "Ghana Cocoa Board")
    assert st.speaks and not st.subject  # speaking is not acting


def test_role_words_before_a_name():
    st = standing(
        "The raid was carried out by the Tay Ninh Provincial Police.", "Tay Ninh Provincial Police"
    )
    assert st.agent and not st.partner_word
    st = standing(
        "Le projet est mené avec la Direction nationale de la police.",
        "Direction nationale de la police",
    )
    assert st.partner_word


@pytest.mark.parametrize(
    ("text", "name", "flag"),
    [
        (
            "According to the National Statistics Office, 300 people were trafficked.",
            "National Statistics Office",
            "only_cited",
        ),
        (
            "Forty officers from the Border Police Directorate attended the course.",
            "Border Police Directorate",
            "counted",
        ),
        (
            "The OAS paid for it through its Department of Public Security.",
            "Department of Public Security",
            "owned",
        ),
        ("NCHR is an independent National Human Rights Institute (NHRI).", "NHRI", "described"),
    ],
)
def test_what_a_mention_says_against_a_part(text, name, flag):
    st = standing(text, name)
    assert st.described >= st.mentions if flag == "described" else getattr(st, flag)


@pytest.mark.parametrize(
    "item",
    [
        "Minister of Labour",  # a post
        "Migration Partnership Facility",  # a programme
        "Kotoka International Airport in Accra",  # a place
        "Migrant Response Centre in Obock",  # a facility
        "ECOWAS Member States",  # several bodies
        "CEBU CITY",  # a heading in capitals
        "Iraq Launches National Referral Mechanism",  # a headline's words
        "MoU",  # a thing's acronym
        "AUD",  # a currency
        "Western Australia",  # a region
        "JUSTICE",  # a word the text also writes in lower case
    ],
)
def test_names_that_are_no_bodies(item):
    assert not well_formed(item, {}, frozenset({"justice"}))


def test_an_acronym_counts_as_a_body_only_when_the_text_defines_it_as_one():
    assert well_formed("HSI", {"HSI": "Homeland Security Investigations"})
    assert not well_formed("R/D", {"R/D": "Record of Discussions"})
    assert well_formed("UNICEF", {})


def test_same_body_under_two_names():
    assert same_body(OrgRef("Cambodian Police"), OrgRef("Cambodian National Police"))
    assert same_body(OrgRef("Ministry of Labour"), OrgRef("Ministry of Labour of Kenya"))
    assert not same_body(OrgRef("National Police"), OrgRef("National Police Academy"))


def test_the_rule_adds_a_body_acting_with_a_party_and_flags_it():
    text = (
        "IOM and the Ministry of Labour signed an agreement. "
        "Shelters run with the Tumaini Women's Association will open in May."
    )
    found, inferred = parties(text)
    assert found == ["IOM", "Ministry of Labour", "Tumaini Women's Association"]
    assert "Tumaini Women's Association" in inferred


@pytest.mark.parametrize(
    "text",
    [
        "The UNODC Global Report on Trafficking in Persons counts 50,000 victims.",  # a source
        "Sixty officers from the Royal Malaysia Police attended the course.",  # participants
        "The project is funded by the Embassy of Norway and run by the Women's Union.",  # donor
        "The meeting was hosted with the Government of Ghana.",  # a state: by a phrase only
        "Police Commissioner Omar Said opened the centre.",  # a person
    ],
)
def test_what_the_rule_never_adds(text):
    found, inferred = parties(text)
    assert not (set(inferred) - {"Women's Union"})
    assert "Embassy of Norway" not in found and "Government of Ghana" not in found


def test_the_publisher_and_its_own_unit_are_no_partners():
    text = (
        "El Ministerio del Interior (Mininter), a través de la Dirección General de Seguridad, "
        "capacitó a 80 policías."
    )
    assert parties(text, Publisher(("Ministerio del Interior", "Mininter")))[0] == []
    assert parties("IOM will train 40 officers.", IOM) == ([], [])


def test_rule_scores_and_describes_itself():
    rule = Rule((("subject", 2), ("lead", 1), ("beside", 1)), 2)
    assert rule.score(dict.fromkeys(FEATURES, False) | {"lead": True, "beside": True}) == 2
    assert rule.describe() == "subject*2 + lead*1 + beside*1 >= 2"
    assert set(dict(RULE.weights)) == set(FEATURES)


def test_features_relate_a_standing_to_the_parties_found():
    text = "IOM and the Ministry of Labour opened shelters with Caritas Kenya."
    finder = PartyFinder(REGISTRY, NEWS, None, {})
    by_label = {s.ref.label: s for s in standings(text, REGISTRY, None, finder)}
    taken = {by_label["IOM"].ref.key}
    caritas = features(by_label["Caritas Kenya"], taken)
    assert caritas["beside"] and caritas["partner_word"] and not caritas["listed"]
    assert features(by_label["Ministry of Labour"], taken)["listed"]


def _release(partners, expected, candidates):
    pattern = dict.fromkeys(FEATURES, False)
    made = [Candidate(label, pattern | dict.fromkeys(on, True)) for label, on in candidates]
    return Release({"partners": [[e] for e in expected]}, partners, made)


def test_loso_harness_counts_and_chooses_the_rule_that_scores_best():
    records = {
        "a": [_release(["IOM"], ["IOM", "Caritas"], [("Caritas", ["subject"]), ("EU", ["lead"])])],
        "b": [_release([], ["Red Cross"], [("Red Cross", ["agent"]), ("UN", ["lead"])])],
    }
    rules = grid()
    assert len(rules) == 2 * 3 ** len(FEATURES)
    strong = Rule((("subject", 2), ("agent", 2)), 2)
    patterns = {tuple(c.features.values()) for r in records["a"] for c in r.candidates}
    assert counts(records["a"], accepted(strong, patterns)) == (2, 0, 0)
    assert counts(records["a"], None) == (1, 0, 1)
    table = [
        {
            s: counts(
                rel,
                accepted(
                    r,
                    patterns
                    | {(False,) * len(FEATURES)}
                    | {tuple(c.features.values()) for x in records["b"] for c in x.candidates},
                ),
            )
            for s, rel in records.items()
        }
        for r in (strong, Rule((("lead", 2),), 2))
    ]
    best = choose([strong, Rule((("lead", 2),), 2)], table, ["a", "b"])
    assert best is strong
