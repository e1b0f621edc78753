"""A raw source as the importer reads it: lines of text and what the page says about itself."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


class SourceError(Exception):
    """A source that cannot be imported; the message says what is wrong and how to fix it."""


@dataclass
class Document:
    """A raw source as lines of text, with what the page says about itself: its dates, its
    title (og:title, <title>, <h1>), and who runs the site (site name, masthead, copyright)."""

    lines: list[str]
    is_html: bool = False
    page_dates: list[str] = field(default_factory=list)
    page_title: str = ""
    titles: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def clean_line(line: str) -> str:
    """One line with invisible characters removed and runs of spaces made one."""
    line = unicodedata.normalize("NFC", _INVISIBLE.sub("", line))
    return _SPACES.sub(" ", line).strip()
