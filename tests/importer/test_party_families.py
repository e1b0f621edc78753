"""Failure families found on the blind set (tests/importer/publishers/blind), one case per
test: roles as news copy, government pages and other languages give them, names as they are
described, and the countries a release is (not) about."""

from __future__ import annotations

import pytest

from newsarchive.importer.about import countries_about
from newsarchive.importer.build import reports_elsewhere
from newsarchive.importer.geo import city_countries, country_mentions
from newsarchive.importer.publisher import IOM, Publisher
from newsarchive.importer.roles import find_parties
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    """
- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}
- {slug: eu, name: European Union, acronym: EU, type: intergovernmental}
- {slug: dfat, name: Department of Foreign Affairs and Trade, acronym: DFAT, type: government,
   country: AU, aliases: [Australian Government, Government of Australia]}
"""
)


def labels(refs):
    return [r.label for r in refs]


def parties(text, publisher=IOM, country=None):
    found = find_parties(text, REGISTRY, country, publisher)
    return labels(found.partners), labels(found.funders)


@pytest.mark.parametrize(
    ("text", "partners", "funders"),
    [
        (
            "It will be implemented in co-operation with the National Police of Ukraine and "
            "La Strada Ukraine, a non-governmental organisation.",
            ["National Police of Ukraine", "La Strada Ukraine"],
            [],
        ),
        (
            "More than 200 Filipinos have been repatriated with the help of the Department of "
            "Migrant Workers.",
            ["Department of Migrant Workers"],
            [],
        ),
        (
            "The operation was carried out with the support of AFRIPOL, the African Union "
            "Mechanism for Police Cooperation, and was funded by the German Federal Foreign "
            "Office.",
            ["AFRIPOL"],
            ["German Federal Foreign Office"],
        ),
        (
            "The shelter was set up with the support of the Government of Austria.",
            [],
            ["Government of Austria"],
        ),
        ("The equipment is part of a USAID-funded project.", [], ["USAID"]),
        (
            "The course was delivered with trainers from the Moldovan Centre for Combating "
            "Trafficking in Persons.",
            ["Moldovan Centre for Combating Trafficking in Persons"],
            [],
        ),
        (
            "The project worked closely with the Department of Labour and Occupational Safety.",
            ["Department of Labour and Occupational Safety"],
            [],
        ),
        (
            "The research was funded by the Modern Slavery and Human Rights Policy and Evidence "
            "Centre.",
            [],
            ["Modern Slavery and Human Rights Policy and Evidence Centre"],
        ),
        (
            "The Minister announced $2.4 million in funding for the Canadian Centre to End Human "
            "Trafficking to expand its hotline.",
            ["Canadian Centre to End Human Trafficking"],
            [],
        ),
        (
            "She thanked the Nigerian Immigration Service (NIS) and the National Emergency "
            "Management Agency (NEMA) for their support.",
            ["NIS", "NEMA"],
            [],
        ),
    ],
)
def test_roles_from_more_phrasing(text, partners, funders):
    assert parties(text) == (partners, funders)


def test_inserted_clause_leaves_the_subject_a_partner():
    text = (
        "The Federal Government of Somalia, with the support of the International Organization "
        "for Migration (IOM), has launched its first action plan."
    )
    assert parties(text, country="SO") == (["Federal Government of Somalia"], [])


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "ECPAT UK and the Pacific Links Foundation, which works with families in Vietnam, "
            "interviewed 42 young people.",
            ["ECPAT UK", "Pacific Links Foundation"],
        ),
        (
            "Freedom Collective and our Nepali partner GoodWeave Nepal have completed a project.",
            ["GoodWeave Nepal"],
        ),
        (
            "The Minister of Social Development and Human Security of Thailand and the Minister "
            "of Social Affairs, Veterans and Youth Rehabilitation of Cambodia signed an MOU.",
            [
                "Ministry of Social Development and Human Security of Thailand",
                "Ministry of Social Affairs, Veterans and Youth Rehabilitation of Cambodia",
            ],
        ),
        (
            "El Instituto Nacional de Migración (INM) y la Agencia de la ONU para los "
            "Refugiados (ACNUR) firmaron un acuerdo.",
            ["INM", "ACNUR"],
        ),
    ],
)
def test_subjects_with_clauses_descriptions_ministers_and_spanish(text, partners):
    assert parties(text, Publisher(("Freedom Collective",)))[0] == partners


