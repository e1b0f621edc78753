"""The search page in Chromium on a large synthetic archive: bytes fetched and time to results.

    python tests/benchmarks/bench_search_browser.py --releases 10000 [--lighthouse] [--json]

Builds a synthetic archive (tests/synthetic.py) with the project's settings, serves `output/` on
127.0.0.1 and opens `/search/?q=...` for each query in a fresh browser context (empty cache),
as a reader following a shared link would. For each query: the time from navigation start until
the first result is on the page, the search files fetched until then and their gzip size (what a
static host that compresses sends), and the time until the facets show. A screenshot of the first
query's page is saved to tests/artifacts/search-<releases>.png.

With --lighthouse, Lighthouse (the npm package pinned in .ci/package.json, on Debian's Chromium,
its default mobile emulation and simulated throttling) also audits `/search/?q=trafficking`,
served gzipped as a static host serves it:
performance score, layout shift, largest contentful paint, total blocking time, DOM size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from tests.benchmarks.peers import served  # noqa: E402
from tests.conftest import CHROME_FLAGS, CHROMIUM, build  # noqa: E402
from tests.synthetic import write_archive  # noqa: E402

QUERIES = [
    "migration",
    "forced labour",
    "Pakistan training",
    "IFRC-SECA",
    "Fundación Esperanza para la Niñez y la Adolescencia",
    "traff",
    "Tajikstan",
    "partner:ifrc-seca",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
LIGHTHOUSE = ROOT / ".ci" / "node_modules" / "lighthouse" / "cli" / "index.js"
AUDITS = {
    "cls": "cumulative-layout-shift",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "fcp_ms": "first-contentful-paint",
    "si_ms": "speed-index",
    "dom_elements": "dom-size",
}


def measure_page(page, base: str, output: Path, query: str) -> dict:
    """Open the search page for `query`; returns its timings and the search files it fetched."""
    page.goto(f"{base}/search/?q={quote(query)}")
    page.wait_for_selector("[data-result]", timeout=60_000)
    first_ms = page.evaluate("performance.now()")
    files = page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/search/') && n.includes('.json'))"
    )
    page.wait_for_selector("[data-facets]:not([hidden]) input", timeout=60_000)
    facets_ms = page.evaluate("performance.now()")
    paths = sorted({urlparse(name).path.lstrip("/") for name in files})
    size = sum(len(gzip.compress((output / p).read_bytes(), 6)) for p in paths)
    return {
        "results_ms": round(first_ms),
        "facets_ms": round(facets_ms),
        "files": len(paths),
        "kB_gzip": round(size / 1000, 1),
        "count": page.locator("[data-search-status]").inner_text().strip(),
    }


def lighthouse(url: str, out: Path) -> dict:
    """Lighthouse's mobile performance figures for `url` (its report saved to `out`)."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = {"CHROME_PATH": CHROMIUM, "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp"}
    subprocess.run(command, check=True, env=env, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    figures = {"performance": report["categories"]["performance"]["score"]}
    for key, audit in AUDITS.items():
        value = report["audits"][audit]["numericValue"]
        figures[key] = round(value, 3) if key == "cls" else round(value)
    return figures


def run(output: Path, releases: int) -> dict:
    """Measure every query in Chromium against the built site in `output`."""
    from playwright.sync_api import sync_playwright

    rows = {}
    with served(output) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for i, query in enumerate(QUERIES):
            context = browser.new_context(viewport={"width": 1100, "height": 900})
            page = context.new_page()
            rows[query] = measure_page(page, base, output, query)
            if i == 0:
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"search-{releases}.png"))
            context.close()
        browser.close()
    return rows


def main() -> None:
    """Command line: print each query's figures and the medians (one JSON line with --json)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--releases", type=int, default=10000)
    ap.add_argument("--keep", help="build in this folder and keep it")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--lighthouse", action="store_true", help="also audit ?q=trafficking")
    ap.add_argument("--output", help="measure this built output folder instead of building one")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run bash .ci/setup --test")
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-browser-"))
    audit = {}
    try:
        if args.output:
            output = Path(args.output)
        else:
            content = write_archive(work, args.releases)
            site = build(content, work / "output", CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
            if any("search files could not be written" in e for e in site.errors):
                raise SystemExit("\n".join(site.errors))
            output = site.output
        rows = run(output, args.releases)
        if args.lighthouse:  # served compressed, as a static host serves it
            with served(output, compress=True) as base:
                report = ARTIFACTS / f"lighthouse-search-{args.releases}.json"
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                audit = lighthouse(f"{base}/search/?q=trafficking", report)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    for query, row in rows.items():
        print(f"{query!r:>55}: {row}")
    figures = {
        "releases": args.releases,
        "browser_results_ms_median": statistics.median(r["results_ms"] for r in rows.values()),
        "browser_results_ms_max": max(r["results_ms"] for r in rows.values()),
        "browser_first_query_kb_median": statistics.median(r["kB_gzip"] for r in rows.values()),
        "browser_first_query_kb_max": max(r["kB_gzip"] for r in rows.values()),
        **{f"lighthouse_{key}": value for key, value in audit.items()},
    }
    for key, value in figures.items():
        print(f"{key:>32}: {value}")
    if args.json:
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
