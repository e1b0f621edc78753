"""Build tests: tiny sites built into tmp_path, asserted on parsed HTML and feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlparse

import pytest

from tests.conftest import release

ATOM = "{http://www.w3.org/2005/Atom}"

SMALL = {
    "2024/unodc-mou.md": release(
        "IOM and UNODC sign",
        date="2024-07-02",
        partners=["UNODC"],
        countries=["Egypt"],
        sdgs=[16, 17],
    ),
    "2023/fia-training.md": release(
        "FIA training",
        date="2023-09-25",
        partners=["FIA"],
        funders=["Japan"],
        countries=["PK", "JP"],
    ),
    "undated/quake.md": release(
        "Quake survivors", partners=["FIA"], countries=["Pakistan"], sdgs=[16]
    ),
    "2022/draft.md": release("Not ready", date="2022-01-01", partners=["UNODC"], status="draft"),
}


def titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("[data-release] :is(h2, h3) a")]


def test_every_term_page_lists_exactly_its_releases(make_site):
    site = make_site(SMALL)
    # the build reports what `archive check` reports: here only that the draft is not published
    # (Pelican logs a message once per process: another test may have logged it already)
    assert all(
        e.startswith("content/releases/2022/draft.md:6: warning: draft") for e in site.errors
    )
    assert titles(site.page("partners/unodc/")) == ["IOM and UNODC sign"]
    assert titles(site.page("partners/fia/")) == ["FIA training", "Quake survivors"]
    assert titles(site.page("countries/pakistan/")) == ["FIA training", "Quake survivors"]
    assert titles(site.page("countries/egypt/")) == ["IOM and UNODC sign"]
    assert titles(site.page("sdgs/16-peace-justice-and-strong-institutions/")) == [
        "IOM and UNODC sign",
        "Quake survivors",
    ]


def test_partner_roles_are_labelled(make_site):
    site = make_site(SMALL)
    roles = [
        r["data-role"] for r in site.page("partners/government-of-japan/").select("[data-role]")
    ]
    assert roles == ["funder"]
    assert [r["data-role"] for r in site.page("partners/fia/").select("[data-role]")] == [
        "partner"
    ] * 2


def test_partner_profile_names_its_country_and_links_its_page(make_site):
    site = make_site(SMALL)
    facts = site.page("partners/fia/").select_one("dl.facts")
    country = facts.find("dt", string="Country").find_next_sibling("dd")
    assert country.get_text(strip=True) == "Pakistan"
    assert urlparse(country.a["href"]).path.endswith("countries/pakistan/")


def test_partner_country_no_release_is_about_has_a_page_for_its_organizations(make_site):
    site = make_site({"2024/fia.md": release("FIA alone", date="2024-01-02", partners=["FIA"])})
    facts = site.page("partners/fia/").select_one("dl.facts")
    country = facts.find("dt", string="Country").find_next_sibling("dd")
    assert country.get_text(strip=True) == "Pakistan"
    assert urlparse(country.a["href"]).path.endswith("countries/pakistan/")
    pakistan = site.page("countries/pakistan/")
    assert pakistan.select_one("[data-count]")["data-count"] == "0"
    assert pakistan.select_one("[data-no-releases]")
    orgs = pakistan.select("[data-country-organizations] > ul > li")
    assert [li["data-partner"] for li in orgs] == ["fia"]


def test_index_pages_show_counts_and_groups(make_site):
    site = make_site(SMALL)
    partners = site.page("partners/")
    counts = {li["data-term"]: int(li["data-count"]) for li in partners.select("[data-term]")}
    assert counts == {"fia": 2, "government-of-japan": 1, "unodc": 1}
    groups = "main h2:has(+ ul[data-terms])"
    assert [h.get_text() for h in partners.select(groups)] == ["UN agencies", "Governments"]
    countries = site.page("countries/")
    assert [h.get_text() for h in countries.select(groups)] == ["Africa", "Asia"]
    sdgs = site.page("sdgs/").select("[data-term]")
    assert len(sdgs) == 17
    assert {li["data-term"]: li["data-count"] for li in sdgs}[
        "16-peace-justice-and-strong-institutions"
    ] == "2"
    assert sum("empty" in li["class"] for li in sdgs) == 15


def test_undated_release_is_published_as_date_unknown_and_sorted_last(make_site):
    site = make_site(SMALL)
    page = site.page("releases/undated/quake/")
    assert page.select_one("article .meta .undated").get_text() == "Date unknown"
    assert page.select_one("article time") is None
    assert titles(site.page("/")) == ["IOM and UNODC sign", "FIA training", "Quake survivors"]
    years = {li["data-term"]: li["data-count"] for li in site.page("years/").select("[data-term]")}
    assert years == {"2024": "1", "2023": "1", "undated": "1"}


def test_drafts_are_not_published(make_site):
    site = make_site(SMALL)
    assert not (site.output / "releases/2022").exists()
    assert "Not ready" not in (site.output / "index.html").read_text()
    assert not (site.output / "years/2022").exists()


def test_release_page_links_partners_countries_sdgs_and_neighbours(make_site):
    site = make_site(SMALL)
    page = site.page("releases/2023/fia-training/")
    assert page.h1.get_text() == "FIA training"
    assert page.select_one("time")["datetime"] == "2023-09-25"
    assert [a.get_text() for a in page.select("[data-field=partners] a")] == ["FIA"]
    assert [a.get_text() for a in page.select("[data-field=funders] a")] == ["Government of Japan"]
    assert [a.get_text() for a in page.select("[data-field=countries] a")] == ["Pakistan", "Japan"]
    assert page.select_one("a[rel=prev]").get_text(strip=True).endswith("IOM and UNODC sign")
    assert page.select_one("a[rel=next]") is None  # the oldest dated: no undated one as "older"
    undated = site.page("releases/undated/quake/")
    assert undated.select_one(".prev-next") is None  # the only undated release


def test_pagination_of_term_pages(make_site):
    many = {
        f"2020/r{i:02d}.md": release(
            f"Release {i:02d}", date=f"2020-01-{i + 1:02d}", partners=["UNODC"]
        )
        for i in range(25)
    }
    site = make_site(many)
    first, second = site.page("partners/unodc/"), site.page("partners/unodc/page/2/")
    assert len(titles(first)) == 20 and len(titles(second)) == 5
    assert first.select_one(".pagination a[rel=next]")["href"].endswith("partners/unodc/page/2/")


def test_feeds_parse_and_hold_dated_releases(make_site):
    site = make_site(SMALL)
    for path in ("feeds/all.atom", "partners/fia/feed.atom", "countries/pakistan/feed.atom"):
        root = ET.parse(site.output / path).getroot()
        assert root.tag == f"{ATOM}feed"
        assert root.find(f"{ATOM}id") is not None and root.find(f"{ATOM}updated") is not None
    entries = ET.parse(site.output / "partners/fia/feed.atom").getroot().findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["FIA training"]
    term = site.page("partners/fia/")
    assert term.select_one('link[rel=alternate][type="application/atom+xml"][title^="Federal"]')


def test_internal_links_resolve(make_site):
    site = make_site(SMALL)
    broken = []
    for html in site.output.rglob("*.html"):
        rel = html.relative_to(site.output).as_posix()
        soup = site.page(rel)
        for tag in soup.select("a[href], link[href]"):
            href = tag["href"]
            if urlparse(href).scheme or href.startswith(("mailto:", "tel:", "#")):
                continue
            target = urlparse(urljoin(f"http://x/{rel}", href)).path.lstrip("/")
            path = site.output / target
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{rel} -> {href}")
    assert broken == []


def test_unknown_partner_fails_the_build_with_file_and_line(make_site):
    from newsarchive.checks import ContentErrors

    with pytest.raises(ContentErrors) as raised:
        make_site({"2024/x.md": release("X", date="2024-01-01", partners=["UNDOC"])})
    [message] = [str(p) for p in raised.value.report.problems if "UNDOC" in p.message]
    assert message.startswith("content/releases/2024/x.md:5: error: unknown organization 'UNDOC'")


def test_all_plugins_are_active(tmp_path):
    from pelican.settings import read_settings

    from newsarchive.site import check_plugins
    from tests.conftest import ROOT

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert settings["PLUGINS"][:2] == ["archive_releases", "archive_taxonomies"]
    assert settings["PLUGINS"][-1] == "archive_sitefiles"  # last: it lists every page written
    assert check_plugins(settings) == []
    assert check_plugins({**settings, "PLUGINS": [*settings["PLUGINS"], "no_such_plugin"]}) == [
        "no_such_plugin"
    ]
    broken = tmp_path / "broken_plugin.py"
    broken.write_text("def register():\n    raise ImportError('needs a package')\n", "utf-8")
    with_broken = {
        **settings,
        "PLUGINS": [*settings["PLUGINS"], "broken_plugin"],
        "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(tmp_path)],
    }
    assert check_plugins(with_broken) == ["broken_plugin"]
