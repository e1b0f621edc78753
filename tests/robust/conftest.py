"""A copy of the seed site into which a test plants hostile content, then runs `archive check` and
`archive build` as an editor or CI would (in-process for speed; the fault tests use processes)."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_reproducible import differences, files_of

PROBLEM = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+): (?P<level>error|warning): ")
SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from {base} import *  # noqa: F403
PATH = {content!r}
CACHE_PATH = {cache!r}
OUTPUT_PATH = {output!r}
"""


@dataclass
class Outcome:
    """What one `archive` command printed, and its exit status."""

    status: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Everything printed."""
        return self.out + self.err

    @property
    def problems(self) -> list[str]:
        """The `path:line: level: message` lines printed."""
        return [line for line in self.text.splitlines() if PROBLEM.match(line)]

    def refused(self, path: str, line: int, *words: str) -> str:
        """Assert exit 1, no traceback, and exactly one error line for path:line naming `words`;
        returns that line."""
        assert self.status == 1, self.text
        assert "Traceback" not in self.text and "CRITICAL" not in self.text, self.text
        found = [p for p in self.problems if p.startswith(f"{path}:{line}: error: ")]
        assert len(found) == 1, (path, line, self.problems)
        for word in words:
            assert word in found[0], (word, found[0])
        return found[0]


@dataclass
class Project:
    """A site folder (content/, settings, output/) and the commands run in it."""

    root: Path
    run_command: object
    builds: list[Outcome] = field(default_factory=list)

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def write(self, rel: str, text: str | bytes) -> Path:
        """Write a file under content/."""
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> Path:
        """Replace the first `old` in a content file."""
        path = self.content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def check(self, *args: str) -> Outcome:
        """`archive check` from the site folder."""
        return self.run_command("check", *args)

    def build(self, *args: str, settings: str = "settings.py", output: Path | None = None):
        """`archive build` with the project's settings pointed at this site."""
        out = str(output or self.output)
        return self.run_command("build", "--settings", settings, "--output", out, *args)

    def cold_build(self, name: str = "cold") -> dict[str, bytes]:
        """The files of a build without any cache, into a folder of its own."""
        cache = self.root / f"{name}-cache"
        shutil.rmtree(cache, ignore_errors=True)
        settings = self.root / f"{name}.py"
        settings.write_text(
            SETTINGS.format(
                root=str(ROOT),
                base="pelicanconf",
                content=str(self.content),
                cache=str(cache),
                output=str(self.root / f"{name}-output"),
            ),
            encoding="utf-8",
        )
        output = self.root / f"{name}-output"
        shutil.rmtree(output, ignore_errors=True)
        outcome = self.build(settings=str(settings), output=output)
        assert outcome.status == 0, outcome.text
        return files_of(output)

    def same_as_cold(self) -> list[str]:
        """Differences between output/ and a cold build of the same content."""
        return differences(files_of(self.output), self.cold_build())


def seed_project(root: Path, run_command) -> Project:
    """A copy of the seed content with settings for local previews and for publishing."""
    shutil.copytree(ROOT / "content", root / "content")
    for name, base in (("settings.py", "pelicanconf"), ("publish.py", "publishconf")):
        (root / name).write_text(
            SETTINGS.format(
                root=str(ROOT),
                base=base,
                content=str(root / "content"),
                cache=str(root / "cache"),
                output=str(root / "output"),
            ),
            encoding="utf-8",
        )
    return Project(root, run_command)


@pytest.fixture
def project(tmp_path, monkeypatch, capsys) -> Project:
    """The seed site in tmp_path/site; commands run in-process from that folder."""
    from pelican.log import FatalLogger, LimitFilter

    from newsarchive.cli import main

    root = tmp_path / "site"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("ARCHIVE_SITEURL", "https://example.org/archive")  # publish.py needs it
    # Pelican's logging is process-wide: restore what a build changes, forget logged messages
    monkeypatch.setattr(FatalLogger, "fatal_lvl", FatalLogger.fatal_lvl)
    monkeypatch.setattr(LimitFilter, "_raised_messages", set())

    def run(*argv: str) -> Outcome:
        capsys.readouterr()
        cwd = os.getcwd()
        os.chdir(root)
        try:
            status = main(list(argv))
        finally:
            os.chdir(cwd)
        captured = capsys.readouterr()
        return Outcome(status, captured.out, captured.err)

    project = seed_project(root, run)
    return project
