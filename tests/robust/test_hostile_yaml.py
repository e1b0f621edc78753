"""Hostile YAML and unusable files, planted into a copy of the seed site: `archive check` and
`archive build` each refuse them with one `path:line: error:` line and its fix, exit 1, print no
traceback, and the build leaves the previous output as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.test_reproducible import files_of

RELEASE = (
    "releases/2024/iom-and-unodc-join-forces-to-tackle-human-trafficking-and-migrant-smuggling.md"
)
SHOWN = f"content/{RELEASE}"
BOMB = 'lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{i}: &{chr(97 + i - 1)} [{', '.join([f'*{chr(97 + i - 2)}'] * 9)}]\n" for i in range(2, 10)
)


def plant(project, field_lines: str) -> None:
    """Put YAML lines into the release's front matter, after its date (line 3)."""
    project.edit(RELEASE, "date: 2024-07-02\n", f"date: 2024-07-02\n{field_lines}")


def refused_by_check_and_build(project, path: str, line: int, *words: str) -> None:
    """Both commands refuse with the same line; the build writes and deletes nothing."""
    before = files_of(project.output)
    checked = project.check().refused(path, line, *words)
    built = project.build().refused(path, line, *words)
    assert built == checked
    assert files_of(project.output) == before


@pytest.fixture
def built(project):
    """The seed project with a first build in output/."""
    assert project.build().status == 0
    return project


def test_alias_bomb_in_front_matter_fails_fast_naming_the_line(built):
    plant(built, BOMB + "partners2: *i\n")
    start = time.perf_counter()
    refused_by_check_and_build(built, SHOWN, 4, "anchor '&a'", "not allowed")
    assert time.perf_counter() - start < 5  # two commands, each well under a second


def test_alias_bomb_in_the_registry(built):
    registry = built.content / "partners.yaml"
    registry.write_text(BOMB + registry.read_text(encoding="utf-8"), encoding="utf-8")
    refused_by_check_and_build(built, "content/partners.yaml", 1, "anchor '&a'")


def test_alias_in_a_page(built):
    built.edit("pages/about.md", "title: About this archive\n", "title: &t About\nsummary: *t\n")
    refused_by_check_and_build(built, "content/pages/about.md", 2, "anchor '&t'")


def test_alias_bomb_is_refused_in_well_under_a_second(built):
    """As the console script runs it: the whole command, Python's start included."""
    plant(built, BOMB + "partners2: *i\n")
    code = "from newsarchive.cli import entry; entry()"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, "check"],
        cwd=built.root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.perf_counter() - start < 5
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{SHOWN}:4: error: front matter: YAML anchor '&a' is not allowed" in done.stdout


@pytest.mark.parametrize(
    ("value", "shown"), [(".inf", "'.inf'"), ("NaN", "'NaN'"), ("16.9", "'16.9'"), ("-.inf", "")]
)
def test_sdg_that_is_not_a_whole_goal_number(built, value, shown):
    built.edit(RELEASE, "- 16\n", f"- {value}\n")
    refused_by_check_and_build(built, SHOWN, 14, f"SDG {shown or repr(value)} does not exist")


def test_500_deep_nested_list(built):
    plant(built, "countries2: " + "[" * 500 + "]" * 500 + "\n")
    refused_by_check_and_build(built, SHOWN, 4, "nested more than 8 levels")


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        ("title2: !!binary aGk=\n", ("'!!binary' is not allowed",)),
        ("title2: !!python/object/apply:os.system [ls]\n", ("'!!python/object/apply",)),
        ("dateline: Geneva\n", ("field 'dateline' is given twice (also on line",)),
        ("? [a, b]\n: c\n", ("a field name must be plain text",)),
    ],
)
def test_yaml_beyond_plain_values(built, lines, words):
    plant(built, lines)
    line = 5 if lines.startswith("dateline") else 4
    refused_by_check_and_build(built, SHOWN, line, *words)


def test_unknown_fields_stay_warnings(built):
    plant(built, "summary2: x\npartners2: [x]\n")
    checked = built.check()
    assert checked.status == 0
    assert [p.split(": warning: ")[1] for p in checked.problems] == [
        "unknown field 'summary2' (did you mean 'summary'?); it is ignored",
        "unknown field 'partners2' (did you mean 'partners'?); it is ignored",
    ]
    assert built.build().status == 0


def test_text_fields_must_be_text(built):
    built.edit(RELEASE, "dateline: Cairo\n", "dateline: [Cairo, Geneva]\n")
    refused_by_check_and_build(built, SHOWN, 4, "'dateline' must be text")


def test_huge_release_is_refused_with_the_limit(built):
    built.write(
        "releases/2024/huge.md", "---\ntitle: Huge\ndate: 2024-01-01\n---\n" + "x" * 3_000_000
    )
    refused_by_check_and_build(
        built, "content/releases/2024/huge.md", 1, "2.9 MiB", "over the 2.0 MiB", "split it"
    )


def test_huge_registry_is_refused(built):
    registry = built.content / "partners.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "#" * 9_000_000, encoding="utf-8")
    refused_by_check_and_build(built, "content/partners.yaml", 1, "over the 8.0 MiB")


def test_release_that_is_not_utf8(built):
    built.write("releases/2024/latin1.md", b"---\ntitle: Caf\xe9\ndate: 2024-01-01\n---\nBody\n")
    refused_by_check_and_build(built, "content/releases/2024/latin1.md", 2, "not UTF-8")


def test_unreadable_release(built, monkeypatch):
    """Permission denied (simulated: the tests may run as root, who can read anything)."""
    from newsarchive import sources

    target = built.content / RELEASE

    def denied(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(target) or str(path).endswith(RELEASE):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(sources, "open", denied, raising=False)
    os.chmod(target, 0o644)  # what a real chmod changes: the file's status time
    refused_by_check_and_build(built, SHOWN, 1, "permission denied", "chmod")


def test_dangling_symlink_release(built):
    (built.content / "releases/2024/gone.md").symlink_to(built.root / "nowhere.md")
    refused_by_check_and_build(
        built, "content/releases/2024/gone.md", 1, "symbolic link to a missing file"
    )


def test_named_pipe_in_content(built):
    os.mkfifo(built.content / "releases/2024/pipe.md")
    refused_by_check_and_build(built, "content/releases/2024/pipe.md", 1, "not a regular file")


def test_registry_entry_that_is_not_text(built):
    registry = built.content / "partners.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("  name: ", "  name:\n  - ", 1), encoding="utf-8")
    outcome = built.check()
    assert outcome.status == 1 and "name must be text" in outcome.text
    assert built.build().text.count("name must be text") == 1
