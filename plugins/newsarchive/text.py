"""Small text helpers shared by the content model, the importer and the checks."""

from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

_NON_WORD = re.compile(r"[^0-9a-z]+")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # what a URL slug may be
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def xml_chars(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (control characters other than tab and
    line breaks): one such character in a title would make a whole feed unreadable."""
    return _NOT_XML.sub("", text)


def _transliterate(run: re.Match) -> str:
    # unidecode maps each character on its own (ASCII to itself): given only the non-ASCII runs,
    # it gives the same text without a Python step per character of a long body
    return unidecode(run.group())


def match_key(value: str) -> str:
    """Key for case- and punctuation-insensitive matching ("U.N.O.D.C." == "unodc")."""
    text = _NON_ASCII.sub(_transliterate, unicodedata.normalize("NFKC", str(value)))
    text = text.lower().replace("&", " and ")
    text = text.replace(".", "").replace("'", "")
    return _NON_WORD.sub(" ", text).strip()


@functools.lru_cache(maxsize=8192)  # country and goal slugs are asked for on every page
def slugify(value: str, max_length: int = 80) -> str:
    """ASCII, lowercase, hyphen-separated slug ("Côte d'Ivoire" -> "cote-divoire")."""
    slug = match_key(value).replace(" ", "-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "untitled"


def shorten(text: str, limit: int = 60) -> str:
    """`text`, or its first `limit` - 3 characters and "..." when it is longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def quote(value, limit: int = 60) -> str:
    """A content value quoted for a message (repr), cut to about `limit` characters."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit]) + "…"
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
