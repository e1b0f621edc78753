"""Unit tests of tests/linkcheck.py on tiny output folders written from strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.linkcheck import ANCHOR, EXTERNAL_ASSET, MISSING, check_site, css_urls

SITE = "https://archive.example.org"


def write(folder: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under `folder`; return it."""
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def page(body: str = "", head: str = "") -> str:
    """A minimal HTML page."""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def problems(folder: Path, files: dict[str, str]) -> list[tuple[str, str, str]]:
    """(source, url, kind) of every problem in a folder written from `files`."""
    report = check_site(write(folder, files), SITE)
    return [(p.source, p.url, p.kind) for p in report.problems]


def test_relative_links_to_folders_and_files_resolve(tmp_path):
    files = {
        "index.html": page('<a href="partners/">P</a><a href="partners/unodc/index.html">U</a>'),
        "partners/index.html": page('<a href="../">home</a><a href="unodc">no slash</a>'),
        "partners/unodc/index.html": page('<a href="../../partners/">up</a>'),
    }
    assert problems(tmp_path, files) == []


def test_missing_page_is_reported_with_its_source(tmp_path):
    files = {"index.html": page('<a href="partners/undoc/">typo</a>')}
    assert problems(tmp_path, files) == [("index.html", "partners/undoc/", MISSING)]


def test_fragment_must_be_an_id_of_the_target(tmp_path):
    files = {
        "index.html": page(
            '<a href="#main">skip</a><a href="#nowhere">x</a>'
            '<a href="about/#team">team</a><a href="about/#staff">staff</a><main id="main"></main>'
        ),
        "about/index.html": page('<h2 id="team">Team</h2><a name="old-anchor"></a>'),
        "about/old.html": page('<a href="index.html#old-anchor">named anchor</a>'),
    }
    assert problems(tmp_path, files) == [
        ("index.html", "#nowhere", ANCHOR),
        ("index.html", "about/#staff", ANCHOR),
    ]


def test_assets_must_exist_and_stay_on_the_site(tmp_path):
    files = {
        "index.html": page(
            '<img src="img/a.png" srcset="img/a.png 1x, img/a2.png 2x" alt="">'
            '<script src="https://cdn.example.com/x.js"></script>',
            head='<link rel="stylesheet" href="theme/site.css">'
            '<link rel="icon" href="//cdn.example.com/favicon.ico">',
        ),
        "img/a.png": "png",
        "theme/site.css": "body { background: url('missing.png') }",
    }
    assert sorted(problems(tmp_path, files)) == [
        ("index.html", "//cdn.example.com/favicon.ico", EXTERNAL_ASSET),
        ("index.html", "https://cdn.example.com/x.js", EXTERNAL_ASSET),
        ("index.html", "img/a2.png", MISSING),
        ("theme/site.css", "missing.png", MISSING),
    ]


def test_links_to_other_hosts_and_other_schemes_are_not_followed(tmp_path):
    files = {
        "index.html": page(
            '<a href="https://www.unodc.org/">UNODC</a><a href="mailto:media@iom.int">mail</a>'
            '<a href="tel:+41227179111">call</a>',
            head='<link rel="alternate" type="application/atom+xml" href="http://other.org/f">',
        )
    }
    assert problems(tmp_path, files) == []


def test_absolute_urls_under_the_site_url_are_internal(tmp_path):
    files = {
        "index.html": page(
            head=f'<link rel="canonical" href="{SITE}/"><link rel="alternate" href="{SITE}/x.atom">'
        )
    }
    assert problems(tmp_path, files) == [("index.html", f"{SITE}/x.atom", MISSING)]


def test_root_relative_links_and_query_strings(tmp_path):
    files = {
        "404.html": page('<a href="/partners/">P</a><link rel="stylesheet" href="/theme/s.css">'),
        "partners/index.html": page(
            '<form action="../search/"></form><a href="../search/?q=x">s</a>'
        ),
        "search/index.html": page(),
        "theme/s.css": "",
    }
    assert problems(tmp_path, files) == []


def test_links_outside_the_folder_and_empty_references_fail(tmp_path):
    files = {"index.html": page('<a href="../../etc/passwd">x</a><form action=""></form>')}
    found = problems(tmp_path, files)
    assert [kind for _, _, kind in found] == [MISSING, MISSING]


def test_report_counts_pages_stylesheets_and_references(tmp_path):
    write(tmp_path, {"index.html": page('<a href="a/">a</a>'), "a/index.html": page(), "s.css": ""})
    report = check_site(tmp_path)
    assert (report.pages, report.stylesheets, report.references, report.ok) == (2, 1, 1, True)


@pytest.mark.parametrize(
    "css, urls",
    [
        ("a { background: url(x.png) }", ["x.png"]),
        (
            "@font-face { src: url('f.woff2') format('woff2'), url(\"f.woff\") }",
            ["f.woff2", "f.woff"],
        ),
        ('@import "base.css";', ["base.css"]),
    ],
)
def test_css_urls(css, urls):
    assert css_urls(css) == urls
