"""Failure families found on the third blind set (tests/importer/publishers/blind3), one case
per test, written as general patterns: dates and headlines as other sites lay them out, who
publishes (a <title>'s path, a letterhead, an email's desk, a state's body) and the countries a
release is (not) about. The parties' families are in test_blind3_parties.py."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.importer.about import countries_about
from newsarchive.importer.build import reports_elsewhere
from newsarchive.importer.clues import sender_clues
from newsarchive.importer.dates import find_dateline, line_date, place_of_date_lines
from newsarchive.importer.geo import city_countries, country_mentions, homonyms_dropped
from newsarchive.importer.html import html_document
from newsarchive.importer.lines import is_chrome, is_headline_candidate
from newsarchive.importer.orgs import OrgRef
from newsarchive.importer.publisher import find_publisher
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


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "Salen a diario migrantes venezolanos, ecuatorianos y haitianos hacia Panamá.",
            ["VE", "HT", "PA"],
        ),
        ("Entre las víctimas figuran ciudadanas venezolanas y bolivianas.", ["VE", "BO"]),
        ("Des migrants nigériens et des ressortissants maliens ont été rapatriés.", ["NE", "ML"]),
        ("Las mujeres indígenas y los migrantes africanos de la región.", []),
    ],
)
def test_nationalities_in_lower_case_in_french_and_spanish(text, countries):
    assert [m.code for m in country_mentions(text)] == countries
