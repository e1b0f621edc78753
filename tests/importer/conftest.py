"""Fixtures for importer tests: raw sources, a small registry, and a runner for `archive import`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.registry import load_registry

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY = """\
# test registry
- slug: iom
  name: International Organization for Migration
  acronym: IOM
  aliases: [UN Migration]
  type: un-agency
- slug: government-of-japan
  name: Government of Japan
  aliases: [Japan, Japanese Embassy]
  type: government
  country: JP
- slug: eu
  name: European Union
  acronym: EU
  type: intergovernmental
- slug: fia
  name: Federal Investigation Agency
  acronym: FIA
  type: government
  country: PK
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A content folder with a registry and an empty releases folder."""
    content = tmp_path / "content"
    (content / "releases").mkdir(parents=True)
    (content / "partners.yaml").write_text(REGISTRY, encoding="utf-8")
    return content


@pytest.fixture
def registry(site: Path):
    """The test registry, loaded."""
    return load_registry(site / "partners.yaml")


@pytest.fixture
def fixture_path(tmp_path: Path):
    """Copy a named fixture into tmp_path and return its path."""

    def copy(name: str) -> Path:
        target = tmp_path / "raw" / name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture
def run_import(site: Path, capsys):
    """Run `archive import` into the site; returns (exit code, stdout, stderr)."""

    def run(*args: str | Path, output: Path | None = None) -> tuple[int, str, str]:
        out = output or site / "releases"
        argv = ["import", "--registry", str(site / "partners.yaml"), "--output", str(out)]
        code = main([*argv, *map(str, args)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
