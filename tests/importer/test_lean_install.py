"""The importer's dependencies are an extra: `archive import` asks for them in one line, and
`archive check` and `archive build` never import them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT, write_content

IMPORT_EXTRA = ("bs4", "lxml", "dateparser")
BLOCK = "import sys\nfor name in {names!r}:\n    sys.modules[name] = None\n"


def _archive(args: list[str], cwd, blocked=IMPORT_EXTRA) -> subprocess.CompletedProcess:
    """`archive ARGS` in a fresh interpreter where the import extra's modules cannot load."""
    code = BLOCK.format(names=list(blocked)) + textwrap.dedent(
        f"""
        sys.argv = ["archive", *{args!r}]
        from newsarchive.cli import entry
        entry()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.mark.parametrize("missing", IMPORT_EXTRA)
def test_import_without_extra_says_what_to_install(tmp_path, missing):
    raw = tmp_path / "release.txt"
    raw.write_text("Headline of a Release Here\n\nCairo, 2 July 2024 - Text.\n", encoding="utf-8")
    run = _archive(["import", "--output", str(tmp_path / "out"), str(raw)], ROOT, [missing])
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert "pip install -e '.[import]'" in run.stderr and "Traceback" not in run.stderr


def test_check_and_build_need_no_import_extra(tmp_path):
    from tests.conftest import release

    content = write_content(tmp_path, {"2024/a.md": release("FIA training", date="2024-03-01")})
    check = _archive(["check", str(content)], tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    build = _archive(["build", "--settings", str(settings), "--output", "out"], tmp_path)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "out" / "index.html").is_file()
