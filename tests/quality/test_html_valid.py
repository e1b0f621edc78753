"""Valid HTML gate: the Nu Html Checker over every page of both sites, errors only."""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

import pytest

from tests.quality.conftest import HTML_CHECKER, html_checker_problem


@pytest.fixture(scope="session")
def vnu_messages(request, sites) -> list[dict]:
    """The checker's errors for both output folders, from the one run `sites` started."""
    problem = html_checker_problem()
    if problem:
        pytest.skip(problem)
    checker = request.config.stash.get(HTML_CHECKER, None)
    assert checker is not None, "the sites fixture did not start the HTML checker"
    out, err = checker.communicate(timeout=300)
    assert out.strip(), f"vnu printed nothing (exit {checker.returncode}): {err}"
    return json.loads(out)["messages"]


def test_nu_html_checker_finds_no_errors(site, vnu_messages):
    root = str(site.output) + "/"
    errors = [m for m in vnu_messages if unquote(urlsplit(m["url"]).path).startswith(root)]
    lines = [
        f"{unquote(urlsplit(m['url']).path)[len(root) :]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in errors
    ]
    pages = len(site.html_files())
    assert not errors, f"{len(errors)} errors in {pages} pages:\n" + "\n".join(lines[:40])
