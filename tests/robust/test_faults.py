"""Fault tests: `archive build` killed or interrupted in each phase (reading on every core, writing
with the search process running, saving the content cache). No process of the build is left, none
writes after it, and the next build's output is byte-identical to a cold build's."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.synthetic import write_archive
from tests.test_reproducible import differences, files_of

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads process groups from /proc"
)
FAULT_PLUGINS = Path(__file__).resolve().parent / "plugins"
RELEASES = 150
SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403
PATH = {content!r}
CACHE_PATH = {cache!r}
OUTPUT_PATH = {content!r} + "-unused-output"  # every build names its --output
ARCHIVE_PARALLEL_MIN = SEARCH_PARALLEL_MIN = 60  # reader workers and the search process
ARCHIVE_FORK_WRITERS = 60  # and the second page writer
{extra}
"""


def settings_file(site: Path, name: str, cache: str, extra: str = "") -> Path:
    path = site / name
    path.write_text(
        SETTINGS.format(
            root=str(ROOT), content=str(site / "content"), cache=str(site / cache), extra=extra
        ),
        encoding="utf-8",
    )
    return path


def archive_build(site: Path, settings: Path, output: str, fault: str | None = None):
    """`archive build` in its own session (its process group is its pid)."""
    env = {**os.environ}
    env.pop("ARCHIVE_FAULT", None)
    if fault:
        env["ARCHIVE_FAULT"] = fault
        env["ARCHIVE_FAULT_REPORT"] = str(site / "helpers.txt")
    code = "from newsarchive.cli import entry; entry()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "build", "--settings", str(settings), "--output", output],
        cwd=site,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def live_processes(group: int) -> list[int]:
    """Processes of a process group that are still running (not zombies)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(entry))
    return found


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A synthetic archive, built cold once after the edit every test makes."""
    base = tmp_path_factory.mktemp("faults")
    write_archive(base / "site", releases=RELEASES, organizations=30)
    edited = base / "edited"
    shutil.copytree(base / "site", edited)
    edit(edited)
    settings = settings_file(edited, "cold.py", "cold-cache", "CACHE_CONTENT = False")
    cold = archive_build(edited, settings, "cold-output")
    out, err = cold.communicate(timeout=600)
    assert cold.returncode == 0, err
    return base / "site", files_of(edited / "cold-output")


def edit(site: Path) -> None:
    """A registry edit (every release is read and every page written again) and a body edit."""
    registry = site / "content" / "partners.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("type: ngo", "type: donor", 1),
        encoding="utf-8",
    )
    first = sorted((site / "content" / "releases").rglob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("fault", "status"),
    [
        ("read:KILL", -signal.SIGKILL),
        ("write:KILL", -signal.SIGKILL),
        ("cache:KILL", -signal.SIGKILL),
        ("write:TERM", -signal.SIGTERM),
        ("read:INT", 130),
    ],
)
def test_killed_build_leaves_no_process_and_the_next_build_is_whole(
    archive, tmp_path, fault, status
):
    source, cold = archive
    site = tmp_path / "site"
    shutil.copytree(source, site)
    settings = settings_file(site, "settings.py", "cache")
    first = archive_build(site, settings, "output")
    assert first.wait(timeout=600) == 0, first.communicate()[1]
    edit(site)
    with_fault = settings_file(
        site,
        "fault.py",
        "cache",
        f"PLUGIN_PATHS = [*PLUGIN_PATHS, {str(FAULT_PLUGINS)!r}]\n"
        'PLUGINS = [*PLUGINS, "archive_fault"]',
    )

    killed = archive_build(site, with_fault, "output", fault)
    _, err = killed.communicate(timeout=600)
    assert killed.returncode == status, err
    assert "Traceback" not in err
    helpers = int((site / "helpers.txt").read_text(encoding="utf-8"))
    assert helpers >= (1 if fault.startswith(("read", "write")) else 0)  # the phase had helpers
    if status == 130:
        assert "archive: interrupted" in err
    deadline = time.monotonic() + 10
    while live_processes(killed.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live_processes(killed.pid) == []  # reader workers and search processes are gone
    after = snapshot(site / "output")
    time.sleep(1.0)
    assert snapshot(site / "output") == after  # nothing writes once the build is gone

    again = archive_build(site, settings, "output")
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert differences(files_of(site / "output"), cold) == []
