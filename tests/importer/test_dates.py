"""Datelines and dates: from the dateline or a date line, never from body text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.importer.dates import date_of_line, find_dateline, parse_date


@pytest.mark.parametrize(
    ("paragraph", "place", "date"),
    [
        ("Cairo, 2 July 2024 - The partners signed", "Cairo", dt.date(2024, 7, 2)),
        (
            "Islamabad, Pakistan - September 25, 2023 – The IOM",
            "Islamabad, Pakistan",
            dt.date(2023, 9, 25),
        ),
        ("Kyiv – 1 December 2022 – Border officials met", "Kyiv", dt.date(2022, 12, 1)),
        ("Islamabad, 18 October 2023: The National Commission", "Islamabad", dt.date(2023, 10, 18)),
        ("Washington, D.C. – March 5, 2024 – IOM and", "Washington, D.C", dt.date(2024, 3, 5)),
        ("Afghanistan - The IOM missions in Afghanistan", "Afghanistan", None),
    ],
)
def test_dateline_formats(paragraph, place, date):
    found = find_dateline(paragraph)
    assert found is not None
    assert found.place.rstrip(".") == place and found.date == date


def test_no_dateline_in_running_text():
    assert find_dateline("The campaign, funded by Japan, was launched in October 2005.") is None


def test_us_date_format():
    assert parse_date("March 5, 2024") == dt.date(2024, 3, 5)


def test_month_and_year_is_not_a_date():
    assert parse_date("February 2025") is None


def test_date_line():
    assert date_of_line("19 October 2023") == dt.date(2023, 10, 19)
    assert date_of_line("Published: 2 July 2024") == dt.date(2024, 7, 2)
    assert date_of_line("The October 2005 earthquake") is None
