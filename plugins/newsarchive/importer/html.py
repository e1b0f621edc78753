"""A saved web page turned into lines of text: page chrome dropped, blocks kept as Markdown."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, Tag

from .document import Document, clean_line

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
# A byline block that already reads as one: "By Jane Doe", or a date ("September 14, 2023 |
# News", "14 September 2023"), which is no writer's name.
BYLINE_START = re.compile(
    r"(?i)by\b|\d{1,2}\s+[a-z]{3}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
)


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


# Blocks that sites mark as chrome by class or id: footers, cookie banners, breadcrumbs,
# sidebars and widgets, comment threads, share bars, tag lists, related and recommended items,
# pagers (WordPress, Drupal, GOV.UK and most CMS themes name them so).
CHROME_MARK = re.compile(
    r"(?:^|[-_])(?:footer|cookies?|consent|onetrust|breadcrumbs?|sidebar|secondary|widgets?|"
    r"comments?|respond|related|share|sharing|sharedaddy|sharethis|social|newsletter|pager|"
    r"pagination|read-more|more-from|recommended|written-by|post-navigation|nav-links|nav|tags|"
    r"tags-links|cat-links)(?:$|[-_])",
    re.I,
)
KEEP_TAGS = ("html", "body", "main", "article")
SDG_TEXT = re.compile(r"\bSDGs?\b|Sustainable Development Goal", re.I)
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")
BRAND = re.compile(r"logo|site-?name|site-?title|brand|masthead|source-logo", re.I)


def _meta(soup: BeautifulSoup, *keys: str) -> list[str]:
    found = []
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in keys and meta.get("content"):
            found.append(clean_line(str(meta["content"])))
    return found


def page_title(soup: BeautifulSoup) -> str:
    """og:title or <title>, as the page states it."""
    found = _meta(soup, "og:title")
    if found:
        return found[0]
    return clean_line(soup.title.get_text(" ")) if soup.title else ""


def title_parts(title: str) -> tuple[str, str]:
    """(headline, site name) of a <title> such as "Headline | Site" ("", "" when empty)."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) >= 2 and len(parts[-1].split()) <= 10:
        return " - ".join(parts[:-1]).strip(), parts[-1].strip()
    return title.strip(), ""


def title_hints(soup: BeautifulSoup) -> list[str]:
    """The titles a page gives itself: og:title, <title> without the site's name, <h1>."""
    found = _meta(soup, "og:title", "twitter:title")
    if soup.title:
        whole = clean_line(soup.title.get_text(" "))
        found += [whole, title_parts(whole)[0]]
    found += [_inline(h) for h in soup.find_all("h1")]
    return list(dict.fromkeys(t for t in found if t))


def site_names(soup: BeautifulSoup) -> list[str]:
    """Who runs the site, as the page says: og:site_name, the end of <title>, the masthead's
    logo text, the copyright line."""
    found = _meta(soup, "og:site_name", "application-name", "article:publisher", "dc.publisher")
    if soup.title:
        whole = clean_line(soup.title.get_text(" "))
        found.append(title_parts(whole)[1])
        heads = [*_meta(soup, "og:title"), *(_inline(h) for h in soup.find_all("h1"))]
        found += [_title_rest(whole, head) for head in heads]
    for tag in soup.find_all(attrs={"class": BRAND}) + soup.find_all(attrs={"id": BRAND}):
        text = _inline(tag)
        if text and len(text.split()) <= 12:
            found.append(text)
    for text in soup.find_all(string=re.compile("©")):
        line = clean_line(str(text))
        if text.find_parent(("figure", "figcaption")) or line.find("©") > 20:
            continue  # a photo's credit ("... © Issouf Sanogo, AFP"), not the site's notice
        if len(line.split()) <= 20:
            found.append(line)
    return list(dict.fromkeys(t for t in found if t))


def _title_rest(title: str, head: str) -> str:
    """What a <title> adds after the page's headline: the site's path and name ("Noticias -
    Ministerio del Interior - Plataforma del Estado Peruano", "UN Women – Asia-Pacific")."""
    if not head or not title.startswith(head) or len(title) == len(head):
        return ""
    m = TITLE_SEPARATOR.match(title, len(head))
    return title[m.end() :].strip() if m else ""


def _inside_content(tag: Tag) -> bool:
    return tag.find_parent(("article", "main")) is not None


def _marked_chrome(tag: Tag) -> bool:
    """A block its class or id marks as chrome, unless it holds the headline or states SDGs."""
    if tag.name in KEEP_TAGS:
        return False
    marks = [*(tag.get("class") or []), tag.get("id") or ""]
    if not any(CHROME_MARK.search(m) for m in marks if isinstance(m, str)):
        return False
    return tag.find("h1") is None and not SDG_TEXT.search(tag.get_text(" "))


def drop_chrome(soup: BeautifulSoup) -> None:
    """Remove scripts, styles, navigation, captions, page headers/footers (not article ones)
    and blocks marked as chrome (comments, sidebars, cookie banners, related items)."""
    for tag in soup.find_all(ALWAYS_DROP):
        tag.decompose()
    for tag in soup.find_all(CHROME):
        if not _inside_content(tag):
            tag.decompose()
    for tag in soup.find_all(_marked_chrome):
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


BYLINE_MARK = re.compile(r"(?:^|[-_])(?:byline|author|authors|contributors?)(?:$|[-_])", re.I)


def _is_byline_block(tag: Tag) -> bool:
    """An <address> or a block marked as the byline that holds only inline text ("Jamie
    Grierson Home affairs correspondent"): the writer, never a headline."""
    if tag.name not in ("address", "div", "p") or tag.find(BLOCKS | {"h1", "h2", "h3", "li"}):
        return False
    return tag.name == "address" or any(BYLINE_MARK.search(c) for c in tag.get("class") or [])


def definition_lines(dl: Tag) -> list[str]:
    """A definition list as "term: definition" lines ("Posted: 27 Oct 2021")."""
    lines: list[str] = []
    label = ""
    for tag in dl.find_all(("dt", "dd")):
        text = _inline(tag)
        if tag.name == "dt":
            label = text.rstrip(" :")
        elif text:
            lines.append(f"{label}: {text}" if label else text)
            label = ""
    return lines


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
        elif _is_byline_block(child):
            _flush(buf, out)
            text = _inline(child)
            out.extend(["", text if BYLINE_START.match(text) else f"By {text}", ""])
        elif name == "dl":
            _flush(buf, out)
            out.extend(["", *definition_lines(child), ""])
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
    titles = title_hints(soup)
    sites = site_names(soup)
    drop_chrome(soup)
    root = soup.body or soup
    out: list[str] = []
    buf: list[str] = []
    walk(root, out, buf)
    _flush(buf, out)
    return Document(
        squeeze_blank(out),
        is_html=True,
        page_dates=dates,
        page_title=title,
        titles=titles,
        site_names=sites,
    )
