"""The sanitiser on its own: every attack of attacks.py rendered and cleaned as the build does,
what releases legitimately use kept as it is, and each removal reported at its body line."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from newsarchive.markup import MARKDOWN, check_body, converter, safe_body
from newsarchive.sanitize import TAGS, clean_html, dropped_markup, url_scheme
from tests.conftest import ROOT
from tests.security.attacks import BODY_ATTACKS

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc")
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):")


def unsafe_parts(html: str) -> list[str]:
    """Elements outside the allowlist, event handlers, style, and script-like addresses."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name not in TAGS:
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or name in ("style", "srcdoc", "srcset", "target"):
                found.append(f"{tag.name} {name}")
            if name in URL_ATTRIBUTES and url_scheme(value) in ("javascript", "vbscript", "data"):
                found.append(f"{tag.name} {name}={value}")
    return found


@pytest.fixture(scope="module")
def md():
    return converter()


@pytest.mark.parametrize("attack", BODY_ATTACKS, ids=lambda a: a.name)
def test_attack_is_cleaned_and_reported_at_its_line(md, attack):
    body = f"First paragraph.\n\nSecond paragraph.\n\n{attack.text}\n\nLast paragraph."
    html, problems = safe_body(md, body, "content/releases/2024/x.md", 5)
    assert unsafe_parts(html) == [], attack.name
    assert clean_html(html) == html  # cleaning is idempotent: nothing left to remove
    if attack.warns:
        assert problems, f"{attack.name}: nothing reported"
        first = 5 + 4  # the file line of the attack (the body starts on line 5)
        assert {p.line for p in problems} <= set(range(first, first + attack.text.count("\n") + 3))
        for problem in problems:
            assert str(problem).startswith(f"content/releases/2024/x.md:{problem.line}: warning: ")
            assert "is removed when the site is built: " in problem.message
    else:
        assert problems == [], attack.name


def test_what_releases_use_is_kept_as_it_is(md):
    body = (
        "## Heading\n\nA *paragraph* with **strong** text, `code`, a [link](https://example.org/"
        '?a=1&b=2 "Title"), [mail](mailto:press@example.org), [phone](tel:+41227179111), a '
        "[relative link](../other/) and an ![image](https://example.org/a.png).\n\n"
        "> A quotation.\n\n1. one\n2. two\n\n- a\n- b\n\n| Left | Centre | Right |\n"
        '|:-----|:------:|------:|\n| 1 | 2 | 3 |\n\nA note[^1] and <abbr title="United '
        'Nations">UN</abbr>.\n\n    indented code\n\n---\n\n[^1]: The note.\n'
    )
    html, problems = safe_body(md, body, "x.md", 1)
    assert [p.message for p in problems if "another host" not in p.message] == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('a[href="https://example.org/?a=1&b=2"][title="Title"]')
    assert soup.select_one('a[href="mailto:press@example.org"]')
    assert soup.select_one('a[href="tel:+41227179111"]')
    assert soup.select_one('a[href="../other/"]')
    assert soup.select_one('img[src="https://example.org/a.png"][alt="image"]')
    assert [c["class"] for c in soup.select("th")] == [
        ["align-left"],
        ["align-center"],
        ["align-right"],
    ]
    ref = soup.select_one("sup[id^='fnref'] a.footnote-ref")
    note = soup.select_one(ref["href"].replace(":", "\\:"))
    assert note and note.select_one("a.footnote-backref")["href"] == "#" + ref.parent["id"]
    assert soup.select_one("abbr[title='United Nations']")
    assert soup.select_one("blockquote") and soup.select_one("pre code") and soup.select_one("hr")
    assert soup.select("ol li") and soup.select("ul li") and soup.select_one("h2")


def test_pelican_link_syntax_survives_cleaning(md):
    body = "[a]({static}/images/a.png) ![b]({attach}img/b.png) [c]({filename}../2023/c.md)"
    html, problems = safe_body(md, body, "x.md", 1)
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.select("a")] == [
        "{static}/images/a.png",
        "{filename}../2023/c.md",
    ]
    assert soup.select_one("img")["src"] == "{attach}img/b.png"


def test_external_images_are_reported_with_the_fix(md):
    problems = check_body("Text.\n\n![x](https://cdn.example/x.png)", "x.md", 10, md)
    assert [p.line for p in problems] == [12]
    assert "Content-Security-Policy" in problems[0].message
    assert "{static}/images/NAME" in problems[0].message


def test_plain_bodies_are_not_rendered_by_check():
    assert check_body("Just words, no markup at all.\n\nTwo paragraphs.", "x.md", 1) == []


def test_url_scheme_reads_addresses_as_browsers_do():
    assert url_scheme(" \x01JaVa\tScRiPt:alert(1)") == "javascript"
    assert url_scheme("java\nscript:x") == "javascript"
    assert url_scheme("{static}/images/a.png") is None
    assert url_scheme("//example.org/") is None and url_scheme("../a:b") is None
    assert url_scheme("HTTPS://example.org") == "https"


def test_each_removal_is_found_on_its_own_line():
    body = "one\n\n<img src=x onerror=a()>\n\n[x](javascript:b)\n\n<!-- c -->\n\n<iframe></iframe>"
    dropped = dropped_markup(converter().convert(body), body)
    assert [d.line for d in dropped] == [3, 5, 7, 9]


def test_project_markdown_settings_are_the_ones_check_uses():
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"] == MARKDOWN
