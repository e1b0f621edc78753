"""Importer rules that make it generalise, one case per test: dates, places, headlines, parties."""

from __future__ import annotations

import datetime as dt

from newsarchive.importer.acronyms import acronym_definitions
from newsarchive.importer.dates import date_of_line, find_dateline, is_labelled_date_line
from newsarchive.importer.extract import split_sections
from newsarchive.importer.geo import place_countries
from newsarchive.importer.lines import is_byline, is_headline_candidate
from newsarchive.importer.namelists import merge_name_parts, object_items
from newsarchive.importer.orgs import compound_countries
from newsarchive.importer.roles import find_parties
from newsarchive.importer.split import split_releases


def labels(refs):
    return [r.label for r in refs]


# dates and datelines


def test_numeric_date_day_first():
    found = find_dateline("Dhaka, Bangladesh — 14/02/2022 – Police and IOM opened")
    assert found.place == "Dhaka, Bangladesh" and found.date == dt.date(2022, 2, 14)
    assert find_dateline("Kyiv, 12.06.2023 – The police").date == dt.date(2023, 6, 12)


def test_numeric_date_month_first_only_when_it_must_be():
    assert date_of_line("06/13/2022") == dt.date(2022, 6, 13)
    assert date_of_line("03.04.2022") == dt.date(2022, 4, 3)


def test_foreign_date_without_year_gives_place_only():
    found = find_dateline("Bogotá, 5 de mayo – The International Organization")
    assert found.place == "Bogotá" and found.date is None


def test_foreign_date_with_year():
    assert find_dateline("Lima, 3 de marzo de 2021 – IOM").date == dt.date(2021, 3, 3)


def test_non_ascii_capitals_in_dateline():
    found = find_dateline("HÀ NỘI – 2023-07-28 – The Viet Nam Women’s Union")
    assert found.place == "HÀ NỘI" and found.date == dt.date(2023, 7, 28)


def test_slash_dateline_names_both_places():
    found = find_dateline("Tunis/Geneva, June 12, 2023 - The agencies")
    assert found.place == "Tunis/Geneva"
    assert place_countries(found.place) == ["TN", "CH"]
    assert find_dateline("Prishtinë/Priština – The Kosovo Police").place == "Prishtinë/Priština"


def test_labelled_date_line_counts_after_the_text():
    lines = ["The strategy was validated at a workshop held in the capital.", "Posted: 2 Dec 2021"]
    assert split_sections(lines).dates == ["Posted: 2 Dec 2021"]
    assert not is_labelled_date_line("Updated: 2 December 2021")


# headlines


def test_byline_is_not_a_headline():
    assert is_byline("Posted by Press Office · 25/11/2021")
    assert not is_headline_candidate("Posted by Press Office · 25/11/2021")
    assert not is_byline("By 2030 Half of Migrants Will Live in Cities")


def test_h1_with_standfirst_keeps_h1_as_title():
    lines = [
        "# Ethiopia Launches National Action Plan against Trafficking",
        "",
        "The plan covers 2022 to 2026 and sets targets for prosecutions",
        "",
        "20 June 2022, Addis Ababa – The Government of Ethiopia today launched its national "
        "action plan to prevent trafficking in persons, with support from IOM.",
    ]
    _, segments = split_releases(lines)
    assert [s.title for s in segments] == [
        "Ethiopia Launches National Action Plan against Trafficking"
    ]


# acronyms and names


def test_acronym_letter_from_connector():
    text = "with the National Agency for the Prohibition of Trafficking in Persons (NAPTIP)"
    assert acronym_definitions(text)["NAPTIP"].startswith("National Agency")


def test_acronym_not_spelled_by_its_name():
    assert acronym_definitions("by IOM and the UN Refugee Agency (UNHCR).") == {
        "UNHCR": "UN Refugee Agency"
    }
    text = (
        "funded by the U.S. Department of State’s Office to Monitor and Combat Trafficking (J/TIP)"
    )
    assert acronym_definitions(text)["J/TIP"].startswith("U.S. Department of State’s Office")


def test_acronym_name_with_comma_kept_as_written():
    text = "funded by the Foreign, Commonwealth & Development Office (FCDO) of the UK"
    assert acronym_definitions(text)["FCDO"] == "Foreign, Commonwealth & Development Office"


def test_defined_name_stays_whole_in_a_list():
    items = object_items(
        "the National Committee for the Fight against Trafficking in Persons (CNLTP) and Caritas."
    )
    assert items == [
        "National Committee for the Fight against Trafficking in Persons (CNLTP)",
        "Caritas",
    ]


def test_acronym_led_and_list_names():
    assert object_items("IOM and UN Women.") == ["IOM", "UN Women"]
    assert object_items("HAART Kenya and the Secretariat, has opened") == [
        "HAART Kenya",
        "Secretariat",
    ]
    assert object_items("the ILO, Walk Free and IOM.") == ["ILO", "Walk Free", "IOM"]


def test_compound_country_names_not_split():
    text = "The Government of São Tomé and Príncipe and Trinidad and Tobago"
    assert compound_countries().findall(text) == ["São Tomé and Príncipe", "Trinidad and Tobago"]


def test_and_inside_a_ministry_name():
    parts = ["the Ministry of Solidarity", "the Fight against Poverty"]
    assert merge_name_parts(parts) == ["the Ministry of Solidarity and the Fight against Poverty"]
    parts = ["the Secretariat of Foreign Affairs of Honduras", "Save the Children"]
    assert merge_name_parts(parts) == parts


# partners and funders


def test_country_named_body_is_a_funder(registry):
    _, funders, *_ = find_parties(
        "The course was carried out with funding from Global Affairs Canada.", registry
    )
    assert labels(funders) == ["Global Affairs Canada"]


def test_supported_people_are_not_funders(registry):
    text = (
        "Many survivors supported by the Women’s Union returned. The project is supported by Japan."
    )
    partners, funders, *_ = find_parties(text, registry)
    assert labels(funders) == ["Government of Japan"] and partners == []


def test_money_after_partner_verb_is_not_a_partnership(registry):
    text = "The trainings were conducted with support from the FIA and the European Union."
    partners, funders, *_ = find_parties(text, registry)
    assert partners == [] and labels(funders) == ["FIA", "EU"]


def test_usaid_formula_and_made_possible(registry):
    text = (
        "The project is made possible by the support of the American people through the "
        "United States Agency for International Development (USAID)."
    )
    assert labels(find_parties(text, registry)[1]) == ["USAID"]


def test_leading_phrase_before_joint_subject(registry):
    text = "On World Day, IOM and the Ministry of Justice of Ruritania presented a guide."
    assert labels(find_parties(text, registry)[0]) == ["Ministry of Justice of Ruritania"]


def test_subject_helped_by_publisher_is_a_partner(registry):
    text = "The Government of Ruritania launched a plan, drafted with technical support from IOM."
    assert labels(find_parties(text, registry)[0]) == ["Government of Ruritania"]


def test_jointly_published_today_by(registry):
    text = (
        "The report was jointly published today by the International Labour Organization (ILO), "
        "Walk Free and IOM."
    )
    assert labels(find_parties(text, registry)[0]) == ["ILO", "Walk Free"]
