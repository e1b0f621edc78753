"""Browser tests: Chromium (Debian's, never downloaded) driven by Playwright on built sites.

One browser for the session (tests/conftest.py); each site is served on 127.0.0.1 by a tiny
threaded server that sends a Content-Security-Policy, so inline scripts or handlers would be
blocked and reported (tests/search/conftest.py: serve, in_browser).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import CHROMIUM
from tests.search.conftest import ARTIFACTS, XSS_TITLE

pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def seed_url(seed_search, serve) -> str:
    return serve(seed_search.output)


def result_titles(page) -> list[str]:
    return page.locator("[data-result] h3 a").all_text_contents()


def params(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def typing_a_query_shows_results(page, seed_url):
    page.goto(f"{seed_url}/search/")
    page.locator("#search-q").press_sequentially("unodc", delay=30)
    page.locator("[data-search-status]", has_text="“unodc”").wait_for()
    titles = result_titles(page)
    assert titles[0].startswith("IOM and UNODC Join Forces")
    assert "found for “unodc”" in page.locator("[data-search-status]").text_content()
    assert params(page)["q"] == ["unodc"]
    first = page.locator("[data-result]").first
    assert first.locator("mark").first.text_content().lower() == "unodc"
    assert first.locator(".sdg-badge").count() == 3
    assert first.locator("time").text_content() == "2 July 2024"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)


def header_box_submits_to_the_search_page(page, seed_url):
    page.goto(f"{seed_url}/partners/")
    page.locator("#site-search-q").fill("Tajikstan")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_selector("[data-result]")
    assert urlparse(page.url).path == "/search/"
    assert result_titles(page) == [
        "IOM Afghanistan and Tajikistan Bring NGO Partners Together to Combat Human Trafficking"
    ]
    assert page.locator("[data-result]").first.locator(".undated").text_content() == "Date unknown"


def facets_narrow_results_and_live_in_the_url(page, seed_url):
    page.goto(f"{seed_url}/search/?q=pakistan")
    page.wait_for_selector("[data-result]")
    assert len(result_titles(page)) == 3
    fia = page.locator("[data-facet=partner] input[value=fia]")
    assert page.locator("label[for=facet-partner-fia]").text_content().endswith("(2)")
    fia.check()
    page.wait_for_function("document.querySelectorAll('[data-result]').length === 2")
    assert params(page) == {"q": ["pakistan"], "partner": ["fia"]}
    # another group ANDs: FIA and 2023
    page.locator("[data-facet=year] input[value='2023']").check()
    page.wait_for_function("document.querySelectorAll('[data-result]').length === 1")
    assert result_titles(page) == [
        "IOM Pakistan Empowers Stakeholders through Comprehensive Trainings to Combat Human "
        "Trafficking and Migrant Smuggling"
    ]
    page.go_back()
    page.wait_for_function("document.querySelectorAll('[data-result]').length === 2")
    page.go_back()
    page.wait_for_function("document.querySelectorAll('[data-result]').length === 3")
    assert not page.locator("[data-facet=partner] input[value=fia]").is_checked()


def url_round_trip_and_sorting(page, seed_url):
    page.goto(f"{seed_url}/search/?q=trafficking&partner=unodc&partner=hci")
    page.wait_for_selector("[data-result]")
    assert page.locator("#search-q").input_value() == "trafficking"
    assert page.locator("[data-facet=partner] input[value=unodc]").is_checked()
    assert len(result_titles(page)) == 2  # one group: OR
    page.locator("input[name=sort][value=newest]").check()
    page.wait_for_function("location.search.includes('sort=newest')")
    titles = result_titles(page)
    assert titles[0].startswith("IOM and UNODC") and titles[1].startswith("IOM and Human Concern")
    page.locator("#search-q").fill("zzyzx")
    page.locator("#search-q").press("Enter")
    page.wait_for_selector("[data-empty]:not([hidden])")
    assert "No release matches" in page.locator("[data-empty]").text_content()
    hrefs = page.locator("[data-empty] a").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    assert any(h.endswith("partners/") for h in hrefs) and any(h.endswith("sdgs/") for h in hrefs)
    page.go_back()
    page.wait_for_selector("[data-result]")
    assert page.locator("#search-q").input_value() == "trafficking"
    assert len(result_titles(page)) == 2


def no_result_suggests_matching_term_pages(page, seed_url):
    page.goto(f"{seed_url}/search/?q=tajikistan&partner=unodc")
    page.wait_for_selector("[data-empty]:not([hidden])")
    assert "filters" in page.locator("[data-empty-message]").text_content()
    suggested = page.locator("[data-suggestions] a")
    assert suggested.all_text_contents() == ["Tajikistan"]
    assert suggested.first.get_attribute("href").endswith("countries/tajikistan/")
    assert page.locator("[data-facet=partner] input[value=unodc]").is_checked()


def tabs_to(page, selector: str, limit: int = 60) -> int:
    """Tab presses from the focused element until one matching `selector` has focus."""
    for tabs in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return tabs
    raise AssertionError(f"{selector} not reached in {limit} Tab presses")


def keyboard_only(page, seed_url):
    page.goto(f"{seed_url}/search/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-q":
            break
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.type("pakistan")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-facet] input")
    assert tabs_to(page, "[data-result] h3 a") <= 15  # results come before the filters
    assert tabs_to(page, "[data-facet] input[type=checkbox]") <= 60
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("facet-")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('&')")
    assert page.evaluate("document.activeElement.id") == focused  # focus kept after re-render
    assert page.evaluate("document.activeElement.checked")


def index_text_is_never_html(page, xss_site, serve):
    url = serve(xss_site.output)
    page.goto(f"{url}/search/?q=smugglers")
    page.wait_for_selector("[data-result]")
    link = page.locator("[data-result] h3 a").filter(has_text="onerror")
    assert link.text_content() == XSS_TITLE
    assert page.locator("[data-results] img, [data-results] script, [data-results] b").count() == 0
    assert "<b onmouseover" in page.locator("[data-results]").text_content()
    assert page.evaluate("window.__xss") is None


def any_word_results_are_said_so(page, seed_url):
    page.goto(f"{seed_url}/search/?q=Tajikistan+Japan")
    page.wait_for_selector("[data-result]")
    status = page.locator("[data-search-status]").text_content()
    assert status.startswith("No release has every word of “Tajikistan Japan”; 2 releases")
    assert len(result_titles(page)) == 2


# The tests: each runs one of the functions above on a fresh page.


def test_typing_a_query_shows_results(in_browser, seed_url):
    in_browser(typing_a_query_shows_results, seed_url)


def test_header_box_submits_to_the_search_page(in_browser, seed_url):
    in_browser(header_box_submits_to_the_search_page, seed_url)


def test_facets_narrow_results_and_live_in_the_url(in_browser, seed_url):
    in_browser(facets_narrow_results_and_live_in_the_url, seed_url)


def test_url_round_trip_and_sorting(in_browser, seed_url):
    in_browser(url_round_trip_and_sorting, seed_url)


def test_no_result_suggests_matching_term_pages(in_browser, seed_url):
    in_browser(no_result_suggests_matching_term_pages, seed_url)


def test_keyboard_only(in_browser, seed_url):
    in_browser(keyboard_only, seed_url)


def test_index_text_is_never_html(in_browser, xss_site, serve):
    in_browser(index_text_is_never_html, xss_site, serve)


def test_any_word_results_are_said_so(in_browser, seed_url):
    in_browser(any_word_results_are_said_so, seed_url)
