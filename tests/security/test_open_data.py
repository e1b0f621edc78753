"""Open data that is safe to open in a spreadsheet: no cell starts a formula (OWASP's rule)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsarchive.opendata import FORMULA_START, neutralise, to_csv
from tests.security.attacks import CSV_PAYLOADS


@pytest.mark.parametrize("payload", CSV_PAYLOADS)
def test_formula_cells_get_a_leading_apostrophe(payload):
    assert neutralise(payload) == "'" + payload
    (row,) = list(csv.reader(io.StringIO(to_csv([{"title": payload}]).decode("utf-8"))))[1:]
    assert row[0] == "'" + payload


def test_ordinary_cells_are_kept():
    for text in ("IOM and UNODC", "2024-07-02", "iom;unodc", "", "Cairo", "A - B", "100%"):
        assert neutralise(text) == text


def test_every_cell_is_quoted_so_a_semicolon_cannot_split_it():
    data = to_csv([{"title": "a;=1+1", "partners": ["iom", "unodc"]}]).decode("utf-8")
    header, row = data.splitlines()
    assert header.startswith("title,date,url,")
    assert row.startswith('"a;=1+1","","",') and '"iom;unodc"' in row


def test_hostile_site_csv_has_no_formula(hostile_site):
    text = (hostile_site.output / "data/releases.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    cells = [cell for row in rows for cell in row]
    assert len(rows) > 100
    assert not [
        c for c in cells if c[:1] in ("\t", "\r", "\n") or c.lstrip().startswith(FORMULA_START)
    ]
    titles = {row[0] for row in rows}
    stripped = {p.strip() for p in CSV_PAYLOADS}  # front matter values are stripped
    assert {"'" + p for p in stripped} <= titles
    raw = json.loads((hostile_site.output / "data/releases.json").read_text("utf-8"))
    assert stripped <= {r["title"] for r in raw["releases"]}  # JSON keeps the values
