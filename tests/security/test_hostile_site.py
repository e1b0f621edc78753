"""The hostile site (the seed with every attack planted): nothing runs, nothing leaks, every
value is shown as the text it is, every page carries the Content-Security-Policy."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from newsarchive.csp import DEFAULT_POLICY
from tests.security.attacks import ACTIVE_FILES, FIELD_PAYLOADS
from tests.security.conftest import HOSTILE_FILENAME, SECRET


def html_pages(site) -> list:
    return sorted(site.output.rglob("*.html"))


def test_no_page_runs_anything_in_chromium(hostile_visits):
    assert len(hostile_visits) > 150
    bad = {
        path: (v.dialogs, v.violations, v.findings)
        for path, v in hostile_visits.items()
        if v.dialogs or v.violations or v.findings
    }
    assert bad == {}


def test_searching_hostile_text_shows_it_as_text(hostile_visits):
    for path in ("search/?q=alert", "search/?q=script+onerror"):
        assert path in hostile_visits and not hostile_visits[path].findings


def test_every_page_carries_the_policy_before_anything_it_loads(hostile_site):
    for path in html_pages(hostile_site):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        first = head.find_all(True, recursive=False)[:2]
        assert first[0].get("charset") == "utf-8", path
        assert first[1].get("http-equiv") == "Content-Security-Policy", path
        assert first[1]["content"] == DEFAULT_POLICY, path


def test_no_style_attribute_anywhere(hostile_site):
    """style-src 'self' refuses style attributes: colours come from classes (sdgs.css)."""
    for path in html_pages(hostile_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.select("[style]") == [], path
    css = (hostile_site.output / "theme" / "css" / "sdgs.css").read_text(encoding="utf-8")
    assert css.count("--sdg:") == 17


@pytest.mark.parametrize("index", range(len(FIELD_PAYLOADS)))
def test_every_field_is_shown_as_the_text_it_is(hostile_site, index):
    payload = FIELD_PAYLOADS[index]
    shown = payload.replace("\x07", "").replace("\x1b", "")  # control characters: not text
    page = BeautifulSoup(
        (hostile_site.output / f"releases/2024/field-{index}/index.html").read_text("utf-8"),
        "html.parser",
    )
    title = f"Field attack {index} {payload}"
    assert page.h1.get_text() == title
    assert page.title.get_text().startswith(title)
    assert page.find("meta", attrs={"name": "description"})["content"] == f"Summary {payload}"
    assert page.find("meta", property="og:title")["content"].startswith(title)
    assert page.select_one(".dateline").get_text() == f"Cairo {payload}"
    assert page.select_one(".contact-name").get_text() == f"Press {payload}"
    assert page.select_one("[data-field=source]") is None  # a file name is never shown
    assert page.select_one("[data-field=partners] a").get_text() == f"H{index} {payload}"
    assert page.select_one("footer.site-footer"), "the page was cut short"
    (block,) = page.select('script[type="application/ld+json"]')
    data = json.loads(block.string)
    assert data["name"] == title and data["description"] == f"Summary {payload}"
    assert data["locationCreated"]["name"] == f"Cairo {payload}"
    assert not set("<>&") & set(block.string)
    assert "Check " not in page.get_text(), "review notes are for editors, not readers"
    assert shown  # the payload itself is not empty


def test_template_syntax_in_content_is_not_evaluated(hostile_site):
    index = next(i for i, p in enumerate(FIELD_PAYLOADS) if "{{" in p)
    page = hostile_site.output / f"releases/2024/field-{index}/index.html"
    assert "{{ 7*7 }}" in BeautifulSoup(page.read_text("utf-8"), "html.parser").h1.get_text()


def test_registry_values_are_text_and_only_web_addresses_are_links(hostile_site):
    for index, payload in enumerate(FIELD_PAYLOADS):
        page = BeautifulSoup(
            (hostile_site.output / f"partners/hostile-{index}/index.html").read_text("utf-8"),
            "html.parser",
        )
        assert page.h1.get_text().startswith(f"Hostile {index} {payload}")
        assert f"Description {payload}" in page.get_text()
        assert page.select_one('a[rel="external"]')["href"].startswith("https://example.org/")
    for j in range(9):
        page = BeautifulSoup(
            (hostile_site.output / f"partners/badurl-{j}/index.html").read_text("utf-8"),
            "html.parser",
        )
        assert page.select('a[rel="external"]') == [] and "Website" not in page.get_text()
    partners = json.loads((hostile_site.output / "data/partners.json").read_text("utf-8"))
    websites = {row["slug"]: row["website"] for row in partners["partners"]}
    assert all(websites[f"badurl-{j}"] == "" for j in range(9))


def test_feeds_and_sitemap_stay_well_formed_and_clean(hostile_site):
    files = [*hostile_site.output.rglob("*.atom"), hostile_site.output / "sitemap.xml"]
    assert len(files) > 20
    atom = "{http://www.w3.org/2005/Atom}"
    for path in files:
        root = ET.parse(path).getroot()  # raises on a control character or a broken escape
        for content in root.iter(f"{atom}content"):
            soup = BeautifulSoup(content.text or "", "html.parser")
            assert soup.find_all(["script", "iframe", "object", "embed", "svg"]) == [], path
            for tag in soup.find_all(True):
                assert not [a for a in tag.attrs if a.startswith("on") or a == "style"], path
                assert not str(tag.get("href", "")).lower().startswith("javascript"), path
    feed = ET.parse(hostile_site.output / "partners/hostile-0/feed.atom")
    titles = [t.text for t in feed.iter(f"{atom}title")]
    assert f"Field attack 0 {FIELD_PAYLOADS[0]}" in titles  # as text, unescaped by the parser


def test_open_data_parses(hostile_site):
    for name in ("releases", "partners", "countries", "sdgs"):
        json.loads((hostile_site.output / f"data/{name}.json").read_text("utf-8"))


def test_nothing_from_outside_content_nor_any_active_file_is_published(hostile_site):
    output = hostile_site.output
    for path in output.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    assert (output / "images" / "ok.png").read_bytes() == (
        hostile_site.content / "images" / "ok.png"
    ).read_bytes()
    for rel in ACTIVE_FILES:
        assert not (output / rel).exists(), rel
    assert not list(output.rglob("evil.*")), "no refused file under any name"
    for folder in ("images", "extra"):  # static files are copies of files in content/
        for path in (output / folder).rglob("*") if (output / folder).is_dir() else []:
            assert (hostile_site.content / path.relative_to(output)).is_file(), path


def test_pages_in_other_formats_are_not_published(hostile_site):
    assert not (hostile_site.output / "evil").exists()
    assert (hostile_site.output / "hostile" / "index.html").is_file()  # the Markdown page is


def test_files_with_quotes_in_their_names_are_not_published(hostile_site):
    output = hostile_site.output
    assert not [p for p in output.rglob("*") if '"' in p.name]
    messages = "\n".join(hostile_site.messages())
    for rel in (f"releases/2024/{HOSTILE_FILENAME}.md", f"images/{HOSTILE_FILENAME}.png"):
        assert f"content/{rel}:1: error: the file name" in messages, rel


def test_a_page_sets_only_its_own_fields(hostile_site):
    output = hostile_site.output
    # a page with a field that would choose its address or template is not published at all
    assert not (output.parent / "outside.html").exists() and not list(output.rglob("outside*"))
    assert not list(output.rglob("slugged*")) and not (output / "p").exists()
    messages = "\n".join(hostile_site.messages())
    assert "content/pages/slugged.md:3: error: slug " in messages
    for line, field in ((4, "url"), (5, "save_as"), (6, "template")):
        assert f"content/pages/slugged.md:{line}: error: '{field}' is not allowed" in messages
