"""The logic of `archive check`: releases, pages and the registry validated as plain data.

`run_checks(paths)` finds the files, checks each one (`files.py`), then the whole set
(`duplicates.py`) and the registry (`registry.py`), and returns a `Report`. Nothing here prints;
`newsarchive.check` is the command that formats the report.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..markup import converter
from ..registry import Problem, load_registry
from ..sanitize import refused_file
from .duplicates import check_duplicates
from .files import check_page, check_release, display, read_text
from .registry import check_registry

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
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if name.endswith(MARKDOWN_SUFFIXES) and not name.startswith("."):
                        found.add(Path(dirpath) / name)
        else:
            missing.append(str(raw))
    return sorted(found), missing


def find_refused(paths: Sequence[str | Path]) -> list[Problem]:
    """An error for each file under `paths` that the build refuses to publish (HTML, SVG,
    scripts: a browser would run them as pages of the site)."""
    problems = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            candidates = [path]
        elif path.is_dir():
            candidates = []
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                candidates += [Path(dirpath) / n for n in filenames if not n.startswith(".")]
        else:
            continue
        for candidate in candidates:
            reason = refused_file(candidate.name)
            if reason:
                problems.append(Problem(display(candidate), 1, "error", reason))
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
    if reg_path.is_file():
        registry = load_registry(reg_path)
        registry.path = reg_shown
        problems += [replace(p, path=reg_shown) for p in registry.problems]
        problems += check_registry(reg_path.read_text(encoding="utf-8"), reg_shown)
    else:
        registry = load_registry(reg_path)
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
    releases = []
    for path in files:
        shown = display(path)
        text, read_problems = read_text(path, shown)
        problems += read_problems
        if text is None:
            continue
        if is_page(path):
            problems += check_page(text, shown, md)
            continue
        release, found = check_release(text, path, shown, registry, default_root, md)
        problems += found
        if release is not None:
            releases.append((path, release))
    problems += check_duplicates(releases)
    problems += find_refused(paths)
    problems.sort(key=lambda p: (p.path, p.line, LEVELS.index(p.level), p.message))
    return Report(len(files) + (1 if reg_path.is_file() else 0), problems)
