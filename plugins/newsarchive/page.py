"""A static page (content/pages/): YAML front matter with a title, and a Markdown body.

Pages are content like releases: their fields are checked, and only the fields below reach
Pelican, so a page cannot choose where it is written (`save_as`, `url`) or a template by path.
"""

from __future__ import annotations

from .problems import Problem
from .release import NO_FRONT_MATTER, load_front_matter, split_front_matter
from .text import SLUG, quote, slugify

PAGE_FIELDS = ("title", "summary", "slug", "status")
PAGE_STATUSES = ("published", "hidden", "draft")
# Pelican would write the page wherever these say, or render it with any template of the theme
WHERE_FIELDS = ("save_as", "url", "template")


def parse_page(text: str, shown: str) -> tuple[dict | None, str, list[Problem]]:
    """(fields, body, problems) of a page; fields is None when the page cannot be published."""
    parts = split_front_matter(text)
    if parts is None:
        return None, "", [Problem(shown, 1, "error", NO_FRONT_MATTER)]
    fm_text, body, _ = parts
    meta, node, problems = load_front_matter(fm_text, shown)
    if meta is None:
        return None, body, problems
    lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value}

    def problem(key: str, level: str, message: str) -> None:
        problems.append(Problem(shown, lines.get(key, 1), level, message))

    fields: dict[str, str] = {}
    for key, value in meta.items():
        key = str(key)
        if key in WHERE_FIELDS:
            problem(
                key,
                "error",
                f"{key!r} is not allowed in a page: a page is published at /<slug>/ with the "
                "theme's page template (set 'slug' to change its address); remove it",
            )
        elif key not in PAGE_FIELDS:
            problem(
                key,
                "warning",
                f"unknown field {quote(key)} in a page (use {', '.join(PAGE_FIELDS)}); "
                "it is ignored",
            )
        elif isinstance(value, list | dict):
            problem(key, "error", f"{key!r} must be text: write it on one line")
        elif value is not None:
            fields[key] = str(value).strip()
    if not fields.get("title") and not isinstance(meta.get("title"), list | dict):
        problem("title", "error", "missing 'title': add the page's title")
    slug = fields.get("slug")
    if slug is not None and not SLUG.fullmatch(slug):
        problem(
            "slug",
            "error",
            f"slug {quote(slug)} is not a URL slug (lowercase letters, digits and single "
            f"hyphens): use {slugify(slug)!r}",
        )
    status = fields.get("status", "published").lower()
    if status not in PAGE_STATUSES:
        problem(
            "status", "error", f"status {quote(status)} must be one of: published, hidden, draft"
        )
    if any(p.level == "error" for p in problems):
        return None, body, problems
    return fields, body, problems
