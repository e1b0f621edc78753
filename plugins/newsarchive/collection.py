"""Ordering and grouping of releases: plain data in, plain data out (no Pelican needed)."""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


@functools.lru_cache(maxsize=65536)
def collation_key(text: str) -> str:
    """Sort key that ignores case and accents: "Réunion" sorts with the R's, "Türkiye" before
    "Turkmenistan"; letters outside Latin keep their order after them."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def release_sort_key(date, title: str, slug: str) -> tuple:
    """Newest first; undated releases after every dated one, by title."""
    if date is None:
        return (1, 0, collation_key(title), slug)
    return (0, -date.toordinal(), collation_key(title), slug)


def sort_releases(items: Iterable[T], record: Callable[[T], Any]) -> list[T]:
    """Items sorted newest first, undated last; `record(item)` gives the Release dataclass."""

    def key(item: T) -> tuple:
        r = record(item)
        return release_sort_key(r.date, r.title, r.path)

    return sorted(items, key=key)


def by_title(items: Iterable[T], record: Callable[[T], Any]) -> list[T]:
    """Items in title order (ignoring case and accents), newest first among equal titles."""

    def key(item: T) -> tuple:
        r = record(item)
        return (collation_key(r.title), *release_sort_key(r.date, "", r.path))

    return sorted(items, key=key)


def neighbours(items: Sequence[T]) -> list[tuple[T | None, T, T | None]]:
    """(previous, item, next) for each item in order; None before the first and after the last."""
    last = len(items) - 1
    return [
        (items[i - 1] if i > 0 else None, item, items[i + 1] if i < last else None)
        for i, item in enumerate(items)
    ]


def group_by(
    items: Sequence[T], keys_of: Callable[[T], Iterable[tuple[str, str]]]
) -> dict[str, list[tuple[T, str]]]:
    """One pass: term key -> [(item, role)], items kept in their given order, each once per term."""
    groups: dict[str, list[tuple[T, str]]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for index, item in enumerate(items):
        for term, role in keys_of(item):
            if (term, index) in seen:
                continue
            seen.add((term, index))
            groups[term].append((item, role))
    return dict(groups)


def years_of(items: Sequence[T], record: Callable[[T], Any]) -> list[tuple[str, list[T]]]:
    """[(year or "undated", items)], newest year first, undated last."""
    groups = group_by(items, lambda it: [(record(it).folder, "")])
    order = sorted((y for y in groups if y != "undated"), reverse=True)
    if "undated" in groups:
        order.append("undated")
    return [(y, [it for it, _ in groups[y]]) for y in order]


def related_items(
    items: Sequence[T], record: Callable[[T], Any], limit: int = 4, window: int = 2
) -> list[list[T]]:
    """For each item (newest first), up to `limit` others sharing the most partners (3 points
    each), countries (2) and goals (1), nearest in the list first among equals.

    Candidates are the `window` items on each side in the list of each of its partners, countries
    and goals (the nearest in time), so the work grows with the archive, not with its square.
    """
    orgs, places, goals = [], [], []
    postings: dict[tuple[str, object], list[int]] = defaultdict(list)
    spots: list[list[tuple[list[int], int]]] = []  # per item: (posting, its position there)
    for i, item in enumerate(items):
        r = record(item)
        o = frozenset(x.slug for x in r.partners + r.funders)
        c = frozenset(x.code for x in r.countries)
        g = frozenset(x.number for x in r.sdgs)
        orgs.append(o)
        places.append(c)
        goals.append(g)
        mine = []
        for term in [("o", x) for x in o] + [("c", x) for x in c] + [("g", x) for x in g]:
            posting = postings[term]
            mine.append((posting, len(posting)))
            posting.append(i)
        spots.append(mine)
    out: list[list[T]] = []
    for i in range(len(items)):
        candidates: set[int] = set()
        for posting, k in spots[i]:
            candidates.update(posting[max(0, k - window) : k + window + 1])
        candidates.discard(i)
        o, c, g = orgs[i], places[i], goals[i]
        scored = sorted(
            (
                -(3 * len(o & orgs[j]) + 2 * len(c & places[j]) + len(g & goals[j])),
                abs(i - j),
                j,
            )
            for j in candidates
        )
        out.append([items[j] for _, _, j in scored[:limit]])
    return out
