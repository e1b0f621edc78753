"""Links gate: every internal link, anchor and asset resolves; no asset from another host."""

from __future__ import annotations

import pytest

from tests.linkcheck import ANCHOR, EXTERNAL_ASSET, MISSING, LinkReport, check_site


@pytest.fixture(scope="session")
def link_reports(sites) -> dict[str, LinkReport]:
    """The link checker's report for each site, absolute URLs under its base URL internal."""
    return {name: check_site(s.output, s.base_url) for name, s in sites.items()}


def test_every_page_and_stylesheet_was_checked(site, link_reports):
    report = link_reports[site.name]
    assert report.pages == len(site.html_files())
    assert report.stylesheets >= 1
    assert report.references > 10 * report.pages


def test_internal_links_anchors_and_assets_resolve(site, link_reports):
    broken = [p for p in link_reports[site.name].problems if p.kind in (MISSING, ANCHOR)]
    assert not broken, "\n".join(str(p) for p in broken[:40])


def test_no_asset_from_another_host(site, link_reports):
    external = [p for p in link_reports[site.name].problems if p.kind == EXTERNAL_ASSET]
    assert not external, "\n".join(str(p) for p in external[:40])
