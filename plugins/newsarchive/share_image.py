"""Share images (og:image) as PNG, drawn with the standard library: the archive's and each SDG's.

Plain data in, bytes out: a flat background, text in a 5x7 pixel font scaled up, colour bands.
The same text and colours always give the same bytes (no timestamps, fixed zlib level).
"""

from __future__ import annotations

import struct
import unicodedata
import zlib
from collections.abc import Sequence

WIDTH, HEIGHT = 1200, 630  # the size sharing previews expect (1.91:1)
DEFAULT_IMAGE = "share/archive.png"


def sdg_image(number: int) -> str:
    """Site path of a goal's share image."""
    return f"share/sdg-{number}.png"


# 5x7 glyphs: seven rows of five pixels per character ("#" = ink).
_GLYPHS = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #...# #...# #...# #...#",
    "N": "#...# ##..# #.#.# #..## #...# #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### ..... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    "-": "..... ..... ..... .###. ..... ..... .....",
    ",": "..... ..... ..... ..... .##.. ..#.. .#...",
    ".": "..... ..... ..... ..... ..... .##.. .##..",
    "'": "..#.. ..#.. .#... ..... ..... ..... .....",
    ":": "..... .##.. .##.. ..... .##.. .##.. .....",
    "&": ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
    " ": "..... ..... ..... ..... ..... ..... .....",
}
_GLYPHS = {k: v.replace(" ", "") for k, v in _GLYPHS.items()}


def _text(value: str) -> str:
    """Text the font can draw: accents dropped, upper case, other characters as spaces."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", value) if not unicodedata.combining(ch)
    )
    return "".join(ch if ch in _GLYPHS else " " for ch in plain.upper())


def _rgb(colour: str) -> bytes:
    value = colour.lstrip("#")
    return bytes(int(value[i : i + 2], 16) for i in (0, 2, 4))


class Canvas:
    """Rows of RGB bytes with rectangle and text drawing."""

    def __init__(self, width: int, height: int, background: str):
        self.width, self.height = width, height
        self.rows = [bytearray(_rgb(background) * width) for _ in range(height)]

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: str) -> None:
        """Fill [x0, x1) x [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 <= x0:
            return
        run = _rgb(colour) * (x1 - x0)
        for y in range(max(0, y0), min(self.height, y1)):
            self.rows[y][x0 * 3 : x1 * 3] = run

    def text(self, x: int, y: int, value: str, scale: int, colour: str) -> None:
        """Draw text with its top-left corner at (x, y); each font pixel is `scale` square."""
        text = _text(value)
        for row in range(7):
            ink = "".join(_GLYPHS[ch][row * 5 : row * 5 + 5] + "." for ch in text)
            start = None
            for i, pixel in enumerate(ink + "."):  # runs of ink, drawn as one rectangle each
                if pixel == "#" and start is None:
                    start = i
                elif pixel != "#" and start is not None:
                    top = y + row * scale
                    self.rect(x + start * scale, top, x + i * scale, top + scale, colour)
                    start = None

    def png(self) -> bytes:
        """The canvas as PNG bytes (8-bit RGB, no filtering, zlib level 9)."""
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def wrap(text: str, width: int) -> list[str]:
    """Words of `text` in lines of at most `width` characters (a longer word is cut)."""
    lines: list[str] = []
    for word in text.split():
        word = word[:width]
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def archive_image(name: str, tagline: str, background: str, bands: Sequence[str]) -> bytes:
    """The site's share image: its name large, a tagline, and a band of colours at the foot."""
    canvas = Canvas(WIDTH, HEIGHT, background)
    y = 90
    for line in wrap(name, 15)[:3]:
        canvas.text(80, y, line, 11, "#ffffff")
        y += 11 * 7 + 30
    y += 20
    for line in wrap(tagline, 40)[:3]:
        canvas.text(80, y, line, 4, "#ffffff")
        y += 4 * 7 + 14
    if bands:
        step = WIDTH / len(bands)
        for i, colour in enumerate(bands):
            canvas.rect(round(i * step), HEIGHT - 60, round((i + 1) * step), HEIGHT, colour)
    return canvas.png()


def goal_image(number: int, title: str, colour: str, text_colour: str, site: str) -> bytes:
    """A goal's share image: its colour, "SDG n" and its title, the site's name at the foot."""
    canvas = Canvas(WIDTH, HEIGHT, colour)
    canvas.text(80, 80, f"SDG {number}", 20, text_colour)
    y = 80 + 20 * 7 + 50
    for line in wrap(title, 24)[:3]:
        canvas.text(80, y, line, 7, text_colour)
        y += 7 * 7 + 22
    canvas.text(80, HEIGHT - 70, site, 4, text_colour)
    return canvas.png()
