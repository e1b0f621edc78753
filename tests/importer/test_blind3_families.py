"""Failure families found on the third blind set (tests/importer/publishers/blind3), one case
per test, written as general patterns: dates and headlines as other sites lay them out, who
publishes (a <title>'s path, a letterhead, an email's desk, a state's body), the phrases that
give organizations their part, names in French and Spanish, and the countries a release is
(not) about."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.importer.about import countries_about
from newsarchive.importer.build import reports_elsewhere
from newsarchive.importer.clues import sender_clues
from newsarchive.importer.dates import find_dateline, line_date, place_of_date_lines
from newsarchive.importer.geo import city_countries, homonyms_dropped
from newsarchive.importer.html import html_document
from newsarchive.importer.lines import is_chrome, is_headline_candidate
from newsarchive.importer.orgs import OrgRef
from newsarchive.importer.publisher import IOM, Publisher, find_publisher
from newsarchive.importer.roles import find_parties
from newsarchive.importer.support import home_country
from newsarchive.importer.textpage import join_headline_lines
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    "- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}"
)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("12 de octubre 2023, 05:52 p. m.", dt.date(2023, 10, 12)),
        ("Publié le : 05/04/2023 - 18:12 Modifié le : 06/04/2023 - 09:40", dt.date(2023, 4, 5)),
        ("Posted 9th May 2023 in News, Uganda", dt.date(2023, 5, 9)),
        ("2023-09-15 21:04:10", dt.date(2023, 9, 15)),
    ],
)
def test_date_lines_with_seconds_update_labels_and_categories(line, date):
    assert line_date(line).date == date


@pytest.mark.parametrize(
    ("lead", "place", "date"),
    [
        ("Niamey, le 9 novembre 2022 – L'Organisation", "Niamey", dt.date(2022, 11, 9)),
        ("Accra, 26 June 2023. The ECOWAS Commission", "Accra", dt.date(2023, 6, 26)),
        ("Bishkek (Kyrgyzstan), 4 April 2023 – The", "Bishkek", dt.date(2023, 4, 4)),
    ],
)
def test_datelines_in_french_with_a_full_stop_or_a_bracketed_country(lead, place, date):
    found = find_dateline(lead)
    assert (found.place, found.date, found.credit) == (place, date, "")


def test_reference_numbers_are_no_headlines_and_a_year_range_ends_one():
    assert not is_headline_candidate("Press Release E-045/23")
    assert is_headline_candidate("ECOWAS VALIDATES ACTION PLAN AGAINST TRAFFICKING 2023-2027")
    lines = ["", "ECOWAS VALIDATES ACTION PLAN AGAINST TRAFFICKING IN PERSONS", "2023-2027", ""]
    assert join_headline_lines(lines)[1].endswith("IN PERSONS 2023-2027")


def publisher(sites=(), sources=(), headers=(), text=""):
    return find_publisher(text, REGISTRY, list(sources), list(sites), [], list(headers))


def test_the_site_named_after_the_headline_in_the_page_title():
    page = (
        "<html><head><title>Mininter y OIM capacitan a policías - Noticias - Ministerio del "
        "Interior - Plataforma del Estado Peruano</title></head><body>"
        "<h1>Mininter y OIM capacitan a policías</h1></body></html>"
    )
    sites = html_document(page).site_names
    assert "Noticias - Ministerio del Interior - Plataforma del Estado Peruano" in sites
    text = "El Ministerio del Interior (Mininter) y la OIM capacitaron a 80 policías."
    found = publisher(sites, text=text)
    assert found.covers("Mininter") and not found.covers("OIM")


@pytest.mark.parametrize(
    ("clues", "text", "covered"),
    [
        (
            {"sites": ["UNICEF Lao People's Democratic Republic"]},
            "KOICA and UNICEF signed",
            "UNICEF",
        ),
        ({"sites": ["unicef | for every child"]}, "KOICA and UNICEF signed", "UNICEF"),
        (
            {"headers": ["ECOWAS COMMISSION COMMISSION DE LA CEDEAO"]},
            "The ECOWAS Commission",
            "ECOWAS Commission",
        ),
        ({"sources": ["Issara Institute"]}, "Issara Institute and Thai Union", "Issara Institute"),
    ],
)
def test_offices_logos_letterheads_name_the_publisher(clues, text, covered):
    assert publisher(text=text, **clues).covers(covered)


def test_an_email_desk_is_its_organization_and_two_senders_publish_together():
    assert sender_clues(["From: Issara Institute Communications <media@issara.org>"]) == [
        "Issara Institute"
    ]
    sender = "Foreign, Commonwealth & Development Office and British Embassy Hanoi"
    found = publisher(["GOV.UK"], [sender], text="British Embassy Hanoi and Viet Nam launched")
    assert found.covers("British Embassy in Hanoi") and found.covers(
        "Foreign, Commonwealth & Development Office"
    )
    assert found.owns("UK Home Office") and not found.owns("Blue Dragon Children's Foundation")


def test_a_state_body_publishing_is_its_state_and_an_agency_of_news_is_not():
    text = "The U.S. Agency for International Development (USAID) launched an activity."
    usaid = publisher(["U.S. Agency for International Development"], text=text)
    assert usaid.covers("Government of United States") and usaid.covers("United States")
    gna = publisher(["Ghana News Agency"], text="Accra, GNA - The Ghana News Agency reports")
    assert not gna.covers("Government of Ghana")


def test_french_article_before_the_publisher():
    iom = publisher()
    assert iom.covers("L'OIM") and iom.covers("la OIM")


PARTY_REGISTRY = parse_registry(
    """
- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}
- {slug: eu, name: European Union, acronym: EU, type: intergovernmental}
"""
)


def parties(text, publisher=None):
    found = find_parties(text, PARTY_REGISTRY, None, publisher or IOM)
    return [r.label for r in found.partners], [r.label for r in found.funders]


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "The programme will be delivered by the Blue Dragon Children's Foundation and The "
            "Mekong Club, working with provincial police and the Viet Nam Women's Union.",
            ["Blue Dragon Children's Foundation", "Mekong Club", "Viet Nam Women's Union"],
        ),
        (
            "The case is being investigated by Homeland Security Investigations (HSI), with "
            "assistance from the Georgia Bureau of Investigation (GBI).",
            ["HSI", "GBI"],
        ),
        (
            "Agents of the National Police, in a joint operation with the Colombian National "
            "Police, dismantled the network.",
            ["Colombian National Police"],
        ),
        (
            "The raid followed a tip from the Labour Rights Promotion Network Foundation (LPN).",
            ["LPN"],
        ),
        ("The Red Cross said it was providing the men with food and shelter.", ["Red Cross"]),
        (
            "The course was organized by UN Women and UNODC with the Supreme People's Court.",
            ["UNODC", "Supreme People's Court"],
        ),
        (
            "UN Women and the ILO, with Cambodia's Ministry of Labour and Vocational Training, "
            "opened two centres.",
            ["ILO", "Ministry of Labour and Vocational Training"],
        ),
        (
            "It is implemented by IOM together with the Ministry of Security of Bosnia and "
            "Herzegovina and the NGO Vaša prava BiH, which provides legal aid.",
            ["IOM", "Ministry of Security of Bosnia and Herzegovina", "Vaša prava BiH"],
        ),
        (
            "The help desk is staffed by women police officers and by counsellors from the NGO "
            "Maiti Nepal.",
            ["Maiti Nepal"],
        ),
        ("Officials from Ethiopia, Djibouti and Somalia met in Addis Ababa.", []),
    ],
)
def test_parties_by_work_done_tips_and_clauses(text, partners):
    assert sorted(parties(text, Publisher(("UN Women",)))[0]) == sorted(partners)


def test_a_government_acting_through_its_bodies_is_those_bodies():
    text = (
        "The Government of Zambia, through the Ministry of Home Affairs and Internal Security "
        "and the Department of Immigration, today launched the mechanism."
    )
    assert parties(text)[0] == [
        "Ministry of Home Affairs and Internal Security",
        "Department of Immigration",
    ]


def test_funding_stops_before_those_who_implement():
    text = "The project is funded by the European Union and jointly implemented by IOM and ILO."
    assert parties(text, Publisher(("UNHCR",))) == (["IOM", "ILO"], ["EU"])


@pytest.mark.parametrize(
    ("text", "funders"),
    [
        (
            "The Korea International Cooperation Agency (KOICA) and UNICEF today signed an "
            "agreement for a US$5 million programme.",
            ["KOICA"],
        ),
        (
            "Switzerland is supporting a new programme in Bosnia and Herzegovina.",
            ["Government of Switzerland"],
        ),
        (
            "It was held with the support of the Deutsche Gesellschaft für Internationale "
            "Zusammenarbeit (GIZ) GmbH.",
            ["GIZ"],
        ),
        (
            "La capacitación contó con el financiamiento de la Embajada de Canadá, con apoyo "
            "de Canadá.",
            ["Embajada de Canadá"],
        ),
    ],
)
def test_donor_agencies_states_and_embassies_fund(text, funders):
    assert parties(text, Publisher(("UNICEF",)))[1] == funders


@pytest.mark.parametrize(
    ("text", "partners", "funders"),
    [
        (
            "Le programme, financé par l'Union européenne à hauteur de 12 millions d'euros, est "
            "mis en œuvre par l'Office des Nations unies contre la drogue et le crime (ONUDC) "
            "avec la Direction de la police de l'air et des frontières (DPAF).",
            ["ONUDC", "DPAF"],
            ["Union européenne"],
        ),
        (
            "L'OIM, en partenariat avec l'Agence nationale de lutte contre la traite des "
            "personnes (ANLTP) et le ministère de la Justice, a formé 40 magistrats.",
            ["ANLTP", "Ministère de la Justice"],
            [],
        ),
        (
            "La campaña fue elaborada junto con la Procuraduría General de la Nación (PGN) y "
            "cuenta con el apoyo de la Unión Europea.",
            ["PGN"],
            ["Unión Europea"],
        ),
        (
            "El Ministerio del Interior (Mininter), a través de la Dirección General de "
            "Seguridad, y la Organización Internacional para las Migraciones (OIM) capacitaron "
            "a 80 policías.",
            ["OIM"],
            [],
        ),
    ],
)
def test_french_and_spanish_names_lists_and_phrases(text, partners, funders):
    found = parties(text, Publisher(("Ministerio del Interior", "Mininter")))
    assert found == (partners, funders)


def test_a_body_named_with_and_beside_another_countrys_body():
    text = (
        "Kenya's Ministry of Labour and Social Protection and Qatar's Ministry of Labour will "
        "set up a joint committee."
    )
    assert parties(text, Publisher(("Capital News",), outlet=True))[0] == [
        "Ministry of Labour and Social Protection of Kenya",
        "Ministry of Labour of Qatar",
    ]


def test_a_state_named_bare_beside_its_body_is_that_body_not_when_named_as_government():
    news = (
        "Kenya and Qatar signed the deal. Kenya's Ministry of Labour and the ILO will vet agencies."
    )
    assert parties(news, Publisher(("Capital News",), outlet=True))[0] == [
        "Government of Qatar",
        "Ministry of Labour of Kenya",
        "ILO",
    ]
    signed = "The Government of Paraguay and the Ministry of Women of Paraguay signed it."
    assert "Government of Paraguay" in parties(signed, Publisher(("OAS",)))[0]


def test_an_acronym_then_a_verb_ends_the_name():
    text = (
        "A study launched today by UN Women and the ASEAN Committee on Women (ACW) documents "
        "the experiences of women in Thailand."
    )
    assert parties(text, Publisher(("UN Women",)))[0] == ["ACW"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("“Switzerland is glad to stand with Moldova,” said the ambassador.", ["MD"]),
        ("Thailand has been under pressure from the European Union and the United States.", ["TH"]),
        (
            "The U.S. Agency for International Development and U.S. Ambassador met in Cambodia.",
            ["KH"],
        ),
    ],
)
def test_a_state_speaking_pressing_or_posting_is_no_place(text, countries):
    assert countries_about(text, []) == countries


def test_inline_story_links_and_addresses_are_chrome():
    assert is_chrome("ALSO READ: Saudi Arabia to hire 2,500 Kenyan nurses")
    assert is_chrome("Le recomendamos: Capturan a red de coyotes en Acandí")
    assert is_chrome(
        "ECOWAS Commission | 101 Yakubu Gowon Crescent, Asokoro District, Abuja, Nigeria"
    )
    assert not is_chrome("The shelter on 5 Main Street opened in Abuja last week.")


def test_places_of_briefings_capitals_in_acronyms_and_spanish_prepositions():
    assert (
        city_countries("said at today's press briefing at the Palais des Nations in Geneva") == []
    )
    assert city_countries("women make up half of migrant workers, according to the ILO") == []
    assert city_countries("Capacitación se realizó en Puerto Maldonado con apoyo de Canadá") == [
        "PE"
    ]


def test_a_listing_date_line_gives_the_place_and_a_state_of_the_dateline_no_country():
    assert place_of_date_lines(["Kathmandu, 20 November 2023"]).place == "Kathmandu"
    assert place_of_date_lines(["20 November 2023"]) is None
    assert homonyms_dropped(["US", "GE", "MX"], "SAVANNAH, GA") == ["US", "MX"]
    assert homonyms_dropped(["NG", "NE"], "Benin City") == ["NG", "NE"]


def test_destinations_of_the_people_concerned_do_not_make_a_dateline_a_seat():
    lead = (
        "The Board and IOM added a module for workers bound for Malaysia, Qatar and Saudi Arabia."
    )
    assert not reports_elsewhere(lead, ["NP"])


def test_a_state_body_funding_has_its_country():
    assert home_country(OrgRef("U.S. Department of Labor")) == "US"
    assert home_country(OrgRef("Embassy of Canada")) == "CA"
    assert home_country(OrgRef("Walmart Foundation")) is None
