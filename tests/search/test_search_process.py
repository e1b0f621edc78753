"""The search process starts once the releases are read, before the content is checked: it writes
nothing unless the content passes, and a process left waiting by a stopped build is ended by the
next build in the same process (--autoreload)."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from tests.conftest import build, release


def _search_processes() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "archive-search"]


def test_content_errors_leave_the_output_alone_and_the_next_build_ends_the_waiting_process(
    tmp_path,
):
    from newsarchive.checks import ContentErrors
    from tests.synthetic import write_archive

    content = write_archive(tmp_path / "site", releases=20, organizations=10)
    output = tmp_path / "site" / "output"
    bad = content / "releases" / "2024" / "bad.md"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text(release("Bad", date="2024-01-01", partners=["UNDOC"]), encoding="utf-8")

    with pytest.raises(ContentErrors):
        build(content, output, SEARCH_PARALLEL_MIN=1)
    [waiting] = _search_processes()  # started with the releases, never told to write
    waiting.join(2)  # time to build the files of 20 releases, but not to write them
    assert waiting.is_alive() and not output.exists()

    bad.unlink()
    site = build(content, output, SEARCH_PARALLEL_MIN=1)
    assert site.errors == []
    assert not waiting.is_alive() and _search_processes() == []
    search_id = json.loads((output / "search" / "index.json").read_bytes())["id"]
    assert search_id in (output / "search" / "index.html").read_text(encoding="utf-8")
