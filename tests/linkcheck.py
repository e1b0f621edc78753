"""A fast internal link checker over a built output folder; plain data in, plain data out.

`check_site(output, site_url)` reads every HTML page and CSS file once and checks every reference:
`href`, `src`, `srcset`, `poster`, `data`, `action` and CSS `url()`. Internal references must name
a file in the folder (`x/` means `x/index.html`), a `#fragment` must be an `id` (or `<a name>`) in
the target page, and no asset (script, stylesheet, image, font, icon, media, frame) may come from
another host. Links to other hosts are fine for navigation (`<a href>`) and are not fetched.
Absolute URLs under `site_url` (canonical links, feeds) count as internal.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: `<link rel>` values that load something into the page (an asset) rather than point elsewhere.
ASSET_RELS = frozenset(
    "stylesheet icon apple-touch-icon mask-icon manifest preload modulepreload prefetch "
    "preconnect dns-prefetch".split()
)
#: Elements and attributes that load an asset.
ASSET_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
#: Elements and attributes that point to another page or document.
LINK_ATTRS = {"a": ("href",), "area": ("href",), "form": ("action",)}
SKIP_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "sms"})
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


@dataclass(frozen=True)
class Reference:
    """One reference found in a file: where, what it says, and whether it loads an asset."""

    source: str  # output-relative path of the file that holds it
    url: str  # as written
    asset: bool


#: Kinds of problem: a file or page that is not there, a fragment with no matching id,
#: an asset loaded from another host.
MISSING, ANCHOR, EXTERNAL_ASSET = "missing", "anchor", "external-asset"


@dataclass(frozen=True)
class Problem:
    """A reference that does not resolve, or an asset from another host."""

    source: str
    url: str
    kind: str  # MISSING, ANCHOR or EXTERNAL_ASSET
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.url}: {self.reason}"


@dataclass
class LinkReport:
    """What was checked and what failed."""

    pages: int = 0
    stylesheets: int = 0
    references: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no reference failed."""
        return not self.problems


class _PageParser(HTMLParser):
    """Collects ids and references of one HTML page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.ids: set[str] = set()
        self.refs: list[Reference] = []
        self._in_style = False

    def _add(self, url: str | None, asset: bool) -> None:
        if url is not None:
            self.refs.append(Reference(self.source, url.strip(), asset))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "style":
            self._in_style = True
        if a.get("style"):
            for url in css_urls(a["style"]):
                self._add(url, True)
        if tag == "link" and a.get("href") is not None:
            rels = set((a.get("rel") or "").lower().split())
            self._add(a["href"], bool(rels & ASSET_RELS))
        for name in ASSET_ATTRS.get(tag, ()):
            value = a.get(name)
            if value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self._add(candidate.split()[0], True)
            else:
                self._add(value, True)
        for name in LINK_ATTRS.get(tag, ()):
            self._add(a.get(name), False)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for url in css_urls(data):
                self._add(url, True)


def css_urls(text: str) -> list[str]:
    """The `url(...)` and `@import` references in a piece of CSS."""
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]


def parse_page(text: str, source: str) -> tuple[set[str], list[Reference]]:
    """Ids and references of an HTML page's text."""
    parser = _PageParser(source)
    parser.feed(text)
    parser.close()
    return parser.ids, parser.refs


def _site_prefix(site_url: str) -> tuple[str, str, str]:
    parts = urlsplit(site_url.rstrip("/") + "/") if site_url else None
    if not parts:
        return "", "", "/"
    return parts.scheme, parts.netloc, parts.path


def resolve(ref: Reference, site_url: str = "") -> tuple[str | None, str, bool]:
    """(output-relative target path or None when not checked, fragment, is it external)."""
    parts = urlsplit(ref.url)
    scheme = parts.scheme.lower()
    if scheme in SKIP_SCHEMES:
        return None, "", False
    site_scheme, site_host, site_path = _site_prefix(site_url)
    if parts.netloc or scheme:
        same_site = (
            site_host
            and parts.netloc == site_host
            and scheme in ("", site_scheme)
            and (parts.path + "/").startswith(site_path)
        )
        if not same_site:
            return None, "", True
        path = "/" + parts.path[len(site_path) :]
    elif not parts.path:  # "#id" or "?q": the page itself
        path = "/" + ref.source
    else:
        base = posixpath.dirname("/" + ref.source) + "/"
        path = parts.path if parts.path.startswith("/") else base + parts.path
    trailing = path.endswith("/")
    path = posixpath.normpath(unquote(path)).lstrip("/")
    if path in ("", "."):
        path = ""
    if trailing or not path:
        path = posixpath.join(path, "index.html")
    return path, unquote(parts.fragment), False


def check_site(output: Path | str, site_url: str = "") -> LinkReport:
    """Check every reference in the HTML pages and stylesheets under `output`."""
    output = Path(output)
    report = LinkReport()
    ids: dict[str, set[str]] = {}
    refs: list[Reference] = []
    for path in sorted(output.rglob("*.html")):
        rel = path.relative_to(output).as_posix()
        page_ids, page_refs = parse_page(path.read_text(encoding="utf-8"), rel)
        ids[rel] = page_ids
        refs += page_refs
        report.pages += 1
    for path in sorted(output.rglob("*.css")):
        rel = path.relative_to(output).as_posix()
        refs += [Reference(rel, u, True) for u in css_urls(path.read_text(encoding="utf-8"))]
        report.stylesheets += 1
    report.references = len(refs)
    for ref in refs:
        problem = check_reference(ref, output, ids, site_url)
        if problem:
            report.problems.append(Problem(ref.source, ref.url, *problem))
    return report


def check_reference(
    ref: Reference, output: Path, ids: dict[str, set[str]], site_url: str = ""
) -> tuple[str, str] | None:
    """(kind, reason) when `ref` fails; `ids` holds the ids of each output-relative HTML page."""
    if not ref.url:
        return MISSING, "empty reference"
    target, fragment, external = resolve(ref, site_url)
    if external:
        return (EXTERNAL_ASSET, "asset from another host") if ref.asset else None
    if target is None:
        return None
    file = output / target
    if not file.is_file():
        if not (file / "index.html").is_file():
            return MISSING, f"no file {target}"
        target = posixpath.join(target, "index.html")
    if fragment and fragment not in ids.get(target, set()):
        if target not in ids:
            return ANCHOR, f"fragment #{fragment} on a file that is not an HTML page"
        return ANCHOR, f"no id {fragment!r} in {target}"
    return None
