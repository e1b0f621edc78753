"""The partner registry: one entry per organization, resolved by slug, acronym, name or alias."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import safeyaml
from .problems import Problem
from .sources import MAX_REGISTRY_BYTES, read_source
from .text import SLUG, match_key, quote, shorten, slugify

ORG_TYPES = {
    "un-agency": "UN agencies",
    "intergovernmental": "Intergovernmental organizations",
    "government": "Governments",
    "national-institution": "National institutions",
    "ngo": "NGOs",
    "private-sector": "Private sector",
    "donor": "Donors and funds",
}
REQUIRED_FIELDS = ("slug", "name", "type")
TEXT_FIELDS = ("slug", "name", "acronym", "type", "country", "url", "description")
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")  # spaces, controls, quotes, brackets


def is_web_address(url: str) -> bool:
    """True for an absolute http:// or https:// address with a host, written without spaces,
    control characters, quotes or angle brackets (nothing a browser would read differently)."""
    if _NOT_IN_URL.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


@dataclass(frozen=True)
class Organization:
    """One organization of the registry."""

    slug: str
    name: str
    type: str
    acronym: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""
    url: str = ""
    description: str = ""
    review: bool = False

    @property
    def label(self) -> str:
        """Name with acronym, as shown in lists: "Federal Investigation Agency (FIA)"."""
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short(self) -> str:
        """Acronym when there is one, else the name."""
        return self.acronym or self.name

    @property
    def type_label(self) -> str:
        """Human name of the organization type."""
        return ORG_TYPES.get(self.type, self.type)

    def keys(self) -> list[str]:
        """Every string this organization answers to."""
        names = [self.slug, self.name, self.acronym, *self.aliases]
        return [n for n in names if n]


@dataclass
class Registry:
    """All organizations, with an index from match key to organization."""

    organizations: list[Organization] = field(default_factory=list)
    path: str = "partners.yaml"
    problems: list[Problem] = field(default_factory=list)
    broken: bool = False  # unreadable as a whole: names cannot be checked against it

    def __post_init__(self) -> None:
        self._index: dict[str, Organization] = {}
        self._by_slug: dict[str, Organization] = {}
        for org in self.organizations:
            self._by_slug.setdefault(org.slug, org)
            for key in org.keys():
                self._index.setdefault(match_key(key), org)

    def __iter__(self):
        return iter(self.organizations)

    def __len__(self) -> int:
        return len(self.organizations)

    def get(self, slug: str) -> Organization | None:
        """The organization with this slug, if any."""
        return self._by_slug.get(slug)

    def resolve(self, value: str) -> Organization | None:
        """The organization a front-matter value names (slug, acronym, name or alias), if any."""
        if not value:
            return None
        return self._index.get(match_key(value))

    def suggest(self, value: str, limit: int = 3) -> list[Organization]:
        """Organizations whose names are close to an unknown value, best first."""
        key = match_key(value)
        candidates = difflib.get_close_matches(key, list(self._index), n=limit * 3, cutoff=0.6)
        seen: list[Organization] = []
        for cand in candidates:
            org = self._index[cand]
            if org not in seen:
                seen.append(org)
        return seen[:limit]


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _key_line(item: yaml.Node | None, key: str, default: int) -> int:
    """File line of `key` in a registry entry's YAML node (`default` when it is not found)."""
    if isinstance(item, yaml.MappingNode):
        for name, _ in item.value:
            if name.value == key:
                return name.start_mark.line + 1
    return default


