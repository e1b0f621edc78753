"""Countries with roles: where the work happens (a release's `countries`) apart from the home
countries of its funders and partners (each organization's `country` in the registry)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import ROOT, build, release, write_content

COUNTRIES_SCHEMA = ROOT / "tests" / "schemas" / "countries.schema.json"

FUNDED = {
    # Japan funds a training in Pakistan: Japan is a funder's country, Pakistan where it happens
    "2024/training.md": release(
        "FIA training funded by Japan",
        date="2024-03-01",
        partners=["FIA"],
        funders=["Japan"],
        countries=["PK"],
    ),
    "2023/egypt.md": release(
        "UNODC in Egypt", date="2023-05-02", partners=["UNODC"], countries=["EG"]
    ),
    "undated/japan.md": release("Work in Japan", partners=["UNODC"], countries=["JP"]),
}


@pytest.fixture(scope="module")
def funded_site(tmp_path_factory):
    """Three releases: one funded by Japan's government in Pakistan, one about Japan (undated)."""
    base = tmp_path_factory.mktemp("roles")
    return build(write_content(base, FUNDED), base / "output")


def data(site, name: str) -> dict:
    """A /data/ export as JSON."""
    return json.loads((site.output / "data" / name).read_text(encoding="utf-8"))


def test_country_page_shows_releases_about_it_apart_from_its_organizations(funded_site):
    japan = funded_site.page("countries/japan/")
    assert japan.select_one(".term-header [data-count]")["data-count"] == "1"  # about Japan
    titles = [a.get_text() for a in japan.select(".term-releases [data-release] h3 a")]
    assert titles == ["Work in Japan"]
    orgs = japan.select("[data-country-organizations] > ul > li")
    assert [(li["data-partner"], li["data-as-funder"]) for li in orgs] == [
        ("government-of-japan", "1")
    ]
    funded = [a.get_text() for a in orgs[0].select(".org-releases a")]
    assert funded == ["FIA training funded by Japan"]
    assert "about Pakistan" in orgs[0].get_text(" ", strip=True)


def test_a_funders_country_is_not_on_the_map_and_is_listed_apart(funded_site):
    page = funded_site.page("countries/")
    mapped = {a["data-country"] for a in page.select('[data-view-figure="world-map"] svg a')}
    assert mapped == {"PK", "EG", "JP"}  # Japan only because a release is about it
    funding = page.select('[data-linked-role="funder"] [data-linked-term]')
    assert [(li["data-linked-term"], li["data-count"]) for li in funding] == [("japan", "1")]
    partners = page.select('[data-linked-role="partner"] [data-linked-term]')
    assert [(li["data-linked-term"], li["data-count"]) for li in partners] == [("pakistan", "1")]
    counts = {li["data-term"]: li["data-count"] for li in page.select("[data-terms] li")}
    assert counts == {"egypt": "1", "japan": "1", "pakistan": "1"}


def test_country_feeds_and_json_ld_follow_the_split(funded_site):
    japan_feed = funded_site.output / "countries/japan/feed.atom"
    assert not japan_feed.exists()  # its only release about Japan is undated: no invented date
    pakistan = funded_site.page("countries/pakistan/")
    [block] = pakistan.select('script[type="application/ld+json"]')
    page = json.loads(block.string)
    assert page["about"] == {"@type": "Country", "name": "Pakistan", "identifier": "PK"}
    assert [o["name"] for o in page["mentions"]] == ["Federal Investigation Agency"]
    article = json.loads(
        funded_site.page("releases/2024/training/")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert [c["identifier"] for c in article["contentLocation"]] == ["PK"]
    assert [f["address"]["addressCountry"] for f in article["funder"]] == ["JP"]
    assert [m["address"]["addressCountry"] for m in article["mentions"]] == ["PK"]


def test_exports_carry_both_and_validate(funded_site):
    rows = {r["title"]: r for r in data(funded_site, "releases.json")["releases"]}
    training = rows["FIA training funded by Japan"]
    assert (training["countries"], training["funder_countries"]) == (["PK"], ["JP"])
    assert training["partner_countries"] == ["PK"]
    countries = data(funded_site, "countries.json")
    schema = json.loads(COUNTRIES_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(countries, schema, format_checker=jsonschema.FormatChecker())
    by_code = {c["code"]: c for c in countries["countries"]}
    assert (by_code["JP"]["releases"], by_code["JP"]["as_funder"]) == (1, 1)
    assert by_code["PK"]["organizations"] == ["fia"]


# The seed, re-imported under the convention: donors' countries are not in `countries`.
DONORS = {"DK": "denmark", "AU": "australia", "JP": "japan", "US": "united-states"}


def test_seed_denmark_is_a_funders_country_not_a_place_of_work(seed_site):
    denmark = seed_site.page("countries/denmark/")
    assert denmark.select_one(".term-header [data-count]")["data-count"] == "0"
    assert denmark.select_one("[data-no-releases]")
    funders = denmark.select("[data-country-organizations] > ul > li")
    assert [li["data-partner"] for li in funders] == ["denmark-mfa"]
    assert int(funders[0]["data-as-funder"]) >= 1
    assert not (seed_site.output / "countries/denmark/feed.atom").exists()
    index = seed_site.page("countries/")
    mapped = {a["data-country"] for a in index.select('[data-view-figure="world-map"] svg a')}
    funding = {li["data-linked-term"] for li in index.select('[data-linked-role="funder"] li')}
    listed = {li["data-term"] for li in index.select("[data-terms] li")}
    for code, slug in DONORS.items():
        assert code not in mapped, f"{code} is shaded as a place of work"
        assert slug in funding and slug not in listed, slug
    assert "PK" in mapped and "pakistan" in listed


def test_seed_exports_and_json_ld_keep_donors_out_of_the_places_of_work(seed_site):
    rows = data(seed_site, "releases.json")["releases"]
    assert not any(set(DONORS) & set(r["countries"]) for r in rows)
    assert any("DK" in r["funder_countries"] for r in rows)
    countries = {c["code"]: c for c in data(seed_site, "countries.json")["countries"]}
    assert countries["DK"]["releases"] == 0 and countries["DK"]["as_funder"] >= 1
    for path in sorted((seed_site.output / "releases").rglob("index.html")):
        rel = path.relative_to(seed_site.output).as_posix()
        block = seed_site.page(rel).select_one('script[type="application/ld+json"]')
        places = {c["identifier"] for c in json.loads(block.string).get("contentLocation", [])}
        assert not places & set(DONORS), rel
    counts = seed_site.page("/").select_one("[data-counts]").get_text()
    assert f"{len({c for r in rows for c in r['countries']})} countries where the work happens" in (
        counts
    )
