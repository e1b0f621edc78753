"""The pull request workflow's scope and job summary (.ci/pr_summary.py), on a real git history."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, release

SCRIPT = ROOT / ".ci" / "pr_summary.py"
CHECK_LOG = """\
content/releases/2024/unodc-mou.md:6: error: unknown country 'Egipt' (did you mean Egypt (EG)?)
content/releases/undated/quake.md:9: warning: undated (published as "Date unknown")
::error file=content/releases/2024/unodc-mou.md,line=6,title=archive check::unknown country
3 files checked: 1 error, 1 warning
"""


def git(repo, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def pull_request(tmp_path):
    """A repository whose last commit is a pull request's change; returns (checkout, changes)."""

    def _make(files: dict[str, str | None]) -> tuple:
        repo = tmp_path / "repo"
        (repo / "content/releases/2023").mkdir(parents=True)
        (repo / "content/releases/2023/old.md").write_text(release("Old one", date="2023-01-05"))
        (repo / "content/releases/2023/gone.md").write_text(release("Gone", date="2023-02-01"))
        git(repo.parent, "init", "-q", str(repo))
        git(repo, "add", "-A")
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e.org", "commit", "-qm", "base")
        for rel, text in files.items():
            path = repo / rel
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e.org", "commit", "-qm", "pr")
        changes = tmp_path / "changes.txt"
        changes.write_text(git(repo, "diff", "--name-status", "HEAD^1", "HEAD"), encoding="utf-8")
        return repo, changes

    return _make


def run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


CONTENT_ONLY = {
    "content/releases/2024/unodc-mou.md": release(
        "IOM | UNODC sign", date="2024-07-02", status="draft"
    ),
    "content/releases/undated/quake.md": release("Quake survivors"),
    "content/releases/2023/old.md": release("Old one, corrected", date="2023-01-05"),
    "content/releases/2023/gone.md": None,
}


def test_content_only_change_is_scoped_to_content(pull_request):
    _, changes = pull_request(CONTENT_ONLY)
    assert run("scope", str(changes)) == "content\n"


def test_change_to_code_runs_everything(pull_request):
    _, changes = pull_request({**CONTENT_ONLY, "theme/templates/x.html": "<p></p>\n"})
    assert run("scope", str(changes)) == "all\n"


def test_no_changes_file_runs_everything(tmp_path):
    assert run("scope", str(tmp_path / "none.txt")) == "all\n"


def test_summary_lists_results_releases_problems_and_preview(pull_request, tmp_path):
    repo, changes = pull_request(CONTENT_ONLY)
    log = tmp_path / "check.log"
    log.write_text(CHECK_LOG, encoding="utf-8")
    out = run(
        "summary",
        "--changes",
        str(changes),
        "--check",
        str(log),
        "--outcome",
        "check=failure",
        "--outcome",
        "build=success",
        "--outcome",
        "tests=success",
        "--scope",
        "content",
        "--artifact",
        "site-preview",
        "--root",
        str(repo),
    ).splitlines()
    assert "| `archive check --strict` | failed |" in out
    assert "| build with `publishconf.py` | passed |" in out
    assert "| tests: content tests (`pytest -m content`) | passed |" in out
    assert "2 added, 1 changed, 1 removed:" in out
    releases = [line for line in out if line.startswith("| ") and "`content/" in line]
    assert releases == [
        "| added | IOM \\| UNODC sign (draft) | 2024-07-02 "
        "| `content/releases/2024/unodc-mou.md` |",
        "| added | Quake survivors | undated | `content/releases/undated/quake.md` |",
        "| changed | Old one, corrected | 2023-01-05 | `content/releases/2023/old.md` |",
        "| removed | (removed) |  | `content/releases/2023/gone.md` |",
    ]
    assert "1 error(s), 1 warning(s) (`--strict` fails on both):" in out
    assert (
        "- `content/releases/2024/unodc-mou.md:6`: **error**: unknown country 'Egipt' "
        "(did you mean Egypt (EG)?)"
    ) in out
    assert sum(line.startswith("- `") for line in out) == 2
    assert any("python3 -m http.server 8000 -d site-preview" in line for line in out)


def test_summary_when_setup_failed_and_nothing_ran(tmp_path):
    out = run("summary", "--changes", str(tmp_path / "x"), "--check", str(tmp_path / "y"))
    assert "| `archive check --strict` | skipped |" in out
    assert "No release is added, changed or removed." in out
    assert "No problem found." in out and "### Preview" not in out
