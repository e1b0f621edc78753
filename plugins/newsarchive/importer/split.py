"""Release boundaries: where each release in a source starts (its headline) and ends."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import find_dateline, is_date_line
from .lines import (
    CONTACT_HEADER,
    END_MARK,
    FOOTER,
    is_boilerplate,
    is_byline,
    is_caption,
    is_headline_candidate,
    is_prose,
    is_title_like,
    strip_heading,
    words,
)

MAX_SKIPPED = 3
MIN_PREAMBLE_PROSE = 2


@dataclass
class Segment:
    """The lines of one release; title is None when the source gives no headline."""

    title: str | None
    lines: list[str]


def _skippable(line: str) -> bool:
    """Lines allowed between a headline and its first paragraph (captions, dates, bylines)."""
    return is_caption(line) or is_date_line(line) or is_boilerplate(line) or is_byline(line)


def is_standfirst(line: str) -> bool:
    """A subtitle under a page's <h1>: a sentence-like line too short or unpunctuated for prose."""
    return not line.startswith("#") and 5 <= len(words(line)) <= 40 and not _is_close(line)


def lead_after(lines: list[str], i: int) -> int | None:
    """Index of the paragraph a headline at i leads into, if one follows closely; an <h1> may
    have a standfirst between them."""
    skipped = 0
    standfirst = lines[i].startswith("# ")
    for k in range(i + 1, len(lines)):
        line = lines[k]
        if not line:
            continue
        if is_prose(line) or (len(words(line)) >= 12 and find_dateline(line)):
            return k
        if standfirst and is_standfirst(line):
            standfirst = False
        elif not _skippable(line) or skipped >= MAX_SKIPPED:
            return None
        skipped += 1
    return None


def strength(lines: list[str], i: int, lead: int) -> int:
    """How surely line i is a headline: 3 dateline follows or <h1>, 2 Title Case, 1 otherwise."""
    if lines[i].startswith("# ") or find_dateline(lines[lead]):
        return 3
    return 2 if is_title_like(lines[i]) else 1


def _is_close(line: str) -> bool:
    return bool(CONTACT_HEADER.match(line) or FOOTER.match(line) or END_MARK.match(line))


def headlines(lines: list[str]) -> list[int]:
    """Indices of the lines that start a release."""
    starts: list[int] = []
    closed = True
    prose_before = 0
    skip_to = 0  # lines between an accepted headline and its lead cannot start a release
    for i, line in enumerate(lines):
        if not line or i < skip_to:
            continue
        if _is_close(line):
            closed = True
            continue
        if is_headline_candidate(line):
            lead = lead_after(lines, i)
            if lead is not None:
                level = strength(lines, i, lead)
                if level == 3 or (prose_before < MIN_PREAMBLE_PROSE if not starts else closed):
                    starts.append(i)
                    closed = False
                    skip_to = lead
                    continue
        if not starts and is_prose(line):
            prose_before += 1
    return starts


def split_releases(lines: list[str]) -> tuple[list[str], list[Segment]]:
    """(page lines before the first release, releases) of a source's lines."""
    starts = headlines(lines)
    prose = [line for line in lines[: starts[0] if starts else len(lines)] if is_prose(line)]
    segments: list[Segment] = []
    preamble = lines
    if len(prose) >= MIN_PREAMBLE_PROSE or not starts:
        first = next((k for k, line in enumerate(lines) if is_prose(line)), None)
        end = starts[0] if starts else len(lines)
        if first is not None and first < end:
            segments.append(Segment(None, lines[first:end]))
            preamble = lines[:first]
        else:
            preamble = lines[:end]
    elif starts:
        preamble = lines[: starts[0]]
    bounds = [*starts, len(lines)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        segments.append(Segment(strip_heading(lines[start]), lines[start + 1 : end]))
    return preamble, segments
