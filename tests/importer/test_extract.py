"""Extractors: release boundaries, titles, countries, parties, SDGs, contacts, summaries."""

from __future__ import annotations

from newsarchive.importer.about import countries_about
from newsarchive.importer.acronyms import acronym_definitions
from newsarchive.importer.build import document_lines, import_source
from newsarchive.importer.contacts import clean_debris, parse_contacts
from newsarchive.importer.decode import Document, text_lines
from newsarchive.importer.extract import provisional_title, sdg_numbers, split_sections, summarize
from newsarchive.importer.geo import place_country
from newsarchive.importer.lines import drop_country_lists, drop_menus
from newsarchive.importer.roles import find_parties
from newsarchive.importer.split import split_releases
from newsarchive.importer.textpage import unwrap
from tests.importer.conftest import FIXTURES


def test_multi_release(registry):
    drafts = import_source(FIXTURES / "multi_release.txt", registry)
    assert [d.title for d in drafts] == [
        "Kyiv Hosts Regional Dialogue on Migrant Smuggling",
        "New Shelter Opens for Survivors of Trafficking in Ghana",
        "Students Learn About Safe Migration",
    ]
    # own datelines win; the page date only fills in for the release without one
    assert [d.meta["date"] for d in drafts] == ["2022-12-01", "2023-02-14", "2021-05-03"]


def test_no_headline_gets_provisional_title(registry):
    (draft,) = import_source(FIXTURES / "no_headline.txt", registry)
    assert draft.provisional and draft.meta["status"] == "draft"
    assert draft.title.startswith("The International Organization for Migration has signed")
    assert draft.meta["review"][0].startswith("The source gives no headline")


def test_no_date(registry):
    (draft,) = import_source(FIXTURES / "no_date.txt", registry)
    assert draft.meta["date"] is None and draft.meta["dateline"] == "Bangkok"
    assert "The source gives no date." in draft.meta["review"]
    assert str(draft.relative_path()).startswith("undated/")


def test_menu_pairs_are_dropped():
    lines = [
        "Who we are",
        "WHO WE AREThe organization is part of...",
        "Partnerships",
        "Partnerships",
        "Real",
    ]
    assert drop_menus(lines) == ["Real"]


def test_hard_wrapped_text_is_joined():
    lines = [
        "A Headline In Title Case",
        "An awareness campaign to alert",
        "people to the risk, was",
        "launched.",
        "Next one starts here and goes on.",
    ]
    assert unwrap(lines) == [
        "A Headline In Title Case",
        "An awareness campaign to alert people to the risk, was launched.",
        "Next one starts here and goes on.",
    ]


def test_country_list_footer_dropped():
    lines = [
        "Body text here.",
        "Afghanistan",
        "Albania",
        "Algeria",
        "Regions",
        "Bahamas (The)",
        "Brazil",
    ]
    assert drop_country_lists(lines) == ["Body text here."]


def test_country_list_footer_release(registry):
    (draft,) = import_source(FIXTURES / "country_list_footer.txt", registry)
    assert draft.meta["countries"] == ["GE", "AM", "AZ"]  # JP only funds: not a place
    assert draft.meta["sdgs"] == [5, 16]
    assert "Albania" not in draft.body and "Share" not in draft.body


def test_countries_skip_adjectives_and_codes():
    text = "Italian and Libyan officials met Pakistani and Japanese envoys. And the US and Chad."
    assert countries_about(text, []) == ["US", "TD"]


def test_dateline_city_resolved_with_gazetteer():
    assert place_country("Cairo") == "EG"
    assert place_country("Islamabad, Pakistan") == "PK"
    assert place_country("KYIV") == "UA"


def test_acronym_definitions():
    found = acronym_definitions(
        "the Swiss Agency for Development and Cooperation (SDC) and the FIA"
    )
    assert found == {"SDC": "Swiss Agency for Development and Cooperation"}


def test_partners_and_funders(registry):
    text = (
        "IOM, in collaboration with the Federal Investigation Agency (FIA), trained 300 officers. "
        "The work was funded by Japan and the Swiss Agency for Development and Cooperation (SDC). "
        "IOM will work with the Ministry of Interior of Ruritania."
    )
    partners, funders, *_ = find_parties(text, registry)
    assert [p.label for p in partners] == ["FIA", "Ministry of Interior of Ruritania"]
    assert [f.label for f in funders] == ["Government of Japan", "SDC"]


def test_partner_subject_and_publisher_excluded(registry):
    partners, funders, *_ = find_parties(
        "The Polaris Project and IOM have signed an agreement.", registry
    )
    assert [p.label for p in partners] == ["Polaris Project"] and funders == []


def test_sdgs_only_as_stated():
    assert sdg_numbers("SDG 16 - Peace, Justice and Strong Institutions") == [16]
    assert sdg_numbers("This supports SDGs 5 and 8.") == [5, 8]
    assert sdg_numbers("Goal 18 of nothing") == []


def test_mailto_debris():
    assert clean_debris('"mailto:x@iom.int" target="_blank" title=') == ""
    assert clean_debris('"">x@iom.int') == "x@iom.int"
    contacts = parse_contacts(
        [
            "For more information, please contact:",
            "Selam Tesfaye",
            "Tel. +251.11.557.1707",
            "Email:",
            '"mailto:st@iom.int" target="_blank" title=',
            '"">st@iom.int',
            "IOM: media@iom.int",
        ]
    )
    assert contacts == [
        {"name": "Selam Tesfaye", "email": "st@iom.int", "phone": "+251 11 557 1707"},
        {"name": "IOM", "email": "media@iom.int"},
    ]


def test_sections_split_contacts_and_footer():
    lines = [
        "Body paragraph one is here.",
        "Photo: IOM/J. Doe",
        "For more information:",
        "A B, a@b.org",
        "Share this page",
        "Related SDGs",
        "SDG 10 - Reduced Inequalities",
        "Afghanistan",
    ]
    sections = split_sections(lines)
    assert sections.body == ["Body paragraph one is here."]
    assert sections.contacts == ["For more information:", "A B, a@b.org"] and sections.sdgs == [10]


def test_summary_and_provisional_title():
    text = "IOM (the UN agency) opened a centre. It serves 200 people. More follows."
    assert summarize(text) == "IOM (the UN agency) opened a centre. It serves 200 people."
    long = (
        "The agency announced today that it has signed a memorandum of understanding "
        "with a large group of partners in the region."
    )
    assert provisional_title(long).endswith("…") and len(provisional_title(long).split()) <= 14


def test_split_keeps_preamble_for_page_date():
    lines = document_lines(Document(text_lines((FIXTURES / "multi_release.txt").read_text())))
    preamble, segments = split_releases(lines)
    assert "3 May 2021" in preamble and len(segments) == 3
