"""The real archive in content/ builds cleanly and every term page lists exactly its releases."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

from newsarchive.registry import load_registry
from newsarchive.release import parse_release
from tests.conftest import ROOT, release, write_content


def _releases():
    registry = load_registry(ROOT / "content" / "partners.yaml")
    out = []
    for path in sorted((ROOT / "content" / "releases").rglob("*.md")):
        release, problems = parse_release(path.read_text(encoding="utf-8"), str(path), registry)
        assert [p for p in problems if p.level == "error"] == []
        out.append(release)
    return out


def test_seed_archive_builds_without_warnings(seed_site):
    assert seed_site.errors == []
    assert (seed_site.output / "index.html").is_file()


def test_every_term_used_in_content_has_a_page_with_exactly_its_releases(seed_site):
    expected: dict[str, set[str]] = defaultdict(set)
    for r in _releases():
        if r.status != "published":
            continue
        for org in r.partners + r.funders:
            expected[f"partners/{org.slug}/"].add(r.title)
        for country in r.countries:
            expected[f"countries/{country.slug}/"].add(r.title)
        for goal in r.sdgs:
            expected[f"sdgs/{goal.slug}/"].add(r.title)
    assert len(expected) > 20
    for url, titles in expected.items():
        page = seed_site.page(url)
        listed = [a.get_text(strip=True) for a in page.select("[data-release] :is(h2, h3) a")]
        assert sorted(listed) == sorted(titles), url
        assert page.select_one("[data-count]")["data-count"] == str(len(titles))


def test_every_release_has_a_page_and_source(seed_site):
    releases = _releases()
    assert len(releases) == 6
    for r in releases:
        assert r.source, r.path
        page = seed_site.page(f"releases/{r.folder}/{r.path.rsplit('/', 1)[1][:-3]}/")
        assert page.h1.get_text() == r.title


def test_archive_command_help():
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive.cli", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert "build" in result.stdout


def _archive_build(tmp_path, releases: dict[str, str]) -> subprocess.CompletedProcess:
    """`archive build` (the console script's entry, as editors run it) on its own content."""
    content = write_content(tmp_path, releases)
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    code = "from newsarchive.cli import entry; entry()"
    return subprocess.run(
        [sys.executable, "-c", code, "build", "--settings", str(settings), "--output", "out"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def test_archive_build_exits_with_the_build_status(tmp_path):
    ok = _archive_build(
        tmp_path / "ok", {"2024/a.md": release("A release", date="2024-01-02", partners=["UNODC"])}
    )
    assert ok.returncode == 0, ok.stderr
    assert "Done: Processed" in ok.stdout + ok.stderr  # output flushed before the fast exit
    assert (tmp_path / "ok/out/index.html").is_file()
    assert (tmp_path / "ok/out/search/index.json").is_file()

    bad = _archive_build(tmp_path / "bad", {"2024/b.md": "---\ntitle: [unclosed\n---\nBody.\n"})
    assert bad.returncode == 1
    assert "b.md" in bad.stdout + bad.stderr
