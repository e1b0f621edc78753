"""`archive build` reports every content error once, as `archive check` does, exits 1 and leaves
the previous output folder as it was (publishing settings included: nothing deleted first)."""

from __future__ import annotations

import subprocess
import sys

from tests.robust.test_hostile_yaml import RELEASE
from tests.test_reproducible import files_of

UNDATED = "releases/undated/human-trafficking-threat-to-quake-survivors.md"


def break_in_five_places(project) -> None:
    """An unknown partner, an unknown country, a page with broken YAML, a registry entry of
    unknown type and a dangling link."""
    project.edit(RELEASE, "- UNODC\n", "- UNDOC\n")
    project.edit(UNDATED, "countries:\n", "countries:\n- Atlantis\n")
    project.edit("pages/about.md", "title: About this archive\n", "title: About: this archive\n")
    project.edit(
        "partners.yaml",
        "type: un-agency",
        "type: agency",
    )
    (project.content / "releases" / "2024" / "gone.md").symlink_to(project.root / "nowhere.md")


def test_build_lists_every_error_once_as_check_does(project):
    assert project.build().status == 0
    before = files_of(project.output)
    break_in_five_places(project)
    checked, built = project.check(), project.build()
    assert checked.status == built.status == 1
    assert len(checked.problems) == 5
    assert built.problems == checked.problems  # the same lines, in the same order, each once
    assert checked.text.splitlines()[-1] in built.text  # the same summary
    assert "Traceback" not in built.text and "CRITICAL" not in built.text
    assert files_of(project.output) == before


def test_publishing_build_with_errors_deletes_nothing(project):
    assert project.build(settings="publish.py").status == 0
    before = files_of(project.output)
    break_in_five_places(project)
    built = project.build(settings="publish.py")
    assert built.status == 1 and len(built.problems) == 5
    assert files_of(project.output) == before


def test_publishing_build_empties_the_folder_once_the_content_is_clean(project):
    assert project.build(settings="publish.py").status == 0
    (project.output / "stale.html").write_text("left by hand", encoding="utf-8")
    assert project.build(settings="publish.py").status == 0
    assert not (project.output / "stale.html").exists()
    assert (project.output / "index.html").is_file()
    assert not [p for p in project.output.iterdir() if p.name.startswith(".archive")]


def test_strict_build_fails_on_a_warning_before_writing(project):
    assert project.build().status == 0
    before = files_of(project.output)
    project.edit(RELEASE, "dateline: Cairo\n", "dateline: Cairo\nstatus: draft\n")
    strict = project.build("--strict")
    assert strict.status == 1
    assert [p.split(": ", 2)[1] for p in strict.problems] == ["error"]
    assert "draft (not published)" in strict.problems[0]
    assert files_of(project.output) == before
    assert project.build().status == 0  # without --strict the draft is only left out


def test_an_unfinished_build_makes_the_next_one_write_the_folder_whole(project):
    assert project.build().status == 0
    (project.output / "orphan.html").write_text("from a build that was killed", encoding="utf-8")
    (project.output / ".archive-unfinished").write_text("", encoding="utf-8")
    (project.output / "search" / ".index.json.x1y2").write_text("half", encoding="utf-8")
    (project.output / "years" / "index.html").write_text("<html><body><h1>Rel", encoding="utf-8")
    assert project.build().status == 0
    assert not (project.output / "orphan.html").exists()
    assert not (project.output / "search" / ".index.json.x1y2").exists()
    assert not (project.output / ".archive-unfinished").exists()
    assert project.same_as_cold() == []


def test_body_markdown_cannot_convert(project):
    nested = "".join("    " * i + "- item\n" for i in range(400))
    project.write(
        "releases/2024/nested.md", f"---\ntitle: Nested\ndate: 2024-01-02\n---\n\n{nested}"
    )
    built = project.build()
    built.refused("content/releases/2024/nested.md", 5, "nested too deeply")


def test_body_that_takes_too_long_to_convert(project):
    settings = project.root / "settings.py"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "ARCHIVE_RENDER_SECONDS = 0.3\n", encoding="utf-8"
    )
    body = "[" * 6000 + "x" + "]" * 6000
    project.write("releases/2024/brackets.md", f"---\ntitle: B\ndate: 2024-01-02\n---\n\n{body}\n")
    built = project.build()
    built.refused("content/releases/2024/brackets.md", 5, "took more than 0.3 s")


def test_console_script_prints_the_report_and_exits_1(project):
    """As CI runs it: the report on stderr, a short last line, no traceback, status 1."""
    project.edit(RELEASE, "- UNODC\n", "- UNDOC\n")
    code = "from newsarchive.cli import entry; entry()"
    done = subprocess.run(
        [sys.executable, "-c", code, "build", "--settings", "settings.py", "--output", "out"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 3, done.stderr  # the error, the summary, what to do
    assert lines[0].startswith(f"content/{RELEASE}:9: error: unknown organization 'UNDOC'")
    assert not (project.root / "out").exists()
