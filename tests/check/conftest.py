"""Fixtures for `archive check` and `archive new`: broken content folders named by case."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REGISTRY

CASES = Path(__file__).resolve().parent / "cases"


@dataclass
class Run:
    """What one `archive` command printed, and its exit status."""

    status: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        """Standard output, line by line."""
        return self.out.splitlines()

    @property
    def problems(self) -> list[str]:
        """The problem lines of `archive check` (all but the summary)."""
        return self.lines[:-1]

    @property
    def summary(self) -> str:
        """The summary line of `archive check`."""
        return self.lines[-1]


@pytest.fixture
def archive(capsys, monkeypatch):
    """Run the `archive` command in-process: archive("check", "--strict") -> Run."""
    from newsarchive.cli import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def _run(*argv: str) -> Run:
        capsys.readouterr()
        status = main(list(argv))
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return _run


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (the current folder) whose content/ is a copy of one case from cases/;
    cases without their own partners.yaml get the shared test registry."""

    def _make(case: str | None = None, registry: str | None = REGISTRY) -> Path:
        content = tmp_path / "content"
        if case:
            shutil.copytree(CASES / case, content, ignore=shutil.ignore_patterns(".keep"))
        content.mkdir(exist_ok=True)
        if registry is not None and not (content / "partners.yaml").exists():
            (content / "partners.yaml").write_text(registry, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return content

    return _make
