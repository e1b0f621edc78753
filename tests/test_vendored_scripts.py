"""The search page's scripts ship with the theme (no Node.js to build): lunr.min.js is the pinned
npm package's file byte for byte, and a missing script fails the build, not the reader's browser."""

from __future__ import annotations

import json
import shutil

from archive_search.generator import SCRIPTS
from tests.conftest import ROOT, release

VENDOR = ROOT / "theme" / "static" / "js" / "vendor"
NPM_LUNR = ROOT / ".ci" / "node_modules" / "lunr"
SETUP_HINT = "run `bash .ci/setup --test` (it installs .ci/package-lock.json with npm)"


def test_lunr_is_pinned_to_2_3_9_for_the_tests():
    package = json.loads((ROOT / ".ci/package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / ".ci/package-lock.json").read_text(encoding="utf-8"))
    pinned = {**package.get("dependencies", {}), **package.get("devDependencies", {})}["lunr"]
    assert pinned == lock["packages"]["node_modules/lunr"]["version"] == "2.3.9"
    assert (NPM_LUNR / "package.json").is_file(), SETUP_HINT
    installed = json.loads((NPM_LUNR / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned, SETUP_HINT


def test_committed_lunr_and_its_licence_are_the_npm_package_files():
    assert (VENDOR / "lunr.min.js").read_bytes() == (NPM_LUNR / "lunr.min.js").read_bytes()
    assert (VENDOR / "lunr.LICENSE.txt").read_bytes() == (NPM_LUNR / "LICENSE").read_bytes()
    assert b" - 2.3.9\n" in (VENDOR / "lunr.min.js").read_bytes()[:200]


def test_search_page_loads_exactly_the_scripts_the_build_checks(seed_site):
    sources = [s["src"] for s in seed_site.page("search/").select("script[src]")]
    assert sources == [f"../theme/{script}" for script in SCRIPTS]
    for script in SCRIPTS:
        assert (seed_site.output / "theme" / script).is_file(), script


def test_missing_script_fails_the_build_with_the_fix(make_site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "js" / "vendor" / "lunr.min.js").unlink()
    site = make_site({"2024/x.md": release("X", date="2024-01-02")}, THEME=str(theme))
    [message] = site.errors
    missing = theme / "static" / "js" / "vendor" / "lunr.min.js"
    assert message.startswith(f"archive_search: {missing} is missing: the search page cannot")
    assert f"git checkout -- {missing}" in message


def test_missing_script_is_named_from_the_project_folder(monkeypatch):
    from archive_search.generator import missing_scripts

    monkeypatch.chdir(ROOT)
    settings = {"THEME": str(ROOT / "theme"), "THEME_STATIC_PATHS": ["static", "nowhere"]}
    assert missing_scripts(settings) == []
    settings["THEME_STATIC_PATHS"] = ["nowhere"]
    assert missing_scripts(settings) == [f"theme/nowhere/{script}" for script in SCRIPTS]
