"""The editors' live preview: `archive build --serve --autoreload --strict` with the project's
settings starts without a warning, serves the site and rebuilds when a watched file changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT

ARCHIVE = Path(sys.executable).with_name("archive")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(log: Path, text: str, count: int = 1, seconds: float = 90) -> str:
    """The log once `text` appears in it `count` times (fails after `seconds`)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        out = log.read_text(encoding="utf-8", errors="replace")
        if out.count(text) >= count:
            return out
        time.sleep(0.3)
    raise AssertionError(f"{text!r} not seen {count} time(s) in {seconds} s:\n{out}")


def test_autoreload_preview_starts_clean_serves_and_rebuilds_with_strict(tmp_path):
    settings = tmp_path / "previewconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"OUTPUT_PATH = {str(tmp_path / 'output')!r}\nCACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    log = tmp_path / "preview.log"
    port = free_port()
    command = [str(ARCHIVE), "build", "--serve", "--autoreload", "--strict"]
    command += ["--settings", str(settings), "--port", str(port)]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env={**os.environ, "COLUMNS": "200"},
        )
    try:
        first = wait_for(log, "Done:")
        assert "WARNING" not in first and "ERROR" not in first, first
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
            assert page.status == 200 and b"<main" in page.read()
        settings.write_text(settings.read_text(encoding="utf-8") + "HOME_LATEST = 5\n", "utf-8")
        both = wait_for(log, "Done:", count=2)
        assert "Modified" in both and "WARNING" not in both, both
        assert process.poll() is None, both
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
