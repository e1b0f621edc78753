"""Checks of one file: its text, its front matter (via parse_release), its folder and its name."""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown

from ..markup import check_body
from ..page import parse_page
from ..problems import Problem
from ..registry import Registry
from ..release import Release, parse_release
from ..sources import display
from ..text import SLUG, slugify
from .tree import check_links


def check_page(
    text: str,
    shown: str,
    path: Path | None = None,
    root: Path | None = None,
    md: Markdown | None = None,
) -> list[Problem]:
    """A static page needs front matter that parses, with a title, and only the page fields;
    its `{static}` links stay inside the content folder `root`; its body is sanitised."""
    fields, body, problems = parse_page(text, shown)
    if path is not None and root is not None:
        problems += check_links(text, shown, Path(path).absolute().parent, root)
    if fields is not None:
        problems += check_body(body, shown, text.count("\n", 0, len(text) - len(body)) + 1, md)
    return problems


def check_release(
    text: str,
    path: Path,
    shown: str,
    registry: Registry,
    default_root: Path,
    md: Markdown | None = None,
    body: bool = True,
) -> tuple[Release | None, list[Problem]]:
    """parse_release's problems, then the file's folder and name, then what needs review, then
    (with `body`) what the sanitiser would remove from the body (the build's reader finds that
    when it converts the body)."""
    release, problems = parse_release(text, shown, registry)
    problems += check_links(text, shown, path.absolute().parent, default_root.parent)
    if release is None:
        return None, problems
    failed = {p.line for p in problems if p.level == "error"}  # field lines only if needed
    date_failed = bool(failed) and release.lines.get("date") in failed
    status_failed = bool(failed) and release.lines.get("status") in failed
    if not date_failed:
        problems += _check_folder(release, path, shown, default_root)
    problems += _check_name(path, shown)
    problems += _check_review(release, shown, date_failed, status_failed)
    if body:
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
