"""The logic of `archive check`: releases, pages and the registry validated as plain data.

`run_checks(paths)` finds the files, checks the content folder as a tree (`tree.py`: links
leading outside it), each file (`files.py`), then the whole set (`duplicates.py`) and the
registry (`registry.py`), and returns a `Report`. `archive build` runs the same checks on what it
reads (`site_report`) and stops before writing anything when there is an error. Nothing here
prints; `command.py` is the `archive check` command that formats the report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..markup import converter
from ..problems import Problem
from ..registry import Registry, load_registry
from ..release import Release
from ..sanitize import refused_file
from ..sources import MAX_REGISTRY_BYTES, display, read_source
from .duplicates import check_duplicates
from .files import check_page, check_release
from .registry import check_registry
from .tree import is_blocked, link_problem, scan_tree

DEFAULT_CONTENT = "content"
REGISTRY_NAME = "partners.yaml"
MARKDOWN_SUFFIXES = (".md", ".markdown")
LEVELS = ("error", "warning")


@dataclass
class Report:
    """The outcome of a check: how many files were read and every problem found, sorted."""

    files: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """Number of error-level problems."""
        return sum(p.level == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        """Number of warning-level problems."""
        return sum(p.level == "warning" for p in self.problems)

    def strict(self) -> Report:
        """The same report with every warning turned into an error."""
        return Report(self.files, [replace(p, level="error") for p in self.problems])

    def lines(self) -> list[str]:
        """One `path:line: level: message` line per problem, then the summary."""
        return [str(p) for p in self.problems] + [self.summary()]

    def summary(self) -> str:
        """`N files checked: E errors, W warnings`."""
        return (
            f"{_count(self.files, 'file')} checked: {_count(self.errors, 'error')}, "
            f"{_count(self.warnings, 'warning')}"
        )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class ContentErrors(Exception):
    """The content has errors: the build stops before writing anything. Carries the report."""

    def __init__(self, report: Report) -> None:
        super().__init__("\n".join(report.lines()))
        self.report = report


def find_registry(paths: Sequence[str | Path]) -> Path:
    """partners.yaml in the first checked folder or one of its parents, else content/."""
    for raw in paths:
        start = Path(raw).absolute()
        for folder in [start, *start.parents]:
            candidate = folder / REGISTRY_NAME
            if candidate.is_file():
                return candidate
            if folder.name == DEFAULT_CONTENT:
                break
    return Path(DEFAULT_CONTENT) / REGISTRY_NAME


def files_under(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, but hidden files and those in hidden folders (never read)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        yield from (Path(dirpath) / name for name in filenames if not name.startswith("."))


def find_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[str]]:
    """Markdown files named or under the given paths (sorted), and paths that do not exist."""
    found: set[Path] = set()
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            if path.name != REGISTRY_NAME:
                found.add(path)
        elif path.is_dir():
            found.update(p for p in files_under(path) if p.name.endswith(MARKDOWN_SUFFIXES))
        else:
            missing.append(str(raw))
    return sorted(found), missing


def find_refused(
    paths: Sequence[str | Path], show: Callable[[Path], str] = display
) -> list[Problem]:
    """An error for each file under `paths` that the build refuses to publish (HTML, SVG,
    scripts: a browser would run them as pages of the site), named as `show` names it."""
    problems = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            candidates = [path]
        elif path.is_dir():
            candidates = list(files_under(path))
        else:
            continue
        for candidate in candidates:
            reason = refused_file(candidate.name)
            if reason:
                problems.append(Problem(show(candidate), 1, "error", reason))
    return problems


def is_page(path: Path) -> bool:
    """Static pages live under a `pages` folder; every other Markdown file is a release."""
    return "pages" in path.parent.parts and "releases" not in path.parent.parts


def run_checks(
    paths: Sequence[str | Path] = (DEFAULT_CONTENT,), registry_path: str | Path | None = None
) -> Report:
    """Check the releases and pages under `paths` and the registry; raises FileNotFoundError."""
    files, missing = find_files(paths)
    if missing:
        raise FileNotFoundError(", ".join(missing))
    reg_path = Path(registry_path) if registry_path else find_registry(paths)
    reg_shown = display(reg_path)
    problems: list[Problem] = []
    blocked: set[str] = set()
    for raw in paths:
        if Path(raw).is_dir():
            found, links = scan_tree(raw)
            problems += found
            blocked |= links
        elif message := link_problem(raw, reg_path.absolute().parent):
            problems.append(Problem(display(Path(raw)), 1, "error", message))
            blocked.add(os.path.abspath(raw))
    if is_blocked(reg_path, blocked):  # a link leading outside: reported, never read
        registry = Registry([], reg_shown, broken=True)
    else:
        registry = load_registry(reg_path, reg_shown)
    problems += registry.problems
    if reg_path.is_file() and not registry.broken:
        text, _ = read_source(reg_path, reg_shown, MAX_REGISTRY_BYTES)
        problems += check_registry(text or "", reg_shown)
    elif not reg_path.exists() and not reg_path.is_symlink():
        problems.append(
            Problem(
                reg_shown,
                1,
                "error",
                "partner registry not found: run from the project folder or pass --registry PATH",
            )
        )
    default_root = reg_path.absolute().parent / "releases"
    md = converter()  # one Markdown converter for every body
    files = [f for f in files if not is_blocked(f, blocked)]  # reported links: never read
    releases = []
    for path in files:
        shown = display(path)
        text, read_problems = read_source(path, shown)
        problems += read_problems
        if text is None:
            continue
        if is_page(path):
            problems += check_page(text, shown, path, default_root.parent, md)
            continue
        release, found = check_release(text, path, shown, registry, default_root, md)
        problems += found
        if release is not None:
            releases.append((path, release))
    problems += check_duplicates(releases)
    problems += find_refused(paths)
    return Report(len(files) + (1 if reg_path.is_file() else 0), sort_problems(problems))


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems by file, line and level (errors first), each once."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, LEVELS.index(p.level), p.message))


def site_report(
    tree: tuple[list[Problem], set[str]],
    content: str | Path,
    shown: Callable[[str | Path], str],
    registry: Registry,
    registry_text: str | None,
    release_problems: list[Problem],
    releases: list[tuple[Path, Release]],
    pages: list[Path],
    files: int,
) -> Report:
    """The report of a build, as `run_checks` makes it for `archive check`: the content folder as
    a tree (`scan_tree`'s result), the registry, the releases' own problems (found while they
    were read), the pages, the duplicates and the files the build refuses to publish."""
    problems, blocked = tree
    md = converter()
    problems = [*problems, *registry.problems]
    if registry_text is not None and not registry.broken:
        problems += check_registry(registry_text, registry.path)
    problems += release_problems
    for path in pages:
        if is_blocked(path, blocked):
            continue
        text, read_problems = read_source(path, shown(path))
        problems += read_problems
        if text is not None:
            problems += check_page(text, shown(path), path, Path(content), md)
    problems += check_duplicates(releases)
    problems += find_refused([content], shown)
    return Report(files, sort_problems(problems))
