"""Build tests: the views and open data files in small built sites (parsed HTML, real files)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from tests.conftest import build, release, write_content

RELEASES = {
    "2024/multi-partner.md": release(
        "IOM and UNODC train FIA officers",
        date="2024-07-02",
        partners=["UNODC", "FIA"],
        funders=["Japan"],
        countries=["PK", "EG"],
        sdgs=[16, 17],
        source="a.txt",
    ),
    "2021/older.md": release(
        "Older release", date="2021-01-05", partners=["UNODC"], countries=["PK", "MT"], sdgs=[5]
    ),
    "undated/no-date.md": release("Undated release", partners=["FIA"], countries=["CI"]),
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """Three releases: two partners and a funder, a dot-sized country, an undated release."""
    base = tmp_path_factory.mktemp("views")
    return build(write_content(base, RELEASES), base / "output")


def _html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def _resolve(page: Path, href: str) -> Path:
    target = (page.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target


def test_builds_without_warnings(small_site):
    assert small_site.errors == []


def test_home_timeline_counts_years_between_first_and_last(small_site):
    home = small_site.page("/")
    figure = home.select_one('[data-view-figure="home-timeline"]')
    svg = figure.select_one('svg[role="group"]')  # its bars link to their years
    assert [(g["data-year"], g["data-count"]) for g in svg.select("g[data-year]")] == [
        ("2021", "1"),
        ("2022", "0"),
        ("2023", "0"),
        ("2024", "1"),
    ]
    assert "1 without a date" in figure.figcaption.get_text()
    table = home.select_one('[data-view-table="home-timeline"]')  # after the figure
    rows = [tr.get_text(" ", strip=True) for tr in table.select("tbody tr")]
    assert rows[-1] == "Date unknown 1"


def test_every_term_page_with_releases_has_its_timeline(small_site):
    for url, expected in (("partners/unodc/", 2), ("countries/pakistan/", 2), ("sdgs/", None)):
        page = small_site.page(url)
        figure = page.select_one('.term-header [data-view-figure="term-timeline"]')
        if expected is None:
            assert figure is None
            continue
        counts = [int(g["data-count"]) for g in figure.select("svg g[data-year]")]
        assert sum(counts) == expected, url


def test_map_links_every_country_with_releases_to_its_page(small_site):
    page_path = small_site.output / "countries" / "index.html"
    page = small_site.page("countries/")
    svg = page.select_one('[data-view-figure="world-map"] svg[role="group"]')
    links = {a["data-country"]: a for a in svg.find_all("a")}
    assert set(links) == {"PK", "EG", "MT", "CI"}  # Malta: a dot
    assert links["PK"]["data-count"] == "2"
    for a in links.values():
        assert _resolve(page_path, a["href"]).is_file(), a["href"]
        assert a.find("title").get_text() == a["aria-label"]
    table = page.select('[data-view-table="world-map"] tbody tr')
    assert [tr["data-country"] for tr in table][0] == "PK"
    assert table[0].get_text(" ", strip=True) == "Pakistan Asia 2"


def test_network_links_each_organization_and_joins_co_partners(small_site):
    page_path = small_site.output / "partners" / "index.html"
    svg = small_site.page("partners/").select_one('[data-view-figure="partner-network"] svg')
    nodes = {a["data-partner"]: a for a in svg.find_all("a")}
    assert set(nodes) == {"unodc", "fia", "government-of-japan"}
    assert nodes["unodc"]["data-count"] == "2"
    assert len(svg.select("g[stroke] path")) == 3  # unodc-fia, unodc-japan, fia-japan
    for a in nodes.values():
        assert _resolve(page_path, a["href"]).is_file()


def test_ids_unique_and_open_data_linked_on_every_page(small_site):
    for path in _html_pages(small_site.output):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids = Counter(tag["id"] for tag in soup.find_all(id=True))
        assert [i for i, n in ids.items() if n > 1] == [], path
        for tag in soup.find_all(attrs={"aria-labelledby": True}):
            for ref in tag["aria-labelledby"].split():
                assert ref in ids, (path, ref)
        footer = soup.select_one("footer")
        link = [a for a in footer.find_all("a") if a.get_text() == "Open data"]
        if path.name != "404.html":
            assert link and _resolve(path, link[0]["href"]).is_file(), path


def test_index_pages_link_to_the_open_data(small_site):
    for url in ("/", "partners/", "countries/", "sdgs/"):
        assert small_site.page(url).select_one("main .view-data-link a"), url


def test_data_page_lists_files_that_exist(small_site):
    page_path = small_site.output / "data" / "index.html"
    page = small_site.page("data/")
    files = {tr["data-file"]: tr.a["href"] for tr in page.select("[data-files] tbody tr")}
    assert set(files) == {
        "releases.json",
        "releases.csv",
        "partners.json",
        "countries.json",
        "sdgs.json",
    }
    for href in files.values():
        assert _resolve(page_path, href).is_file()
    assert page.find("a", rel="license")["href"] == "https://creativecommons.org/licenses/by/4.0/"


def test_exports_validate_and_match_the_site(small_site, releases_schema):
    data_dir = small_site.output / "data"
    releases = json.loads((data_dir / "releases.json").read_text(encoding="utf-8"))
    jsonschema.validate(releases, releases_schema, format_checker=jsonschema.FormatChecker())
    assert releases["count"] == 3
    assert [r["date"] for r in releases["releases"]] == ["2024-07-02", "2021-01-05", None]
    partners = json.loads((data_dir / "partners.json").read_text(encoding="utf-8"))["partners"]
    named = {s for r in releases["releases"] for s in r["partners"] + r["funders"]}
    assert {p["slug"] for p in partners} == named
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    assert {c["code"]: c["releases"] for c in countries["countries"]}["PK"] == 2
    sdgs = json.loads((data_dir / "sdgs.json").read_text(encoding="utf-8"))
    assert sdgs["count"] == 17
    csv_lines = (data_dir / "releases.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("title,date,url,") and len(csv_lines) == 4


def test_same_content_same_bytes(small_site, tmp_path):
    again = build(small_site.content, tmp_path / "output")
    for rel in (
        "data/releases.json",
        "data/releases.csv",
        "data/partners.json",
        "countries/index.html",
        "partners/index.html",
        "index.html",
        "share/archive.png",
        "share/sdg-16.png",
    ):
        assert (again.output / rel).read_bytes() == (small_site.output / rel).read_bytes(), rel


def test_synthetic_archive_views_stay_legible_and_small(synthetic_site, releases_schema):
    assert synthetic_site.errors == []
    countries = synthetic_site.page("countries/")
    svg = countries.select_one('[data-view-figure="world-map"] svg')
    assert len(str(svg).encode()) < 150_000
    assert len(svg.find_all("a")) > 100
    partners = synthetic_site.page("partners/")
    network = partners.select_one('[data-view-figure="partner-network"]')
    assert len(network.select("svg a")) == 60
    assert len(partners.select('[data-view-table="partner-network"] tbody tr')) == 60
    data = json.loads((synthetic_site.output / "data/releases.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, releases_schema, format_checker=jsonschema.FormatChecker())
    assert data["count"] == 120


def test_views_plugin_runs_after_the_taxonomies_and_before_the_site_files():
    from pelican.settings import read_settings

    from newsarchive.site import check_plugins
    from tests.conftest import ROOT

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    plugins = settings["PLUGINS"]
    assert check_plugins(settings) == []
    assert plugins.index("archive_taxonomies") < plugins.index("archive_views")
    assert plugins[-1] == "archive_sitefiles"
