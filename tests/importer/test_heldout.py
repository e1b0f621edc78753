"""The importer on releases it was not written against: held-out set thresholds (and seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.registry import load_registry
from tests.importer.heldout_score import match_orgs, score_folder

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = Path(__file__).parent / "heldout"
SEEDS = Path("/work/shared/seeds")
MIN_F1 = 0.9


@pytest.fixture(scope="module")
def site_registry():
    """The site's own partner registry, as `archive import` uses it by default."""
    return load_registry(ROOT / "content" / "partners.yaml")


def assert_thresholds(score, min_f1: float) -> None:
    assert score.found == score.releases, score.problems
    assert all(score.titles), score.problems
    assert all(score.dates), score.problems
    assert all(score.sdgs), score.problems
    for key in ("countries", "partners", "funders"):
        assert score.f1(key) >= min_f1, (key, score.counts[key], score.problems)


def test_heldout_releases_meet_thresholds(site_registry):
    assert_thresholds(score_folder(HELDOUT, site_registry), MIN_F1)


@pytest.mark.skipif(not (SEEDS / "expected.json").exists(), reason="shared seeds not present")
def test_seed_releases_stay_perfect(site_registry):
    assert_thresholds(score_folder(SEEDS, site_registry), 1.0)


def test_org_matching_uses_aliases():
    assert match_orgs(["DFAT", "Women's Union"], [["Australia", "DFAT"]]) == (1, 1, 0)
