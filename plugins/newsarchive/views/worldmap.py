"""The world map: countries shaded by their number of releases, each linked to its page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .geo import Shape, frame_path, small_country_points, world_shapes
from .svg import TEXT, esc, num, plural, svg_open

# Viridis, light to dark: more releases, darker; colour-blind safe, distinct in lightness.
PALETTE = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
NO_DATA = "#e8e8e8"
SEA = "#f5f8fb"
BORDER = "#767676"  # 4.5:1 on white: every outline stands out from the background


@dataclass(frozen=True)
class MapEntry:
    """A country with releases: code, name, region, count and the link to its page."""

    code: str
    name: str
    region: str
    count: int
    href: str


def class_breaks(max_count: int, classes: int = len(PALETTE)) -> list[int]:
    """Lower bounds of the colour classes: one per count up to `classes`, else geometric steps."""
    if max_count <= classes:
        return list(range(1, max(max_count, 1) + 1))
    bounds = [1]
    for i in range(1, classes):
        b = max(round(max_count ** (i / classes)), bounds[-1] + 1)
        if b <= max_count:
            bounds.append(b)
    return bounds


def class_labels(bounds: list[int], max_count: int) -> list[str]:
    """Legend text of each class: "1", "2–3", "40–100"."""
    labels = []
    for i, low in enumerate(bounds):
        high = bounds[i + 1] - 1 if i + 1 < len(bounds) else max_count
        labels.append(f"{low:,}" if high == low else f"{low:,}–{high:,}")
    return labels


def colour_of(count: int, bounds: list[int]) -> str:
    """Fill of a count: the palette spread over the classes, darkest for the top class."""
    if count <= 0:
        return NO_DATA
    index = max(i for i, low in enumerate(bounds) if count >= low)
    if len(bounds) == 1:
        return PALETTE[2]
    return PALETTE[round(index * (len(PALETTE) - 1) / (len(bounds) - 1))]


def _label(entry: MapEntry) -> str:
    return f"{entry.name}: {plural(entry.count)}"


def map_svg(
    entries: Iterable[MapEntry],
    id_prefix: str = "world-map",
    width: int = 960,
    shapes: tuple[tuple[Shape, ...], int] | None = None,
) -> str:
    """The map as an SVG string; countries without a shape at this scale are drawn as dots.

    The legend is the page's (HTML, `legend()`), so that it stays readable on a phone.
    """
    entries = {e.code: e for e in entries if e.count > 0}
    shapes_, map_height = shapes or world_shapes(width)
    points = small_country_points(width)
    max_count = max((e.count for e in entries.values()), default=0)
    bounds = class_breaks(max_count)
    drawn = {s.code for s in shapes_}
    dots = sorted(c for c in entries if c not in drawn and c in points)
    missing = sorted(entries[c].name for c in entries if c not in drawn and c not in points)
    desc = (
        f"{len(entries)} countries and territories where the work happens, shaded from light "
        f"(few releases about them) to dark (most: {max_count})."
    )
    if dots:
        desc += " Countries too small to draw are circles."
    if missing:
        desc += f" Not shown: {', '.join(missing)}."
    out = [
        svg_open(
            id_prefix,
            width,
            map_height,
            "World map of releases by country",
            desc,
            role="group",
            css_class="view-map",
        ),
        f'<path d="{frame_path(width, map_height)}" fill="{SEA}" stroke="#c9d1da"'
        ' aria-hidden="true"/>',
        f'<g stroke="{BORDER}" stroke-width="0.5" stroke-linejoin="round">',
    ]
    for shape in shapes_:
        entry = entries.get(shape.code)
        if entry is None:
            out.append(f'<path d="{shape.path}" fill="{NO_DATA}"/>')
            continue
        out.append(
            f'<a href="{esc(entry.href)}" aria-label="{esc(_label(entry))}"'
            f' data-country="{esc(entry.code)}" data-count="{entry.count}">'
            f"<title>{esc(_label(entry))}</title>"
            f'<path d="{shape.path}" fill="{colour_of(entry.count, bounds)}"/></a>'
        )
    for code in dots:
        entry = entries[code]
        x, y = points[code]
        out.append(
            f'<a href="{esc(entry.href)}" aria-label="{esc(_label(entry))}"'
            f' data-country="{esc(code)}" data-count="{entry.count}">'
            f"<title>{esc(_label(entry))}</title>"
            f'<circle cx="{num(x)}" cy="{num(y)}" r="4.5" stroke="{TEXT}"'
            f' fill="{colour_of(entry.count, bounds)}"/></a>'
        )
    out.append("</g></svg>")
    return "".join(out)


def legend(entries: Iterable[MapEntry]) -> list[tuple[str, str]]:
    """(colour, label) of the map's classes: "No releases", then each range of counts."""
    max_count = max((e.count for e in entries), default=0)
    if not max_count:
        return []
    bounds = class_breaks(max_count)
    return [(NO_DATA, "No releases")] + [
        (colour_of(low, bounds), label)
        for low, label in zip(bounds, class_labels(bounds, max_count), strict=True)
    ]
