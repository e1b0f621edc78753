"""The search page in Chromium on a 2,000-release realistic archive: right answers for named
countries, steady results while typing, facets that stay short, keyboard reach and axe."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import CHROMIUM
from tests.search.test_search_browser import result_titles, tabs_to

pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

NAMED = {"Turkey": "TR", "UK": "GB", "USA": "US", "Ivory Coast": "CI", "DRC": "CD"}


@pytest.fixture(scope="module")
def big_url(archive_2000, serve) -> str:
    return serve(archive_2000.output)


def country_slugs(archive) -> dict[str, str]:
    meta = json.loads((archive.output / "search/index.json").read_text(encoding="utf-8"))
    return {c[0]: c[2] for c in meta["labels"]["country"]}


def named_countries_come_first(page, big_url, slugs):
    for query, code in NAMED.items():
        page.goto(f"{big_url}/search/?q={quote(query)}")
        page.wait_for_selector("[data-result]")
        first = page.locator("[data-result]")
        for i in range(3):
            links = (
                first.nth(i)
                .locator(".tags a")
                .evaluate_all("els => els.map(a => a.getAttribute('href'))")
            )
            assert any(h.endswith(f"countries/{slugs[code]}/") for h in links), (query, i)
        status = page.locator("[data-search-status]").text_content()
        assert "Listed first: releases in" in status, query


def typing_keeps_results_steady(page, big_url):
    page.goto(f"{big_url}/search/")
    box = page.locator("#search-q")
    seen = []
    for ch in "IFRC-SECA":
        box.press_sequentially(ch)
        page.wait_for_timeout(450)  # past the pause that starts a search
        seen.append(page.locator("[data-search-status]").text_content())
    assert not [s for s in seen if s.startswith("0 ")], seen
    final = page.locator("[data-result]").count()
    assert final > 0 and seen[-1].startswith(f"{final} releases found for “IFRC-SECA”")
    counts = [int(s.split()[0]) for s in seen if s[:1].isdigit()]
    assert counts == sorted(counts, reverse=True), seen  # narrowing, never jumping back


def facets_stay_short_and_results_come_first(page, big_url):
    page.goto(f"{big_url}/search/")
    page.locator("#search-q").fill("trafficking")
    page.locator("#search-q").press("Enter")
    page.wait_for_selector("[data-facet=partner] input[type=checkbox]")
    assert tabs_to(page, "[data-result] h3 a") <= 15
    partner = page.locator("[data-facet=partner]")
    assert partner.locator("input[type=checkbox]").count() == 6  # its top values
    more = partner.locator("[data-show-all]")
    total = int(more.text_content().split()[2])
    assert total > 100
    more.click()
    assert partner.locator("input[type=checkbox]").count() == total
    more.click()
    partner.locator("[data-facet-find]").fill("FENA")
    assert partner.locator("label").all_text_contents()[0].startswith("FENA")
    partner.locator("input[type=checkbox]").first.check()
    page.wait_for_selector("[data-chip]")
    assert page.locator("[data-chip]").text_content().startswith("Partner: FENA")
    titles = result_titles(page)
    page.locator("[data-clear-all]").click()
    page.wait_for_function("!location.search.includes('partner=')")
    page.wait_for_selector("[data-chips][hidden]", state="attached")
    assert result_titles(page) != titles


def phone_shows_results_first(page, big_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{big_url}/search/?q=trafficking")
    page.wait_for_selector("[data-facets]:not([hidden])")
    assert not page.locator("[data-facets-box]").evaluate("d => d.open")
    first = page.locator("[data-result]").first.bounding_box()
    facets = page.locator("[data-facets]").bounding_box()
    assert first["y"] < facets["y"] and first["y"] < 844
    page.locator("[data-to-filters]").click()
    assert page.locator("[data-facets-box]").evaluate("d => d.open")


def no_axe_violations(page, big_url):
    from tests.quality.test_accessibility import describe, run_axe

    page.goto(f"{big_url}/search/?q=trafficking&partner=fena")
    page.wait_for_selector("[data-chip]")
    page.wait_for_load_state("networkidle")
    violations = run_axe(page)
    assert not violations, describe(violations)


def test_named_countries_come_first(in_browser, big_url, archive_2000):
    in_browser(named_countries_come_first, big_url, country_slugs(archive_2000))


def test_typing_keeps_results_steady(in_browser, big_url):
    in_browser(typing_keeps_results_steady, big_url)


def test_facets_stay_short_and_results_come_first(in_browser, big_url):
    in_browser(facets_stay_short_and_results_come_first, big_url)


def test_phone_shows_results_first(in_browser, big_url):
    in_browser(phone_shows_results_first, big_url)


def test_no_axe_violations(browser, big_url):
    context = browser.new_context(bypass_csp=True)  # axe-core is injected as an inline script
    try:
        no_axe_violations(context.new_page(), big_url)
    finally:
        context.close()
