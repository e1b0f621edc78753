"""Atom feeds (RFC 4287) as plain data in, bytes out: absolute ids, deterministic output."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urlparse

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


def render_atom(feed: Feed) -> bytes:
    """The feed as Atom XML; `updated` is the newest entry's date (no build timestamps)."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: v for k, v in attrs.items() if v})
        if text is not None:
            el.text = text
        return el

    root = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(root, "title", feed.title)
    if feed.subtitle:
        sub(root, "subtitle", feed.subtitle)
    sub(root, "id", feed.self_url)
    sub(root, "link", href=feed.self_url, rel="self", type="application/atom+xml")
    sub(root, "link", href=feed.page_url, rel="alternate", type="text/html")
    newest = max((e.date for e in feed.entries), default=dt.date(2000, 1, 1))
    sub(root, "updated", _stamp(newest))
    author = sub(root, "author")
    sub(author, "name", feed.author)
    for entry in feed.entries:
        el = sub(root, "entry")
        sub(el, "title", entry.title)
        sub(el, "link", href=entry.url, rel="alternate", type="text/html")
        sub(el, "id", tag_uri(entry.url, entry.date))
        sub(el, "published", _stamp(entry.date))
        sub(el, "updated", _stamp(entry.date))
        for term in entry.categories:
            sub(el, "category", term=term)
        if entry.summary:
            sub(el, "summary", entry.summary)
        if entry.content_html:
            sub(el, "content", entry.content_html, type="html")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
