"""Atom feed bytes: the fast escaping (xml.sax.saxutils) writes exactly what the character table
wrote before it, and what it writes parses back to the original text."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET

import pytest

from newsarchive.feeds import Feed, FeedEntry, _el, render_atom

ATOM = "{http://www.w3.org/2005/Atom}"
# The escaping the feeds have always had, as one table per context (the reference).
TEXT_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
ATTR_TABLE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#09;",
    }
)
SPECIAL = ["&", "<", ">", '"', "'", "\n", "\r", "\t", "&amp;", "]]>", "é", "ω", " ", "x"]
NASTY = ["".join(p) for n in (1, 2, 3) for p in itertools.product(SPECIAL, repeat=n)]


@pytest.mark.parametrize("chunk", range(0, len(NASTY), 400))
def test_escaping_matches_the_reference_tables(chunk):
    for value in NASTY[chunk : chunk + 400]:
        assert _el("  ", "t", value) == f"  <t>{value.translate(TEXT_TABLE)}</t>\n"
        assert _el("", "t", None, a=value) == f'<t a="{value.translate(ATTR_TABLE)}" />\n'


TRICKY = FeedEntry(
    title='IOM & "UNODC" <sign> MoU',
    url="https://ex.io/a/r/2024/a-b/?x=1&y=2",
    date=dt.date(2024, 7, 2),
    summary="Cairo\tEgypt\r\nline two & <three>",
    content_html='<p class="x">Fish &amp; chips</p>\n<p>]]&gt; done</p>',
    categories=("UNODC", 'Côte d"Ivoire', "SDG 16: Peace & Justice"),
)

EXPECTED = """\
<?xml version='1.0' encoding='utf-8'?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>News &amp; &lt;notes&gt;</title>
  <subtitle>Partners "against" trafficking</subtitle>
  <id>https://ex.io/a/feeds/all.atom</id>
  <link href="https://ex.io/a/feeds/all.atom" rel="self" type="application/atom+xml" />
  <link href="https://ex.io/a/" rel="alternate" type="text/html" />
  <updated>2024-07-02T00:00:00Z</updated>
  <author>
    <name>IOM &amp; partners</name>
  </author>
  <entry>
    <title>IOM &amp; "UNODC" &lt;sign&gt; MoU</title>
    <link href="https://ex.io/a/r/2024/a-b/?x=1&amp;y=2" rel="alternate" type="text/html" />
    <id>tag:ex.io,2024-07-02:/a/r/2024/a-b/</id>
    <published>2024-07-02T00:00:00Z</published>
    <updated>2024-07-02T00:00:00Z</updated>
    <category term="UNODC" />
    <category term="Côte d&quot;Ivoire" />
    <category term="SDG 16: Peace &amp; Justice" />
    <summary>Cairo\tEgypt\r
line two &amp; &lt;three&gt;</summary>
    <content type="html">&lt;p class="x"&gt;Fish &amp;amp; chips&lt;/p&gt;
&lt;p&gt;]]&amp;gt; done&lt;/p&gt;</content>
  </entry>
</feed>
"""


def tricky_feed() -> Feed:
    return Feed(
        title="News & <notes>",
        site_url="https://ex.io/a",
        self_url="https://ex.io/a/feeds/all.atom",
        page_url="https://ex.io/a/",
        author="IOM & partners",
        entries=[TRICKY],
        subtitle='Partners "against" trafficking',
    )


def test_feed_bytes_are_unchanged():
    assert render_atom(tricky_feed()) == EXPECTED.encode("utf-8")


def test_feed_parses_back_to_the_original_text():
    root = ET.fromstring(render_atom(tricky_feed()))
    entry = root.find(f"{ATOM}entry")
    assert root.findtext(f"{ATOM}title") == "News & <notes>"
    assert entry.findtext(f"{ATOM}title") == TRICKY.title
    assert entry.find(f"{ATOM}link").get("href") == TRICKY.url
    assert entry.findtext(f"{ATOM}content") == TRICKY.content_html
    assert entry.findtext(f"{ATOM}summary") == TRICKY.summary.replace("\r\n", "\n")
    terms = [c.get("term") for c in entry.findall(f"{ATOM}category")]
    assert terms == list(TRICKY.categories)
