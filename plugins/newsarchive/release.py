"""A release file: YAML front matter plus a Markdown body, parsed and validated as plain data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

import frontmatter
import yaml

from . import safeyaml
from .countries import Country, resolve_country, suggest_country
from .problems import Problem
from .registry import Organization, Registry
from .sdgs import Goal, get_goal
from .text import quote

FIELD_ORDER = (
    "title",
    "date",
    "dateline",
    "summary",
    "partners",
    "funders",
    "countries",
    "sdgs",
    "contacts",
    "source",
    "status",
    "review",
)
STATUSES = ("published", "draft")
LIST_FIELDS = ("partners", "funders", "countries", "sdgs", "contacts", "review")
TEXT_FIELDS = ("title", "dateline", "summary", "source", "status")
NO_FRONT_MATTER = "no front matter: start the file with '---', the YAML fields, '---'"
_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass
class Release:
    """A release's validated metadata and body."""

    path: str
    title: str
    body: str
    date: dt.date | None = None
    dateline: str = ""
    summary: str = ""
    partners: list[Organization] = field(default_factory=list)
    funders: list[Organization] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    sdgs: list[Goal] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    source: str = ""
    status: str = "published"
    review: list[str] = field(default_factory=list)
    front_matter: str = field(default="", repr=False)
    body_line: int = 1  # file line of the body's first line

    @functools.cached_property
    def lines(self) -> dict[str, int]:
        """File line of each field and list item ("sdgs", "sdgs.1"), computed on first use."""
        return _field_lines(self.front_matter) if self.front_matter else {}

    @property
    def folder(self) -> str:
        """The folder a release lives in: its year, or "undated"."""
        return release_folder(self.date)


def release_folder(date: dt.date | None) -> str:
    """The folder of the releases of a date (under releases/): its year, or "undated"."""
    return f"{date:%Y}" if date else "undated"


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter YAML, body, line of the body's first line) or None when there is none."""
    m = _FENCE.match(text)
    if not m:
        return None
    body = text[m.end() :]
    return m.group(1), body, text[: m.end()].count("\n") + 1


def load_front_matter(
    yaml_text: str, path: str, syntax_hint: str = ""
) -> tuple[dict | None, yaml.MappingNode | None, list[Problem]]:
    """The fields of a file's front matter (its YAML starts on line 2) and their node, or None
    and the error: YAML that safeyaml refuses, a syntax error (`syntax_hint` ends its message),
    or YAML that is not fields. Dates and floats stay text."""
    try:
        meta, node = safeyaml.load(yaml_text, first_line=2)
    except safeyaml.YamlRefused as exc:
        return None, None, [Problem(path, exc.line, "error", f"front matter: {exc.message}")]
    except yaml.YAMLError as exc:
        what = getattr(exc, "problem", None) or "cannot be parsed"
        message = f"front matter is not valid YAML: {what}{syntax_hint}"
        return None, None, [Problem(path, safeyaml.error_line(exc, 2), "error", message)]
    if not isinstance(meta, dict):
        message = "front matter must be YAML fields (key: value)"
        return None, None, [Problem(path, 1, "error", message)]
    return meta, node, []


