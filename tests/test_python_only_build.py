"""The build needs only Python: `bash .ci/build` with no Node.js on the PATH sets up, builds a site
whose search works in Chromium (the seed, and an archive with no release yet), and installs no
npm package."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, write_content

NODE_TOOLS = {"node", "nodejs", "npm", "npx", "corepack"}


@pytest.fixture(scope="module")
def path_without_node(tmp_path_factory) -> str:
    """A PATH with every command of today's PATH but Node.js and npm (links in one folder)."""
    folder = tmp_path_factory.mktemp("bin-without-node")
    for entry in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(entry):
            continue
        for name in sorted(os.listdir(entry)):
            target = os.path.join(entry, name)
            link = folder / name
            if name in NODE_TOOLS or link.exists() or link.is_symlink():
                continue
            if os.path.isfile(target) and os.access(target, os.X_OK):
                link.symlink_to(target)
    path = str(folder)
    assert shutil.which("bash", path=path) and shutil.which("python3", path=path)
    assert not any(shutil.which(tool, path=path) for tool in NODE_TOOLS)
    return path


def ci_build(tmp_path: Path, content: Path, path: str) -> Path:
    """`bash .ci/build --strict` of `content` with only `path` to find commands; the output."""
    settings = tmp_path / "siteconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"PATH = {str(content)!r}\nOUTPUT_PATH = {str(tmp_path / 'output')!r}\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    npm_before = sorted((ROOT / ".ci").glob("node_modules/*"))
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "build"), "--strict", "--settings", str(settings)],
        cwd=tmp_path,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "npm" not in result.stdout + result.stderr
    assert sorted((ROOT / ".ci").glob("node_modules/*")) == npm_before
    return tmp_path / "output"


def search_in_chromium(browser, url: str) -> tuple[int, bool, list[str]]:
    """(results shown, no-result message shown, script errors) of a search page in Chromium."""
    from playwright.sync_api import expect

    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfailed", lambda req: errors.append(f"failed: {req.url}"))
        page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status}: {r.url}"))
        page.goto(url, wait_until="load")
        # a locator assertion, not wait_for_function: the page's CSP refuses evaluated strings
        expect(page.locator("[data-search-status]")).to_have_text(re.compile(r"\S"), timeout=15_000)
        results = page.locator("[data-results] [data-result]").count()
        empty = page.locator("[data-search] [data-empty]").is_visible()
        return results, empty, errors
    finally:
        context.close()


def test_seed_builds_without_node_and_its_search_works(tmp_path, path_without_node, browser, serve):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = ci_build(tmp_path, content, path_without_node)
    for script in ("lunr.min.js", "lunr.LICENSE.txt"):
        assert (output / "theme/js/vendor" / script).is_file()
    base = serve(output)
    results, empty, errors = search_in_chromium(browser, f"{base}/search/?q=trafficking")
    assert errors == []
    assert results > 0 and not empty


def test_empty_archive_builds_without_node_and_its_search_says_no_match(
    tmp_path, path_without_node, browser, serve
):
    output = ci_build(tmp_path, write_content(tmp_path, {}), path_without_node)
    base = serve(output)
    results, empty, errors = search_in_chromium(browser, f"{base}/search/?q=trafficking")
    assert errors == []
    assert results == 0 and empty
