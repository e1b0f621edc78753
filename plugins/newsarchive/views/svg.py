"""Small helpers shared by the SVG builders: escaping, numbers, the accessible <svg> wrapper."""

from __future__ import annotations

from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
TEXT = "#1a1a1a"
MUTED = "#595959"  # 7:1 on white


def esc(text: object) -> str:
    """Text escaped for SVG/HTML content and double-quoted attributes."""
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros ("12", "3.5", "-0.2")."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def thousands(count: int) -> str:
    """A count with thousands separators: "12,345"."""
    return f"{count:,}"


def plural(count: int, word: str = "release") -> str:
    """ "1 release", "3 releases", "2,000 releases"."""
    return f"{thousands(count)} {word}{'' if count == 1 else 's'}"


def svg_open(
    id_prefix: str,
    width: float,
    height: float,
    title: str,
    desc: str,
    role: str = "img",
    css_class: str = "",
) -> str:
    """An <svg> start tag plus <title> and <desc>, named by them via aria-labelledby.

    Charts without links are role="img"; charts whose shapes are links use role="group", since an
    img's children are presentational and links inside it would be hidden from assistive tech.
    """
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    cls = f' class="{esc(css_class)}"' if css_class else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}" height="{num(height)}"'
        f' viewBox="0 0 {num(width)} {num(height)}"'
        f'{cls} role="{role}" aria-labelledby="{title_id}" aria-describedby="{desc_id}"'
        f' font-family="{esc(FONT)}" data-view="{esc(id_prefix)}">'
        f'<title id="{title_id}">{esc(title)}</title><desc id="{desc_id}">{esc(desc)}</desc>'
    )
