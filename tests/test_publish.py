"""Publishing: `archive build --settings publishconf.py` needs the site's public address."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARCHIVE = Path(sys.executable).with_name("archive")
PROJECT_SITE = "https://editors.github.io/partnership-archive"
pytestmark = pytest.mark.content  # publishes the real content/


def publish(tmp_path: Path, siteurl: str | None) -> subprocess.CompletedProcess:
    """Run the publishing build of the real content into tmp_path/output."""
    env = {k: v for k, v in os.environ.items() if k != "ARCHIVE_SITEURL"}
    if siteurl is not None:
        env["ARCHIVE_SITEURL"] = siteurl
    command = [str(ARCHIVE), "build", "--strict", "--settings", "publishconf.py"]
    return subprocess.run(
        [*command, "--output", str(tmp_path / "output")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("siteurl", "message"),
    [
        (None, "publishconf.py: error: ARCHIVE_SITEURL is not set; set it to the site's public"),
        ("", "publishconf.py: error: ARCHIVE_SITEURL is not set; set it to the site's public"),
        ("editors.github.io/x", "publishconf.py: error: ARCHIVE_SITEURL='editors.github.io/x' is"),
        ("https://a.org/x?y=1", "publishconf.py: error: ARCHIVE_SITEURL='https://a.org/x?y=1' is"),
    ],
)
def test_publishing_without_a_site_address_stops_with_one_line(tmp_path, siteurl, message):
    result = publish(tmp_path, siteurl)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert "https://<owner>.github.io/<repo>" in result.stderr
    assert not (tmp_path / "output").exists()


def test_published_site_links_only_to_its_address(tmp_path):
    result = publish(tmp_path, PROJECT_SITE + "/")
    assert result.returncode == 0, result.stderr
    output = tmp_path / "output"
    for path in sorted(output.rglob("*")):
        if path.suffix in {".html", ".xml", ".atom", ".txt", ".json", ".csv"}:
            text = path.read_text(encoding="utf-8")
            for stray in ("example.org", "127.0.0.1", "localhost"):
                assert stray not in text, f"{path.relative_to(output)} names {stray}"
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PROJECT_SITE}/sitemap.xml" in robots.splitlines()
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PROJECT_SITE}/</loc>" in sitemap
    assert f'href="{PROJECT_SITE}/feeds/all.atom"' in (output / "index.html").read_text("utf-8")


def test_pelican_itself_stops_on_the_same_line(tmp_path):
    pelican = shutil.which("pelican", path=str(ARCHIVE.parent))
    assert pelican, "pelican is installed with the project"
    env = {k: v for k, v in os.environ.items() if k != "ARCHIVE_SITEURL"}
    result = subprocess.run(
        [pelican, "-s", "publishconf.py", "-o", str(tmp_path / "output")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("publishconf.py: error: ARCHIVE_SITEURL is not set")
    assert not (tmp_path / "output").exists()
