"""Small extractors over a release's lines: sections, SDGs, summary, provisional title, Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..sdgs import all_goals
from ..text import match_key
from .dates import is_date_line, is_labelled_date_line
from .lines import (
    BULLET,
    CONTACT_HEADER,
    END_MARK,
    FOOTER,
    ITEM_END,
    WIRE_BOILERPLATE,
    drop_country_lists,
    is_boilerplate,
    is_byline,
    is_caption,
    is_chrome,
    is_prose,
    is_tag_list,
    is_title_like,
    words,
)
from .orgs import sentences

SDG_LINE = re.compile(r"^(?:[-•]\s*)?(?:SDG|Goal)\s*#?\s*(\d{1,2})\b", re.I)
SDG_INLINE = re.compile(
    r"\b(?:SDGs?|(?:Sustainable Development|Global) Goals?)\s*#?\s*"
    r"(\d{1,2}(?:\s*(?:,\s*and|,|and|&)\s*\d{1,2}\b)*)(?!\.?\d)"
)
# A target counts for its goal: "SDG Target 8.7", "target 10.7", "targets 5.2 and 16.2".
SDG_TARGET = re.compile(
    r"\b(?:SDG\s+)?[Tt]argets?\s+((?:\d{1,2}\.(?:\d{1,2}|[a-c])\b(?:\s*(?:,|and|&)\s*)?)+)"
    r"(?!\s*(?:%|per ?cent))"
)
MARKUP_PREFIX = re.compile(r"^(?:#{1,6} |- |> )?")
SUMMARY_CHARS = 280
TITLE_WORDS = 14


@dataclass
class Sections:
    """A release's lines sorted out: body, contact block, stated SDGs and header date lines."""

    body: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def sdg_numbers(line: str) -> list[int]:
    """SDG numbers a line states ("SDG 16 - Peace...", "SDGs 5 and 16", "target 8.7")."""
    found = [int(n) for m in SDG_INLINE.finditer(line) for n in re.findall(r"\d+", m[1])]
    found += [int(t) for m in SDG_TARGET.finditer(line) for t in re.findall(r"(\d+)\.", m[1])]
    m = SDG_LINE.match(line)
    if m:
        found.insert(0, int(m[1]))
    return [n for n in dict.fromkeys(found) if 1 <= n <= 17]


def goal_by_title(line: str) -> int | None:
    """The number of the goal whose title a line is ("Reduced Inequalities" -> 10)."""
    key = match_key(line)
    return next((g.number for g in all_goals() if match_key(g.title) == key), None)


def split_sections(lines: list[str]) -> Sections:
    """Sort a release's lines into body, contacts, SDGs and date lines; drop chrome, captions,
    bylines and share bars (a share bar above the text does not end the release)."""
    out = Sections()
    mode = "body"
    started = False  # a paragraph of running text has been read
    signed = -9  # where a wire signed off: its time stamp follows ("EFE" ... "06/06/2023 14:22")
    for index, line in enumerate(lines):
        if not line:
            if mode == "body":
                out.body.append("")
            continue
        out.sdgs += sdg_numbers(line)
        if SDG_LINE.match(line):
            continue
        if mode == "sdgs" and goal_by_title(line):
            out.sdgs.append(goal_by_title(line))
            continue
        if mode == "body" and (is_labelled_date_line(line) or (is_date_line(line) and not started)):
            out.dates.append(line)
            continue
        if mode == "footer" and index - signed <= 4 and is_date_line(line):
            out.dates.append(line)
        signed = index if started and WIRE_BOILERPLATE.match(line) else signed
        if FOOTER.match(line) or END_MARK.match(line) or ITEM_END.match(line):
            if re.search(r"\bsdgs?\b|development goals?", line, re.I):
                mode = "sdgs"
            elif started or mode != "body":
                mode = "footer"
            continue
        if CONTACT_HEADER.match(line):
            mode = "contact"
        if mode == "contact":
            out.contacts.append(line)
        elif mode == "body" and not (is_caption(line) or is_boilerplate(line) or is_chrome(line)):
            if not started and (is_byline(line) or is_tag_list(line)):
                continue
            out.body.append(line)
            started = started or (is_prose(line) and not line.startswith("#"))
    out.body = drop_country_lists(out.body)
    out.sdgs = sorted(set(out.sdgs))
    return out


def lead_paragraph(body: list[str]) -> str:
    """The release's first paragraph of running text."""
    return next((line for line in body if is_prose(line, 8)), next((b for b in body if b), ""))


def summarize(text: str) -> str:
    """The first sentence of a text, with the second when the first is short."""
    parts = sentences(text.strip())
    if not parts:
        return ""
    summary = parts[0]
    if len(summary) < 100 and len(parts) > 1 and len(summary) + len(parts[1]) < SUMMARY_CHARS * 1.5:
        summary = f"{summary} {parts[1]}"
    return summary.strip()


def provisional_title(text: str) -> str:
    """A short title made from a text's first sentence, for an editor to rewrite."""
    first = sentences(text.strip())[0] if text.strip() else ""
    first = re.sub(r"\s*\([^)]*\)", "", first).strip().rstrip(".!?")
    ws = first.split()
    if len(ws) <= TITLE_WORDS:
        return first
    cut = " ".join(ws[:TITLE_WORDS]).rstrip(",;:")
    comma = cut.find(",", len(" ".join(ws[:6])))
    return (cut[:comma] if comma > 0 else cut) + "…"


def _subheading(line: str, index: int) -> bool:
    text = line.strip("'\"‘’“”")
    return (
        index > 0
        and len(words(text)) <= 15
        and not text.endswith((".", ",", ";", ":"))
        and (is_title_like(text) or line[:1] in "'\"‘“")
    )


def to_markdown(lines: list[str], title: str = "") -> str:
    """Body lines as Markdown: paragraphs, lists, quotes and subheadings kept, a repeat of the
    headline dropped, and every character that Markdown would read as markup escaped."""
    blocks: list[str] = []
    previous = ""
    repeat = match_key(title)
    kept = [line for line in lines if line and not (repeat and match_key(line) == repeat)]
    for index, line in enumerate(kept):
        if line.startswith("# "):
            line = "#" + line
        elif BULLET.match(line) and not line.startswith("- "):
            line = "- " + BULLET.sub("", line)
        elif not line.startswith(("## ", "- ", "> ")) and _subheading(line, index):
            line = "## " + line.strip("'\"‘’“”")
        same_list = line[:2] in ("- ", "> ") and previous[:2] == line[:2]
        prefix = MARKUP_PREFIX.match(line)
        text = line[: prefix.end()] + escape_text(line[prefix.end() :]) if prefix else line
        blocks.append(("\n" if same_list else "\n\n") + text if blocks else text)
        previous = line
    return "".join(blocks).strip() + "\n"


def escape_text(text: str) -> str:
    """Text that Markdown shows as written: "<script>" and "&lt;" stay visible characters,
    "[x](javascript:...)" never becomes a link, a backslash stays a backslash."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;")
    return re.sub(r"([\[\]`])", r"\\\1", text)
