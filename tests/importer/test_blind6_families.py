"""Failure families found on the sixth blind set (tests/importer/publishers/blind6) after its one
untouched score, one case per test, as general patterns: work done and care given by a body in
Spanish, French and Portuguese, news copy's bodies in lower case, units named by their body's
possessive, several countries' consulates at once, appositives between subject and verb, a
government's own aid programme on its site, nationalities after a verb, a byline's time."""

from __future__ import annotations

import pytest

from newsarchive.importer.build import reports_elsewhere
from newsarchive.importer.dates import date_of_line
from newsarchive.importer.geo import country_mentions
from newsarchive.importer.publisher import IOM, Publisher, government_site_country
from newsarchive.importer.roles import find_parties
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    "- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}\n"
)


def partners(text, publisher=IOM):
    return sorted(r.label for r in find_parties(text, REGISTRY, None, publisher).partners)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "El albergue, administrado por la Fundación Casa Alianza, abrió en mayo.",
            ["Fundación Casa Alianza"],
        ),
        ("Le centre sera géré par l'Association Kirikou pour la protection.", ["Kirikou"]),
        (
            "Las niñas quedaron bajo el resguardo de la Procuraduría de la Niñez (PDN).",
            ["PDN"],
        ),
        (
            "Les enfants ont été pris en charge par l'Action Éducative en Milieu Ouvert (AEMO).",
            ["AEMO"],
        ),
        ("The raid was conducted by the Border Guard Service (BGS).", ["BGS"]),
        ("The flight was chartered by the Swiss Red Cross (SRC).", ["SRC"]),
    ],
)
def test_work_done_and_care_given_by_a_body(text, expected):
    found = partners(text)
    assert len(found) == len(expected) and all(e in f for e, f in zip(expected, found, strict=True))


def test_news_copys_bodies_in_lower_case_and_units_by_possessive():
    assert partners("The Kenyan embassy in Riyadh helped bring the women home.") == [
        "Kenyan Embassy in Riyadh"
    ]
    assert partners("Officers from the Moldovan police and the NGO Tenax joined the patrols.") == [
        "Moldovan Police",
        "Tenax",
    ]
    text = "The arrests were conducted by the Lagos Police Command's anti-kidnapping unit."
    assert partners(text) == ["Lagos Police Command"]


def test_several_countries_consulates_at_once():
    text = "Las familias serán localizadas con apoyo de los consulados de Nicaragua y Honduras."
    assert partners(text) == ["Consulado de Honduras", "Consulado de Nicaragua"]
    text = "The women were brought home with help from the consulates of Kenya and Uganda."
    assert partners(text) == ["Consulate of Kenya", "Consulate of Uganda"]


def test_an_appositive_between_subject_and_verb():
    text = (
        "The Ministry of Social Welfare and UNICEF, the United Nations children's agency, "
        "today opened a shelter in Juba."
    )
    assert partners(text) == ["Ministry of Social Welfare", "UNICEF"]
    text = "O Ministério da Mulher e Direitos Humanos e a OIM assinaram o acordo."
    assert partners(text) == ["Ministério da Mulher e Direitos Humanos"]


def test_a_government_sites_own_aid_programme_pays_as_no_funder():
    assert government_site_country(["gov.ie"]) == "IE"
    gov = Publisher(("Department of Foreign Affairs",), country="IE", government=True)
    found = find_parties("The work is funded by Irish Aid.", REGISTRY, None, gov)
    assert found.funders == []


def test_peoples_nationality_in_a_lead_does_not_make_the_dateline_a_seat():
    lead = "IOM launched a campaign to warn Ethiopian and Somali migrants about the crossing."
    assert not reports_elsewhere(lead, ["SO"])
    lead = "An operation in Côte d'Ivoire, Ghana and Mali freed 40 children."
    assert reports_elsewhere(lead, ["FR"])


def test_nationalities_after_a_verb_and_a_spanish_bylines_time():
    text = "La mayoría de las víctimas son guatemaltecas y salvadoreñas."
    assert {m.code for m in country_mentions(text)} == {"GT", "SV"}
    assert str(date_of_line("Por Ana López · 3 de abril de 2023 a las 09:15h")) == "2023-04-03"
