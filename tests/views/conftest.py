"""Fixtures of the views tests: a small synthetic archive built once, the release schema."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, BuiltSite, build
from tests.synthetic import write_archive

SCHEMA = ROOT / "tests" / "schemas" / "releases.schema.json"


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory) -> BuiltSite:
    """A synthetic archive of 120 releases (many countries and organizations), built once."""
    base = tmp_path_factory.mktemp("synthetic")
    content = write_archive(base, releases=120, organizations=80)
    return build(content, base / "output")


@pytest.fixture(scope="session")
def releases_schema() -> dict:
    """The JSON Schema of /data/releases.json."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))
