"""Party families found on the fifth blind set (tests/importer/publishers/blind5) after its one
untouched score, one case per test, as general patterns: a body doing its part alone in its
sentence, joint work by or between bodies, handovers and awards in four languages, aid given
through an agency, officials and appositives in lists; and what must stay out (trainees counted,
people in a place, a body named by another's possessive, a funder's own state)."""

from __future__ import annotations

import pytest

from newsarchive.importer.publisher import IOM, Publisher
from newsarchive.importer.roles import find_parties
from newsarchive.importer.subjects import headline_verb_lowered
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    """
- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}
- {slug: prm, name: "Bureau of Population, Refugees and Migration", acronym: PRM,
   type: government, country: US}
"""
)


def parties(text, publisher=IOM, country=None):
    found = find_parties(text, REGISTRY, country, publisher)
    return [r.label for r in found.partners], [r.label for r in found.funders]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("The Labour Inspectorate will inspect every farm named in the complaints.", None),
        ("Under the plan, the Kenya Coast Guard Service will patrol the creeks at night.", None),
        ("The Mongolian Red Cross Society provided blankets to the families.", "Red Cross"),
        ("The Directorate of Social Welfare traced the relatives of 40 children.", "Welfare"),
        ("A Secretaria de Estado da Mulher vai coordenar as equipas nas províncias.", "Mulher"),
        ("La Fundación Renacer acompañó a las niñas durante el proceso.", "Renacer"),
        ("Le Comité national de vigilance coordonnera les patrouilles.", "vigilance"),
        ("The case went to court after the Labour Ombudsman referred it to the police.", "Ombuds"),
        (
            "The Nepal Bar Association (NBA) will assign lawyers to victims, the ministry said.",
            "NBA",
        ),
    ],
)
def test_a_body_doing_its_part_alone_is_a_partner(text, partner):
    found, funders = parties(text)
    assert funders == []
    if partner is None:  # a verb that is not a part of the work names no party
        assert found == []
    else:
        assert len(found) == 1 and partner in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Migrants in Chad, Niger and Libya can call the line for advice.",  # people in a place
        "The Ministry's Protection Fund also supports returnees.",  # another's possessive
        "Forty officials from the Revenue Authority and the Port Police completed the course.",
        "The course, for 25 officers from the Royal Thai Police, ran for a week.",
        "The NGO said it was worried; Human Rights Watch reported 30 cases.",
    ],
)
def test_what_is_no_party(text):
    assert parties(text) == ([], [])


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "Three men were charged after a joint investigation by the Thai Police (RTP) and the "
            "Malaysian Maritime Enforcement Agency (MMEA) into a smuggling ring.",
            ["RTP", "MMEA"],
        ),
        (
            "The plan provides for the exchange of information between the Border Police "
            "Directorate and the Financial Intelligence Unit.",
            ["Border Police Directorate", "Financial Intelligence Unit"],
        ),
        (
            "Eurojust set up a joint investigation team between the Dutch and Belgian authorities.",
            [],
        ),
        ("The shelter will be run with Casa Alianza, a local charity.", ["Casa Alianza"]),
        (
            "The department announced a $2 million award to the Polaris Project, which it will "
            "implement with the Tahirih Justice Center.",
            ["Polaris Project", "Tahirih Justice Center"],
        ),
        (
            "L'OIM a remis lundi à la Brigade Nationale des Mineurs du matériel informatique.",
            ["Brigade Nationale des Mineurs"],
        ),
        ("La OIM entregó a la Defensoría de la Niñez tres vehículos.", ["Defensoría de la Niñez"]),
        (
            "IOM and UNICEF are supporting the National Referral Agency (NRA) in opening a centre.",
            ["IOM", "UNICEF", "NRA"],  # IOM is a partner when someone else publishes
        ),
    ],
)
def test_joint_work_handovers_and_awards(text, partners):
    found, funders = parties(text, Publisher(("U.S. Department of Labor",), country="US"))
    assert (sorted(found), funders) == (sorted(partners), [])


def test_aid_given_through_agencies_makes_them_partners_not_the_programme():
    text = (
        "The Government of Norway will provide emergency aid of NOK 20 million through the "
        "United Nations Population Fund (UNFPA) and the World Food Programme (WFP)."
    )
    assert parties(text, Publisher(("Norwegian Ministry of Foreign Affairs",), country="NO")) == (
        ["UNFPA", "WFP"],
        [],
    )
    text = "The study was funded by the EU through the Migration Partnership Facility programme."
    assert parties(text) == ([], ["EU"])


def test_officials_appositives_and_names_in_lists():
    text = "ECPAT Secretary General Ana Ruiz and Police Commissioner Omar Said signed the pact."
    assert parties(text)[0] == ["ECPAT"]
    text = "The refuge will be run with the Hope Foundation (HF), a charity that trains nurses."
    assert parties(text)[0] == ["HF"]
    text = "O Ministério do Trabalho e dos Assuntos Sociais e a OIM assinaram hoje o acordo."
    assert parties(text)[0] == ["Ministério do Trabalho e dos Assuntos Sociais"]
    text = "The victims were placed in the care of the Casa Esperanza foundation."
    assert parties(text)[0] == ["Casa Esperanza"]


def test_funders_a_donors_own_and_a_government_through_its_body():
    text = "The helpline is funded by the Office of Justice Programs."
    justice = Publisher(("United States Department of Justice",), country="US")
    assert parties(text, justice) == ([], [])  # the publisher's own state pays
    assert parties(text) == ([], ["Office of Justice Programs"])
    text = (
        "La campaña contó con el apoyo del Gobierno de los Estados Unidos, a través de la "
        "Oficina de Población, Refugiados y Migración (PRM)."
    )
    assert parties(text) == ([], ["PRM"])
    text = "with support from the European Union's humanitarian aid."
    assert parties(text) == ([], ["European Union"])


def test_a_title_case_headline_reads_its_parties_before_its_verb():
    assert (
        headline_verb_lowered("Chile and Peru Sign Labour Pact")
        == "Chile and Peru sign Labour Pact"
    )
    assert headline_verb_lowered("Chile and Peru sign a labour pact") == (
        "Chile and Peru sign a labour pact"
    )
    partners, _ = parties(headline_verb_lowered("NAPTIP and ECOWAS Launch Regional Hotline") + ".")
    assert partners == ["NAPTIP", "ECOWAS"]
