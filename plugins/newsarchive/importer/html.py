"""A saved web page turned into lines of text: page chrome dropped, blocks kept as Markdown."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, Tag

from .decode import Document, clean_line

ALWAYS_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
    "nav",
    "aside",
    "figcaption",
    "head",
    "object",
    "canvas",
)
CHROME = ("header", "footer")
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "address",
    "pre",
    "hr",
    "body",
    "center",
}
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "pubdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "sailthru.date",
)
_WS = re.compile(r"\s+")


def page_dates(soup: BeautifulSoup) -> list[str]:
    """Dates the page gives about itself: meta tags first, then <time datetime>."""
    found = []
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in DATE_META and meta.get("content"):
            found.append(str(meta["content"]).strip())
    for time in soup.find_all("time"):
        if time.get("datetime"):
            found.append(str(time["datetime"]).strip())
    return found


def page_title(soup: BeautifulSoup) -> str:
    """og:title or <title>, as the page states it."""
    meta = soup.find("meta", attrs={"property": "og:title"})
    if meta and meta.get("content"):
        return clean_line(str(meta["content"]))
    return clean_line(soup.title.get_text(" ")) if soup.title else ""


def _inside_content(tag: Tag) -> bool:
    return tag.find_parent(("article", "main")) is not None


def drop_chrome(soup: BeautifulSoup) -> None:
    """Remove scripts, styles, navigation, captions and page headers/footers (not article ones)."""
    for tag in soup.find_all(ALWAYS_DROP):
        tag.decompose()
    for tag in soup.find_all(CHROME):
        if not _inside_content(tag):
            tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        tag.decompose()


def _inline(tag: Tag) -> str:
    return clean_line(_WS.sub(" ", tag.get_text(" ")))


def _flush(buf: list[str], out: list[str]) -> None:
    text = clean_line(_WS.sub(" ", "".join(buf)))
    if text:
        out.append(text)
    buf.clear()


def walk(node: Tag, out: list[str], buf: list[str]) -> None:
    """Append the text of a node to out, one block per line, blank lines between blocks."""
    for child in node.children:
        if isinstance(child, Comment | Declaration | Doctype):
            continue
        if isinstance(child, NavigableString):
            buf.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            _flush(buf, out)
        elif re.fullmatch(r"h[1-6]", name):
            _flush(buf, out)
            text = _inline(child)
            if text:
                out.extend(["", ("# " if name == "h1" else "## ") + text, ""])
        elif name == "li":
            _flush(buf, out)
            text = _inline(child)
            if text:
                out.append("- " + text)
        elif name == "blockquote":
            _flush(buf, out)
            inner: list[str] = []
            walk(child, inner, [])
            out.append("")
            out.extend("> " + line for line in inner if line)
            out.append("")
        elif name in BLOCKS or name in ("header", "footer"):
            _flush(buf, out)
            walk(child, out, buf)
            _flush(buf, out)
            out.append("")
        else:
            walk(child, out, buf)


def squeeze_blank(lines: list[str]) -> list[str]:
    """Lines with runs of blank lines made one and no blank lines at the ends."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def html_document(text: str) -> Document:
    """A Document from HTML: dates and title from the page, then its visible text as lines."""
    soup = BeautifulSoup(text, "lxml")
    dates = page_dates(soup)
    title = page_title(soup)
    drop_chrome(soup)
    root = soup.body or soup
    out: list[str] = []
    buf: list[str] = []
    walk(root, out, buf)
    _flush(buf, out)
    return Document(squeeze_blank(out), is_html=True, page_dates=dates, page_title=title)
