"""Plain-text sources as converters and mail clients leave them: page headers and footers of a
PDF turned into text, words hyphenated across lines, headlines wrapped over two lines, and
paragraphs hard-wrapped at a fixed width."""

from __future__ import annotations

import re

from .lines import (
    BULLET,
    CONTACT_HEADER,
    EMAIL,
    FOOTER,
    SMALL_WORDS,
    TERMINAL,
    ends_sentence,
    is_title_like,
    words,
)

PAGE_MARK = re.compile(r"\bpage\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}\b|^-?\s*\d{1,3}\s*-?$", re.I)
RUNNING_HEAD = re.compile(r"(?:^\d{1,3}\s+\S|\S\s+\d{1,3}$)")  # a page number at either end
HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])-$")
MAX_HEAD_WORDS = 14
MAX_HEADLINE_WORDS = 30


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Lines without a converted PDF's page footers ("... Page 1 of 2") and the running head
    that opens the next page ("IOM Moldova - Press release - 30.07.2020   2"); a text with no
    "Page N of M" line is left as it is."""
    if not any(re.search(r"\bpage\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}\b", x, re.I) for x in lines):
        return lines
    out: list[str] = []
    after_mark = False
    for line in lines:
        if line and PAGE_MARK.search(line):
            after_mark = True
            continue
        if not line:
            out.append(line)
            continue
        if after_mark and len(words(line)) <= MAX_HEAD_WORDS and RUNNING_HEAD.search(line):
            after_mark = False
            continue
        after_mark = False
        out.append(line)
    return out


def join_hyphenated(lines: list[str]) -> list[str]:
    """Words hyphenated at a line's end joined to their rest ("Interna-" + "tional ...")."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and HYPHENATED.search(out[-1]) and line[:1].islower():
            head, _, rest = line.partition(" ")
            out[-1] = out[-1][:-1] + head
            if rest:
                out.append(rest)
            continue
        out.append(line)
    return out


def _continues_headline(first: str, second: str) -> bool:
    """True when a short unpunctuated line carries on into the next one: both in capitals, or
    the next starting with a small word ("... FOR THE REFERRAL" / "OF VICTIMS OF TRAFFICKING")."""
    if not first or not second or first.endswith(TERMINAL) or first.endswith((":", ";", ",")):
        return False
    if len(words(first)) + len(words(second)) > MAX_HEADLINE_WORDS or len(words(first)) < 3:
        return False
    if not is_title_like(first) or "," in first:
        return False
    if re.fullmatch(r"[\d\s/–-]{4,}", second):  # "... IN PERSONS" / "2023-2027"
        return re.sub(r"[^A-Za-z]", "", first).isupper()
    capitals = all(re.sub(r"[^A-Za-z]", "", x).isupper() for x in (first, second))
    starts_small = words(second)[0].lower() in SMALL_WORDS
    ends_small = words(first)[-1].lower() in SMALL_WORDS
    return (capitals and (starts_small or ends_small)) or (second[:1].islower() and starts_small)


def join_headline_lines(lines: list[str]) -> list[str]:
    """A headline wrapped over two lines made one line."""
    out: list[str] = []
    for i, line in enumerate(lines):
        previous_blank = i < 2 or not lines[i - 2]
        if out and previous_blank and _continues_headline(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
            continue
        out.append(line)
    return out


def tidy_text_lines(lines: list[str]) -> list[str]:
    """A plain-text source's lines without page furniture, hyphenation or wrapped headlines."""
    return join_headline_lines(join_hyphenated(drop_page_furniture(lines)))


def is_wrapped(lines: list[str]) -> bool:
    """True when the text is hard-wrapped: many lines continue mid-sentence on the next."""
    pairs = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if a and b and not ends_sentence(a) and b[:1].islower() and not a.endswith(":")
    )
    return pairs >= 3 and pairs >= 0.1 * sum(1 for line in lines if line)


def _leads_text(lines: list[str], i: int) -> bool:
    """True when the next non-blank line after i starts running text (five words or more)."""
    nxt = next((line for line in lines[i + 1 :] if line), "")
    return len(words(nxt)) >= 5 and not EMAIL.search(nxt)


def continues(previous: str, line: str) -> bool:
    """True when a wrapped line carries on the paragraph of the line before it."""
    if BULLET.match(previous) or len(words(previous)) < 4:
        return False
    return line[:1].islower() or not ends_sentence(previous)


def wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text was wrapped at: the length most of its long lines reach."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def unwrap(lines: list[str]) -> list[str]:
    """Hard-wrapped lines joined into paragraphs; headings, labels and contact blocks kept (a
    line that fills the wrap width and runs on into the next is a paragraph's, however
    capitalized: "... On the World Day against Trafficking in Persons, the National")."""
    out: list[str] = []
    buf: list[str] = []
    raw = False
    full = 0.75 * wrap_width(lines)

    def flush() -> None:
        if buf:
            out.append(" ".join(buf))
            buf.clear()

    for i, line in enumerate(lines):
        if not line:
            flush()
            out.append("")
            continue
        if CONTACT_HEADER.match(line) or FOOTER.match(line):
            flush()
            out.append(line)
            raw = True
            continue
        if raw and not (is_title_like(line) and _leads_text(lines, i)):
            out.append(line)
            continue
        raw = False
        if buf and continues(buf[-1], line):
            buf.append(line)
            continue
        flush()
        runs_on = (
            len(line) >= full
            and len(words(line)) >= 8
            and i + 1 < len(lines)
            and bool(lines[i + 1])
            and ("," in line or words(line)[-1].lower() in SMALL_WORDS or lines[i + 1][0].islower())
        )
        heading = is_title_like(line) and not (runs_on and not ends_sentence(line))
        if heading or line.endswith(":") or BULLET.match(line) or len(words(line)) < 4:
            out.append(line)
        else:
            buf.append(line)
    flush()
    return out
