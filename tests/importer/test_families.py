"""Issue 14's failure families, one case per test: headlines, dates, publishers, organizations,
countries and SDGs as other publishers write them."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.importer.about import countries_about
from newsarchive.importer.dates import find_dateline, line_date, with_year
from newsarchive.importer.extract import sdg_numbers
from newsarchive.importer.lines import is_headline_candidate
from newsarchive.importer.mentions import known_mentions
from newsarchive.importer.publisher import IOM, find_publisher
from newsarchive.importer.roles import find_parties
from newsarchive.importer.split import split_releases
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    """
- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}
- slug: denmark-mfa
  name: Ministry of Foreign Affairs of Denmark
  aliases: [Ministry of Foreign Affairs, Danish Ministry of Foreign Affairs]
  type: government
  country: DK
"""
)


def labels(refs):
    return [r.label for r in refs]


@pytest.mark.parametrize(
    "line",
    [
        "IOM Niger News - Tue, 07/30/2019 - 10:15",
        "PBN News Germany - 17 hours 23 min ago",
        "Human Smuggling, Labour Migration",
        "|Topics : Fair recruitment, Migrant workers",
        "Home · News · Economy",
        "Share on Facebook Share on X Share on WhatsApp",
    ],
)
def test_feed_tag_taxonomy_and_menu_lines_are_no_headlines(line):
    assert not is_headline_candidate(line)


@pytest.mark.parametrize(
    ("line", "date", "kind"),
    [
        ("May 11, 2024 | 5:31 am", dt.date(2024, 5, 11), "plain"),
        ("Posted at December 7th 2023 12:00 AM", dt.date(2023, 12, 7), "published"),
        ("Published Date: Thu, 08/22/2019 - 20:00", dt.date(2019, 8, 22), "published"),
        ("IOM Asia Pacific News - Wed, 11/06/2019 - 09:30", dt.date(2019, 11, 6), "plain"),
        ("Event date: 20 August 2019", None, "other"),
        ("Coast Daily - 17 hours 23 min ago", None, "relative"),
    ],
)
def test_bylines_labels_and_relative_times(line, date, kind):
    found = line_date(line)
    assert (found.date, found.kind) == (date, kind)


def test_wire_dateline_with_us_date_and_agency_credit():
    found = find_dateline(
        "GENEVA, Switzerland, July 31, 2015/African Press Organization (APO)/ -- The IOM"
    )
    assert found.date == dt.date(2015, 7, 31) and found.wire


def test_yearless_dateline_takes_the_year_from_the_page():
    found = find_dateline("NEW YORK, 31 October (UN Information Service) - The Council")
    assert found.date is None and found.partial == (10, 31)
    assert with_year(found.partial, dt.date(2019, 10, 31)) == dt.date(2019, 10, 31)
    assert with_year((12, 30), dt.date(2020, 1, 3)) == dt.date(2019, 12, 30)


def test_date_glued_to_the_next_word():
    assert find_dateline("Maputo, 6 February 2020To contribute").date == dt.date(2020, 2, 6)


def test_listing_items_keep_their_own_dates():
    lines = []
    for day, title in ((30, "First Item Headline About Training"), (24, "Second Item Headline")):
        lines += [f"Publishing date: {day} July 2019", f"## {title}"]
        lines += [
            "Officers from three countries completed a course on identifying victims of "
            "trafficking among people crossing the border.",
            "",
        ]
        lines += ["Read more", ""]
    preamble, segments = split_releases(lines)
    assert [s.title for s in segments] == [
        "First Item Headline About Training",
        "Second Item Headline",
    ]
    assert [s.dates for s in segments] == [
        ["Publishing date: 30 July 2019"],
        ["Publishing date: 24 July 2019"],
    ]
    assert preamble == []


def test_publisher_is_no_partner_and_iom_is_one_when_another_publishes():
    text = "The International Labour Organization (ILO) and the IOM launched a programme."
    ilo = find_publisher(text, REGISTRY, [], ["International Labour Organization"], [], [])
    assert labels(find_parties(text, REGISTRY, publisher=ilo).partners) == ["IOM"]
    assert labels(find_parties(text, REGISTRY, publisher=IOM).partners) == ["ILO"]


def test_newspaper_publishes_without_being_a_party():
    text = "The Ghana Immigration Service (GIS), in collaboration with IOM, trained 60 officers."
    paper = find_publisher(text, REGISTRY, [], ["The Accra Chronicle"], [], [])
    assert paper.outlet
    assert sorted(labels(find_parties(text, REGISTRY, publisher=paper).partners)) == ["GIS", "IOM"]


def test_generic_alias_never_matches_without_its_country():
    italian = "The Italian Ministry of Foreign Affairs and International Cooperation signed."
    assert known_mentions(italian, REGISTRY) == []
    assert known_mentions("The Ministry of Foreign Affairs signed.", REGISTRY) == []
    danish = "funded by the Ministry of Foreign Affairs of Denmark."
    assert [m.org.slug for m in known_mentions(danish, REGISTRY)] == ["denmark-mfa"]


def test_names_are_not_split_at_and():
    text = (
        "Liberty Shared, Babson College's Initiative on Human Trafficking and Modern Slavery "
        "and the IOM have launched a tool."
    )
    partners = labels(find_parties(text, REGISTRY, publisher=IOM).partners)
    assert partners == [
        "Liberty Shared",
        "Babson College's Initiative on Human Trafficking and Modern Slavery",
    ]


def test_programme_title_is_no_organization():
    text = (
        "The assistance is funded by the European Union through the EU-IOM Joint Initiative "
        "for Migrant Protection and Reintegration."
    )
    parties = find_parties(text, REGISTRY)
    assert labels(parties.funders) == ["European Union"] and parties.partners == []


@pytest.mark.parametrize(
    ("sentence", "funders"),
    [
        ("The United States, through USAID, will fund a programme.", ["USAID"]),
        ("GIZ runs the programme on behalf of the BMZ.", ["BMZ"]),
        ("It was made possible by a grant from the Walmart Foundation.", ["Walmart Foundation"]),
    ],
)
def test_roles_from_phrasing(sentence, funders):
    assert labels(find_parties(sentence, REGISTRY).funders) == funders


def test_state_budget_funds_the_release_country():
    text = "The shelter will be financed from the State budget."
    assert labels(find_parties(text, REGISTRY, "MD").funders) == ["Government of Moldova"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Migrants crossing Latin America towards Mexico.", ["MX"]),
        ("The story was first reported by PBN News Germany about Iraq.", ["IQ"]),
        ("According to Germany's statistics office, arrivals from Syria rose.", ["SY"]),
        ("Fees of more than 1,000 US dollars leave Nepali workers in debt.", ["NP"]),
        ("Canada's oldest Muslim relief organization works in Sudan.", ["SD"]),
    ],
)
def test_countries_not_from_names_regions_sources_or_currencies(text, countries):
    assert countries_about(text, []) == countries


@pytest.mark.parametrize(
    ("line", "goals"),
    [
        ("It contributes to SDG Target 8.7 and to target 10.7.", [8, 10]),
        ("- Goal 8: Decent work and economic growth", [8]),
        ("It supports the Sustainable Development Goals (SDGs).", []),
    ],
)
def test_sdg_targets_count_for_their_goals(line, goals):
    assert sdg_numbers(line) == goals
