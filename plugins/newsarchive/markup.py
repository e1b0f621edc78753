"""Markdown bodies to safe HTML: rendered, then sanitised, with a warning for what was removed.

The build (the reader) and `archive check` both render bodies here, so the check reports
exactly what the build drops, at the body line to fix.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .problems import Problem
from .sanitize import MAY_CONTAIN_MARKUP, clean_html, dropped_markup, external_images, find_line
from .text import shorten

# The project's Markdown (pelicanconf.py's MARKDOWN is a copy). Lean extensions: "smarty"
# alone doubled Markdown time; "extra" adds parts releases do not use.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.tables": {},
        "markdown.extensions.footnotes": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
_ALIGN = re.compile(r"text-align:\s*(left|center|right);?")


class _AlignClasses(Treeprocessor):
    """Table cells aligned with a class (`align-center`), not a style attribute the site's
    Content-Security-Policy would refuse."""

    def run(self, root: etree.Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td") or "style" not in cell.attrib:
                continue
            match = _ALIGN.fullmatch(cell.get("style", "").strip())
            if match:
                del cell.attrib["style"]
                cell.set("class", f"align-{match.group(1)}")


class SafeMarkupExtension(Extension):
    """Markdown output that passes the sanitiser unchanged (table alignment as classes)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        md.treeprocessors.register(_AlignClasses(md), "align_classes", 0)


def converter(config: dict | None = None) -> Markdown:
    """A Markdown converter with `config` (Pelican's MARKDOWN setting) and safe alignment."""
    config = dict(config or MARKDOWN)
    extensions = list(config.get("extensions", []))
    extensions += [name for name in config.get("extension_configs", {}) if name not in extensions]
    config["extensions"] = [*extensions, SafeMarkupExtension()]
    return Markdown(**config)


def render(md: Markdown, body: str) -> str:
    """The body as HTML, not yet sanitised."""
    return md.reset().convert(body)


def body_problems(html: str, body: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for what the sanitiser removes from `html` (rendered from `body`, whose first
    line is line `first_line` of the file `path`), and for images it would load from elsewhere."""
    problems = [
        Problem(path, first_line + d.line - 1, "warning", d.message())
        for d in dropped_markup(html, body)
    ]
    for src in external_images(html):
        shown = shorten(src)
        problems.append(
            Problem(
                path,
                first_line + find_line(body, (src,)) - 1,
                "warning",
                f"image {shown!r} is on another host: the site's Content-Security-Policy shows "
                "images from this site only (and readers' browsers would ask that host); save it "
                "as content/images/NAME and write ![description]({static}/images/NAME)",
            )
        )
    return problems


def safe_body(md: Markdown, body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    """(sanitised HTML, warnings) of a Markdown body."""
    html = render(md, body)
    return clean_html(html), body_problems(html, body, path, first_line)


def check_body(body: str, path: str, first_line: int, md: Markdown | None = None) -> list[Problem]:
    """`archive check`'s warnings for a body; only bodies that could hold markup are rendered."""
    if not MAY_CONTAIN_MARKUP.search(body):
        return []
    return body_problems(render(md or converter(), body), body, path, first_line)
