"""Atom feeds (RFC 4287) as plain data in, bytes out: absolute ids, deterministic output."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from urllib.parse import urlparse
from xml.sax.saxutils import escape

from .text import xml_chars

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    """One release as a feed entry."""

    title: str
    url: str  # absolute
    date: dt.date
    summary: str = ""
    content_html: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A feed's own metadata and entries (newest first)."""

    title: str
    site_url: str  # absolute, no trailing slash
    self_url: str  # absolute
    page_url: str  # absolute URL of the HTML page the feed mirrors
    author: str
    entries: list[FeedEntry] = field(default_factory=list)
    subtitle: str = ""


def tag_uri(url: str, date: dt.date | None) -> str:
    """A stable tag URI (RFC 4151) for a URL, e.g. tag:example.org,2024-07-02:/releases/x/."""
    parsed = urlparse(url)
    host = parsed.hostname or "localhost"
    stamp = date.isoformat() if date else "2000"
    return f"tag:{host},{stamp}:{parsed.path or '/'}"


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


# Attribute values are always double-quoted; whitespace other than spaces is kept as references.
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}


def _el(indent: str, tag: str, text: str | None = None, **attrs: str) -> str:
    """One element on its own line: `<tag a="v">text</tag>` (empty ones self-closed).

    Characters XML forbids are dropped; the rest is escaped with xml.sax.saxutils.escape
    (str.replace per character: about 9 times faster than one str.translate with a dict on a
    feed's HTML, same output).
    """
    attributes = "".join(
        f' {k}="{escape(xml_chars(v), _ATTR_ENTITIES)}"' for k, v in attrs.items() if v
    )
    if text is None:
        return f"{indent}<{tag}{attributes} />\n"
    return f"{indent}<{tag}{attributes}>{escape(xml_chars(text))}</{tag}>\n"


@functools.lru_cache(maxsize=65536)
def _entry(entry: FeedEntry) -> str:
    """An entry's XML (cached: a release is an entry of several term feeds)."""
    parts = [
        "  <entry>\n",
        _el("    ", "title", entry.title),
        _el("    ", "link", href=entry.url, rel="alternate", type="text/html"),
        _el("    ", "id", tag_uri(entry.url, entry.date)),
        _el("    ", "published", _stamp(entry.date)),
        _el("    ", "updated", _stamp(entry.date)),
    ]
    parts += [_el("    ", "category", term=term) for term in entry.categories]
    if entry.summary:
        parts.append(_el("    ", "summary", entry.summary))
    if entry.content_html:
        parts.append(_el("    ", "content", entry.content_html, type="html"))
    parts.append("  </entry>\n")
    return "".join(parts)


def render_atom(feed: Feed) -> bytes:
    """The feed as Atom XML; `updated` is the newest entry's date (no build timestamps)."""
    newest = max((e.date for e in feed.entries), default=dt.date(2000, 1, 1))
    parts = [
        "<?xml version='1.0' encoding='utf-8'?>\n",
        f'<feed xmlns="{ATOM_NS}">\n',
        _el("  ", "title", feed.title),
    ]
    if feed.subtitle:
        parts.append(_el("  ", "subtitle", feed.subtitle))
    parts += [
        _el("  ", "id", feed.self_url),
        _el("  ", "link", href=feed.self_url, rel="self", type="application/atom+xml"),
        _el("  ", "link", href=feed.page_url, rel="alternate", type="text/html"),
        _el("  ", "updated", _stamp(newest)),
        "  <author>\n",
        _el("    ", "name", feed.author),
        "  </author>\n",
    ]
    parts += [_entry(entry) for entry in feed.entries]
    parts.append("</feed>\n")
    return "".join(parts).encode("utf-8")
