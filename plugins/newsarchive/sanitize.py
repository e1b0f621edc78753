"""Safe bodies: rendered Markdown cleaned by an allowlist sanitiser (nh3, the binding of ammonia),
and a report of what it drops, each with the body line to fix.

`clean_html(html)` is what the build publishes. `dropped_markup(html, body)` finds the same
things the sanitiser removes (elements, attributes, addresses, comments) by walking the HTML with
the same allowlist, so `archive check` and the build can say where each one is and how to fix it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import nh3

from .text import shorten

# What releases and pages legitimately use: text structure, lists, tables, links, images,
# emphasis, quotes, code, footnotes and abbreviations.
TAGS = frozenset(
    "a abbr b blockquote br caption cite code col colgroup dd del dfn div dl dt em figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub "
    "sup table tbody td tfoot th thead time tr u ul var".split()
)
GENERIC_ATTRIBUTES = frozenset({"title", "lang", "dir"})
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "sup": {"id"},  # footnote references (filtered to footnote ids)
    "li": {"id"},  # footnotes (filtered to footnote ids)
}
ALIGN_CLASSES = frozenset({"align-left", "align-center", "align-right"})
CLASSES = {  # the classes the Markdown extensions write; editors' own classes are dropped
    "a": frozenset({"footnote-ref", "footnote-backref"}),
    "div": frozenset({"footnote"}),
    "th": ALIGN_CLASSES,
    "td": ALIGN_CLASSES,
}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # and relative addresses
IMAGE_SCHEMES = frozenset({"http", "https"})  # and relative addresses
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Removed with everything inside them (their content is code, or a fallback nobody should see).
CONTENT_TAGS = frozenset(
    "script style template iframe noscript noembed noframes object applet textarea xmp title "
    "select".split()
)
FOOTNOTE_ID = re.compile(r"fn(?:ref\d*)?:[\w.-]{1,64}")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_IN_URL = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what browsers trim around an address
MAY_CONTAIN_MARKUP = re.compile(r"<|\]\s*[(:\[]")  # raw HTML, or a Markdown link or image
# Pelican's link syntax ({static}path, {filename}path, |filename|path...: INTRASITE_LINK_REGEX)
# at the start of an address. Pelican rewrites such an address after this sanitiser ran, and
# keeps the scheme of what follows the braces: `{1}javascript:...` became `javascript:{1}...`.
_INTRASITE = re.compile(r"[{|](.*?)[|}]")


def url_scheme(value: str) -> str | None:
    """The scheme of an address as a browser reads it (lowercase), None for a relative one."""
    value = value.strip(_C0_AND_SPACE)
    match = _SCHEME.match(value.translate(_IGNORED_IN_URL))
    return match.group(1).lower() if match else None


def _allowed_url(tag: str, value: str) -> bool:
    link = _INTRASITE.match(value)
    if link:  # Pelican puts the scheme of what follows {static} etc. in front of the result
        return url_scheme(value[link.end() :]) is None
    scheme = url_scheme(value)
    if scheme is None:
        return True
    return scheme in (IMAGE_SCHEMES if tag == "img" else LINK_SCHEMES)


def _filter(tag: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: footnote ids only; addresses as `_allowed_url` says."""
    if name == "id":
        return value if FOOTNOTE_ID.fullmatch(value) else None
    if name in URL_ATTRIBUTES and not _allowed_url(tag, value):
        return None
    return value


@functools.lru_cache(maxsize=1)
def cleaner() -> nh3.Cleaner:
    """The sanitiser, made once per process (it holds only the allowlist)."""
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(CONTENT_TAGS),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{t: set(a) for t, a in ATTRIBUTES.items()}},
        allowed_classes={t: set(c) for t, c in CLASSES.items()},
        attribute_filter=_filter,
        url_schemes=set(LINK_SCHEMES),
        strip_comments=True,
        link_rel=None,  # no `target` is allowed, so no link can reach window.opener
    )


def clean_html(html: str) -> str:
    """`html` with everything outside the allowlist removed: safe to publish as it is."""
    return cleaner().clean(html)


