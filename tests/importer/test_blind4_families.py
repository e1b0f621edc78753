"""Failure families found on the fourth blind set (tests/importer/publishers/blind4) after its
one untouched score, one case per test, as general patterns: Portuguese and French phrases,
a text's own meaning of an acronym the registry gives another country's body, names that end
at a verb or hold "and" after their description, and a wire's time stamp after its sign-off."""

from __future__ import annotations

import pytest

from newsarchive.importer.acronyms import acronym_definitions
from newsarchive.importer.dates import find_dateline
from newsarchive.importer.extract import split_sections
from newsarchive.importer.publisher import Publisher, government_site_country
from newsarchive.importer.roles import find_parties
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    """
- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}
- {slug: prm, name: "Bureau of Population, Refugees and Migration", acronym: PRM,
   type: government, country: US}
"""
)


def parties(text, publisher=("UNDP",)):
    found = find_parties(text, REGISTRY, None, Publisher(publisher))
    return [r.label for r in found.partners], [r.label for r in found.funders]


@pytest.mark.parametrize(
    ("text", "partners", "funders"),
    [
        (
            "A OIM, em parceria com o Ministério do Interior, formou 60 agentes da Polícia da "
            "República de Moçambique (PRM). A formação foi financiada pelo Governo do Japão.",
            ["Ministério do Interior"],
            ["Governo do Japão"],
        ),
        (
            "O comité, em colaboração com a OIM, foi criado. A formação contou com apoio "
            "financeiro de Portugal.",
            ["OIM"],
            ["Government of Portugal"],
        ),
        (
            "Le ministère, en collaboration avec le Fonds des Nations unies pour l'enfance "
            "(UNICEF) et l'ONG Terre des hommes, a installé vingt comités. L'activité a "
            "bénéficié de l'appui financier de l'Union européenne.",
            ["UNICEF", "Terre des hommes"],
            ["Union européenne"],
        ),
    ],
)
def test_portuguese_and_french_phrases(text, partners, funders):
    assert parties(text, ("Ministère de la Solidarité",)) == (partners, funders)


def test_an_acronym_the_text_gives_another_countrys_body_is_not_the_registrys():
    text = (
        "IOM, in partnership with the Polícia da República de Moçambique (PRM), trained officers."
    )
    found = find_parties(text, REGISTRY, None, Publisher(("IOM",)))
    assert [(r.name, r.org) for r in found.partners] == [
        ("Polícia da República de Moçambique", None)
    ]
    us = "It was funded by the Bureau of Population, Refugees and Migration (PRM)."
    assert parties(us) == ([], ["PRM"])


def test_names_end_at_a_verb_and_a_described_name_keeps_its_and():
    text = "Trainers from the Dutch Royal Marechaussee helped design the curriculum."
    assert parties(text, ("ICMPD",))[0] == ["Dutch Royal Marechaussee"]
    text = "The Ministry of Labour and the NGO Hope and Help today handed over the shelters."
    assert parties(text)[0] == ["Ministry of Labour", "Hope and Help"]
    text = (
        "Spain's National Police and Morocco's General Directorate for National Security (DGSN) "
        "arrested 23."
    )
    assert acronym_definitions(text)["DGSN"] == "General Directorate for National Security"


def test_referrals_requests_and_care_make_parties():
    text = (
        "The operation followed referrals from the UK's National Crime Agency (NCA). The "
        "children were placed in the care of the Department of Social Welfare and Development."
    )
    assert parties(text, ("IJM",))[0] == ["NCA", "Department of Social Welfare and Development"]


def test_a_wire_dateline_with_its_stamp_after_the_sign_off():
    found = find_dateline("Madrid, Jun 6 (EFE).- Spain's National Police and")
    assert (found.place, found.partial, found.credit) == ("Madrid", (6, 6), "EFE")
    lines = [
        "Twenty-three people were arrested in the joint operation, the ministry said.",
        "",
        "EFE",
        "jmm/jac",
        "",
        "06/06/2023 14:22",
    ]
    assert split_sections(lines).dates == ["06/06/2023 14:22"]


def test_a_portal_named_for_its_country_is_a_government_site():
    assert government_site_country(["Canada.ca"]) == "CA"
    assert government_site_country(["El Tiempo"]) == ""
