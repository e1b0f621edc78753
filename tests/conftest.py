"""Shared fixtures: tiny sites written from dedented strings and built into tmp_path."""

from __future__ import annotations

import functools
import http.server
import logging
import shutil
import sys
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

# Debian's Chromium (never a downloaded browser), with the flags this machine needs.
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

REGISTRY = """\
- slug: iom
  name: International Organization for Migration
  acronym: IOM
  type: un-agency
- slug: unodc
  name: United Nations Office on Drugs and Crime
  acronym: UNODC
  aliases: [UN Office on Drugs and Crime]
  type: un-agency
  url: https://www.unodc.org/
- slug: fia
  name: Federal Investigation Agency
  acronym: FIA
  type: government
  country: PK
- slug: government-of-japan
  name: Government of Japan
  aliases: [Japan, Japanese Embassy]
  type: government
  country: JP
"""


def release(title: str, body: str = "Body text.", **fields) -> str:
    """Text of a release file with the given front-matter fields."""
    from newsarchive.release import dump_release

    return dump_release({"title": title, **fields}, body)


@dataclass
class BuiltSite:
    """A site built into a temporary folder, with the log records of its build."""

    content: Path
    output: Path
    records: list[logging.LogRecord]

    def page(self, url: str) -> BeautifulSoup:
        """Parsed HTML of the page at a site URL ("partners/unodc/")."""
        path = self.output / url.strip("/")
        if url.endswith("/") or not path.suffix:
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    @property
    def errors(self) -> list[str]:
        """Messages logged at warning level or above."""
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build(
    content: Path, output: Path, settings_file: str = "pelicanconf.py", **override
) -> BuiltSite:
    """Build `content` with the project's settings and plugins into `output`."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / settings_file),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / "cache"),
            **override,
        },
    )
    handler = _Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(handler)
    return BuiltSite(content, output, handler.records)


def write_content(base: Path, releases: dict[str, str], registry: str = REGISTRY) -> Path:
    """Write a content folder: partners.yaml and releases at their relative paths."""
    content = base / "content"
    (content / "releases").mkdir(parents=True, exist_ok=True)
    (content / "partners.yaml").write_text(textwrap.dedent(registry), encoding="utf-8")
    for rel, text in releases.items():
        path = content / "releases" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


@pytest.fixture
def make_site(tmp_path):
    """Build a small site from {relative path: text} and return it."""

    def _make(releases: dict[str, str], registry: str = REGISTRY, **override) -> BuiltSite:
        content = write_content(tmp_path, releases, registry)
        return build(content, tmp_path / "output", **override)

    return _make


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> BuiltSite:
    """The real content/ folder, built once for the session."""
    base = tmp_path_factory.mktemp("seed")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    return build(content, base / "output")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Playwright's sync API allows one per thread)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed: run bash .ci/setup --test")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        yield chromium
        chromium.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of a folder, without a log line per request."""

    def log_message(self, *args) -> None:
        pass


def start_server(
    folder: Path, handler: type[http.server.BaseHTTPRequestHandler] = QuietHandler
) -> http.server.ThreadingHTTPServer:
    """A threaded static server for `folder` on a free port of 127.0.0.1, already running (its
    address: `server_url`; end it with `stop_server`)."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def server_url(server: http.server.ThreadingHTTPServer) -> str:
    """Base URL of a server started by `start_server` (no trailing slash)."""
    return f"http://127.0.0.1:{server.server_address[1]}"


def stop_server(server: http.server.ThreadingHTTPServer) -> None:
    """Stop a server started by `start_server` and close its socket."""
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def serve():
    """serve(folder, handler=QuietHandler) -> base URL of a local static server for `folder`
    (every one stopped at the end of the session)."""
    servers = []

    def _serve(folder: Path, handler=QuietHandler) -> str:
        servers.append(start_server(folder, handler))
        return server_url(servers[-1])

    yield _serve
    for server in servers:
        stop_server(server)


# Tests on the real content/ folder: what a content-only pull request runs (`pytest -m content`).
CONTENT_FIXTURES = {"seed_site", "seed_search"}


def pytest_configure(config) -> None:
    """Register the `content` marker."""
    config.addinivalue_line(
        "markers", "content: builds or checks the real content/ (run alone for content-only PRs)"
    )


def pytest_collection_modifyitems(config, items) -> None:
    """Mark as `content` the tests that use a seed fixture or run with a `seed` parameter."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        seed_param = callspec is not None and "seed" in callspec.id.split("-")
        if seed_param or CONTENT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.content)
