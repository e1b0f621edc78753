"""Every page type in Chromium at phone and desktop widths, on the seed and a 2,000-release
archive: screenshots in tests/artifacts/, no page wider than the viewport (every table opened), the
network legible or replaced by a list, the latest releases above the fold, a print stylesheet, and
axe on a phone.
"""

from __future__ import annotations

import pytest

from tests.quality.conftest import ARTIFACTS, PAGE_TYPES, representative_pages
from tests.quality.test_accessibility import describe, run_axe

SCREENSHOT_WIDTHS = (390, 1280)
NARROW_WIDTHS = (320, 390)  # no page may be wider than these viewports
OPEN_TABLES = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(el => `${el.tagName.toLowerCase()}.${el.className.baseVal ?? el.className}`
               + ` right=${Math.round(el.getBoundingClientRect().right)}`);
  return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


@pytest.fixture(scope="module")
def archives(sites, large_site) -> dict:
    """The seed and the 2,000-release archive, served."""
    return {"seed": sites["seed"], "large": large_site}


@pytest.fixture(scope="module")
def phone(browser):
    """A tab at a phone's width (bypassing the CSP: axe-core is injected as an inline script)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def load(tab, site, kind: str) -> str:
    """Open the page of `kind` on `site` (skipped when the site has none); returns its path."""
    path = representative_pages(site).get(kind)
    if path is None:
        pytest.skip(f"the {site.name} site has no {kind} page")
    tab.goto(site.url(path), wait_until="load")
    if kind == "search":
        tab.wait_for_selector("[data-results] li", timeout=15_000)
    return path


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("name", ["seed", "large"])
def test_page_fits_every_width_and_is_photographed(archives, tab, name, kind):
    site = archives[name]
    path = load(tab, site, kind)
    tab.evaluate(OPEN_TABLES)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = []
    try:
        for width in sorted({*NARROW_WIDTHS, *SCREENSHOT_WIDTHS}):
            tab.set_viewport_size({"width": width, "height": 900})
            found = tab.evaluate(OVERFLOW)
            if width in NARROW_WIDTHS and found["scroll"] > found["width"]:
                problems.append(f"{width} px: page is {found['scroll']} px wide: {found['wide']}")
            if width in SCREENSHOT_WIDTHS:
                shot = ARTIFACTS / f"pages-{name}-{kind}-{width}.png"
                tab.screenshot(path=str(shot), full_page=True)
    finally:
        tab.set_viewport_size({"width": 1280, "height": 900})
    assert not problems, f"{site.url(path)}\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_violations_on_a_phone(large_site, phone, kind):
    load(phone, large_site, kind)
    phone.evaluate(OPEN_TABLES)
    violations = run_axe(phone)
    assert not violations, describe(violations)


LABEL_SIZES = """() => {
  const svg = document.querySelector('[data-view-figure="partner-network"] > svg');
  if (!svg || !svg.getClientRects().length) return null;
  const scale = svg.getScreenCTM().a;
  return [...svg.querySelectorAll('a text')].map(
    t => scale * parseFloat(getComputedStyle(t).fontSize));
}"""


def test_partner_network_is_legible_or_a_list(large_site, tab, phone):
    tab.goto(large_site.url("partners/"))
    sizes = tab.evaluate(LABEL_SIZES)
    assert sizes and len(sizes) == 60, "60 organizations are drawn on a desktop"
    assert min(sizes) >= 11, f"labels of {min(sizes):.1f} CSS px"
    assert not tab.locator("[data-network-list]").is_visible()
    phone.goto(large_site.url("partners/"))
    assert phone.evaluate(LABEL_SIZES) is None, "the drawing is hidden on a phone"
    items = phone.locator("[data-network-list] > li")
    assert items.count() == 60 and items.first.is_visible()
    assert (
        phone.locator("[data-network-list] a").first.evaluate(
            "a => parseFloat(getComputedStyle(a).fontSize)"
        )
        >= 16
    )


def test_map_legend_is_readable_on_a_phone(archives, phone):
    for site in archives.values():
        phone.goto(site.url("countries/"))
        legend = phone.locator('[data-view-figure="world-map"] .view-legend li')
        assert legend.count() >= 2 and legend.first.is_visible()
        sizes = legend.evaluate_all(
            "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"
        )
        assert min(sizes) >= 12, sizes


def test_home_shows_the_latest_releases_without_scrolling(archives, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    try:
        for site in archives.values():
            tab.goto(site.url(""))
            first = tab.locator(".latest [data-release]").first.bounding_box()
            assert first and first["y"] + first["height"] <= 800, (site.name, first)
    finally:
        context.close()


def test_releases_print_without_the_site_around_them(archives, tab):
    site = archives["seed"]
    path = representative_pages(site)["release"]
    tab.goto(site.url(path))
    tab.emulate_media(media="print")
    try:
        shown = tab.evaluate(
            """() => Object.fromEntries(['.site-header nav', '.search-box', '.breadcrumbs',
                '.prev-next', '.related', 'article.release', 'article.release .body']
              .map(s => [s, [...document.querySelectorAll(s)]
                .some(el => el.getClientRects().length)]))"""
        )
    finally:
        tab.emulate_media(media="screen")
    assert shown["article.release"] and shown["article.release .body"]
    hidden = [
        s for s in (".site-header nav", ".search-box", ".breadcrumbs", ".prev-next") if shown[s]
    ]
    assert not hidden and not shown[".related"], hidden


def test_timeline_labels_stay_readable_on_a_phone(archives, phone):
    for site in archives.values():
        phone.goto(site.url(""))
        sizes = phone.evaluate(
            """() => {
              const svg = document.querySelector('[data-view-figure="home-timeline"] > svg');
              const scale = svg.getScreenCTM().a;
              return [...svg.querySelectorAll('text')].map(
                t => scale * parseFloat(getComputedStyle(t).fontSize));
            }"""
        )
        assert sizes and min(sizes) >= 11, (site.name, min(sizes))


def test_search_within_a_term_opens_the_search_filtered_to_it(archives, tab):
    site = archives["seed"]
    tab.goto(site.url("partners/fia/"))
    tab.fill("#within-q", "trafficking")
    tab.locator("form[data-search-within] button").click()
    tab.wait_for_selector("[data-results] li", timeout=15_000)
    assert "partner=fia" in tab.url and "q=trafficking" in tab.url
    assert tab.locator("[data-facet=partner] input[value=fia]").is_checked()
    listed = tab.locator("[data-results] > li").count()
    fia = site.soup("partners/fia/").select(".term-releases [data-release]")
    assert 0 < listed <= len(fia)