@dataclass(frozen=True)
class Dropped:
    """Something the sanitiser removes: the body line it comes from, what it is, the fix."""

    line: int
    what: str
    fix: str

    def message(self) -> str:
        """`what is removed: fix`, as a check message."""
        return f"{self.what} is removed when the site is built: {self.fix}"


_FIX_ELEMENT = (
    "delete it (releases may use headings, paragraphs, lists, tables, links, images, emphasis, "
    "quotes, code and footnotes; nothing that runs or embeds another page)"
)
_FIX_HANDLER = "delete it (nothing in a release runs: no scripts, no event handlers)"
_FIX_STYLE = "delete it (the site's stylesheet styles releases)"
_FIX_ATTRIBUTE = "delete it (not an attribute releases may use)"
_FIX_LINK = (
    "links may go to http:// or https:// addresses, mailto:, tel: or a relative address "
    "(e.g. {filename}../2024/other-release.md)"
)
_FIX_IMAGE = (
    "images may come from http(s) or a relative address: save the image as "
    "content/images/NAME and write ![description]({static}/images/NAME)"
)


class _Walker(HTMLParser):
    """Applies the allowlist to parsed HTML and collects what it would remove."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, tuple[str, ...]]] = []  # (what, fix, anchors)
        self._inside_removed = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}"
        if self._inside_removed:
            return
        if tag not in TAGS:
            self.found.append((f"<{tag}> element", _FIX_ELEMENT, (raw, f"<{tag}")))
            if tag in CONTENT_TAGS and tag not in self.CDATA_CONTENT_ELEMENTS:
                self._inside_removed += 1
            return
        for name, value in attrs:
            self._attribute(tag, name, value or "", raw)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in CONTENT_TAGS and tag not in self.CDATA_CONTENT_ELEMENTS:
            self._inside_removed = max(0, self._inside_removed - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in CONTENT_TAGS and tag not in self.CDATA_CONTENT_ELEMENTS:
            self._inside_removed = max(0, self._inside_removed - 1)

    def handle_comment(self, data: str) -> None:
        if not self._inside_removed:
            fix = "delete it (comments are not published; use 'review:' for notes to editors)"
            self.found.append(("HTML comment", fix, (f"<!--{data}", "<!--")))

    def unknown_decl(self, data: str) -> None:  # <![CDATA[...]]>: a comment to HTML parsers
        if not self._inside_removed:
            self.found.append(("<![...]> section", _FIX_ELEMENT, (f"<![{data}", "<![")))

    def handle_decl(self, decl: str) -> None:  # <!DOCTYPE ...>
        if not self._inside_removed:
            self.found.append((f"<!{decl.split()[0]}> declaration", _FIX_ELEMENT, ("<!",)))

    def handle_pi(self, data: str) -> None:  # <?...>: a comment to HTML parsers
        if not self._inside_removed:
            self.found.append(("<?...> instruction", _FIX_ELEMENT, (f"<?{data}", "<?")))

    def _attribute(self, tag: str, name: str, value: str, raw: str) -> None:
        anchors = (raw, f"{name}=", value) if value else (raw, name)
        if name == "class":
            unknown = [c for c in value.split() if c not in CLASSES.get(tag, ())]
            if unknown:
                what = f"class {' '.join(unknown)!r} of <{tag}>"
                self.found.append((what, _FIX_STYLE, anchors))
        elif name not in GENERIC_ATTRIBUTES and name not in ATTRIBUTES.get(tag, ()):
            fix = (
                _FIX_HANDLER
                if name.startswith("on")
                else _FIX_STYLE
                if name == "style"
                else _FIX_ATTRIBUTE
            )
            self.found.append((f"{name!r} attribute of <{tag}>", fix, anchors))
        elif name == "id" and not FOOTNOTE_ID.fullmatch(value):
            fix = "delete it (only footnotes have ids)"
            self.found.append((f"id {value!r} of <{tag}>", fix, anchors))
        elif name in URL_ATTRIBUTES and not _allowed_url(tag, value):
            anchors = (raw, value)
            if tag == "img":
                self.found.append((f"image address {shorten(value)!r}", _FIX_IMAGE, anchors))
            else:
                self.found.append((f"address {shorten(value)!r} of <{tag}>", _FIX_LINK, anchors))


def dropped_markup(html: str, body: str = "") -> list[Dropped]:
    """What `clean_html` removes from `html` (the rendered `body`), with the body's line of each."""
    if not html or unescape(clean_html(html)) == unescape(html):
        return []
    walker = _Walker()
    walker.feed(html)
    walker.close()
    found, lowered, decoded, cursor = [], body.lower(), unescape(body).lower(), 0
    for what, fix, anchors in walker.found:
        # things are found in document order: look from the last one found, then from the top
        at = _find(lowered, decoded, anchors, cursor)
        if at < 0:
            at = _find(lowered, decoded, anchors, 0)
        cursor = max(at, 0)
        found.append(Dropped(body.count("\n", 0, at) + 1 if at >= 0 else 1, what, fix))
    return found


