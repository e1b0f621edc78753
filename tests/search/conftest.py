"""Search fixtures: sites built with lunr.py's full index beside the shards, and a Node runner."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, BuiltSite, QuietHandler, build, release, write_content

LUNR_JS = ROOT / ".ci/node_modules/lunr/lunr.js"
CHECK_JS = Path(__file__).with_name("lunr_check.js")
FULL_INDEX = "full-index.json"  # lunr.py's own serialized index, written only for these tests

# The equivalence queries: one word, two words, acronym, full name, prefix, fuzzy, field query,
# a term absent from the index, a negated query, a word typed halfway, accents and punctuation.
QUERIES = [
    "trafficking",
    "Pakistan training",
    "UNODC",
    "United Nations Office on Drugs and Crime",
    "traff*",
    "Tajikstan~1",
    "Tajikstan",
    "partner:unodc",
    "zzyzx",
    "-pakistan",
    "smugg",
    "Bogotá IOM's",
    "forced labour",
    "+migrant -japan",
]


def run_queries(search_dir: Path, queries: list[str], full_index: bool = True) -> dict:
    """Results of `queries` with real lunr.js (see lunr_check.js for the shape)."""
    qfile = search_dir.parent / "queries.json"
    qfile.write_text(json.dumps(queries), encoding="utf-8")
    full = str(search_dir / FULL_INDEX) if full_index else "-"
    out = subprocess.run(
        ["node", str(CHECK_JS), str(LUNR_JS), str(search_dir), full, str(qfile)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def titles_of(site: BuiltSite, results: list) -> list[str]:
    """Titles of results ([ref, score, terms]) from the display shards."""
    meta = json.loads((site.output / "search/index.json").read_text(encoding="utf-8"))
    size = meta["docShard"]
    rows = {}
    for ref, _, _ in results:
        shard = json.loads((site.output / f"search/d/{ref // size}.json").read_text("utf-8"))
        rows[ref] = shard[ref % size][0]
    return [rows[ref] for ref, _, _ in results]


def index_terms(search_dir: Path) -> list[str]:
    """Every index term, in order, from the dictionary chunks."""
    meta = json.loads((search_dir / "index.json").read_text(encoding="utf-8"))
    out = []
    for k in range(len(meta["dict"])):
        chunk = json.loads((search_dir / f"w/{k}.json").read_text(encoding="utf-8"))
        out += chunk["terms"].split("\n")
    return out


@pytest.fixture(scope="session")
def seed_search(tmp_path_factory) -> BuiltSite:
    """The real content/ built once, with the full lunr.py index written for comparison."""
    base = tmp_path_factory.mktemp("seed-search")
    shutil.copytree(ROOT / "content", base / "content")
    return build(base / "content", base / "output", SEARCH_FULL_INDEX=FULL_INDEX)


@pytest.fixture(scope="session")
def synthetic_search(tmp_path_factory) -> BuiltSite:
    """A synthetic archive of 200 releases (tests/synthetic.py), small shards and dictionary
    chunks to get many (ranges spanning chunks)."""
    from tests.synthetic import write_archive

    base = tmp_path_factory.mktemp("synthetic-search")
    content = write_archive(base, releases=200, organizations=60)
    return build(
        content,
        base / "output",
        SEARCH_FULL_INDEX=FULL_INDEX,
        SEARCH_TERM_SHARD_BYTES=2048,
        SEARCH_DICTIONARY_CHUNK_BYTES=512,
        SEARCH_FACET_DOCS_PER_SHARD=64,
    )


XSS_TITLE = '<img src=x onerror="window.__xss = 1"> Smugglers <script>window.__xss = 2</script>'


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory) -> BuiltSite:
    """A tiny site whose release title and summary are HTML that must stay text."""
    base = tmp_path_factory.mktemp("xss-search")
    content = write_content(
        base,
        {
            "2024/xss.md": release(
                XSS_TITLE,
                date="2024-03-01",
                summary='Summary with <b onmouseover="window.__xss = 3">markup</b> smugglers.',
                partners=["UNODC"],
                countries=["PK"],
                sdgs=[16],
            ),
            "2023/plain.md": release(
                "Plain release on smugglers", date="2023-01-01", partners=["FIA"]
            ),
        },
    )
    return build(content, base / "output")


CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"
ARTIFACTS = ROOT / "tests" / "artifacts"
# Records CSP violations and dialogs before any page script runs.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.effectiveDirective);
});
"""


class _Handler(QuietHandler):
    """Static files, each response with the CSP above."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


@pytest.fixture(scope="session")
def serve(serve):
    """serve(folder) -> base URL of a local server whose responses carry the CSP above."""
    return functools.partial(serve, handler=_Handler)


@pytest.fixture(scope="module")
def in_browser(browser):
    """in_browser(fn, *args): run fn(page, *args) on a fresh page of the session's Chromium.

    Each page fails its test on any dialog (alert) and on any script-src CSP violation.
    """

    def run(fn, *args):
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        try:
            page = context.new_page()
            page.add_init_script(WATCH)
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.set_default_timeout(10_000)
            fn(page, *args)
            assert dialogs == []
            violations = page.evaluate("window.__csp || []")
            assert [d for d in violations if d.startswith("script")] == []
        finally:
            context.close()

    return run


@pytest.fixture(scope="session")
def archive_2000(tmp_path_factory) -> BuiltSite:
    """A realistic synthetic archive of 2,000 releases and 300 organizations, built once."""
    from tests.synthetic import write_archive

    base = tmp_path_factory.mktemp("archive-2000")
    return build(write_archive(base, releases=2000), base / "output")
