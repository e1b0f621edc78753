"""The indexed fields, and text as the index and lunr.js both see it: folding, words, and
lunr.js's Porter stemmer.

The index is built here in Python and queried in the browser by lunr.js 2.3.9, so every step must
give what the browser gives: `fold` is the folding search-core.js applies to queries, words are
split where lunr.js's query lexer splits them, and `stem` is lunr.js's own stemmer (lunr.py's
differs: it stems "survey" to "survei" where lunr.js keeps "survey", so such words could never be
found). The tests compare `stem` with lunr.js in Node on the whole benchmark vocabulary.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from lunr.stop_word_filter import WORDS as STOP_WORDS

# (field, boost): `partner` holds partners and funders (slug, acronym, name, aliases), so
# `partner:unodc` and "United Nations Office on Drugs and Crime" both find UNODC's releases.
FIELDS: tuple[tuple[str, int], ...] = (
    ("title", 10),
    ("summary", 3),
    ("body", 1),
    ("partner", 5),
    ("country", 3),
    ("sdg", 2),
    ("dateline", 2),
    ("year", 1),
)


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NOT_WORD = re.compile(r"[^\w -]+")  # letters and digits stay; hyphens split words later
# lunr.js splits query words on JavaScript's \s and hyphens; folded text has only spaces left
WORD_SEPARATORS = re.compile(r"[ -]+")


@functools.lru_cache(maxsize=1)
def _marks() -> re.Pattern:
    """Every Unicode mark (categories Mn, Mc, Me), as JavaScript's /\\p{M}/u."""
    ranges, start, previous = [], None, 0
    # marks are assigned in planes 0 and 1 and among plane 14's variation selectors only
    for code in itertools.chain(range(0x20000), range(0xE0000, 0xE1000), [None]):
        is_mark = code is not None and unicodedata.category(chr(code))[0] == "M"
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = None
        previous = code
    return re.compile(f"[{''.join(ranges)}]+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _unmarked(run: re.Match) -> str:
    # NFKD decomposes and reorders within a run of marks and letters; ASCII never changes
    return _marks().sub("", unicodedata.normalize("NFKD", run.group()))


def fold(text: str) -> str:
    """Text as both sides of the search see it: accents dropped, punctuation made spaces.

    search-core.js folds queries the same way: NFKD, marks dropped, possessive 's cut, anything
    but letters, digits, whitespace and hyphens replaced by a space (whitespace is made a plain
    space here, which lunr.js's lexer splits on as it splits on any whitespace).
    """
    if not text.isascii():  # decomposed and stripped a run of non-ASCII characters at a time
        text = _NON_ASCII.sub(_unmarked, text)
    return _NOT_WORD.sub(" ", _POSSESSIVE.sub("", text)).replace("_", " ")


def words(folded: str) -> list[str]:
    """The lowercased words of folded text, as lunr's tokenizer makes them (empty ones dropped)."""
    return [w for w in WORD_SEPARATORS.split(folded.lower()) if w]


# lunr.js 2.3.9's Porter stemmer (lunr.stemmer), statement for statement.
_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}
_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
# JavaScript's "." matches any code unit but line terminators; words hold none of those.
_MGR0 = re.compile(f"^({_C})?{_V}{_C}", re.S)
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$", re.S)
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}", re.S)
_S_V = re.compile(f"^({_C})?{_v}", re.S)
_1A = re.compile(r"^(.+?)(ss|i)es$", re.S)
_1A2 = re.compile(r"^(.+?)([^s])s$", re.S)
_1B = re.compile(r"^(.+?)eed$", re.S)
_1B2 = re.compile(r"^(.+?)(ed|ing)$", re.S)
_LAST = re.compile(r".$", re.S)
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$", re.S)
_1C = re.compile(r"^(.+?[^aeiou])y$", re.S)
_2 = re.compile(f"^(.+?)({'|'.join(_STEP2)})$", re.S)
_3 = re.compile(f"^(.+?)({'|'.join(_STEP3)})$", re.S)
_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$", re.S
)
_4B = re.compile(r"^(.+?)(s|t)(ion)$", re.S)
_5 = re.compile(r"^(.+?)e$", re.S)
_5_LL = re.compile(r"ll$")


def _porter(w: str) -> str:
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    # Step 1a
    if m := _1A.search(w):
        w = m.group(1) + m.group(2)
    elif m := _1A2.search(w):
        w = m.group(1) + m.group(2)
    # Step 1b
    if m := _1B.search(w):
        if _MGR0.search(m.group(1)):
            w = _LAST.sub("", w, count=1)
    elif m := _1B2.search(w):
        stem = m.group(1)
        if _S_V.search(stem):
            w = stem
            if _1B_AT.search(w):
                w += "e"
            elif _1B_DOUBLE.search(w):
                w = _LAST.sub("", w, count=1)
            elif _CVC.search(w):
                w += "e"
    # Step 1c
    if m := _1C.search(w):
        w = m.group(1) + "i"
    # Step 2
    if (m := _2.search(w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP2[m.group(2)]
    # Step 3
    if (m := _3.search(w)) and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP3[m.group(2)]
    # Step 4
    if m := _4.search(w):
        if _MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := _4B.search(w):
        stem = m.group(1) + m.group(2)
        if _MGR1.search(stem):
            w = stem
    # Step 5
    if m := _5.search(w):
        stem = m.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if _5_LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)
    if first == "y":
        w = "y" + w[1:]
    return w


def _to_utf16_units(text: str) -> str:
    """`text` as JavaScript sees it: one character per UTF-16 code unit (surrogates apart)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def _from_utf16_units(units: str) -> str:
    data = b"".join(ord(u).to_bytes(2, "little") for u in units)
    return data.decode("utf-16-le", "surrogatepass")


def stem(word: str) -> str:
    """lunr.js's stem of a lowercased word (outside the Basic Multilingual Plane too, where
    JavaScript counts and matches UTF-16 code units)."""
    if word.isascii() or max(word) <= "\uffff":
        return _porter(word)
    return _from_utf16_units(_porter(_to_utf16_units(word)))


class Analyzer:
    """Words to index terms as lunr's pipeline makes them (trimmer, stop words, stemmer), each
    distinct word worked out once. Folded words are already trimmed (only letters and digits)."""

    def __init__(self) -> None:
        self.terms: dict[str, str | None] = {}  # word -> term, for the words seen so far

    def term(self, word: str) -> str | None:
        """The index term of a lowercased folded word, or None for a stop word."""
        try:
            return self.terms[word]
        except KeyError:
            found = None if word in STOP_WORDS else stem(word)
            self.terms[word] = found
            return found
