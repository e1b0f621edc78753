"""Lighthouse gate: accessibility, best practices and SEO score 1.0 on the home and a release page.

Performance is recorded (tests/artifacts/lighthouse.json and the test summary), not asserted: it
depends on the machine. Lighthouse is the npm package pinned in .ci/package.json, driving Debian's
Chromium.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.quality.conftest import ARTIFACTS, CHROME_FLAGS, CHROMIUM, NODE_MODULES

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
ASSERTED = ("accessibility", "best-practices", "seo")
SCORES_KEY = pytest.StashKey[dict]()


def run_lighthouse(url: str, out: str) -> dict:
    """Lighthouse's JSON report for `url` (written to `out` too)."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = {"CHROME_PATH": CHROMIUM, "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp"}
    proc = subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    if proc.returncode != 0:
        pytest.skip(f"Lighthouse cannot run here (exit {proc.returncode}): {proc.stderr[-600:]}")
    with open(out, encoding="utf-8") as f:
        report = json.load(f)
    if report.get("runtimeError"):
        pytest.fail(f"Lighthouse runtime error on {url}: {report['runtimeError']}")
    return report


@pytest.fixture(scope="session")
def lighthouse_reports(request, sites, tmp_path_factory) -> dict[str, dict]:
    """Reports for the seed site's home page and its first dated release, run one at a time."""
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    if not LIGHTHOUSE.is_file():
        pytest.skip(f"{LIGHTHOUSE} missing: run bash .ci/setup")
    site = sites["seed"]
    release = next(p for p in site.pages() if p.startswith("releases/2"))
    folder = tmp_path_factory.mktemp("lighthouse")
    reports = {
        name: run_lighthouse(site.url(path), str(folder / f"{name}.json"))
        for name, path in (("home", ""), ("release", release))
    }
    summary = {
        name: {
            "url": r["finalDisplayedUrl"],
            "lighthouse": r["lighthouseVersion"],
            "scores": {c: r["categories"][c]["score"] for c in CATEGORIES},
            "metrics": {
                a: r["audits"][a].get("displayValue", "")
                for a in (
                    "first-contentful-paint",
                    "largest-contentful-paint",
                    "total-blocking-time",
                )
                if a in r["audits"]
            },
        }
        for name, r in reports.items()
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "lighthouse.json").write_text(
        json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    request.config.stash[SCORES_KEY] = summary
    return reports


def failing_audits(report: dict, category: str) -> list[str]:
    """Scored audits of a category below 1, with their titles."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items", [])[:5]
            out.append(f"{ref['id']} ({audit['score']}): {audit['title']} {items}")
    return out


@pytest.mark.parametrize("page", ["home", "release"])
@pytest.mark.parametrize("category", ASSERTED)
def test_lighthouse_category_scores_full_marks(lighthouse_reports, page, category):
    report = lighthouse_reports[page]
    score = report["categories"][category]["score"]
    assert score == 1, f"{page} {category} {score}: {failing_audits(report, category)}"


def test_lighthouse_performance_is_recorded(lighthouse_reports):
    for report in lighthouse_reports.values():
        assert report["categories"]["performance"]["score"] is not None
    assert (ARTIFACTS / "lighthouse.json").is_file()
