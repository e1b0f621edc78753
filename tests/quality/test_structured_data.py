"""Structured-data gate: NewsArticle on release pages, CollectionPage on term, index and year pages.

Each JSON-LD block is validated against the schemas in tests/schemas/, then compared with what the
page itself shows: date, SDG badges, partner and funder links, country links.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import jsonschema
import pytest

from tests.conftest import ROOT

SCHEMAS = ROOT / "tests" / "schemas"
COLLECTIONS = re.compile(r"^(partners|countries|sdgs|years)/")


@pytest.fixture(scope="session")
def validators() -> dict[str, jsonschema.protocols.Validator]:
    """A validator per schema file ("news_article", "collection_page"), schemas checked first."""
    out = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        out[path.name.removesuffix(".schema.json")] = cls(schema)
    return out


def json_ld(site, path: str) -> list[dict]:
    """Every JSON-LD block of a page."""
    blocks = site.soup(path).select('script[type="application/ld+json"]')
    return [json.loads(b.string) for b in blocks]


def schema_errors(validator, data: dict) -> list[str]:
    """Validation errors as "path: message" lines."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator.iter_errors(data)
    ]


def meta_content(soup, key: str) -> str | None:
    """Content of <meta property=key>."""
    tag = soup.find("meta", attrs={"property": key})
    return tag.get("content") if tag else None


def links(site, path: str, selector: str) -> list[str]:
    """Absolute URLs of the links under `selector` on a page."""
    base = site.url(path)
    return [urljoin(base, a["href"]) for a in site.soup(path).select(f"{selector} a[href]")]


def release_pages(site) -> list[str]:
    """Site paths of every release page."""
    return [p for p in site.pages() if p.startswith("releases/")]


def test_every_release_has_a_valid_news_article(site, validators):
    pages = release_pages(site)
    assert pages
    problems = []
    for path in pages:
        blocks = json_ld(site, path)
        if [b.get("@type") for b in blocks] != ["NewsArticle"]:
            problems.append(f"{path}: JSON-LD types {[b.get('@type') for b in blocks]}")
            continue
        problems += [f"{path}: {e}" for e in schema_errors(validators["news_article"], blocks[0])]
    assert not problems, "\n".join(problems[:40])


def test_news_article_matches_the_page(site):
    undated = dated = 0
    for path in release_pages(site):
        data = json_ld(site, path)[0]
        soup = site.soup(path)
        assert data["url"] == data["mainEntityOfPage"] == site.url(path)
        assert data["headline"] == data["name"] == soup.h1.get_text(strip=True)  # never cut
        assert data["image"] == meta_content(soup, "og:image"), path
        time = soup.select_one("article.release header time[datetime]")
        if time is None:
            undated += 1
            assert "datePublished" not in data, f"{path} is undated but has a datePublished"
            assert soup.select_one("article.release header .undated"), path
        else:
            dated += 1
            assert data.get("datePublished") == data.get("dateModified") == time["datetime"], path
        assert data["publisher"]["name"] and data["publisher"]["url"]
        sdgs = links(site, path, '[data-field="sdgs"]')
        assert [t["url"] for t in data.get("about", [])] == sdgs, path
        partners = links(site, path, '[data-field="partners"]')
        assert [o["sameAs"] for o in data.get("mentions", [])] == partners, path
        funders = links(site, path, '[data-field="funders"]')
        assert [o["sameAs"] for o in data.get("funder", [])] == funders, path
        countries = links(site, path, '[data-field="countries"]')
        assert [c["url"] for c in data.get("contentLocation", [])] == countries, path
    assert dated and undated, "both sites hold dated and undated releases"


def test_mentions_carry_each_organization_url(sites):
    """Organizations with a website are mentioned with it; the others with their partner page."""
    site = sites["seed"]
    seen = 0
    for path in release_pages(site):
        data = json_ld(site, path)[0]
        for org in data.get("mentions", []) + data.get("funder", []):
            partner_page = site.soup(org["sameAs"][len(site.base_url) + 1 :])
            website = partner_page.select_one('.term-header a[rel="external"]')
            expected = website["href"] if website else org["sameAs"]
            assert org["url"] == expected, f"{path}: {org['name']}"
            seen += 1
    assert seen


def test_collection_pages_have_a_valid_collection_page(site, validators):
    all_pages = set(site.pages())
    pages = sorted(p for p in all_pages if COLLECTIONS.match(p))
    assert len(pages) > 20
    problems = []
    for path in pages:
        blocks = json_ld(site, path)
        if [b.get("@type") for b in blocks] != ["CollectionPage"]:
            problems.append(f"{path}: JSON-LD types {[b.get('@type') for b in blocks]}")
            continue
        data = blocks[0]
        problems += [f"{path}: {e}" for e in schema_errors(validators["collection_page"], data)]
        items = data["mainEntity"]["itemListElement"]
        if data["mainEntity"]["numberOfItems"] != len(items):
            problems.append(f"{path}: numberOfItems is not the number of items")
        if [i["position"] for i in items] != list(range(1, len(items) + 1)):
            problems.append(f"{path}: positions are not 1..n")
        for item in items:
            rel = item["url"].removeprefix(site.base_url + "/")
            if item["url"] == rel or rel not in all_pages:
                problems.append(f"{path}: item {item['url']} is not a page of the site")
    assert not problems, "\n".join(problems[:40])
