"""The partner, country and goal pages written by a forked process (newsarchive/forked.py) while
the build writes the others: the same files as one process writes, the sitemap and the page
manifest as complete, and a failure in that process stops the build."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build
from tests.test_reproducible import differences, files_of

pytestmark = pytest.mark.content  # builds the real content/

FORKED = {"ARCHIVE_FORK_WRITERS": 1}  # fork from the first release on (400 by default)
ONE_PROCESS = {"ARCHIVE_FORK_WRITERS": False}


def seed_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def term_pages(output: Path) -> list[Path]:
    return sorted(
        p for kind in ("partners", "countries", "sdgs") for p in (output / kind).rglob("*")
    )


def test_forked_writer_writes_the_files_one_process_writes(tmp_path):
    content = seed_copy(tmp_path)
    forked = build(content, tmp_path / "forked" / "output", **FORKED)
    alone = build(content, tmp_path / "alone" / "output", **ONE_PROCESS)
    a, b = files_of(forked.output), files_of(alone.output)
    assert any(p.startswith("partners/") for p in a) and any(p.startswith("sdgs/") for p in a)
    assert differences(a, b) == []  # the sitemap lists the forked process's pages too
    assert forked.errors == [] and alone.errors == []


def test_a_rebuild_skips_and_keeps_the_pages_the_forked_process_wrote(tmp_path):
    content = seed_copy(tmp_path)
    output = tmp_path / "site" / "output"
    build(content, output, **FORKED)
    before = {p: p.stat().st_mtime_ns for p in term_pages(output) if p.is_file()}
    assert before
    rebuilt = build(content, output, **FORKED)
    after = {p: p.stat().st_mtime_ns for p in term_pages(output) if p.is_file()}
    assert after == before  # recorded in the manifest: not written again, not removed as stale
    cold = build(content, tmp_path / "cold" / "output", **ONE_PROCESS)
    assert differences(files_of(rebuilt.output), files_of(cold.output)) == []


def test_a_page_failing_in_the_forked_process_stops_the_build(tmp_path):
    content = seed_copy(tmp_path)
    theme = tmp_path / "broken"
    theme.mkdir()
    (theme / "term.html").write_text("{{ no_such_function() }}\n", encoding="utf-8")
    with pytest.raises(RuntimeError) as failed:
        build(
            content,
            tmp_path / "site" / "output",
            THEME_TEMPLATES_OVERRIDES=[str(theme)],
            **FORKED,
        )
    assert "second process" in str(failed.value) and "no_such_function" in str(failed.value)


def test_the_forked_process_is_gone_after_the_build(tmp_path):
    content = seed_copy(tmp_path)
    build(content, tmp_path / "site" / "output", **FORKED)
    assert [p for p in multiprocessing.active_children() if p.name == "archive-pages"] == []
