"""`archive new "Title"`: write a valid, correctly named skeleton release for an editor."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from .countries import resolve_country, suggest_country
from .registry import load_registry
from .release import FIELD_ORDER, parse_release, release_folder
from .sdgs import get_goal
from .text import slugify

BODY = "Write the release here, starting with who did what, where and when."


class NewError(ValueError):
    """Values given to `archive new` that cannot go into a release (one message each)."""


def resolve_values(args: argparse.Namespace, registry) -> dict:
    """Front-matter values from the command line, normalized; raises NewError with every fix."""
    errors: list[str] = []
    title = " ".join(args.title.split())
    if not title:
        errors.append("the title is empty: give the release's headline in quotes")
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            errors.append(f"--date {args.date!r} is not a real date: write YYYY-MM-DD")
    orgs: dict[str, list[str]] = {"partners": [], "funders": []}
    for key, values in (("partners", args.partners), ("funders", args.funders)):
        for value in values:
            org = registry.resolve(value)
            if org is None:
                near = registry.suggest(value)
                hint = f" (did you mean {near[0].short!r}?)" if near else ""
                errors.append(
                    f"unknown organization {value!r}{hint}: use a slug, acronym, name or alias "
                    f"from {registry.path} or add the organization there first"
                )
            elif org.short not in orgs[key]:
                orgs[key].append(org.short)
    countries: list[str] = []
    for value in args.countries:
        country = resolve_country(value)
        if country is None:
            near = suggest_country(value)
            hint = f" (did you mean {near[0].name} ({near[0].code})?)" if near else ""
            errors.append(f"unknown country {value!r}{hint}: use an ISO code or the name")
        elif country.code not in countries:
            countries.append(country.code)
    goals: list[int] = []
    for value in args.sdgs:
        goal = get_goal(value) if str(value).strip().isdigit() else None
        if goal is None:
            errors.append(f"SDG {value!r} does not exist: use numbers 1 to 17")
        elif goal.number not in goals:
            goals.append(goal.number)
    if errors:
        raise NewError(*errors)
    return {
        "title": title,
        "date": date,
        "dateline": "",
        "summary": "",
        "partners": orgs["partners"],
        "funders": orgs["funders"],
        "countries": countries,
        "sdgs": sorted(goals),
        "contacts": [],
        "source": "",
        "status": "draft",
        "review": [
            "Skeleton from archive new. Fill in dateline, summary, contacts, source and the "
            "body, set status to published and delete this note",
        ],
    }


def skeleton(meta: dict) -> str:
    """Release text with every field of the content model, in order, empty ones to fill in."""
    fields = {key: meta[key] for key in FIELD_ORDER if key in meta}
    if fields.get("date") is None:
        fields.pop("date", None)
    fm = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=4096)
    return f"---\n{fm}---\n\n{BODY}\n"


def release_path(content: Path, meta: dict) -> Path:
    """content/releases/<yyyy or undated>/<slug of the title>.md."""
    folder = release_folder(meta.get("date"))
    return content / "releases" / folder / f"{slugify(meta['title'])}.md"


def run(args: argparse.Namespace) -> int:
    """Handler of `archive new`: write the skeleton and print its path; 1 on a bad value."""
    content = Path(args.content)
    if not content.is_dir():
        return _fail(
            f"no content folder {str(content)!r}: run from the project folder or pass --content DIR"
        )
    registry = load_registry(content / "partners.yaml")
    try:
        meta = resolve_values(args, registry)
    except NewError as exc:
        for message in exc.args:
            print(f"archive new: {message}", file=sys.stderr)
        return _fail("nothing written")
    path = release_path(content, meta)
    if path.exists():
        return _fail(
            f"{path.as_posix()} already exists: edit that file, or choose another title; "
            "nothing written"
        )
    text = skeleton(meta)
    _, problems = parse_release(text, path.as_posix(), registry)
    errors = [p for p in problems if p.level == "error"]
    if errors:  # a value the checks above let through: never write an invalid release
        return _fail("; ".join(p.message for p in errors) + "; nothing written")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as fh:
        fh.write(text)
    print(path.as_posix())
    print(
        "archive new: fill in the fields and the body, set 'status: published', "
        "then run 'archive check'",
        file=sys.stderr,
    )
    return 0


def _fail(message: str) -> int:
    print(f"archive new: {message}", file=sys.stderr)
    return 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `archive new`."""
    p = sub.add_parser(
        "new",
        help="write a skeleton release to fill in",
        description=(
            "Write content/releases/<yyyy or undated>/<slug>.md with the given values, as a "
            "draft to fill in. Unknown partners, countries or SDGs are refused; an existing "
            "file is never overwritten. Prints the path written."
        ),
    )
    p.add_argument("title", help="the release's headline (in quotes)")
    p.add_argument("--date", help="YYYY-MM-DD; leave out when the source gives no date")
    p.add_argument(
        "--partner",
        dest="partners",
        action="append",
        default=[],
        metavar="ORG",
        help="partner organization (slug, acronym, name or alias); repeat for more",
    )
    p.add_argument(
        "--funder",
        dest="funders",
        action="append",
        default=[],
        metavar="ORG",
        help="funding organization; repeat for more",
    )
    p.add_argument(
        "--country",
        dest="countries",
        action="append",
        default=[],
        metavar="COUNTRY",
        help="ISO code or name; repeat for more",
    )
    p.add_argument(
        "--sdg", dest="sdgs", action="append", default=[], metavar="N", help="goal 1-17; repeat"
    )
    p.add_argument("--content", default="content", help="content folder (default: content)")
    p.set_defaults(func=run)
