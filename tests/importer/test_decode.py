"""Reading sources: encodings, binary, empty and huge files, HTML pages."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsarchive.importer.decode import SourceError, decode_bytes, load_document, looks_binary
from tests.importer.conftest import FIXTURES


def test_utf8_with_bom():
    text, warnings = decode_bytes(codecs.BOM_UTF8 + "Côte d’Ivoire".encode())
    assert text == "Côte d’Ivoire" and warnings == []


def test_cp1252_fallback_warns():
    text, warnings = decode_bytes("Café – Côte".encode("cp1252"))
    assert text == "Café – Côte"
    assert "Windows-1252" in warnings[0]


def test_invalid_utf8_replaced_with_line():
    text, warnings = decode_bytes("Kyiv – ok\nbad ".encode() + b"\xff\n")
    assert text.startswith("Kyiv – ok") and "\ufffd" in text
    assert warnings[0].startswith("line 2:")


def test_declared_charset_is_used():
    data = '<meta charset="windows-1252"><p>Caf\xe9</p>'.encode("latin-1")
    text, _ = decode_bytes(data)
    assert "Café" in text


def test_binary_file_detected():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00IHDR")
    assert not looks_binary("plain text\n".encode("utf-16"))


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(SourceError, match="empty"):
        load_document(path)


def test_huge_file(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Headline\n\n" + b"word " * (4 * 1024 * 1024))
    with pytest.raises(SourceError, match="MB"):
        load_document(path)


def test_unsupported_suffix(tmp_path: Path):
    path = tmp_path / "release.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(SourceError, match=r"\.pdf"):
        load_document(path)


def test_html_with_scripts_keeps_only_visible_text():
    doc = load_document(FIXTURES / "html_with_scripts.html")
    text = "\n".join(doc.lines)
    assert "# Coast Guard and IOM Assist 300 Migrants Rescued at Sea" in doc.lines
    assert "trackingTitle" not in text and "Injected" not in text and "JavaScript" not in text
    assert doc.page_dates == ["2019-06-20T08:30:00Z"]


def test_html_time_tag_and_chrome():
    doc = load_document(FIXTURES / "html_time_tag.html")
    assert "2022-11-30T09:00:00+01:00" in doc.page_dates
    text = "\n".join(doc.lines)
    assert "Photo:" not in text and "Who we are" not in text and "Afghanistan" not in text
    assert "- refer survivors to legal aid;" in doc.lines
