"""The 17 Sustainable Development Goals, with official titles and colours."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from .text import slugify


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Goal:
    """One SDG."""

    number: int
    title: str
    colour: str
    statement: str = ""  # the goal as the General Assembly worded it
    targets: tuple[tuple[str, str], ...] = ()  # (number, text) of targets on this archive's work

    @property
    def slug(self) -> str:
        """URL slug, e.g. "16-peace-justice-and-strong-institutions"."""
        return f"{self.number}-{slugify(self.title)}"

    @property
    def label(self) -> str:
        """ "SDG 16: Peace, Justice and Strong Institutions"."""
        return f"SDG {self.number}: {self.title}"

    @property
    def text_colour(self) -> str:
        """Black or white, whichever contrasts more with the goal's colour."""
        dark, light = "#000000", "#ffffff"
        return (
            dark
            if contrast_ratio(self.colour, dark) >= contrast_ratio(self.colour, light)
            else light
        )


@functools.lru_cache(maxsize=1)
def all_goals() -> tuple[Goal, ...]:
    """The 17 goals in order."""
    text = resources.files("newsarchive").joinpath("data/sdgs.yaml").read_text(encoding="utf-8")
    return tuple(
        Goal(
            int(g["number"]),
            g["title"],
            g["colour"],
            g.get("statement", ""),
            tuple((str(t["number"]), t["text"]) for t in g.get("targets") or ()),
        )
        for g in yaml.safe_load(text)
    )


def get_goal(number: int) -> Goal | None:
    """Goal by number, or None outside 1-17."""
    try:
        n = int(number)
    except (TypeError, ValueError):
        return None
    return all_goals()[n - 1] if 1 <= n <= 17 else None


def goal_stylesheet(goals: tuple[Goal, ...] | None = None) -> bytes:
    """CSS colouring each goal's badges, tiles and heading (`class="sdg-badge sdg-16"`): classes
    rather than style attributes, which the site's Content-Security-Policy refuses."""
    lines = ["/* The goals' colours from data/sdgs.yaml, written by the build */"]
    lines += [
        f".sdg-{g.number} {{ --sdg: {g.colour}; --sdg-text: {g.text_colour}; }}"
        for g in (goals if goals is not None else all_goals())
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
