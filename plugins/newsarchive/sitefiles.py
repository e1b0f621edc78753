"""Text of sitemap.xml and robots.txt, from plain lists."""

from __future__ import annotations

from xml.sax.saxutils import escape

from .text import xml_chars

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemap(urls: list[str]) -> bytes:
    """A sitemap (sitemaps.org 0.9) of the given absolute URLs, in the given order."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    lines += [f"  <url><loc>{escape(xml_chars(url))}</loc></url>" for url in urls]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_robots(sitemap_url: str) -> bytes:
    """robots.txt allowing everything and naming the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode()
