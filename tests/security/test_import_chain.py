"""A hostile page saved off the web, through `archive import`, `archive check` and the build,
then every page that lists the release opened in Chromium: nothing runs, and text of the page
that looks like markup is kept as visible text, never turned into an element."""

from __future__ import annotations

import shutil
import subprocess
import sys

from bs4 import BeautifulSoup

from tests.conftest import ROOT, build, server_url, stop_server
from tests.security.conftest import DOM_FINDINGS, WATCH

SAVED_PAGE = """\
<html><head><title>IOM and UNODC &lt;script&gt;alert(1)&lt;/script&gt; Sign Agreement | News</title>
<script>alert("head")</script><base href="https://evil.example/"></head>
<body onload="alert('body')">
<nav><a href="javascript:alert(1)">Home</a></nav>
<h1>IOM and UNODC &lt;script&gt;alert(1)&lt;/script&gt; Sign Agreement</h1>
<p>Cairo, 2 July 2024 - IOM and UNODC signed an agreement on migrant smuggling in Egypt,
&lt;img src=x onerror=alert(1)&gt; said the text.</p>
<p>The partners <img src=x onerror="alert(2)"> will train <a href="javascript:alert(3)">border
officials</a>.<script>alert(4)</script></p>
<iframe srcdoc="<script>alert(5)</script>"></iframe>
<p><svg onload=alert(6)></svg>Training starts in <b onmouseover="alert(7)">August</b>.
[link](javascript:alert(8)) &lt;!-- "&gt;&lt;svg onload=alert(9)&gt;</p>
</body></html>
"""
# Text of the saved page that looks like markup (entities in its source): shown as text.
MARKUP_AS_TEXT = (
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(8))",
    '<!-- "><svg onload=alert(9)>',
)
NEVER_ELEMENTS = (
    "script, img, svg, iframe, object, embed, a[href^='javascript'], [onerror], [onload]"
)


def archive(*args, cwd) -> subprocess.CompletedProcess:
    code = "from newsarchive.cli import entry; entry()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_saved_page_to_published_site(tmp_path, browser):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "saved.html").write_text(SAVED_PAGE, encoding="utf-8")
    imported = archive("import", "saved.html", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    (written,) = [
        p for p in (tmp_path / "content/releases").rglob("*.md") if "sign-agreement" in p.name
    ]
    checked = archive("check", "content", cwd=tmp_path)
    assert " error: " not in checked.stdout, checked.stdout
    site = build(tmp_path / "content", tmp_path / "output")
    path = written.relative_to(tmp_path / "content/releases").with_suffix("")
    page = site.page(f"releases/{path.as_posix()}/")
    assert "<script>alert(1)</script>" in page.h1.get_text()  # the headline's text, as text
    body = page.select_one(".body")
    for text in MARKUP_AS_TEXT:
        assert text in body.get_text(), text
    assert body.select(NEVER_ELEMENTS) == []
    assert "alert(4)" not in body.get_text() and "alert(5)" not in body.get_text()  # nor scripts
    pages = [f for f in site.output.rglob("*.html") if written.stem in f.read_text("utf-8")]
    assert len(pages) >= 5  # its page, home, year, partner, country...
    visit(site.output, pages, browser)


def visit(output, pages, browser) -> None:
    """Open pages in Chromium under their CSP: no dialog, violation or bad DOM."""
    from tests.quality.conftest import serve_site

    server = serve_site(output)
    base = server_url(server) + "/"
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.add_init_script(WATCH)
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for file in sorted(pages):
            rel = file.relative_to(output).as_posix()
            tab.goto(base + rel, wait_until="load")
            assert tab.evaluate(DOM_FINDINGS) == [], rel
            assert tab.evaluate("window.__csp") == [], rel
            assert BeautifulSoup(file.read_text("utf-8"), "html.parser").select("[style]") == []
        assert dialogs == []
    finally:
        context.close()
        stop_server(server)
