"""Checks across releases: the same release twice, or two files that publish to one URL."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..problems import Problem
from ..release import Release
from ..text import match_key

LEAD_WORDS = 30
LEAD_CHARS = 320  # of the body, first tried for its opening words (about 45 words)


def opening_words(body: str) -> list[str]:
    """The first words of `match_key(body).split()` (at least LEAD_WORDS when it has them),
    without transliterating the whole body (unidecode on every release's text took 5 s of each
    20,000-release build).

    `match_key` maps each character on its own (NFKC composes only within a letter's combining
    marks), so a prefix of the body gives the same words but for its last one, which the cut may
    have split; the prefix grows until it holds more than LEAD_WORDS + 1 words.
    """
    size = LEAD_CHARS
    while size < len(body):
        words = match_key(body[:size]).split()
        if len(words) > LEAD_WORDS + 1:
            return words[: LEAD_WORDS + 1]
        size *= 4
    return match_key(body).split()


def lead_key(body: str) -> str:
    """The opening words of a release's text, to tell the same release under a new title."""
    words = opening_words(body)
    return " ".join(words[:LEAD_WORDS]) if len(words) >= 8 else ""


def release_url(path: Path, release: Release) -> str:
    """The URL a release publishes to (RELEASE_URL: releases/{folder}/{slug}/)."""
    return f"releases/{release.folder}/{path.stem}/"


def check_duplicates(releases: Sequence[tuple[Path, Release]]) -> list[Problem]:
    """Problems on each later file of a pair: same title and date, same source and title, same
    source and opening text (a release imported again after an editor retitled it), or same
    URL. Releases are compared in path order, one dictionary lookup each."""
    problems: list[Problem] = []
    by_title_date: dict[tuple, Release] = {}
    by_source_title: dict[tuple, Release] = {}
    by_source_lead: dict[tuple, Release] = {}
    by_url: dict[str, Release] = {}
    for path, release in sorted(releases, key=lambda item: item[1].path):
        title = match_key(release.title)
        firsts: dict[str, list[str]] = {}
        if title and release.date:
            first = by_title_date.setdefault((title, release.date), release)
            if first is not release:
                firsts.setdefault(first.path, []).append("title and date")
        if title and release.source:
            first = by_source_title.setdefault((release.source, title), release)
            if first is not release:
                firsts.setdefault(first.path, []).append("source and title")
        lead = lead_key(release.body) if release.source else ""
        if lead:
            first = by_source_lead.setdefault((release.source, lead), release)
            if first is not release and first.path not in firsts:
                firsts.setdefault(first.path, []).append("source and text")
        for other, reasons in firsts.items():
            what = "source, title and date" if len(reasons) == 2 else reasons[0]
            problems.append(
                Problem(
                    release.path,
                    release.lines.get("title", 1),
                    "error",
                    f"duplicate release: same {what} as {other}; delete one file or merge the two",
                )
            )
        url = release_url(path, release)
        first = by_url.setdefault(url, release)
        if first is not release:
            problems.append(
                Problem(
                    release.path,
                    1,
                    "error",
                    f"publishes to the same URL /{url} as {first.path}; rename one of the files",
                )
            )
    return problems