def _field_lines(yaml_text: str) -> dict[str, int]:
    """File line of each field ("sdgs") and list item ("sdgs.1"); front matter starts on line 2."""
    try:
        node = yaml.compose(yaml_text, Loader=safeyaml.BaseLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, value in node.value:
        name = str(key.value)
        lines[name] = key.start_mark.line + 2
        if isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines[f"{name}.{i}"] = item.start_mark.line + 2
    return lines


def _as_list(value) -> list | None:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return None


def parse_release(text: str, path: str, registry: Registry) -> tuple[Release | None, list[Problem]]:
    """Parse and validate one release file; returns the release (None if unusable) and problems."""
    problems: list[Problem] = []

    lines: dict[str, int] = {}

    def problem(key: str | None, level: str, message: str) -> None:
        if key and not lines and fm_text is not None:  # line numbers only when needed
            lines.update(_field_lines(fm_text) or {"": 1})
        line = lines.get(key) or lines.get(key.split(".")[0]) if key else None
        problems.append(Problem(path, line or 1, level, message))

    fm_text = None
    parts = split_front_matter(text)
    if parts is None:
        return None, [Problem(path, 1, "error", NO_FRONT_MATTER)]
    fm_text, body, body_line = parts
    meta, _, refused = load_front_matter(
        fm_text, path, "; quote values that contain ':' or start with a special character"
    )
    if meta is None:
        return None, refused

    for key in meta:
        if key not in FIELD_ORDER:
            near = [f for f in FIELD_ORDER if f.startswith(str(key)[:3])]
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            problem(key, "warning", f"unknown field {quote(key)}{hint}; it is ignored")

    texts: dict[str, str] = {}
    for key in TEXT_FIELDS:
        value = meta.get(key)
        if isinstance(value, list | dict):
            kind = "a list" if isinstance(value, list) else "fields"
            problem(key, "error", f"{key!r} must be text, not {kind}: write it on one line")
            value = None
        texts[key] = "" if value is None else str(value).strip()

    title = texts["title"]
    if not title and not isinstance(meta.get("title"), list | dict):
        problem("title", "error", "missing 'title': add the release's headline")

    date = meta.get("date")
    if isinstance(date, str) and date.strip():
        try:
            date = dt.date.fromisoformat(date.strip())
        except ValueError:
            problem(
                "date",
                "error",
                f"date {quote(date)} is not a real date: write YYYY-MM-DD, "
                "or remove the field when the source gives no date",
            )
            date = None
    elif date in (None, ""):
        date = None
    else:
        problem("date", "error", f"date {quote(date)} must be written YYYY-MM-DD")
        date = None

    status = (texts["status"] or "published").lower()
    if status not in STATUSES:
        problem("status", "error", f"status {quote(status)} must be one of: {', '.join(STATUSES)}")
        status = "draft"

    lists: dict[str, list] = {}
    for key in LIST_FIELDS:
        value = _as_list(meta.get(key))
        if value is None:
            problem(key, "error", f"{key!r} must be a list (one '- item' per line)")
            value = []
        lists[key] = value

    orgs: dict[str, list[Organization]] = {"partners": [], "funders": []}
    for key in ("partners", "funders"):
        for i, value in enumerate(lists[key]):
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, list | dict):
                problem(
                    f"{key}.{i}", "error", f"each item of {key} must be one organization's name"
                )
                continue
            org = registry.resolve(str(name)) if name else None
            if org is None and not registry.broken:  # a broken registry is reported once
                near = registry.suggest(str(name or ""))
                hint = f" (did you mean {near[0].short!r}?)" if near else ""
                problem(
                    f"{key}.{i}",
                    "error",
                    f"unknown organization {quote(name)} in {key}{hint}; "
                    "use a slug, acronym, name or alias from content/partners.yaml or add it there",
                )
            elif org is not None and org not in orgs[key]:
                orgs[key].append(org)

    countries: list[Country] = []
    for i, value in enumerate(lists["countries"]):
        country = None if isinstance(value, list | dict) else resolve_country(str(value))
        if country is None:
            near = [] if isinstance(value, list | dict) else suggest_country(str(value))
            hint = f" (did you mean {near[0].name} ({near[0].code})?)" if near else ""
            problem(
                f"countries.{i}",
                "error",
                f"unknown country {quote(value)}{hint}; "
                "use an ISO 3166-1 alpha-2 code or the country's name",
            )
        elif country not in countries:
            countries.append(country)

    goals: list[Goal] = []
    for i, value in enumerate(lists["sdgs"]):
        goal = get_goal(value) if isinstance(value, int | str) and value is not True else None
        if goal is None or value is False:
            problem(
                f"sdgs.{i}",
                "error",
                f"SDG {quote(value)} does not exist: use numbers 1 to 17",
            )
        elif goal not in goals:
            goals.append(goal)

    contacts: list[dict] = []
    for value in lists["contacts"]:
        if isinstance(value, str):
            value = {"name": value}
        if not isinstance(value, dict) or any(isinstance(v, list | dict) for v in value.values()):
            problem("contacts", "error", "each contact must have name, email and/or phone fields")
            continue
        contacts.append({str(k): str(v) for k, v in value.items() if v not in (None, "")})

    release = Release(
        path=path,
        title=title,
        body=body,
        date=date,
        dateline=texts["dateline"],
        summary=texts["summary"],
        partners=orgs["partners"],
        funders=orgs["funders"],
        countries=countries,
        sdgs=goals,
        contacts=contacts,
        source=texts["source"],
        status=status,
        review=[str(r) for r in lists["review"] if not isinstance(r, list | dict)],
        front_matter=fm_text,
        body_line=body_line,
    )
    return release, problems


def dump_release(meta: dict, body: str) -> str:
    """Markdown text with front matter, fields in the content model's order, empty ones left out."""
    ordered = {k: meta[k] for k in FIELD_ORDER if meta.get(k) not in (None, "", [], {})}
    if isinstance(ordered.get("date"), str):
        ordered["date"] = dt.date.fromisoformat(ordered["date"])
    post = frontmatter.Post(body.strip() + "\n", **ordered)
    text = frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=100)
    return text.rstrip("\n") + "\n"
