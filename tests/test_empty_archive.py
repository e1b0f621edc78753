"""An archive with nothing published yet (no releases, or only drafts) builds with every plugin."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import build, release, write_content

ATOM = "{http://www.w3.org/2005/Atom}"
CASES = {
    "no_releases": {},
    "only_drafts": {
        "2024/not-ready.md": release(
            "Not ready yet",
            date="2024-05-01",
            partners=["UNODC"],
            countries=["PK"],
            sdgs=[16],
            status="draft",
        ),
        "undated/also-draft.md": release("Also a draft", partners=["FIA"], status="draft"),
    },
}


@pytest.fixture(params=[*CASES, "no_releases_folder"])
def empty_site(request, tmp_path):
    """A site built from a content folder that publishes no release."""
    content = write_content(tmp_path, CASES.get(request.param, {}))
    if request.param == "no_releases_folder":
        shutil.rmtree(content / "releases")
    return build(content, tmp_path / "output")


def test_builds_without_a_problem(empty_site):
    # a draft is reported as archive check reports it (a warning), nothing else
    assert [m for m in empty_site.errors if "warning: draft (not published)" not in m] == []


def test_home_years_and_indexes_say_nothing_is_published(empty_site):
    home = empty_site.page("")
    assert home.select_one("[data-counts]").get_text(" ", strip=True).startswith("0 releases")
    assert home.select_one("[data-empty]") is not None
    assert home.select("[data-release]") == []
    for url in ("years/", "partners/", "countries/"):
        page = empty_site.page(url)
        assert page.select_one("main [data-empty]") is not None, url
        assert page.select("[data-term]") == [], url
    tiles = empty_site.page("sdgs/").select("[data-terms=sdg] [data-term]")
    assert len(tiles) == 17 and {t["data-count"] for t in tiles} == {"0"}


def test_no_release_or_draft_page_is_written(empty_site):
    assert not (empty_site.output / "releases").exists()
    assert list((empty_site.output / "years").iterdir()) == [empty_site.output / "years/index.html"]


def test_search_index_is_empty_and_its_page_is_written(empty_site):
    meta = json.loads((empty_site.output / "search/index.json").read_text(encoding="utf-8"))
    assert meta["docs"] == 0 and meta["dict"] == []  # no dictionary chunk to fetch
    assert not (empty_site.output / "search/w").exists()
    page = empty_site.page("search/")
    assert page.select_one("main form[role=search], main form") is not None


def test_feed_open_data_and_sitemap_are_valid_and_empty(empty_site):
    # a feed must say when it was updated: without a dated release there is no feed (and no link)
    assert not (empty_site.output / "feeds/all.atom").exists()
    assert not empty_site.page("").select('link[type="application/atom+xml"]')
    data = json.loads((empty_site.output / "data/releases.json").read_text(encoding="utf-8"))
    assert data["count"] == 0 and data["releases"] == []
    csv_lines = (empty_site.output / "data/releases.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines == [
        "title,date,url,partners,funders,countries,funder_countries,partner_countries,sdgs,"
        "dateline,source"
    ]
    sitemap = ET.parse(empty_site.output / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs[0] == "http://127.0.0.1:8000/" and not any("/releases/" in u for u in locs)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], []),
        (["a"], [(None, "a", None)]),
        (["a", "b", "c"], [(None, "a", "b"), ("a", "b", "c"), ("b", "c", None)]),
    ],
)
def test_neighbours_of_none_one_and_many(items, expected):
    from newsarchive.collection import neighbours

    assert neighbours(items) == expected
