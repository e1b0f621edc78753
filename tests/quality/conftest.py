"""Quality-gate fixtures: the seed and a small synthetic site, each built once, served, one browser.

Both sites are built once per session into a temporary folder, with `SITE_ABSOLUTE_URL` set to the
address of the local HTTP server that serves them, so canonical links, feeds and the sitemap point
at pages a test can fetch. The server answers a missing path with `404.html` and status 404, as a
static host would. One Chromium (Debian's, never a downloaded one) serves every browser test.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import (  # noqa: F401 (CHROME_FLAGS, CHROMIUM re-exported)
    CHROME_FLAGS,
    CHROMIUM,
    ROOT,
    QuietHandler,
    build,
    server_url,
    start_server,
    stop_server,
)
from tests.synthetic import write_archive

SITES = ("seed", "synthetic")
LARGE_RELEASES = 2000  # the archive at scale: screenshots and layout checks of every page type
# Home countries for a synthetic registry (its organizations have none): donors' and partners'
# countries, so that country pages and /countries/ show funders' countries apart.
HOME_COUNTRIES = ("DK", "NO", "JP", "US", "GB", "DE", "NL", "SE", "CH", "AU", "CA", "FR")
NODE_MODULES = ROOT / ".ci" / "node_modules"
ARTIFACTS = ROOT / "tests" / "artifacts"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_CHECKER = pytest.StashKey["subprocess.Popen | None"]()


@dataclass
class ServedSite:
    """A built output folder and the base URL it is served at (no trailing slash)."""

    name: str
    output: Path
    base_url: str
    _soups: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False)

    def url(self, path: str = "") -> str:
        """Absolute URL of a site path ("partners/unodc/")."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def html_files(self) -> list[str]:
        """Output-relative paths of every HTML file, sorted."""
        return sorted(p.relative_to(self.output).as_posix() for p in self.output.rglob("*.html"))

    def pages(self) -> list[str]:
        """Site paths of every HTML page except 404.html ("", "partners/", "about/")."""
        return [page_path(f) for f in self.html_files() if f != "404.html"]

    def read(self, path: str) -> str:
        """Text of the file behind a site path."""
        file = self.output / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        return file.read_text(encoding="utf-8")

    def soup(self, path: str) -> BeautifulSoup:
        """Parsed HTML of the page at a site path, parsed once per session."""
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(self.read(path), "lxml")
        return self._soups[path]


def page_path(file: str) -> str:
    """Site path of an output-relative HTML file: "a/b/index.html" -> "a/b/"."""
    return file[: -len("index.html")] if file.endswith("index.html") else file


