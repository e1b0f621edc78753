"""Each refusal is a clear `path:line: level: message` with the fix, in `archive check` and in the
build alike; `--strict` fails on what the sanitiser would remove."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from newsarchive.cli import main
from newsarchive.registry import is_web_address, parse_registry
from tests.conftest import ROOT, release, write_content
from tests.security.attacks import ACTIVE_FILES, BODY_ATTACKS, REGISTRY_URLS

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<level>error|warning): (?P<message>.+)$")


def check(monkeypatch, capsys, folder, *args) -> tuple[int, list[re.Match]]:
    """Run `archive check` from `folder`; (exit status, the problem lines parsed)."""
    monkeypatch.chdir(folder)
    status = main(["check", *args])
    lines = capsys.readouterr().out.splitlines()
    return status, [m for m in map(LINE.match, lines) if m]


@pytest.fixture(scope="module")
def hostile_check(hostile_site):
    """`archive check` over the hostile content, run once."""
    mp = pytest.MonkeyPatch()
    try:
        mp.chdir(hostile_site.content.parent)
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["check", "content"])
    finally:
        mp.undo()
    return status, [m for m in map(LINE.match, out.getvalue().splitlines()) if m]


@pytest.mark.parametrize("attack", [a for a in BODY_ATTACKS if a.warns], ids=lambda a: a.name)
def test_check_reports_each_body_attack_at_its_line(hostile_site, hostile_check, attack):
    path = hostile_site.body_files[attack.name]
    text = (hostile_site.content.parent / path).read_text(encoding="utf-8")
    first = text.splitlines().index("Before the attack.") + 3  # the attack's first line
    found = [m for m in hostile_check[1] if m["path"] == path]
    assert found, f"{path}: nothing reported"
    span = range(first, first + attack.text.count("\n") + 1)
    assert all(m["level"] == "warning" and int(m["line"]) in span for m in found), found
    assert all(": " in m["message"] and "removed" in m["message"] for m in found)


def test_the_build_logs_what_check_reports(hostile_site, hostile_check):
    logged = set(hostile_site.messages())
    reported = {m.group(0) for m in hostile_check[1] if "/body-" in m["path"]}
    assert reported and reported <= logged


def test_registry_urls_are_refused_at_their_line(hostile_site, hostile_check):
    text = (hostile_site.content / "partners.yaml").read_text(encoding="utf-8").splitlines()
    errors = [m for m in hostile_check[1] if m["path"] == "content/partners.yaml"]
    for j in range(len(REGISTRY_URLS)):
        (match,) = [m for m in errors if f"of 'badurl-{j}' is not a web address" in m["message"]]
        assert match["level"] == "error" and "https://" in match["message"]
        assert text[int(match["line"]) - 1].lstrip().startswith("url:")
    assert not [m for m in errors if "hostile-" in m["message"] and "web address" in m["message"]]
    (slug,) = [m for m in errors if "is not a URL slug" in m["message"]]
    assert text[int(slug["line"]) - 1].lstrip().startswith("- slug:")


def test_active_files_are_refused_by_check_and_build(hostile_site, hostile_check):
    refused = {m["path"] for m in hostile_check[1] if "files are not published" in m["message"]}
    assert refused == {f"content/{rel}" for rel in ACTIVE_FILES}
    logged = "\n".join(hostile_site.messages())
    for rel in ACTIVE_FILES:
        if rel.startswith(("images/", "extra/")):  # static files: the build drops them by name
            assert f"content/{rel}:1: error: " in logged


def test_hostile_content_fails_check(hostile_check):
    assert hostile_check[0] == 1


def test_a_body_warning_fails_strict_check_and_strict_build(tmp_path, monkeypatch, capsys):
    body = "Fine text.\n\n[click](javascript:alert(1))\n"
    content = write_content(tmp_path, {"2024/x.md": release("X", body, date="2024-07-02")})
    status, problems = check(monkeypatch, capsys, tmp_path, "content")
    lines = (content / "releases/2024/x.md").read_text(encoding="utf-8").splitlines()
    line = str(lines.index("[click](javascript:alert(1))") + 1)
    assert status == 0 and [(p["level"], p["line"]) for p in problems] == [("warning", line)]
    assert "javascript:alert(1)" in problems[0]["message"]
    status, problems = check(monkeypatch, capsys, tmp_path, "--strict", "content")
    assert status == 1 and [p["level"] for p in problems] == ["error"]
    strict = archive_build(tmp_path, content, "--strict")
    assert strict.returncode != 0 and "javascript:alert(1)" in strict.stderr + strict.stdout
    assert archive_build(tmp_path, content).returncode == 0


def archive_build(tmp_path, content, *args) -> subprocess.CompletedProcess:
    """`archive build` in its own process (Pelican sets up logging for the whole process)."""
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    code = "from newsarchive.cli import entry; entry()"
    command = [sys.executable, "-c", code, "build", "--settings", str(settings), *args]
    return subprocess.run(
        [*command, "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("url", REGISTRY_URLS)
def test_registry_url_must_be_a_web_address(url):
    registry = parse_registry(f"- slug: a\n  name: A\n  type: ngo\n  url: '{url}'\n", "p.yaml")
    assert [(p.line, p.level) for p in registry.problems] == [(4, "error")]
    assert registry.get("a").url == "" and not is_web_address(url)


def test_web_addresses_are_kept():
    for url in ("https://www.unodc.org/", "http://example.org/a?b=c&d=e#f", "HTTPS://X.ORG"):
        assert is_web_address(url)
