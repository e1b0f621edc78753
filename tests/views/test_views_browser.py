"""The views render in Chromium (screenshots in tests/artifacts/) and pass axe (WCAG 2.2 AA)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

AXE = ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = ROOT / "tests" / "artifacts"
PAGES = {  # name: (site path, figure shown there)
    "home": ("index.html", "home-timeline"),
    "countries": ("countries/index.html", "world-map"),
    "partners": ("partners/index.html", "partner-network"),
    "term": (None, "term-timeline"),
    "data": ("data/index.html", None),
}


def _busiest_partner(output: Path) -> str:
    """The partner page with the most releases (a timeline with several years)."""
    import json

    rows = json.loads((output / "data" / "partners.json").read_text(encoding="utf-8"))["partners"]
    top = max(rows, key=lambda r: (r["releases"], r["slug"]))
    return f"partners/{top['slug']}/index.html"


@pytest.mark.parametrize("site_name", ["seed", "synthetic"])
@pytest.mark.parametrize("page_name", list(PAGES))
def test_view_renders_and_passes_axe(request, browser, site_name, page_name):
    site = request.getfixturevalue("seed_site" if site_name == "seed" else "synthetic_site")
    path, figure = PAGES[page_name]
    path = path or _busiest_partner(site.output)
    # bypass_csp: axe-core is injected as an inline script, which the pages' CSP refuses
    tab = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        tab.goto((site.output / path).as_uri(), wait_until="load")
        if figure:
            svg = tab.locator(f'[data-view-figure="{figure}"] > svg')
            box = svg.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 100, (site_name, page_name)
            assert svg.evaluate("el => el.getBBox().width") > 50  # drawn, not just laid out
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"views-{site_name}-{page_name}.png"), full_page=True)
        if not AXE.is_file():
            pytest.skip(f"{AXE} missing: run bash .ci/setup")
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            AXE_TAGS,
        )
        problems = [
            f"{v['id']}: {n['target']}: {n['failureSummary']}"
            for v in result["violations"]
            for n in v["nodes"][:3]
        ]
        assert problems == [], "\n".join(problems)
    finally:
        tab.close()
