"""Failure families found on the blind set (tests/importer/publishers/blind), one case per
test: page chrome marked by class, metadata fields, dates as other sites write them, text
converted from PDF or sent by email, publishers named by their site, SDG phrasing."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.importer.build import Page, release_date
from newsarchive.importer.clues import header_clues, sender_clues
from newsarchive.importer.dates import line_date
from newsarchive.importer.document import Document
from newsarchive.importer.extract import sdg_numbers
from newsarchive.importer.html import html_document
from newsarchive.importer.lines import headline, is_byline, is_headline_candidate
from newsarchive.importer.publisher import (
    clue_names,
    find_publisher,
    government_site_country,
    initials_of,
)
from newsarchive.importer.textpage import tidy_text_lines
from newsarchive.registry import parse_registry

REGISTRY = parse_registry(
    "- {slug: iom, name: International Organization for Migration, acronym: IOM, type: un-agency}"
)
BODY = (
    "<p>Officers from three countries completed a course on identifying victims of trafficking.</p>"
)


def test_blocks_marked_as_chrome_by_class_or_id_are_dropped():
    page = f"""<html><body><main><article><h1>Headline</h1>{BODY}
    <div class="comments-area"><p>Anita says: My sister was trafficked to Kuwait.</p></div>
    <div id="footer"><p>Vienna International Centre, Vienna, Austria</p></div>
    <div class="related"><p>GRETA publishes its report on Portugal</p></div>
    <section class="related-sdgs"><h2>Sustainable Development Goals</h2><p>SDG 5</p></section>
    </article></main></body></html>"""
    text = "\n".join(html_document(page).lines)
    assert "Kuwait" not in text and "Austria" not in text and "Portugal" not in text
    assert "SDG 5" in text


def test_an_address_or_byline_block_is_a_byline():
    byline = "<address>Jamie Grierson Home affairs correspondent</address>"
    page = f"<html><body><h1>Headline</h1>{byline}{BODY}</body></html>"
    assert "By Jamie Grierson Home affairs correspondent" in html_document(page).lines


def test_definition_lists_read_as_term_and_value():
    page = (
        "<html><body><dl><dt>Posted</dt><dd>27 Oct 2021</dd>"
        "<dt>Origin</dt><dd>View</dd></dl></body></html>"
    )
    assert html_document(page).lines == ["Posted: 27 Oct 2021", "Origin: View"]


def test_photo_credit_is_no_site_name():
    caption = "<figcaption>Migrants at an IOM centre. © Jo Doe, AFP</figcaption>"
    page = f"<html><body><figure>{caption}</figure></body></html>"
    assert html_document(page).site_names == []


@pytest.mark.parametrize(
    "line",
    ["By MARÍA VERZA", "From: Public Safety Canada", "Origin: View original", "Format: News"],
)
def test_bylines_and_metadata_fields_are_no_headlines(line):
    assert not is_headline_candidate(line)


def test_all_caps_byline():
    assert is_byline("By MARÍA VERZA") and is_byline("By MARÍA VERZA and ELLIOT SPAGAT")
    assert not is_byline("Bystanders help migrants") and not is_byline("By 2030, all children")


def test_page_type_label_is_not_part_of_the_title():
    assert headline("Press release: UN Women and IOM open a safe space") == (
        "UN Women and IOM open a safe space"
    )
    assert (
        headline("Joint statement: Workers must be repaid")
        == "Joint statement: Workers must be repaid"
    )


@pytest.mark.parametrize(
    ("line", "date", "kind"),
    [
        ("Strasbourg 12/01/2023", dt.date(2023, 1, 12), "plain"),
        ("By Ferdinand Patinio September 4, 2023, 5:16 pm", dt.date(2023, 9, 4), "plain"),
        ("March 3, 2023 5:42 AM GMT+7 Updated 2 hours ago", dt.date(2023, 3, 3), "plain"),
        (
            "Issued on: 21/04/2021 - 14:32 Modified: 21/04/2021 - 16:05",
            dt.date(2021, 4, 21),
            "published",
        ),
        ("Publié le 12 mars 2021", dt.date(2021, 3, 12), "published"),
        ("Published: 3 April 2022 Author: IFRC Communications", dt.date(2022, 4, 3), "published"),
        ("Originally published: 26 Oct 2021", dt.date(2021, 10, 26), "original"),
        ("Last updated: 15 November 2022", None, "other"),
    ],
)
def test_dates_as_other_sites_write_them(line, date, kind):
    found = line_date(line)
    assert (found.date, found.kind) == (date, kind)


def test_a_reposts_original_date_comes_before_its_posting_date():
    page = Page(Document([]), [], True, [])
    lines = ["Posted: 27 Oct 2021", "Originally published: 26 Oct 2021"]
    assert release_date(None, lines, page)[0] == dt.date(2021, 10, 26)


def test_pdf_page_furniture_hyphenation_and_wrapped_headline():
    lines = [
        "MOLDOVA ADOPTS NATIONAL GUIDELINES FOR THE REFERRAL",
        "OF VICTIMS OF TRAFFICKING",
        "",
        "The guidelines were drafted with the Ministry of Health, Labour and Social Pro-",
        "tection and tested last year.",
        "",
        "IOM Moldova, 36/1 Ciuflea Street, Chisinau                        Page 1 of 2",
        "IOM Moldova – Press release – 30.07.2020                                 2",
        "",
        "The guidelines are available in Romanian.",
    ]
    assert tidy_text_lines(lines) == [
        "MOLDOVA ADOPTS NATIONAL GUIDELINES FOR THE REFERRAL OF VICTIMS OF TRAFFICKING",
        "",
        "The guidelines were drafted with the Ministry of Health, Labour and Social Protection",
        "and tested last year.",
        "",
        "",
        "The guidelines are available in Romanian.",
    ]


def test_text_without_page_marks_keeps_its_numbers():
    lines = ["In 2019, the number of victims rose to", "286"]
    assert tidy_text_lines(lines) == lines


@pytest.mark.parametrize(
    ("clue", "names"),
    [
        (
            "CBSS — Council of the Baltic Sea States",
            ["CBSS — Council of the Baltic Sea States", "CBSS", "Council of the Baltic Sea States"],
        ),
        ("ASEAN Main Portal", ["ASEAN"]),
        (
            "Ministry of Foreign Affairs, Kingdom of Thailand",
            [
                "Ministry of Foreign Affairs, Kingdom of Thailand",
                "Ministry of Foreign Affairs of Thailand",
            ],
        ),
        ("© Council of Europe 2023 · Disclaimer · Contact", ["Council of Europe"]),
    ],
)
def test_a_site_names_its_owner_by_its_parts(clue, names):
    assert clue_names(clue) == names


def test_publisher_named_by_the_acronym_its_site_name_spells():
    assert initials_of("Council of the Baltic Sea States") == "CBSS"
    text = "The CBSS and the IOM publish a report on refugees from Ukraine."
    publisher = find_publisher(text, REGISTRY, [], ["Council of the Baltic Sea States"], [], [])
    assert publisher.covers("CBSS") and not publisher.is_iom


def test_email_sender_and_letterhead_are_publisher_clues():
    lines = ["From: La Strada International <press@example.org>", "Subject: PRESS RELEASE: x"]
    assert sender_clues(lines) == ["La Strada International"]
    gov = ["From: Home Office and The Rt Hon Jane Doe MP"]
    assert sender_clues(gov) == ["Home Office"]
    head = ["NATIONAL AGENCY FOR THE PROHIBITION OF TRAFFICKING IN PERSONS (NAPTIP)"]
    assert header_clues(head) == [
        "NATIONAL AGENCY FOR THE PROHIBITION OF TRAFFICKING IN PERSONS",
        "NAPTIP",
    ]


def test_government_site_gives_the_publisher_its_country():
    assert government_site_country(["GOV.UK"]) == "GB"
    assert government_site_country(["PBN News Germany"]) == ""


def test_sdgs_named_in_full_with_a_list_of_numbers():
    assert sdg_numbers("It contributes to Sustainable Development Goals 5, 8 and 16.") == [5, 8, 16]
