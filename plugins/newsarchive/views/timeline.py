"""Releases per year as a small bar chart (every year between the first and last one shown)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .svg import MUTED, TEXT, esc, num, plural, svg_open

BAR = "#1f5f99"  # 6.9:1 on white


@dataclass(frozen=True)
class YearCounts:
    """Releases per year from the first to the last dated one (zeros included), and undated."""

    years: tuple[tuple[int, int], ...]
    undated: int

    @property
    def dated(self) -> int:
        """Number of dated releases."""
        return sum(n for _, n in self.years)

    @property
    def total(self) -> int:
        """Number of releases, dated or not."""
        return self.dated + self.undated


def year_counts(dates: Iterable[dt.date | None]) -> YearCounts:
    """Count releases per year; None dates are counted as undated."""
    counts: Counter[int] = Counter()
    undated = 0
    for date in dates:
        if date is None:
            undated += 1
        else:
            counts[date.year] += 1
    if not counts:
        return YearCounts((), undated)
    first, last = min(counts), max(counts)
    return YearCounts(tuple((y, counts.get(y, 0)) for y in range(first, last + 1)), undated)


def _label_step(n_years: int) -> int:
    for step in (1, 2, 5, 10, 20, 50):
        if n_years / step <= 12:
            return step
    return 100


def timeline_svg(
    counts: YearCounts,
    id_prefix: str = "timeline",
    subject: str = "",
    width: int = 600,
    year_href: Callable[[int], str] | None = None,
) -> str:
    """The bar chart as an SVG string; "" when no release is dated.

    With `year_href`, each year with releases is a link (to that year's page, `year_href(year)`).
    """
    if not counts.years:
        return ""
    height, top, bottom, left, right = 150, 14, 24, 34, 8
    slot = min((width - left - right) / len(counts.years), 40.0)  # a few years: narrow bars
    width = max(round(left + right + slot * len(counts.years)), 120)
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(counts.years)
    peak = max(n for _, n in counts.years)
    bar_w = max(1.0, slot * 0.72)
    first, last = counts.years[0][0], counts.years[-1][0]
    busiest = max(counts.years, key=lambda yn: (yn[1], -yn[0]))
    span = str(first) if first == last else f"{first}–{last}"
    title = f"Releases per year{f' naming {subject}' if subject else ''}, {span}"
    desc = (
        f"{plural(counts.dated, 'dated release')} from {first} to {last}; "
        f"most in {busiest[0]} ({busiest[1]})."
    )
    if counts.undated:
        desc += f" {plural(counts.undated, 'release')} without a date not shown."
    if year_href is not None:
        desc += (
            " Select a year for all the archive's releases of that year."
            if subject
            else " Select a year for its releases."
        )
    role = "group" if year_href is not None else "img"
    css_class = "view-timeline wide" if width > 360 else "view-timeline"  # shrinks on a phone
    out = [svg_open(id_prefix, width, height, title, desc, role=role, css_class=css_class)]
    base = top + plot_h
    out.append(
        f'<g aria-hidden="true" font-size="12" fill="{MUTED}">'
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>'
        f'<text x="{left - 6}" y="{base}" text-anchor="end">0</text>'
        f'<line x1="{left}" x2="{width - right}" y1="{top}" y2="{top}" stroke="#d0d0d0"'
        f' stroke-dasharray="3 3"/></g>'
    )
    step = _label_step(len(counts.years))
    labels = []
    for i, (year, n) in enumerate(counts.years):
        x = left + i * slot
        h = plot_h * n / peak
        label = f"{year}: {plural(n)}"
        bar = (
            f'<g data-year="{year}" data-count="{n}"><title>{esc(label)}</title>'
            f'<rect x="{num(x)}" y="{top}" width="{num(slot)}" height="{plot_h}" fill="none"'
            ' pointer-events="all"/>'
            + (
                f'<rect x="{num(x + (slot - bar_w) / 2)}" y="{num(base - h)}" width="{num(bar_w)}"'
                f' height="{num(h)}" fill="{BAR}"/>'
                if n
                else ""
            )
            + "</g>"
        )
        if year_href is not None and n:
            bar = f'<a href="{esc(year_href(year))}" aria-label="{esc(label)}">{bar}</a>'
        out.append(bar)
        if year % step == 0:
            labels.append(
                f'<text x="{num(x + slot / 2)}" y="{height - 6}" text-anchor="middle">{year}</text>'
            )
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="{TEXT}"'
        ' aria-hidden="true"/>'
    )
    out.append(f'<g aria-hidden="true" font-size="12" fill="{TEXT}">{"".join(labels)}</g>')
    out.append("</svg>")
    return "".join(out)
