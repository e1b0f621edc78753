"""Checks of the partner registry that parse_registry does not make itself."""

from __future__ import annotations

import difflib

import yaml

from .. import safeyaml
from ..countries import get_country, resolve_country, suggest_country
from ..problems import Problem
from ..text import quote, slugify

KNOWN_FIELDS = (
    "slug",
    "name",
    "acronym",
    "aliases",
    "type",
    "country",
    "url",
    "description",
    "review",
)


def _entries(text: str) -> list[tuple[dict, dict[str, int], int]]:
    """(entry, line of each key, line of the entry) for each mapping in the registry list."""
    try:
        data, node = safeyaml.load(text)
    except (yaml.YAMLError, safeyaml.YamlRefused):
        return []  # parse_registry reports it
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return []
    out = []
    for entry, item in zip(data, node.value, strict=True):
        if isinstance(entry, dict) and isinstance(item, yaml.MappingNode):
            lines = {str(k.value): k.start_mark.line + 1 for k, _ in item.value}
            out.append((entry, lines, item.start_mark.line + 1))
    return out


def check_registry(text: str, path: str) -> list[Problem]:
    """Slugs used twice, unknown fields, country codes that do not exist, entries under review."""
    problems: list[Problem] = []
    slugs: dict[str, int] = {}
    for entry, lines, line in _entries(text):
        if any(isinstance(entry.get(k), list | dict) for k in ("slug", "name", "acronym")):
            continue  # parse_registry reports it
        slug = str(entry.get("slug") or slugify(entry.get("acronym") or entry.get("name") or ""))
        label = entry.get("name") or slug
        if entry.get("slug") or entry.get("name"):
            if slug in slugs:
                problems.append(
                    Problem(
                        path,
                        lines.get("slug", line),
                        "error",
                        f"slug {quote(slug)} of {quote(label)} is already used by the "
                        f"organization on line {slugs[slug]}; give each organization its own slug",
                    )
                )
            slugs.setdefault(slug, line)
        for key in entry:
            if key not in KNOWN_FIELDS:
                near = difflib.get_close_matches(str(key), KNOWN_FIELDS, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                problems.append(
                    Problem(
                        path,
                        lines.get(str(key), line),
                        "warning",
                        f"unknown field {quote(key)} in {quote(slug)}{hint}; it is ignored",
                    )
                )
        country = entry.get("country")
        if country and not isinstance(country, list | dict) and get_country(str(country)) is None:
            named = resolve_country(str(country))
            near = [named] if named else suggest_country(str(country))
            hint = f" (did you mean {near[0].code}, {near[0].name}?)" if near else ""
            problems.append(
                Problem(
                    path,
                    lines.get("country", line),
                    "error",
                    f"country {quote(country)} of {quote(slug)} is not an ISO 3166-1 alpha-2 "
                    f"code{hint}",
                )
            )
        if entry.get("review"):
            problems.append(
                Problem(
                    path,
                    lines.get("review", line),
                    "warning",
                    f"organization {slug!r} is marked 'review: true': check its name, type, "
                    "country and url, then remove the flag",
                )
            )
    return problems
