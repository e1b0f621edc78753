"""The Makefile gives Pelican users their usual targets, each delegating to `archive`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

TARGETS = {
    "html": [".venv/bin/archive build"],
    "regenerate": [".venv/bin/archive build --autoreload"],
    "serve": [".venv/bin/archive build --serve --port 8000"],
    "devserver": [".venv/bin/archive build --serve --autoreload --port 8000"],
    "publish": [".venv/bin/archive build --strict --settings publishconf.py"],
    "check": [".venv/bin/archive check --strict"],
}


def dry_run(*args: str) -> list[str]:
    """The commands `make -n` would run, without the set-up step."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    out = subprocess.run(
        [make, "-n", "--no-print-directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if line != "bash .ci/setup"]


@pytest.mark.parametrize("target", list(TARGETS))
def test_target_sets_up_then_runs_archive(target):
    assert dry_run(target) == TARGETS[target]


def test_port_clean_test_and_help():
    assert dry_run("devserver", "PORT=8001") == [
        ".venv/bin/archive build --serve --autoreload --port 8001"
    ]
    assert dry_run("clean") == ["rm -rf output cache"]
    assert dry_run("test") == ["bash .ci/run"]
    listed = [line.split()[2] for line in dry_run("help") if line.startswith('echo "make ')]
    assert listed == [
        "html",
        "clean",
        "regenerate",
        "serve",
        "devserver",
        "publish",
        "check",
        "test",
    ]
