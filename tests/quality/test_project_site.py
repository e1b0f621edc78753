"""Published as a GitHub project site (https://<owner>.github.io/<repo>/): the site lives under a
sub-path, and the host answers any missing path with the project's 404.html. Its links, styles and
icon must work from every depth, with publishing settings and with the preview's relative URLs."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT, build, server_url, start_server, stop_server
from tests.quality.conftest import _Handler
from tests.quality.test_sharing import fetch

REPO = "archive-repo"


class _ProjectHandler(_Handler):
    """Static files under /<REPO>/; a missing path gets <REPO>/404.html with status 404."""

    not_found = f"{REPO}/404.html"


@pytest.fixture(scope="module", params=["publishconf.py", "pelicanconf.py"])
def project_site(request, tmp_path_factory):
    """The seed built for https://<host>/<REPO>/ with each settings file, served there."""
    base = tmp_path_factory.mktemp("project")
    served = base / "served"
    served.mkdir()
    server = start_server(served, _ProjectHandler)
    url = f"{server_url(server)}/{REPO}"
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ARCHIVE_SITEURL", url)  # publishconf.py reads the site's address from it
        result = build(content, served / REPO, request.param, SITE_ABSOLUTE_URL=url)
    assert not result.errors, result.errors
    yield url
    stop_server(server)


@pytest.mark.parametrize("missing", ["no-such-page", "releases/2024/gone/", "a/b/c/d/e.html"])
def test_404_works_under_the_project_path(project_site, tab, missing):
    response = tab.goto(f"{project_site}/{missing}")
    assert response.status == 404
    assert tab.locator("h1").inner_text() == "Page not found"
    header = tab.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header not in ("rgba(0, 0, 0, 0)", "transparent"), "the 404 page lost its stylesheet"
    hrefs = tab.eval_on_selector_all(
        'a[href]:not([href^="#"]), link[rel~=stylesheet], link[rel~=icon]',
        "els => els.map(e => e.href)",
    )
    origin = project_site.rsplit("/", 1)[0]  # this host: links to other hosts are other sites
    hrefs = [h for h in hrefs if h.startswith(origin + "/")]
    assert len(hrefs) > 10
    outside = [h for h in hrefs if not h.startswith(project_site + "/")]
    assert not outside, f"links leave the project site: {outside}"
    broken = [h for h in hrefs if fetch(h)[0] != 200]
    assert not broken, f"broken links on the 404 page: {broken}"
