"""Incremental builds stay correct: registry edits invalidate what depends on them, every damaged
cache file is discarded with a warning (the build then equals a cold build), and the page
manifest belongs to one output folder."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from tests.robust.test_hostile_yaml import RELEASE
from tests.test_reproducible import differences, files_of


def registry_line(project, old: str, new: str) -> None:
    project.edit("partners.yaml", old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("- slug: unodc\n", "- slug: unodc-renamed\n"),  # a slug renamed: 19 stale files before
        (
            "  type: un-agency\n  url: https://www.unodc.org",
            "  type: intergovernmental\n  url: https://www.unodc.org",
        ),
        ("name: United Nations Office on Drugs and Crime", "name: UN Office on Drugs & Crime"),
    ],
)
def test_registry_edit_rebuilds_what_depends_on_it(project, old, new):
    assert project.build().status == 0
    registry_line(project, old, new)
    assert project.build().status == 0
    assert project.same_as_cold() == []


def test_registry_entry_deleted_fails_the_release_that_names_it(project):
    assert project.build().status == 0
    text = (project.content / "partners.yaml").read_text(encoding="utf-8")
    start = text.index("- slug: unodc\n")
    end = text.index("\n- slug:", start + 1) + 1
    (project.content / "partners.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    built = project.build()  # the release is cached, but the cache was made with the old registry
    built.refused(f"content/{RELEASE}", 9, "unknown organization 'UNODC'")


def test_registry_entry_added_then_deleted(project):
    registry = project.content / "partners.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "- slug: unused-org\n  name: Unused Organization\n  type: ngo\n",
        encoding="utf-8",
    )
    assert project.build().status == 0
    assert project.same_as_cold() == []
    registry.write_text(
        registry.read_text(encoding="utf-8").split("- slug: unused-org")[0], encoding="utf-8"
    )
    assert project.build().status == 0
    assert project.same_as_cold() == []


def _cache_files(project) -> list:
    cache = project.root / "cache"
    return sorted(p for p in cache.rglob("*") if p.is_file())


DAMAGE = {
    "emptied": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "garbled": lambda data: (
        data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 0x5A]) + data[len(data) // 2 + 1 :]
    ),
    "last byte flipped": lambda data: data[:-1] + bytes([data[-1] ^ 0x01]),
    "replaced": lambda data: b"\x80\x05garbage" * 7,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_every_damaged_cache_file_gives_a_cold_build(project, caplog, damage):
    assert project.build().status == 0
    project.edit(RELEASE, "Cairo, 2 July 2024 -", "Cairo, 2 July 2024 (updated) -")
    assert project.build().status == 0  # every cache now has entries
    files = _cache_files(project)
    names = {p.name if p.parent.name != "templates" else "templates/" for p in files}
    assert {"releases.cache", "search-terms.cache", "PagesGenerator", "templates/"} <= names
    assert any(name.startswith("pages-") for name in names)
    for path in files:
        path.write_bytes(DAMAGE[damage](path.read_bytes()))
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        built = project.build()
    assert built.status == 0, built.text
    assert "Traceback" not in built.text
    warned = " ".join(r.getMessage() for r in caplog.records)
    for path in files:  # each damaged file is named in a warning
        assert str(path) in warned, (path.name, warned)
    assert project.same_as_cold() == []


def test_a_second_output_folder_has_its_own_manifest(project):
    other = project.root / "other"
    assert project.build().status == 0
    project.edit(RELEASE, "Cairo, 2 July 2024 -", "Cairo, 2 July 2024 (updated) -")
    assert project.build(output=other).status == 0
    assert project.build().status == 0  # must not skip the edited release's page in output/
    cold = project.cold_build()
    assert differences(files_of(project.output), cold) == []
    assert differences(files_of(other), cold) == []


def test_strict_build_stops_once_on_a_damaged_cache(project):
    """--strict stops on any warning; the damaged file is removed first, so the next one runs.
    (As the console script runs it: in-process, whether Pelican's logging makes a warning fatal
    depends on which module was imported first.)"""
    assert project.build().status == 0
    cache = project.root / "cache" / "releases.cache"
    cache.write_bytes(cache.read_bytes()[:100])
    code = "from newsarchive.cli import entry; entry()"
    command = [sys.executable, "-c", code, "build", "--strict", "--settings", "settings.py"]
    stopped = subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=300)
    assert stopped.returncode == 1
    assert "removed a damaged content cache" in stopped.stdout + stopped.stderr
    assert "archive build: stopped on the message above" in stopped.stderr
    assert not cache.exists()
    again = subprocess.run(command, cwd=project.root, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr


def test_registry_edit_checks_every_release_again_without_converting_bodies(project, monkeypatch):
    from archive_releases.reader import FrontMatterMarkdownReader

    assert project.build().status == 0
    converted = []
    render = FrontMatterMarkdownReader._render
    monkeypatch.setattr(
        FrontMatterMarkdownReader,
        "_render",
        lambda self, *args: converted.append(1) or render(self, *args),
    )
    registry_line(project, "- slug: unodc\n", "- slug: unodc-renamed\n")
    assert project.build().status == 0
    assert converted == []  # five releases checked against the new registry, none converted
    assert project.same_as_cold() == []


def test_pelican_cache_made_by_other_code_is_rebuilt(project):
    """Pelican's own caches pickle the settings, plugin functions in them included: a cache left
    by a build of other code (naming a function since renamed) is discarded, not unpickled."""
    from archive_releases.lifecycle import CHECKSUMS
    from newsarchive.cachefile import record_checksums

    assert project.build().status == 0
    cache = project.root / "cache"
    (cache / "PagesGenerator").write_bytes(b"cnewsarchive.pages\nno_such_function\np0\n.")
    record_checksums([str(cache / "PagesGenerator")], cache / CHECKSUMS, "an earlier version")
    built = project.build()
    assert built.status == 0, built.text
    assert "Traceback" not in built.text and "warning" not in built.text.lower(), built.text
    assert project.same_as_cold() == []
