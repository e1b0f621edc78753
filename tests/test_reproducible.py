"""Reproducible builds: the same content built twice, into two folders, gives the same bytes."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, build

pytestmark = pytest.mark.content  # builds the real content/


def files_of(output: Path) -> dict[str, bytes]:
    """Every file of a build, by path relative to the output folder."""
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """Human-readable differences between two builds, sorted."""
    out = [f"only in the first build: {p}" for p in sorted(a.keys() - b.keys())]
    out += [f"only in the second build: {p}" for p in sorted(b.keys() - a.keys())]
    out += [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    return out


@pytest.mark.parametrize("settings_file", ["pelicanconf.py", "publishconf.py"])
def test_two_builds_of_the_real_content_are_byte_identical(tmp_path, monkeypatch, settings_file):
    monkeypatch.setenv("ARCHIVE_SITEURL", "https://editors.github.io/partnership-archive")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    first = build(content, tmp_path / "first" / "output", settings_file)
    time.sleep(1.1)  # a build time written to the second (not the first) would show as a change
    second = build(content, tmp_path / "second" / "site", settings_file)
    a, b = files_of(first.output), files_of(second.output)
    assert len(a) > 50, "the build wrote almost nothing: see its log"
    assert differences(a, b) == []


def test_differences_name_every_changed_added_and_missing_file():
    a = {"index.html": b"same", "feed.atom": b"<updated>1</updated>", "old.html": b""}
    b = {"index.html": b"same", "feed.atom": b"<updated>2</updated>", "new.html": b""}
    assert differences(a, b) == [
        "only in the first build: old.html",
        "only in the second build: new.html",
        "differs: feed.atom",
    ]
