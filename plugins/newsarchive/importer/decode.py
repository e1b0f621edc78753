"""Reading a raw source: bytes, encodings, and HTML or text turned into lines of text."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .document import Document, SourceError, clean_line
from .html import html_document

MAX_BYTES = 10 * 1024 * 1024
MAX_TEXT_CHARS = 2 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", "")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
__all__ = ["Document", "SourceError", "load_document"]


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing missing, unreadable, empty and oversized files."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SourceError("cannot read: not a file; give the path of a .txt or .html file")
        if size > max_bytes:
            raise SourceError(
                f"cannot import: the file is {size / 1048576:.1f} MB, more than the "
                f"{max_bytes // 1048576} MB a source may be; split it into smaller files"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(
            f"cannot read: {exc.strerror or exc}; check the path and permissions"
        ) from None
    if not data.strip():
        raise SourceError("cannot import: the file is empty; copy the release's text into it")
    return data


def looks_binary(data: bytes) -> bool:
    """True when bytes are not text: NUL bytes (outside UTF-16) or many control characters."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML head declares, if it is one Python knows."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _first_bad_utf8(data: bytes) -> tuple[int, int]:
    """(line, byte value) of the first byte that is not valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1, data[exc.start]
    return 0, 0


def _mostly_utf8(data: bytes) -> bool:
    """True when bytes hold UTF-8 sequences (three-byte ones, or more than stray bytes)."""
    sequences = re.findall(
        rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data
    )
    high = len(re.findall(rb"[\x80-\xff]", data))
    stray = high - sum(map(len, sequences))
    return any(len(s) >= 3 for s in sequences) or len(sequences) > stray


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Text of the bytes (BOM, declared charset, UTF-8, then cp1252) and any warnings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                break
    declared = declared_encoding(data)
    for encoding in dict.fromkeys([declared, "utf-8"]):
        if encoding:
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                continue
    line, byte = _first_bad_utf8(data)
    if _mostly_utf8(data):
        warning = (
            f"line {line}: invalid UTF-8 byte 0x{byte:02x} replaced by '\ufffd'; "
            "check the text there"
        )
        return data.decode("utf-8", errors="replace"), [warning]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceError(
            f"cannot decode: line {line} has byte 0x{byte:02x}, which is neither UTF-8 nor "
            "Windows-1252; save the file as UTF-8"
        ) from None
    return text, [f"not UTF-8 (line {line}): read as Windows-1252; check accented letters"]


def text_lines(text: str) -> list[str]:
    """Lines of a plain-text source, cleaned, blank lines kept as ''."""
    return [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def is_html(path: Path, text: str) -> bool:
    """True for .html/.htm files and for text that starts like an HTML page."""
    return path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:2048]))


def load_document(path: Path) -> Document:
    """Read, decode and split one source into lines; raises SourceError with a fix."""
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise SourceError(
            f"cannot import {suffix} files; save the release as .txt (text) or .html (web page)"
        )
    data = read_bytes(path)
    if looks_binary(data):
        raise SourceError(
            "cannot import: this is a binary file, not text or HTML; "
            "copy the release's text into a .txt file"
        )
    text, warnings = decode_bytes(data)
    if is_html(path, text):
        doc = html_document(text)
    else:
        doc = Document(text_lines(text))
    doc.warnings = warnings + doc.warnings
    if sum(len(line) for line in doc.lines) > MAX_TEXT_CHARS:
        raise SourceError(
            f"cannot import: more than {MAX_TEXT_CHARS // 1048576} MB of text, far more than "
            "press releases hold; split the file into smaller ones"
        )
    if not any(doc.lines):
        raise SourceError("cannot import: the file holds no text; check it is a press release")
    return doc
