"""The partner network: organizations named together in releases, laid out on a circle.

The archive's publisher is party to every release without being named in it; drawn on the circle
it would be a dot with no line, and the organizations named alone would be isolated dots. It is
the hub instead: in the centre, with a light spoke to every organization.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from .svg import TEXT, esc, num, plural, svg_open

# One colour per organization type, each at least 4.5:1 on white (nodes are graphics and legend).
TYPE_COLOURS = {
    "un-agency": "#1f5f99",
    "intergovernmental": "#6a3d9a",
    "government": "#a6361c",
    "national-institution": "#8a5a00",
    "ngo": "#2b7a3d",
    "private-sector": "#555555",
    "donor": "#b0226b",
}
OTHER_COLOUR = "#333333"
EDGE = "#5b6b80"
SPOKE = "#8896a8"
LABEL_CHARS = 22  # longer labels are cut at a word, so that they fit outside the circle


@dataclass(frozen=True)
class Node:
    """An organization in the network: its key, label, type, count and link."""

    key: str
    label: str
    name: str
    type: str
    type_label: str
    count: int
    href: str

    @property
    def colour(self) -> str:
        """The colour of the node's type."""
        return TYPE_COLOURS.get(self.type, OTHER_COLOUR)


@dataclass(frozen=True)
class Network:
    """The nodes kept, in drawing order, and the weighted links between them."""

    nodes: tuple[Node, ...]
    edges: tuple[tuple[str, str, int], ...]  # (key a, key b, shared releases), a < b
    total_nodes: int  # organizations in the archive before the cap
    total_edges: int  # links among the kept nodes before the edge cap
    hub: Node | None = None  # the publisher, party to every release, drawn in the centre

    @property
    def types(self) -> list[tuple[str, str, str]]:
        """(type, label, colour) of the types drawn, in drawing order (for the legend)."""
        out = []
        for n in ((self.hub,) if self.hub else ()) + self.nodes:
            row = (n.type, n.type_label, n.colour)
            if row not in out:
                out.append(row)
        return out

    def partners_of(self, key: str, limit: int = 5) -> list[tuple[Node, int]]:
        """The strongest links of one node, strongest first."""
        by_key = {n.key: n for n in self.nodes}
        links = [(by_key[b if a == key else a], w) for a, b, w in self.edges if key in (a, b)]
        links.sort(key=lambda nw: (-nw[1], nw[0].label.casefold(), nw[0].key))
        return links[:limit]


