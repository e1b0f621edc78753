"""Ordering and grouping of releases: plain data in, plain data out (no Pelican needed)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def release_sort_key(date, title: str, slug: str) -> tuple:
    """Newest first; undated releases after every dated one, by title."""
    if date is None:
        return (1, 0, title.casefold(), slug)
    return (0, -date.toordinal(), title.casefold(), slug)


def sort_releases(items: Iterable[T], record: Callable[[T], Any]) -> list[T]:
    """Items sorted newest first, undated last; `record(item)` gives the Release dataclass."""

    def key(item: T) -> tuple:
        r = record(item)
        return release_sort_key(r.date, r.title, r.path)

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
