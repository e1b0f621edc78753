"""Checks of one file: its text, its front matter (via parse_release), its folder and its name."""

from __future__ import annotations

from pathlib import Path

import yaml
from markdown import Markdown

from ..markup import check_body
from ..registry import Problem, Registry
from ..release import Release, _field_lines, parse_release, split_front_matter
from ..text import SLUG, slugify

# A page's own fields; Pelican would also take `url`, `save_as`, `template`... from front matter,
# which could publish a page over another file or under an address that breaks a link to it.
PAGE_FIELDS = ("title", "slug", "summary", "status")


def page_metadata(meta: dict, fm_text: str, shown: str) -> tuple[dict, list[Problem]]:
    """The fields a page may set (others dropped with a warning; a bad slug is an error)."""
    kept: dict = {}
    problems: list[Problem] = []
    lines = None
    for key, value in meta.items():
        name = str(key).lower()
        if name in PAGE_FIELDS and (name != "slug" or SLUG.fullmatch(str(value))):
            kept[name] = value
            continue
        lines = lines if lines is not None else _field_lines(fm_text)
        if name == "slug":
            message = (
                f"slug {value!r} is not a URL slug (lowercase letters, digits, hyphens): "
                f"write e.g. slug: {slugify(str(value))}"
            )
            problems.append(Problem(shown, lines.get(str(key), 1), "error", message))
        else:
            message = f"unknown field {key!r}; it is ignored (pages have {', '.join(PAGE_FIELDS)})"
            problems.append(Problem(shown, lines.get(str(key), 1), "warning", message))
    return kept, problems


def display(path: Path) -> str:
    """A path as shown in messages: relative to the current folder when inside it, with '/'."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, BOM allowed), or None and a problem naming the bad line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = "not UTF-8 text: save the file as UTF-8"
        return None, [Problem(shown, line, "error", message)]


def check_page(text: str, shown: str, md: Markdown | None = None) -> list[Problem]:
    """A static page needs front matter that parses, with a title; its body is sanitised."""
    parts = split_front_matter(text)
    if parts is None:
        message = "no front matter: start the file with '---', the YAML fields, '---'"
        return [Problem(shown, 1, "error", message)]
    try:
        meta = yaml.safe_load(parts[0])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or "cannot be parsed"
        message = f"front matter is not valid YAML: {what}"
        return [Problem(shown, mark.line + 2 if mark else 1, "error", message)]
    problems = check_body(parts[1], shown, parts[2], md)
    if isinstance(meta, dict):
        problems = page_metadata(meta, parts[0], shown)[1] + problems
    if not isinstance(meta, dict) or not str(meta.get("title") or "").strip():
        problems.insert(0, Problem(shown, 1, "error", "missing 'title': add the page's title"))
    return problems


def check_release(
    text: str,
    path: Path,
    shown: str,
    registry: Registry,
    default_root: Path,
    md: Markdown | None = None,
) -> tuple[Release | None, list[Problem]]:
    """parse_release's problems, then the file's folder and name, then what needs review, then
    what the sanitiser would remove from the body."""
    release, problems = parse_release(text, shown, registry)
    if release is None:
        return None, problems
    failed = {p.line for p in problems if p.level == "error"}  # field lines only if needed
    date_failed = bool(failed) and release.lines.get("date") in failed
    status_failed = bool(failed) and release.lines.get("status") in failed
    if not date_failed:
        problems += _check_folder(release, path, shown, default_root)
    problems += _check_name(path, shown)
    problems += _check_review(release, shown, date_failed, status_failed)
    problems += check_body(release.body, shown, release.body_line, md)
    return release, problems


def releases_root(path: Path, default_root: Path) -> Path:
    """The `releases` folder a file is under, else the content folder's."""
    for folder in path.absolute().parents:
        if folder.name == "releases":
            return folder
    return default_root


def _check_folder(release: Release, path: Path, shown: str, default_root: Path) -> list[Problem]:
    root = releases_root(path, default_root)
    expected = root / release.folder / path.name
    if path.absolute() == expected:
        return []
    if release.date:
        line = release.lines.get("date", 1)
        message = (
            f"wrong folder for date {release.date.isoformat()}: releases go in "
            f"releases/{release.folder}/; move it to {display(expected)}"
        )
    else:
        line = release.lines.get("title", 1)
        message = (
            "wrong folder for a release without a date: undated releases go in "
            f"releases/undated/; move it to {display(expected)} (or add its date)"
        )
    return [Problem(shown, line, "error", message)]


def _check_name(path: Path, shown: str) -> list[Problem]:
    if SLUG.fullmatch(path.stem):
        return []
    better = slugify(path.stem, max_length=200)
    message = (
        f"file name {path.name!r} is not a URL slug (lowercase letters, digits, hyphens): "
        f"rename it to {better}{path.suffix}"
    )
    return [Problem(shown, 1, "warning", message)]


def _check_review(
    release: Release, shown: str, date_failed: bool, status_failed: bool
) -> list[Problem]:
    """Drafts, undated releases still under review, and review notes, as warnings that say what to
    check; a date or status already reported as an error is not reported again. An undated
    release whose review notes an editor has cleared is accepted: the source gives no date."""
    states = []
    if release.status == "draft" and not status_failed:
        states.append("draft (not published): set 'status: published' when it is ready")
    if release.date is None and not date_failed and release.review:
        states.append(
            "undated (published as \"Date unknown\"): add 'date: YYYY-MM-DD' if a source gives one"
        )
    if release.review:
        notes = "; ".join(note.strip().rstrip(".") for note in release.review)
        states.append(f"review: {notes}; remove the notes under 'review:' once checked")
    if not states:
        return []
    key = "review" if release.review else "status" if release.status == "draft" else "title"
    line = release.lines.get(key) or release.lines.get("title", 1)
    return [Problem(shown, line, "warning", "; ".join(states))]
