"""The share images (og:image): valid PNG, the same bytes for the same input, text that fits."""

from __future__ import annotations

import struct
import zlib

from newsarchive.sdgs import all_goals
from newsarchive.share_image import (
    HEIGHT,
    WIDTH,
    _text,
    archive_image,
    goal_image,
    wrap,
)


def pixels(png: bytes) -> list[bytes]:
    """Rows of RGB bytes of an 8-bit RGB PNG with one IDAT chunk and unfiltered rows."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (depth, colour) == (8, 2)
    start = png.index(b"IDAT") + 4
    size = struct.unpack(">I", png[start - 8 : start - 4])[0]
    raw = zlib.decompress(png[start : start + size])
    stride = 1 + 3 * width
    assert len(raw) == stride * height
    assert all(raw[y * stride] == 0 for y in range(height))  # filter type None on every row
    return [raw[y * stride + 1 : (y + 1) * stride] for y in range(height)]


def test_archive_image_is_a_png_of_the_sharing_size_with_goal_bands():
    colours = [g.colour for g in all_goals()]
    png = archive_image("Partnership News Archive", "A tagline", "#0b4f8a", colours)
    rows = pixels(png)
    assert (len(rows), len(rows[0]) // 3) == (HEIGHT, WIDTH)
    assert rows[10][:3] == bytes.fromhex("0b4f8a")  # the background
    assert rows[-1][:3] == bytes.fromhex(colours[0][1:])  # the first goal's band at the foot
    assert bytes.fromhex("ffffff") in rows[120]  # the name, in white


def test_same_input_same_bytes_and_each_goal_its_own():
    goal = all_goals()[15]
    first = goal_image(16, goal.title, goal.colour, goal.text_colour, "Archive")
    assert first == goal_image(16, goal.title, goal.colour, goal.text_colour, "Archive")
    other = all_goals()[4]
    assert first != goal_image(5, other.title, other.colour, other.text_colour, "Archive")


def test_text_is_drawable_and_fits():
    assert _text("Côte d'Ivoire & Türkiye — 国际") == "COTE D'IVOIRE & TURKIYE" + " " * 5
    for goal in all_goals():
        lines = wrap(goal.title, 24)
        assert len(lines) <= 3, goal.title
        assert all(80 + 6 * 7 * len(line) <= WIDTH for line in lines), goal.title
    assert wrap("one two three", 7) == ["one two", "three"]