def parse_registry(text: str, path: str = "partners.yaml") -> Registry:
    """Parse registry YAML into a Registry; problems (with lines) are collected, not raised."""
    problems: list[Problem] = []
    try:
        data, node = safeyaml.load(text)
    except safeyaml.YamlRefused as exc:
        problems.append(Problem(path, exc.line, "error", exc.message))
        return Registry([], path, problems, broken=True)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        line = safeyaml.error_line(exc)
        problems.append(Problem(path, line, "error", f"invalid YAML: {problem}; fix the syntax"))
        return Registry([], path, problems, broken=True)
    if data is None:
        data = []
    if not isinstance(data, list):
        problems.append(
            Problem(path, 1, "error", "the registry must be a YAML list of organizations")
        )
        return Registry([], path, problems, broken=True)
    lines = [item.start_mark.line + 1 for item in node.value] if node is not None else []
    orgs: list[Organization] = []
    seen_keys: dict[str, tuple[str, int]] = {}
    for i, entry in enumerate(data):
        line = lines[i] if i < len(lines) else 1
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "error", "each organization must be a mapping"))
            continue
        label = entry.get("name") or entry.get("slug") or f"entry {i + 1}"
        wrong = [k for k in TEXT_FIELDS if isinstance(entry.get(k), list | dict)]
        if isinstance(entry.get("aliases"), dict) or any(
            isinstance(a, list | dict) for a in entry.get("aliases") or []
        ):
            wrong.append("aliases")
        if wrong:
            problems.append(
                Problem(
                    path,
                    line,
                    "error",
                    f"organization {quote(label)}: {', '.join(wrong)} must be text "
                    "(aliases: a list of names)",
                )
            )
            continue
        missing = [f for f in REQUIRED_FIELDS if not entry.get(f)]
        if "slug" in missing and entry.get("name"):
            entry = {**entry, "slug": slugify(entry.get("acronym") or entry["name"])}
            missing.remove("slug")
        if missing:
            problems.append(
                Problem(
                    path, line, "error", f"organization {quote(label)} lacks {', '.join(missing)}"
                )
            )
            continue
        org_type = str(entry["type"])
        if org_type not in ORG_TYPES:
            problems.append(
                Problem(
                    path,
                    line,
                    "error",
                    f"organization {quote(str(entry['slug']))} has unknown type {quote(org_type)} "
                    f"(use one of: {', '.join(ORG_TYPES)})",
                )
            )
        slug = str(entry["slug"])
        if not SLUG.fullmatch(slug):  # it names the organization's folder and address
            problems.append(
                Problem(
                    path,
                    _key_line(node.value[i] if node is not None else None, "slug", line),
                    "error",
                    f"slug {slug!r} is not a URL slug (lowercase letters, digits, hyphens): "
                    f"write slug: {slugify(slug)}",
                )
            )
            slug = slugify(slug)
            entry = {**entry, "slug": slug}
        url = str(entry.get("url") or "").strip()
        if url and not is_web_address(url):
            problems.append(
                Problem(
                    path,
                    _key_line(node.value[i] if node is not None else None, "url", line),
                    "error",
                    f"url {shorten(url)!r} of {entry['slug']!r} is not a web address: write the "
                    "organization's site as https://... (or http://), or remove the url",
                )
            )
            url = ""  # never published as a link
        org = Organization(
            slug=slug,
            name=str(entry["name"]),
            type=org_type,
            acronym=str(entry.get("acronym") or ""),
            aliases=_as_tuple(entry.get("aliases")),
            country=str(entry.get("country") or ""),
            url=url,
            description=str(entry.get("description") or "").strip(),
            review=bool(entry.get("review", False)),
        )
        for key in org.keys():
            k = match_key(key)
            if k in seen_keys and seen_keys[k][0] != org.slug:
                other, other_line = seen_keys[k]
                problems.append(
                    Problem(
                        path,
                        line,
                        "error",
                        f"{quote(key)} of {quote(org.slug)} also names {quote(other)} "
                        f"(line {other_line}); "
                        "slugs, acronyms and aliases must each name one organization",
                    )
                )
            seen_keys.setdefault(k, (org.slug, line))
        orgs.append(org)
    return Registry(orgs, path, problems)


def registry_path(settings: dict) -> str:
    """Absolute path of the partner registry named by Pelican's settings: ARCHIVE_REGISTRY,
    relative to the content folder PATH."""
    return os.path.join(settings["PATH"], settings.get("ARCHIVE_REGISTRY", "partners.yaml"))


def load_registry(path: str | Path, shown: str | None = None) -> Registry:
    """Read the registry file; a missing file is an empty registry, an unreadable one a broken
    registry with the problem."""
    p = Path(path)
    shown = shown or str(p)
    if not p.exists() and not p.is_symlink():
        return Registry([], shown)
    text, problems = read_source(p, shown, MAX_REGISTRY_BYTES, "partner registry")
    if text is None:
        return Registry([], shown, problems, broken=True)
    return parse_registry(text, shown)


def dump_organization(org: Organization) -> dict:
    """The registry entry of an organization, as written to YAML."""
    entry = {"slug": org.slug, "name": org.name}
    if org.acronym:
        entry["acronym"] = org.acronym
    if org.aliases:
        entry["aliases"] = list(org.aliases)
    entry["type"] = org.type
    for key in ("country", "url", "description"):
        if getattr(org, key):
            entry[key] = getattr(org, key)
    if org.review:
        entry["review"] = True
    return entry