class _Handler(QuietHandler):
    """Static files, quietly; Atom with its media type; the `not_found` page (as a static host
    serves it) for anything missing."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".atom": "application/atom+xml",
        ".svg": "image/svg+xml",
        ".ico": "image/x-icon",
    }
    not_found = "404.html"  # relative to the served folder

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / self.not_found
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_site(folder: Path) -> ThreadingHTTPServer:
    """A static server for a built site in `folder`, as a host serves it, already running."""
    return start_server(folder, _Handler)


def _content(name: str, base: Path) -> Path:
    if name == "seed":
        content = base / "content"
        shutil.copytree(ROOT / "content", content)
        return content
    # ~60 releases over 8 organizations: several partner pages run to a second page.
    content = write_archive(base, releases=60, organizations=8)
    if (ROOT / "content" / "extra").is_dir():  # site-wide files (favicon.ico) as the seed has them
        shutil.copytree(ROOT / "content" / "extra", content / "extra")
    return content


def add_home_countries(content: Path, every: int = 3) -> None:
    """Give every `every`-th organization of a synthetic registry a home country (deterministic)."""
    import yaml

    path = content / "partners.yaml"
    orgs = yaml.safe_load(path.read_text(encoding="utf-8"))
    for i, org in enumerate(orgs):
        if i % every == 0:
            org["country"] = HOME_COUNTRIES[(i // every) % len(HOME_COUNTRIES)]
    path.write_text(yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False), encoding="utf-8")


def html_checker_problem() -> str | None:
    """Why the Nu Html Checker cannot run here, or None when it can."""
    if not VNU.is_file():
        return f"{VNU} missing: run bash .ci/setup"
    if not shutil.which("java"):
        return "java is not installed (apt-get install default-jre-headless)"
    return None


def start_html_checker(folders: list[Path]) -> subprocess.Popen:
    """The Nu Html Checker over `folders` in the background: errors only, JSON on stdout."""
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout"]
    command += ["--skip-non-html", *map(str, folders)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="session")
def sites(request, tmp_path_factory) -> dict[str, ServedSite]:
    """Both sites, built once and served for the whole session.

    When the HTML gate is among the selected tests, the checker (slow to start, one JVM for both
    sites) starts here and works while the browser tests run; `vnu_messages` collects its output.
    """
    servers, built = [], {}
    for name in SITES:
        base = tmp_path_factory.mktemp(f"quality-{name}")
        output = base / "output"
        output.mkdir()
        server = serve_site(output)
        servers.append(server)
        base_url = server_url(server)
        result = build(_content(name, base), output, SITE_ABSOLUTE_URL=base_url)
        assert not result.errors, f"{name} site built with warnings: {result.errors}"
        built[name] = ServedSite(name, output, base_url)
    checker = None
    wanted = any("vnu_messages" in getattr(i, "fixturenames", ()) for i in request.session.items)
    if wanted and html_checker_problem() is None:
        checker = start_html_checker([s.output for s in built.values()])
    request.config.stash[HTML_CHECKER] = checker
    yield built
    if checker is not None and checker.poll() is None:
        checker.kill()
        checker.communicate()
    for server in servers:
        stop_server(server)


@pytest.fixture(scope="session", params=SITES)
def site(request, sites) -> ServedSite:
    """Each site in turn."""
    return sites[request.param]


@pytest.fixture(scope="session")
def large_site(tmp_path_factory) -> ServedSite:
    """A synthetic archive of LARGE_RELEASES releases (organizations with home countries),
    built once and served for the session."""
    base = tmp_path_factory.mktemp("quality-large")
    output = base / "output"
    output.mkdir()
    server = serve_site(output)
    base_url = server_url(server)
    content = write_archive(base, releases=LARGE_RELEASES)
    add_home_countries(content)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")  # the About page
    result = build(content, output, SITE_ABSOLUTE_URL=base_url)
    assert not result.errors, f"large site built with warnings: {result.errors[:5]}"
    yield ServedSite("large", output, base_url)
    stop_server(server)


@pytest.fixture(scope="session")
def tab(browser):
    """One browser tab shared by the browser tests (each test navigates first); axe-core is
    injected as an inline script, which the pages' own CSP would refuse (tests/security opens
    every page under it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def representative_pages(site: ServedSite) -> dict[str, str]:
    """One site path per page type found in the output: {"home": "", "release": ...}."""
    out = site.output
    files = set(site.html_files())

    def first(pattern: str, keep=lambda rel: True) -> str | None:
        for path in sorted(out.glob(pattern)):
            rel = path.relative_to(out).as_posix()
            if rel in files and keep(rel):
                return page_path(rel)
        return None

    def has_feed(rel: str) -> bool:
        return (out / rel).with_name("feed.atom").is_file()

    def organizations_only(
        rel: str,
    ) -> bool:  # a funder's or partner's country, no release about it
        text = (out / rel).read_text(encoding="utf-8")
        return "data-no-releases" in text and "data-country-organizations" in text

    found = {
        "home": "",
        "release": first("releases/[0-9]*/*/index.html"),
        "release-undated": first("releases/undated/*/index.html"),
        "about": first("about/index.html"),
        "partner-index": "partners/",
        "partner": first("partners/*/index.html", has_feed),
        "partner-page-2": first("partners/*/page/2/index.html"),
        "partner-by-title": first("partners/*/by-title/index.html"),
        "country-index": "countries/",
        "country": first("countries/*/index.html", has_feed),
        "country-organizations-only": first("countries/*/index.html", organizations_only),
        "sdg-index": "sdgs/",
        "sdg": first("sdgs/*/index.html", has_feed),
        "sdg-empty": first("sdgs/*/index.html", lambda rel: not has_feed(rel)),
        "years": "years/",
        "year": first("years/[0-9]*/index.html"),
        "year-page-2": first("years/[0-9]*/page/2/index.html"),
        "year-by-title": first("years/[0-9]*/by-title/index.html"),
        "year-undated": first("years/undated/index.html"),
        "data": "data/" if "data/index.html" in files else None,
        "search": "search/?q=trafficking" if "search/index.html" in files else None,
        "404": "no-such-page/at/all/",
    }
    return {kind: path for kind, path in found.items() if path is not None}


PAGE_TYPES = (
    "home",
    "release",
    "release-undated",
    "about",
    "partner-index",
    "partner",
    "partner-page-2",
    "partner-by-title",
    "country-index",
    "country",
    "country-organizations-only",
    "sdg-index",
    "sdg",
    "sdg-empty",
    "years",
    "year",
    "year-page-2",
    "year-by-title",
    "year-undated",
    "search",
    "data",
    "404",
)


def pytest_terminal_summary(terminalreporter, config) -> None:
    """Lighthouse's scores, performance included, when the Lighthouse gate ran."""
    from tests.quality.test_lighthouse import SCORES_KEY

    summary = config.stash.get(SCORES_KEY, None)
    if not summary:
        return
    terminalreporter.section("Lighthouse (tests/artifacts/lighthouse.json)")
    for name, item in summary.items():
        scores = ", ".join(f"{c} {s}" for c, s in item["scores"].items())
        metrics = ", ".join(f"{k} {v}" for k, v in item["metrics"].items())
        terminalreporter.write_line(f"{name}: {scores} ({metrics}) {item['url']}")
