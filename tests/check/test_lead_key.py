"""The opening words of a release (duplicate check) from a prefix of its body are those of the
whole body, wherever the prefix is cut."""

from __future__ import annotations

import pytest

from newsarchive.checks.duplicates import LEAD_CHARS, LEAD_WORDS, lead_key
from newsarchive.text import match_key

# Pieces whose key depends on their neighbours or whose characters change length: dots removed
# inside abbreviations, a letter followed by combining accents, ligatures and compatibility
# characters NFKC expands, scripts unidecode spells in several letters, "&" spelt out.
TRICKY = [
    "U.N.O.D.C.",
    "Co\u0302te d\u2019Ivoire",
    "e\u0301\u0301le\u0300ve",
    "\ufb01nance",
    "\u2460\u2461",
    "\u5317\u4eac",
    "\u041c\u043e\u0441\u043a\u0432\u0430",
    "IOM & UNHCR",
    "don't",
    "\u1100\u1161\u11a8",
]


def whole_body_key(body: str) -> str:
    words = match_key(body).split()
    return " ".join(words[:LEAD_WORDS]) if len(words) >= 8 else ""


@pytest.mark.parametrize("piece", TRICKY)
@pytest.mark.parametrize("before", range(LEAD_WORDS - 2, LEAD_WORDS + 3))
def test_a_cut_anywhere_in_a_tricky_word_gives_the_whole_bodys_key(piece, before):
    # `before` words, then the tricky word across the end of the first prefix tried, shifted one
    # character at a time, then more words
    for shift in range(len(piece) + 2):
        head = "w " * (before - 1)
        filler = "x" * (LEAD_CHARS - shift - len(head) - 1)
        body = f"{head}{filler} {piece} {piece} " + "tail " * 40
        assert body.index(piece) == LEAD_CHARS - shift
        assert lead_key(body) == whole_body_key(body)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "Too short to compare.",
        " ".join(["ab"] * 7),
        " ".join(["ab"] * 8),
        "a" * 5000 + " then some words " * 10,  # one very long word: the prefix grows
        ". . . " * 400 + " ".join(TRICKY * 5),  # a prefix without words
        " ".join(TRICKY * 20),
    ],
)
def test_short_long_and_wordless_openings(body):
    assert lead_key(body) == whole_body_key(body)


def test_match_key_transliterates_only_non_ascii_runs_as_unidecode_does_whole_text():
    import re
    import unicodedata

    from unidecode import unidecode

    def whole_text(value: str) -> str:
        text = unidecode(unicodedata.normalize("NFKC", value)).lower().replace("&", " and ")
        return re.sub(r"[^0-9a-z]+", " ", text.replace(".", "").replace("'", "")).strip()

    for piece in [*TRICKY, "".join(TRICKY), "ASCII only, U.S. & co.", "Ævar Þór Çağlar Øresund"]:
        for text in (piece, f"x{piece}y", f"{piece} {piece.upper()}"):
            assert match_key(text) == whole_text(text)
