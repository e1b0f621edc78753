"""Release boundaries: where each release in a source starts (its headline) and ends.

A page may hold one release, an IOM media update of several, a listing (date, headline,
teaser, "Read more", pager) or a numbered digest: every item becomes its own release, and the
date line that stands before each item's headline in a listing goes with that item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import match_key
from .dates import find_dateline, is_date_line
from .lines import (
    CONTACT_HEADER,
    END_MARK,
    FOOTER,
    NUMBERED,
    WIRE_BOILERPLATE,
    headline,
    is_boilerplate,
    is_byline,
    is_caption,
    is_chrome,
    is_headline_candidate,
    is_prose,
    is_tag_list,
    is_title_like,
    strip_heading,
    words,
)

MAX_SKIPPED = 6
MIN_PREAMBLE_PROSE = 2


@dataclass
class Segment:
    """The lines of one release; title is None when the source gives no headline.

    dates are the date lines that stood before the headline (a listing's "Publishing date");
    from_hint is True when the headline is the one the page's own title names.
    """

    title: str | None
    lines: list[str]
    dates: list[str] = field(default_factory=list)
    from_hint: bool = False


def _skippable(line: str) -> bool:
    """Lines allowed between a headline and its first paragraph (captions, dates, bylines,
    standfirsts' chrome: tags, share bars, source credits)."""
    return (
        is_caption(line)
        or is_date_line(line)
        or is_boilerplate(line)
        or is_byline(line)
        or is_chrome(line)
        or is_tag_list(line)
    )


def is_standfirst(line: str) -> bool:
    """A subtitle under a headline: a sentence-like line too short or unpunctuated for prose."""
    return not line.startswith("#") and 5 <= len(words(line)) <= 40 and not _is_close(line)


def lead_after(lines: list[str], i: int, strong: bool = False) -> int | None:
    """Index of the paragraph a headline at i leads into, if one follows closely; a strong
    headline (a heading, the page's own title) may have a standfirst between them."""
    skipped = 0
    standfirst = strong or lines[i].startswith(("# ", "## "))
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


def strength(lines: list[str], i: int, lead: int, hinted: bool) -> int:
    """How surely line i is a headline: 3 when the page names it, it is an <h1> or a dateline
    follows; 2 Title Case; 1 otherwise."""
    if hinted or lines[i].startswith("# ") or find_dateline(lines[lead]):
        return 3
    return 2 if is_title_like(lines[i]) else 1


def _is_close(line: str) -> bool:
    return bool(
        CONTACT_HEADER.match(line)
        or FOOTER.match(line)
        or END_MARK.match(line)
        or WIRE_BOILERPLATE.match(line)
    )


def _hinted(line: str, hints: set[str]) -> bool:
    key = match_key(strip_heading(line))
    return bool(key) and key in hints


def headlines(lines: list[str], hints: set[str] | None = None) -> list[int]:
    """Indices of the lines that start a release; hints are the match keys of the titles the
    page gives itself (og:title, <title>, <h1>)."""
    hints = hints or set()
    starts: list[int] = []
    closed = True
    prose_before = 0
    skip_to = 0  # lines between an accepted headline and its lead cannot start a release
    number = 0
    for i, line in enumerate(lines):
        if not line or i < skip_to:
            continue
        if _is_close(line):
            closed = True
            continue
        hinted = _hinted(line, hints)
        if is_headline_candidate(line) or hinted:
            lead = lead_after(lines, i, strong=hinted)
            numbered = NUMBERED.match(line)
            in_sequence = bool(numbered and int(numbered[1]) == number + 1)
            if lead is not None:
                level = strength(lines, i, lead, hinted)
                opens = level == 3 or in_sequence
                opens = opens or (prose_before < MIN_PREAMBLE_PROSE if not starts else closed)
                if opens:
                    starts.append(i)
                    closed = False
                    skip_to = lead
                    number = int(numbered[1]) if numbered else 0
                    continue
        if not starts and is_prose(line):
            prose_before += 1
    return starts


def _leading_dates(lines: list[str], end: int) -> int:
    """Index where the run of date lines (and blanks) that ends just before `end` starts."""
    k = end
    while k > 0 and (not lines[k - 1] or is_date_line(lines[k - 1])):
        k -= 1
    while k < end and not lines[k]:
        k += 1
    return k


def split_releases(
    lines: list[str], hints: set[str] | None = None
) -> tuple[list[str], list[Segment]]:
    """(page lines before the first release, releases) of a source's lines."""
    starts = headlines(lines, hints)
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
    # In a listing every item's headline has its own date line before it: those lines go with
    # the item, not with the item before it (nor with the page, for the first one).
    dated = [s for s in starts if _leading_dates(lines, s) < s]
    listing = len(starts) >= 2 and len(dated) == len(starts)
    bounds = [*starts, len(lines)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        stop = _leading_dates(lines, end) if listing and end < len(lines) else end
        before = lines[_leading_dates(lines, start) : start] if listing else []
        segments.append(
            Segment(
                headline(lines[start]),
                lines[start + 1 : stop],
                dates=[line for line in before if line],
                from_hint=_hinted(lines[start], hints or set()),
            )
        )
    if listing and starts:
        preamble = lines[: _leading_dates(lines, starts[0])]
    return preamble, segments
