"""Feeds gate: every Atom feed is well-formed and holds what RFC 4287 requires; pages link them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TERM_KINDS = ("partners", "countries", "sdgs")
FEED_MAX_ITEMS = 50  # pelicanconf.py


def feeds(site) -> list[str]:
    """Output-relative paths of every Atom feed."""
    return sorted(p.relative_to(site.output).as_posix() for p in site.output.rglob("*.atom"))


def absolute_iri(value: str | None) -> bool:
    """True for an absolute IRI (a scheme and something after it)."""
    return bool(value) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value))


def text_of(el: ET.Element, tag: str) -> str:
    """Stripped text of the one `tag` child of `el` ("" when absent)."""
    child = el.find(A + tag)
    return (child.text or "").strip() if child is not None else ""


def feed_problems(root: ET.Element, self_url: str) -> list[str]:
    """What an Atom feed element lacks under RFC 4287 (section 4.1.1 and 4.1.2)."""
    out = []
    if root.tag != A + "feed":
        return [f"root element is {root.tag}, not atom:feed"]
    for tag in ("id", "title", "updated"):
        if len(root.findall(A + tag)) != 1:
            out.append(f"feed needs exactly one atom:{tag}")
    if not absolute_iri(text_of(root, "id")):
        out.append(f"feed id {text_of(root, 'id')!r} is not an absolute IRI")
    if not RFC3339.match(text_of(root, "updated")):
        out.append(f"feed updated {text_of(root, 'updated')!r} is not RFC 3339")
    selfs = [link.get("href") for link in root.findall(A + "link") if link.get("rel") == "self"]
    if selfs != [self_url]:
        out.append(f"rel=self links {selfs} should be [{self_url}]")
    feed_author = any(text_of(a, "name") for a in root.findall(A + "author"))
    entry_ids = []
    for i, entry in enumerate(root.findall(A + "entry")):
        where = f"entry {i + 1}"
        for tag in ("id", "title", "updated"):
            if len(entry.findall(A + tag)) != 1 or not text_of(entry, tag):
                out.append(f"{where} needs exactly one non-empty atom:{tag}")
        entry_ids.append(text_of(entry, "id"))
        if not absolute_iri(text_of(entry, "id")):
            out.append(f"{where}: id {text_of(entry, 'id')!r} is not an absolute IRI")
        if not RFC3339.match(text_of(entry, "updated")):
            out.append(f"{where}: updated is not RFC 3339")
        if not feed_author and not any(text_of(a, "name") for a in entry.findall(A + "author")):
            out.append(f"{where} has no author and the feed has none")
        alternates = [link for link in entry.findall(A + "link") if link.get("rel") == "alternate"]
        if entry.find(A + "content") is None and not alternates:
            out.append(f"{where} has neither atom:content nor a rel=alternate link")
        if not all(absolute_iri(link.get("href")) for link in alternates):
            out.append(f"{where}: alternate link is not absolute")
    if len(set(entry_ids)) != len(entry_ids):
        out.append("entry ids are not unique")
    return out


def test_every_feed_is_well_formed_atom(site):
    paths = feeds(site)
    assert "feeds/all.atom" in paths
    problems = []
    for path in paths:
        try:
            root = ET.parse(site.output / path).getroot()
        except ET.ParseError as exc:
            problems.append(f"{path}: not well-formed: {exc}")
            continue
        problems += [f"{path}: {p}" for p in feed_problems(root, site.url(path))]
    assert not problems, "\n".join(problems[:40])


def test_site_feed_lists_dated_releases_only(site):
    root = ET.parse(site.output / "feeds/all.atom").getroot()
    dated = {site.url(p) for p in site.pages() if re.match(r"^releases/\d{4}/[^/]+/$", p)}
    links = [
        link.get("href")
        for entry in root.findall(A + "entry")
        for link in entry.findall(A + "link")
        if link.get("rel") == "alternate"
    ]
    assert len(links) == min(len(dated), FEED_MAX_ITEMS)
    assert set(links) <= dated, "the site feed links pages that are not dated releases"


def announced_feeds(site, path: str) -> list[str]:
    """Absolute URLs of the Atom feeds a page announces with <link rel="alternate">."""
    links = site.soup(path).select('head link[rel~="alternate"][type="application/atom+xml"]')
    return [urljoin(site.url(path), link["href"]) for link in links]


@pytest.mark.parametrize("kind", TERM_KINDS)
def test_term_pages_announce_their_feed(site, kind):
    terms = sorted((site.output / kind).glob("*/index.html"))
    assert terms, f"no {kind} pages"
    for page in terms:
        path = page.relative_to(site.output).parent.as_posix() + "/"
        feed = page.with_name("feed.atom")
        announced = announced_feeds(site, path)
        assert site.url("feeds/all.atom") in announced, path
        if feed.is_file():
            assert site.url(f"{path}feed.atom") in announced, f"{path} does not announce its feed"
        else:
            assert len(announced) == 1, f"{path} announces a feed it does not have"


def test_every_term_feed_is_announced_by_its_page(site):
    for path in feeds(site):
        if path.split("/")[0] in TERM_KINDS:
            page = path[: -len("feed.atom")]
            assert site.url(path) in announced_feeds(site, page), f"{page} hides {path}"


def test_home_announces_the_site_feed(site):
    assert announced_feeds(site, "") == [site.url("feeds/all.atom")]


def test_no_feed_carries_a_date_no_release_has(site):
    """A feed's `updated` is its newest entry's date; every entry's date is its release's date
    as the release page shows it; a feed without entries would need an invented date."""
    problems = []
    for path in feeds(site):
        root = ET.parse(site.output / path).getroot()
        entries = root.findall(A + "entry")
        if not entries:
            problems.append(f"{path}: no entries, so its updated date is invented")
            continue
        dates = []
        for entry in entries:
            link = next(lk for lk in entry.findall(A + "link") if lk.get("rel") == "alternate")
            page = site.soup(link.get("href").removeprefix(site.base_url + "/"))
            time = page.select_one("article.release header time[datetime]")
            published = text_of(entry, "published")[:10]
            if time is None or time["datetime"] != published:
                problems.append(f"{path}: entry dated {published}, its page says {time}")
            dates.append(text_of(entry, "updated"))
        if text_of(root, "updated") != max(dates):
            problems.append(f"{path}: updated {text_of(root, 'updated')}, newest {max(dates)}")
    assert not problems, "\n".join(problems[:20])