def _find(lowered: str, decoded: str, anchors: tuple[str, ...], start: int) -> int:
    """Offset of the first anchor in the body (as written, else with entities decoded; entities
    never span lines, so a decoded offset is on the same line), or -1."""
    for text in (lowered, decoded):
        for anchor in anchors:
            at = text.find(anchor.lower(), start) if anchor else -1
            if at >= 0:
                return at if text is lowered else _same_line(lowered, decoded, at)
    return -1


def _same_line(lowered: str, decoded: str, at: int) -> int:
    """An offset in `lowered` on the line of offset `at` in `decoded`."""
    line = decoded.count("\n", 0, at)
    offset = 0
    for _ in range(line):
        offset = lowered.index("\n", offset) + 1
    return offset


def find_line(body: str, anchors: tuple[str, ...]) -> int:
    """Line (1-based) of the first anchor found in `body`, as written or with entities decoded."""
    lowered = body.lower()
    at = _find(lowered, unescape(body).lower(), anchors, 0)
    return body.count("\n", 0, at) + 1 if at >= 0 else 1


def external_images(html: str) -> list[str]:
    """Addresses of images on other hosts (http(s) or protocol-relative), in order."""
    if "<img" not in html:
        return []
    finder = _ImageFinder()
    finder.feed(html)
    finder.close()
    return finder.external


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        src = (dict(attrs).get("src") or "").strip()
        if url_scheme(src) in IMAGE_SCHEMES or src.startswith("//"):
            self.external.append(src)


# Files a browser opens as a document of the site (their scripts would run on its origin, where
# no Content-Security-Policy meta tag protects them); content/ may not publish them.
ACTIVE_FILES = {
    ".html": "HTML",
    ".htm": "HTML",
    ".xhtml": "XHTML",
    ".xht": "XHTML",
    ".shtml": "HTML",
    ".mht": "web archive",
    ".mhtml": "web archive",
    ".svg": "SVG",
    ".svgz": "SVG",
    ".xml": "XML",
    ".xsl": "XSLT",
    ".xslt": "XSLT",
    ".js": "JavaScript",
    ".mjs": "JavaScript",
    ".swf": "Flash",
    ".rst": "reStructuredText",
}


def unsafe_name(name: str) -> str | None:
    """Why a content file's name cannot be published, or None. Pelican writes the address of a
    file into links to it ({filename}, {static}) as it is, after sanitising: a double quote in
    the name would end the attribute there."""
    if '"' in name or any(ord(c) < 32 or ord(c) == 127 for c in name):
        return (
            f"the file name {name!r} has a double quote or a control character, which would "
            "break links to it: rename it (lowercase letters, digits, hyphens)"
        )
    return None


def refused_file(path: str) -> str | None:
    """Why a file in content/ is not published (a message with the fix), or None."""
    unsafe = unsafe_name(path.rsplit("/", 1)[-1])
    if unsafe:
        return unsafe
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    kind = ACTIVE_FILES.get(suffix)
    if kind is None:
        return None
    if kind == "SVG":
        fix = "save the picture as PNG or WebP and link that instead"
    elif kind in ("HTML", "XHTML", "web archive"):
        fix = "import it as a release (archive import FILE) or write the page in Markdown (.md)"
    elif kind == "reStructuredText":
        fix = "write the page in Markdown (.md)"
    else:
        fix = "delete it: nothing from content/ runs on the site"
    return (
        f"{kind} files are not published (opened on their own, they would run as part of the "
        f"site, unsanitised): {fix}"
    )
