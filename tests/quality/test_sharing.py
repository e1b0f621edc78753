"""Sharing and discovery gate: Open Graph, Twitter card and canonical tags on every page,
sitemap.xml, robots.txt, a styled 404 and a favicon, checked on the served sites."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read()


def meta(soup, key: str) -> str | None:
    """Content of <meta property=key> or <meta name=key>."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def noindex(soup) -> bool:
    """True when the page asks not to be indexed."""
    return "noindex" in (meta(soup, "robots") or "").lower()


def test_every_page_has_canonical_open_graph_and_twitter_tags(site):
    problems = []
    for path in site.pages():
        soup = site.soup(path)
        canonical = [link["href"] for link in soup.select('head link[rel~="canonical"]')]
        url = site.url(path).split("?")[0]
        if canonical != [url]:
            problems.append(f"{path}: canonical {canonical}, expected [{url}]")
        if meta(soup, "og:url") != url:
            problems.append(f"{path}: og:url {meta(soup, 'og:url')}")
        for key in ("description", "og:title", "og:description", "og:site_name"):
            if not (meta(soup, key) or "").strip():
                problems.append(f"{path}: no {key}")
        for key in ("twitter:title", "twitter:description"):
            if not (meta(soup, key) or "").strip():
                problems.append(f"{path}: no {key}")
        expected_type = "article" if path.startswith("releases/") else "website"
        if meta(soup, "og:type") != expected_type:
            problems.append(f"{path}: og:type {meta(soup, 'og:type')}, expected {expected_type}")
        if meta(soup, "twitter:card") not in ("summary", "summary_large_image"):
            problems.append(f"{path}: twitter:card {meta(soup, 'twitter:card')}")
        if not (soup.title and soup.title.get_text(strip=True)):
            problems.append(f"{path}: no <title>")
    assert not problems, "\n".join(problems[:40])


def test_sitemap_lists_every_page_but_the_404(site):
    status, _, body = fetch(site.url("sitemap.xml"))
    assert status == 200
    locs = [loc.text for loc in ET.fromstring(body).iter(SITEMAP + "loc")]
    assert len(locs) == len(set(locs)), "the sitemap repeats URLs"
    expected = {site.url(p) for p in site.pages() if not noindex(site.soup(p))}
    assert set(locs) == expected, (
        f"missing: {sorted(expected - set(locs))[:10]}, extra: {sorted(set(locs) - expected)[:10]}"
    )
    assert site.url("404.html") not in locs


def test_robots_txt_names_the_sitemap(site):
    status, kind, body = fetch(site.url("robots.txt"))
    assert status == 200 and kind == "text/plain"
    lines = body.decode("utf-8").splitlines()
    assert f"Sitemap: {site.url('sitemap.xml')}" in lines
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines


def test_missing_page_gets_the_styled_404(site, tab):
    url = site.url("no/such/release/")
    status, _, body = fetch(url)
    assert status == 404 and b"Page not found" in body
    response = tab.goto(url)
    assert response.status == 404
    assert tab.locator("h1").inner_text() == "Page not found"
    header = tab.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header not in ("rgba(0, 0, 0, 0)", "transparent"), "the 404 page is not styled"
    hrefs = tab.eval_on_selector_all("main a[href]", "els => els.map(a => a.href)")
    assert hrefs and all(fetch(h)[0] == 200 for h in hrefs), "a 404 link is broken"


@pytest.mark.parametrize("path", ["", "partners/", "releases/", "404.html"])
def test_favicon_link_resolves(site, path):
    if path == "releases/":
        path = next(p for p in site.pages() if p.startswith("releases/"))
    soup = site.soup(path)
    icons = soup.select('head link[rel~="icon"]')
    assert icons, f"{path or 'home'} has no <link rel=icon>"
    for icon in icons:
        status, kind, _ = fetch(urljoin(site.url(path), icon["href"]))
        assert status == 200 and kind.startswith("image/"), icon["href"]


def test_root_favicon_ico_is_served(site):
    status, kind, _ = fetch(site.url("favicon.ico"))
    assert status == 200 and kind.startswith("image/")


def test_every_page_has_a_share_image_that_is_served(site):
    images, problems = {}, []
    for path in [*site.pages(), "404.html"]:
        soup = site.soup(path)
        image = meta(soup, "og:image") or ""
        if not image.startswith(site.base_url + "/") or not image.endswith(".png"):
            problems.append(f"{path}: og:image {image!r}")
            continue
        if not (meta(soup, "og:image:alt") or "").strip():
            problems.append(f"{path}: og:image without og:image:alt")
        if (meta(soup, "og:image:width"), meta(soup, "og:image:height")) != ("1200", "630"):
            problems.append(f"{path}: og:image size not stated as 1200x630")
        images.setdefault(image, path)
    for image, path in sorted(images.items()):
        status, kind, body = fetch(image)
        if status != 200 or kind != "image/png" or body[16:24] != bytes.fromhex("000004b000000276"):
            problems.append(f"{path}: {image} is {status} {kind}, not a 1200x630 PNG")
    assert not problems, "\n".join(problems[:40])
    assert any("/share/sdg-" in image for image in images), "goal pages have their own image"
