"""Open data rows, JSON and CSV from parsed releases (no Pelican)."""

from __future__ import annotations

import csv
import io
import json
import textwrap

import jsonschema

from newsarchive.opendata import (
    country_rows,
    document,
    partner_rows,
    release_row,
    sdg_rows,
    to_csv,
    to_json,
)
from newsarchive.registry import parse_registry
from newsarchive.release import parse_release
from newsarchive.sdgs import all_goals
from tests.conftest import REGISTRY, release


def _parse(text: str, path: str = "x.md"):
    registry = parse_registry(textwrap.dedent(REGISTRY), "partners.yaml")
    record, problems = parse_release(text, path, registry)
    assert [p for p in problems if p.level == "error"] == []
    return record


def _records():
    return [
        _parse(
            release(
                "Joint training",
                date="2024-03-01",
                dateline="Islamabad",
                partners=["UNODC", "FIA"],
                funders=["Japan"],
                countries=["PK", "Afghanistan"],
                sdgs=[16, 5],
                source="a.txt",
            )
        ),
        _parse(release("No date, no partners, unicode: Côte d'Ivoire", countries=["CI"])),
        _parse(release("Funder and partner", date="2023-01-02", partners=["FIA"], funders=["FIA"])),
    ]


def test_release_row_uses_slugs_codes_numbers_and_null_date():
    first, undated, _ = (
        release_row(r, f"https://x.org/releases/{i}/") for i, r in enumerate(_records())
    )
    assert first == {
        "title": "Joint training",
        "date": "2024-03-01",
        "url": "https://x.org/releases/0/",
        "partners": ["unodc", "fia"],
        "funders": ["government-of-japan"],
        "countries": ["PK", "AF"],
        "funder_countries": ["JP"],
        "partner_countries": ["PK"],
        "sdgs": [16, 5],
        "dateline": "Islamabad",
        "source": "a.txt",
    }
    assert undated["date"] is None and undated["partners"] == [] and undated["source"] == ""


def test_export_validates_against_the_schema(releases_schema):
    rows = [release_row(r, f"https://x.org/releases/{i}/") for i, r in enumerate(_records())]
    data = json.loads(to_json(document("releases", rows, "https://x.org/data/")))
    jsonschema.validate(data, releases_schema, format_checker=jsonschema.FormatChecker())
    data["releases"][0]["date"] = "2024-13-01"
    errors = list(
        jsonschema.Draft202012Validator(
            releases_schema, format_checker=jsonschema.FormatChecker()
        ).iter_errors(data)
    )
    assert errors


def test_json_bytes_are_sorted_compact_utf8():
    data = to_json({"b": "Côte", "a": [1, None]})
    assert data == '{"a":[1,null],"b":"Côte"}\n'.encode()


def test_csv_has_a_header_and_joins_lists():
    rows = [release_row(r, f"https://x.org/releases/{i}/") for i, r in enumerate(_records())]
    table = list(csv.DictReader(io.StringIO(to_csv(rows).decode("utf-8"))))
    assert len(table) == 3
    assert table[0]["partners"] == "unodc;fia" and table[0]["sdgs"] == "16;5"
    assert table[1]["date"] == "" and table[1]["title"].endswith("Côte d'Ivoire")


def test_term_counts():
    records = _records()
    partners = {
        p["slug"]: p for p in partner_rows(records, lambda s: f"https://x.org/partners/{s}/")
    }
    assert list(partners) == ["fia", "government-of-japan", "unodc"]
    assert (
        partners["fia"]["releases"],
        partners["fia"]["as_partner"],
        partners["fia"]["as_funder"],
    ) == (2, 2, 1)
    assert partners["unodc"]["url"] == "https://x.org/partners/unodc/"
    countries = {c["code"]: c for c in country_rows(records, lambda s: s)}
    counts = {
        code: (c["releases"], c["as_funder"], c["as_partner"]) for code, c in countries.items()
    }
    # Japan funds (its government is a funder): a funder's country, not a place of work
    assert counts == {"AF": (1, 0, 0), "CI": (1, 0, 0), "JP": (0, 1, 0), "PK": (1, 1, 2)}
    assert countries["JP"]["organizations"] == ["government-of-japan"]
    assert countries["PK"]["organizations"] == ["fia"] and countries["PK"]["region"] == "Asia"
    goals = sdg_rows(records, all_goals(), lambda s: s)
    assert len(goals) == 17 and goals[15]["releases"] == 1 and goals[0]["releases"] == 0
