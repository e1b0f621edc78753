"""Country shapes: TopoJSON decoding, the Equal Earth projection and simplified SVG paths."""

from __future__ import annotations

import csv
import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

import pycountry

WORLD_FILE = "data/countries-110m.json"  # world-atlas 2.0.2, see data/countries-110m.LICENSE.txt
# Shapes without an ISO numeric id in world-atlas, matched by name.
NAMED_CODES = {"Kosovo": "XK"}
DROPPED = {"010"}  # Antarctica: no releases, and half the map's height

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
EQUAL_EARTH_X_MAX = 2.7066299836960748  # x at lon 180°, lat 0°
EQUAL_EARTH_Y_MAX = 1.3173627591574133  # y at lat 90°


@dataclass(frozen=True)
class Shape:
    """One country's outline, projected: ISO alpha-2 code ('' if none), name and SVG path data."""

    code: str
    name: str
    path: str


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection (Šavrič, Patterson, Jenny 2018) of degrees; y grows northwards."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat), undoing quantization and delta encoding."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def geometry_rings(geometry: dict) -> list[list[int]]:
    """Every ring of a Polygon or MultiPolygon geometry, as lists of arc indexes."""
    if geometry.get("type") == "Polygon":
        return list(geometry["arcs"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def stitch(ring: list[int], arcs: list[list]) -> list:
    """The points of a ring made of arcs (a negative index ~i is arc i reversed)."""
    points: list = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop points closer than `tolerance` to the line kept; ends are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = dx * dx + dy * dy
        worst, worst_d = 0, tol2
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / norm))
                ex, ey = x1 + t * dx - px, y1 + t * dy - py
            else:
                ex, ey = x1 - px, y1 - py
            d = ex * ex + ey * ey
            if d > worst_d:
                worst, worst_d = i, d
        if worst:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data of integer rings: absolute move, then relative lines, closed."""
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        out = [f"M{x0} {y0}"]
        px, py = x0, y0
        for x, y in ring[1:]:
            out.append(f"l{x - px} {y - py}")
            px, py = x, y
        parts.append("".join(out).replace(" -", "-") + "z")
    return "".join(parts)


def _alpha2(geometry: dict) -> str:
    name = (geometry.get("properties") or {}).get("name", "")
    if name in NAMED_CODES:
        return NAMED_CODES[name]
    numeric = geometry.get("id")
    country = pycountry.countries.get(numeric=str(numeric).zfill(3)) if numeric else None
    return country.alpha_2 if country else ""


def crosses_antimeridian(points: list[tuple[float, float]]) -> bool:
    """True when a ring (lon, lat) jumps across the ±180° meridian."""
    return any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:], strict=False))


def _clip(points: list, limit: float, keep_below: bool) -> list:
    """Sutherland-Hodgman clip of a closed ring against the meridian `lon = limit`."""

    def inside(p) -> bool:
        return p[0] <= limit if keep_below else p[0] >= limit

    out = []
    for i, cur in enumerate(points):
        prev = points[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(_cut(prev, cur, limit))
            out.append(cur)
        elif inside(prev):
            out.append(_cut(prev, cur, limit))
    return out


def _cut(a, b, limit: float) -> tuple[float, float]:
    t = (limit - a[0]) / (b[0] - a[0])
    return limit, a[1] + t * (b[1] - a[1])


def split_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring crossing ±180° as rings on each side of it (Fiji, Chukotka)."""
    unwrapped = [points[0]]
    offset = 0.0
    for prev, cur in zip(points, points[1:], strict=False):
        if cur[0] - prev[0] > 180:
            offset -= 360
        elif cur[0] - prev[0] < -180:
            offset += 360
        unwrapped.append((cur[0] + offset, cur[1]))
    low, high = min(p[0] for p in unwrapped), max(p[0] for p in unwrapped)
    if high > 180:
        shifted = [(x - 360, y) for x, y in unwrapped]
        pieces = [_clip(unwrapped, 180, True), _clip(shifted, -180, False)]
    elif low < -180:
        shifted = [(x + 360, y) for x, y in unwrapped]
        pieces = [_clip(unwrapped, -180, False), _clip(shifted, 180, True)]
    else:
        pieces = [unwrapped]
    return [piece for piece in pieces if len(piece) >= 3]


def project_world(topology: dict, width: int, tolerance: float = 0.6) -> tuple[list[Shape], int]:
    """Shapes projected with Equal Earth onto `width` pixels, simplified; (shapes, height)."""
    _, y_south = equal_earth(0, -58)  # Antarctica dropped: the map ends south of Cape Horn
    scale = width / (2 * EQUAL_EARTH_X_MAX)
    height = math.ceil((EQUAL_EARTH_Y_MAX - y_south) * scale)
    raw = decode_arcs(topology)
    # per arc: shared borders stay shared after simplification
    arcs = [
        simplify([project_point(lon, lat, width) for lon, lat in arc], tolerance) for arc in raw
    ]
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if str(geometry.get("id")) in DROPPED:
            continue
        projected_rings = []
        for ring in geometry_rings(geometry):
            lonlat = stitch(ring, raw)
            if crosses_antimeridian(lonlat):
                for piece in split_antimeridian(lonlat):
                    line = [project_point(lon, lat, width) for lon, lat in piece]
                    projected_rings.append(simplify(line + line[:1], tolerance))
            else:
                projected_rings.append(stitch(ring, arcs))
        rings = []
        for ring_points in projected_rings:
            points: list[tuple[int, int]] = []
            for x, y in ring_points:
                p = (round(x), round(y))
                if not points or p != points[-1]:
                    points.append(p)
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(set(points)) >= 3:
                rings.append(points)
        if rings:
            name = (geometry.get("properties") or {}).get("name", "")
            shapes.append(Shape(_alpha2(geometry), name, path_data(rings)))
    shapes.sort(key=lambda s: (s.code or "~", s.name))
    return shapes, height


def frame_path(width: int, height: int, steps: int = 36) -> str:
    """Outline of the map: the ±180° meridians from 58° S to the pole, projected."""
    lats = [-58 + (90 + 58) * i / steps for i in range(steps + 1)]
    east = [project_point(180, lat, width) for lat in lats]
    west = [project_point(-180, lat, width) for lat in reversed(lats)]
    points = [(round(x, 1), round(min(y, height), 1)) for x, y in east + west]
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z"


@functools.lru_cache(maxsize=4)
def world_shapes(width: int = 960) -> tuple[tuple[Shape, ...], int]:
    """The packaged world's country shapes at this width (read and projected once per process)."""
    text = resources.files("newsarchive").joinpath(WORLD_FILE).read_text(encoding="utf-8")
    shapes, height = project_world(json.loads(text), width)
    return tuple(shapes), height


POINTS_FILE = "data/small-countries.csv"  # GeoNames places for countries too small to draw


@functools.lru_cache(maxsize=4)
def small_country_points(width: int = 960) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> projected (x, y) of countries too small for the shapes."""
    text = resources.files("newsarchive").joinpath(POINTS_FILE).read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["code"]: project_point(float(r["lon"]), float(r["lat"]), width) for r in rows}


def project_point(lon: float, lat: float, width: int) -> tuple[float, float]:
    """Map pixel (x, y) of a point, on the same frame as `project_world`."""
    scale = width / (2 * EQUAL_EARTH_X_MAX)
    x, y = equal_earth(lon, lat)
    return (x + EQUAL_EARTH_X_MAX) * scale, (EQUAL_EARTH_Y_MAX - y) * scale
