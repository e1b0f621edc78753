"""The importer on other publishers' pages (OSCE, UN Information Service, wires, ministries,
ILO, UNICEF, news sites, IOM regional sites, aggregators, digests, NGOs): thresholds that
unseen sets must meet, on the tuning part, on the part held out while tuning, and on the blind
set written before the importer was run on it (UN agencies, Council of Europe, Europol,
INTERPOL, ASEAN, African Union, government sites, wires, ReliefWeb, blogs, PDF and email text,
French and Spanish pages), the second one written after fixing on the first, the third (IOM
country offices, UN agencies, regional bodies, donors, news and wire copy about partnerships,
police and NGO releases), the fourth (new publishers, Portuguese), the fifth (IOM offices in
house style, UN agencies, governments, police, news and wire copy, NGOs) and the sixth (new
offices and publishers again) likewise (all tuned on since their first score)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.registry import load_registry
from tests.importer.heldout_score import Score, score_folder

ROOT = Path(__file__).resolve().parents[2]
PUBLISHERS = Path(__file__).parent / "publishers"
# What the importer must reach on releases it has never seen (issue 14's done-when).
MIN_SHARE = {"titles": 0.9, "dates": 0.9, "sdgs": 0.9}
MIN_F1 = {"countries": 0.85, "partners": 0.75, "funders": 0.75}


@pytest.fixture(scope="module")
def site_registry():
    """The site's own partner registry, as `archive import` uses it by default."""
    return load_registry(ROOT / "content" / "partners.yaml")


def assert_meets(score: Score) -> None:
    assert score.found == score.releases, score.problems
    for key, least in MIN_SHARE.items():
        got = getattr(score, key)
        assert sum(got) >= least * len(got), (key, score.problems)
    for key, least in MIN_F1.items():
        assert score.f1(key) >= least, (key, score.counts[key], score.problems)


@pytest.mark.parametrize(
    "part", ["tune", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6"]
)
def test_other_publishers_meet_unseen_thresholds(site_registry, part):
    assert_meets(score_folder(PUBLISHERS / part, site_registry))


# The third and fourth blind sets, first scored untouched (blind3: 36/36 found, titles 32/36,
# dates 30/36, SDGs 36/36, countries F1 0.88, partners 0.67, funders 0.78; blind4, after the
# fixes found on blind3: 14/14, titles 13/14, dates 13/14, SDGs 14/14, countries 0.91, partners
# 0.71, funders 0.78; blind5, after the fixes found on blind4: 33/33, titles 33/33, dates 32/33,
# SDGs 33/33, countries 0.92, partners 0.69 (TP 38, FP 10, FN 24), funders 0.91; blind6, after
# the fixes found on blind5: 16/16, titles 16/16, dates 15/16, SDGs 16/16, countries 0.96,
# partners 0.74 (TP 21, FP 1, FN 14), funders 0.82 (TP 9, FP 3, FN 1)), then used to
# find failure families: floors at or just under what they score now, so that a change that
# loses what they taught shows. The inferred-partner rule (importer/inferred.py) trades a few
# false partners on the tuned sets (blind3 0.96 -> 0.957, blind5 0.98 -> 0.961, blind6 0.98 ->
# 0.972) for recall on sets never seen (leave-one-set-out mean 0.68 -> 0.79: tests/importer/loso).
FLOORS = {
    "blind3": {
        "titles": 1.0,
        "dates": 1.0,
        "sdgs": 1.0,
        "countries": 0.96,
        "partners": 0.95,
        "funders": 0.95,
    },
    "blind4": {
        "titles": 0.92,
        "dates": 1.0,
        "sdgs": 1.0,
        "countries": 0.96,
        "partners": 0.89,
        "funders": 0.89,
    },
    "blind5": {
        "titles": 1.0,
        "dates": 1.0,
        "sdgs": 1.0,
        "countries": 0.96,
        "partners": 0.96,
        "funders": 0.95,
    },
    "blind6": {
        "titles": 1.0,
        "dates": 1.0,
        "sdgs": 1.0,
        "countries": 0.97,
        "partners": 0.97,
        "funders": 0.89,
    },
}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_later_blind_sets_keep_what_they_taught(site_registry, part):
    score = score_folder(PUBLISHERS / part, site_registry)
    for key, least in FLOORS[part].items():
        if key in MIN_SHARE:
            got = getattr(score, key)
            assert sum(got) >= least * len(got), (key, score.problems)
        else:
            assert score.f1(key) >= least, (key, score.counts[key], score.problems)


def test_fixture_set_holds_thirty_releases_of_many_formats():
    releases = []
    for part in ("tune", "holdout"):
        expected = json.loads((PUBLISHERS / part / "expected.json").read_text(encoding="utf-8"))
        releases += [r for name, items in expected.items() if name[0] != "_" for r in items]
        assert all((PUBLISHERS / part / name).is_file() for name in expected if name[0] != "_")
    assert len(releases) >= 30