def co_occurrence(groups: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    """Number of groups (releases) in which each pair of keys appears together."""
    pairs: Counter[tuple[str, str]] = Counter()
    for group in groups:
        for a, b in combinations(sorted(set(group)), 2):
            pairs[(a, b)] += 1
    return pairs


def build_network(
    nodes: Sequence[Node],
    groups: Iterable[Iterable[str]],
    type_order: Sequence[str],
    max_nodes: int = 60,
    max_edges: int = 150,
    hub: Node | None = None,
) -> Network:
    """Keep the `max_nodes` most named organizations and their strongest `max_edges` links.

    Nodes are ordered by type (in `type_order`), then by count and label, so that the circle shows
    each type as one arc; the same content always gives the same picture. The `hub` (the
    publisher) is left off the circle and its links: it is linked to every organization.
    """
    hub_key = hub.key if hub else None
    others = [n for n in nodes if n.key != hub_key]
    ranked = sorted(others, key=lambda n: (-n.count, n.label.casefold(), n.key))[:max_nodes]
    kept = {n.key for n in ranked}
    rank = {t: i for i, t in enumerate(type_order)}
    ordered = sorted(
        ranked,
        key=lambda n: (rank.get(n.type, len(rank)), n.type, -n.count, n.label.casefold(), n.key),
    )
    pairs = co_occurrence([k for k in group if k in kept] for group in groups)
    edges = sorted(((a, b, w) for (a, b), w in pairs.items()), key=lambda e: (-e[2], e[0], e[1]))
    return Network(tuple(ordered), tuple(edges[:max_edges]), len(others), len(edges), hub)


def circular_layout(count: int, radius: float, cx: float, cy: float) -> list[tuple[float, float]]:
    """Positions of `count` nodes on a circle, clockwise from the top."""
    return [
        (
            cx + radius * math.sin(2 * math.pi * i / count),
            cy - radius * math.cos(2 * math.pi * i / count),
        )
        for i in range(count)
    ]


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """`text`, or its first words within `limit` characters and "…" (cut at a word, so the
    accessible name, which holds the whole name, still contains what is shown)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def accessible_name(node: Node) -> str:
    """What a node's link is called: the label shown first ("EU, European Union (EU): 3
    releases"), so that speech input can use what is on screen."""
    name = node.name if node.name.startswith(node.label) else f"{node.label}, {node.name}"
    return f"{name}: {plural(node.count)}"


def network_svg(network: Network, id_prefix: str = "partner-network") -> str:
    """The network as an SVG string; "" without nodes. The legend is the page's (HTML)."""
    if not network.nodes:
        return ""
    radius, margin = 230, 150
    size = 2 * (radius + margin)
    cx = cy = size / 2
    positions = dict(
        zip(
            (n.key for n in network.nodes),
            circular_layout(len(network.nodes), radius, cx, cy),
            strict=True,
        )
    )
    peak = max(n.count for n in network.nodes)
    top_edge = max((w for _, _, w in network.edges), default=1)
    shown = len(network.nodes)
    hub = network.hub
    desc = (
        f"The {shown} organizations named in the most releases"
        + (f" (of {network.total_nodes})" if network.total_nodes > shown else "")
        + ", around a circle grouped by type; a line joins two organizations named in the same "
        f"release, thicker for more shared releases (at most {top_edge}). "
    )
    if network.total_edges > len(network.edges):
        desc += f"The {len(network.edges)} strongest of {network.total_edges} links are drawn. "
    if hub is not None:
        desc += (
            f"In the centre, {hub.name}, the publisher, party to every release, with a light "
            "line to each organization. "
        )
    desc += "Circle size shows an organization's number of releases."
    out = [
        svg_open(
            id_prefix,
            size,
            size,
            "Network of partner organizations named together in releases",
            desc,
            role="group",
            css_class="view-network",
        ),
    ]
    if hub is not None:
        out.append(f'<g stroke="{SPOKE}" stroke-opacity="0.45" aria-hidden="true">')
        for node in network.nodes:
            x, y = positions[node.key]
            out.append(
                f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(x)}" y2="{num(y)}"'
                f' stroke-width="{num(0.4 + 1.6 * node.count / peak)}"/>'
            )
        out.append("</g>")
    out.append(f'<g fill="none" stroke="{EDGE}" stroke-linecap="round" aria-hidden="true">')
    for a, b, w in reversed(network.edges):  # strongest drawn last, on top
        (x1, y1), (x2, y2) = positions[a], positions[b]
        qx, qy = cx + 0.25 * ((x1 + x2) / 2 - cx), cy + 0.25 * ((y1 + y2) / 2 - cy)
        out.append(
            f'<path d="M{num(x1)} {num(y1)}Q{num(qx)} {num(qy)} {num(x2)} {num(y2)}"'
            f' stroke-width="{num(0.6 + 4.4 * w / top_edge)}"'
            f' stroke-opacity="{num(0.25 + 0.55 * w / top_edge)}"/>'
        )
    out.append("</g>")
    out.append(f'<g font-size="12" fill="{TEXT}">')
    if hub is not None:
        out.append(_hub(hub, cx, cy))
    for i, node in enumerate(network.nodes):
        x, y = positions[node.key]
        r = 3 + 9 * math.sqrt(node.count / peak)
        angle = 360 * i / len(network.nodes) - 90  # 0 = pointing right
        flip = 90 < angle < 270  # left half: turn the text so it reads left to right
        lx = x + (r + 4) * math.cos(math.radians(angle))
        ly = y + (r + 4) * math.sin(math.radians(angle))
        rot = angle + 180 if flip else angle
        anchor = "end" if flip else "start"
        label = accessible_name(node)
        colour = node.colour
        out.append(
            f'<a href="{esc(node.href)}" aria-label="{esc(label)}" data-partner="{esc(node.key)}"'
            f' data-count="{node.count}"><title>{esc(label)}</title>'
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{colour}"'
            ' stroke="#ffffff" stroke-width="1"/>'
            f'<text x="{num(lx)}" y="{num(ly)}" dy="0.35em" text-anchor="{anchor}"'
            f' transform="rotate({num(rot)} {num(lx)} {num(ly)})">'
            f"{esc(short_label(node.label))}</text></a>"
        )
    out.append("</g></svg>")
    return "".join(out)


def _hub(hub: Node, cx: float, cy: float) -> str:
    """The publisher in the centre: a circle with its label under it, a link when it has a page."""
    colour = hub.colour
    shape = (
        f'<circle cx="{num(cx)}" cy="{num(cy)}" r="14" fill="{colour}" stroke="#ffffff"'
        ' stroke-width="2"/>'
        f'<text x="{num(cx)}" y="{num(cy + 30)}" text-anchor="middle" font-size="13"'
        f' font-weight="700">{esc(short_label(hub.label))}</text>'
        f'<text x="{num(cx)}" y="{num(cy + 46)}" text-anchor="middle">publisher</text>'
    )
    label = f"{hub.label} publisher: {hub.name}, party to every release"
    if not hub.href:  # not named in any release: no page to link
        return (
            f'<g data-partner="{esc(hub.key)}" data-hub=""><title>{esc(label)}</title>{shape}</g>'
        )
    return (
        f'<a href="{esc(hub.href)}" aria-label="{esc(label)}" data-partner="{esc(hub.key)}"'
        f' data-hub="" data-count="{hub.count}"><title>{esc(label)}</title>{shape}</a>'
    )