def test_news_copy_joint_statement_and_described_names():
    text = (
        "The migrants were found near the border, Niger's government and the International "
        "Organization for Migration (IOM) said in a joint statement."
    )
    assert parties(text, Publisher(("France 24",), outlet=True)) == (
        ["Government of Niger", "IOM"],
        [],
    )
    text = (
        "Mexico's National Migration Institute and the U.N. children's agency UNICEF opened "
        "shelters."
    )
    assert "UNICEF" in parties(text, Publisher(("AP News",), outlet=True))[0]


def test_a_partnership_phrase_carries_on_after_a_relative_clause():
    text = (
        "The helpline is run together with the Ministry of Gender, Labour and Social "
        "Development, which licenses agencies, and with the Uganda Association of External "
        "Recruitment Agencies (UAERA)."
    )
    assert parties(text, country="UG")[0] == [
        "Ministry of Gender, Labour and Social Development of Uganda",
        "UAERA",
    ]


def test_participants_listed_under_an_introduction():
    text = (
        "The following authorities took part in this operation:\n- Spain: Guardia Civil\n"
        "- France: National Gendarmerie (Gendarmerie nationale)"
    )
    assert parties(text)[0] == ["Guardia Civil", "National Gendarmerie"]


def test_topics_a_name_ends_are_one_name_and_a_pronoun_is_none():
    text = (
        "It was organised in partnership with the Women, Children and Senior Citizen Service "
        "Directorate of Nepal Police."
    )
    assert parties(text) == (
        ["Women, Children and Senior Citizen Service Directorate of Nepal Police"],
        [],
    )
    assert parties("It contributes to target 8.7.") == ([], [])


def test_french_phrases_and_the_acronym_of_a_described_body():
    text = (
        "L'OIM, en partenariat avec la Cellule nationale de lutte contre la traite des "
        "personnes (CNLTP), a formé 35 gendarmes."
    )
    assert parties(text)[0] == ["CNLTP"]


def test_non_eu_names_no_one_and_a_kicker_is_no_subject():
    assert parties("We also work with many non-EU partner states.") == ([], [])
    kicker = "EU Anti-Trafficking Day: CBSS and IOM publish a report."
    assert parties(kicker, Publisher(("CBSS",)))[0] == ["IOM"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Headquartered in The Hague, the Netherlands, we support police in Spain.", ["ES"]),
        ("said the ILO Director for Thailand, Cambodia and Lao PDR.", []),
        ("It builds on the ASEAN-Australia Counter Trafficking programme in Viet Nam.", ["VN"]),
        ("Shelters in Benin City and Kano opened.", ["NG"]),
    ],
)
def test_countries_not_from_seats_offices_or_compound_names(text, countries):
    assert countries_about(text, []) == countries


def test_a_party_named_by_its_country_that_funds_is_no_place():
    text = (
        "ASEAN and Australia today launched the programme. The programme, funded by the "
        "Australian Government, will work in Cambodia."
    )
    found = find_parties(text, REGISTRY, None, Publisher(("ASEAN",)))
    assert countries_about(text, found.spans) == ["KH"]


def test_cities_near_and_country_names_in_french_text_only():
    assert city_countries("seasonal workers on farms near Bundaberg, Queensland") == ["AU"]
    french = "Des milliers de personnes venues du Mali et de la Guinée travaillent sur les sites."
    assert [m.code for m in country_mentions(french)] == ["ML", "GN"]
    assert [m.code for m in country_mentions("Maurice and Granada met in Grenada.")] == ["GD"]


def test_a_dateline_seat_of_a_report_on_work_elsewhere():
    lead = "An operation in Côte d'Ivoire, Ghana and Mali has led to the rescue of 1,300 victims."
    assert reports_elsewhere(lead, ["FR"])
    assert not reports_elsewhere(
        "IOM and UNICEF today launched guidance for Greece and Niger.", ["CH"]
    )
