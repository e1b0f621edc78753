"""What the pull request workflow tells editors (see .github/workflows/pr.yml).

    python .ci/pr_summary.py scope CHANGES
        "content" when every changed file is under content/, else "all"
    python .ci/pr_summary.py summary --changes CHANGES --check CHECK_LOG \\
            --outcome check=success --outcome build=success --outcome tests=failure \\
            [--scope content] [--artifact site-preview]
        the job summary in Markdown: step results, releases added, changed or removed (with
        their titles and dates), every problem `archive check` reported, and how to open the
        preview

CHANGES is `git diff --name-status` output; CHECK_LOG is what `archive check` printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from newsarchive.release import split_front_matter

RELEASES = "content/releases/"
PROBLEM = re.compile(r"^(?P<where>\S+:\d+): (?P<level>error|warning): (?P<message>.+)$")
STATUS = {"A": "added", "R": "renamed", "C": "copied", "M": "changed", "D": "removed"}  # in order
RESULT = {"success": "passed", "failure": "failed", "skipped": "skipped", "cancelled": "cancelled"}
STEPS = (
    ("check", "`archive check --strict`"),
    ("build", "build with `publishconf.py`"),
    ("tests", "tests"),
)


def read_changes(text: str) -> list[tuple[str, str]]:
    """(status letter, path) of each changed file; a rename counts as its new path."""
    changes = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            changes.append((parts[0][:1], parts[-1]))
    return changes


def scope(changes: list[tuple[str, str]]) -> str:
    """ "content" when the change touches only content/, else "all"."""
    if changes and all(path.startswith("content/") for _, path in changes):
        return "content"
    return "all"


def front_matter(path: Path) -> dict:
    """A release's front matter, or {} when it cannot be read (`archive check` says why)."""
    try:
        parts = split_front_matter(path.read_text(encoding="utf-8-sig"))
        data = yaml.safe_load(parts[0]) if parts else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def cell(value: object) -> str:
    """Text for a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ").strip()


def releases_table(changes: list[tuple[str, str]], root: Path) -> list[str]:
    """Releases added, changed or removed, with their titles and dates, added first."""
    rows = [
        (status, path)
        for status, path in changes
        if status in STATUS and path.startswith(RELEASES) and path.endswith((".md", ".markdown"))
    ]
    if not rows:
        return ["No release is added, changed or removed."]
    order = list(STATUS)
    rows.sort(key=lambda row: (order.index(row[0]), row[1]))
    counts = {STATUS[s]: sum(status == s for status, _ in rows) for s in order}
    lines = [", ".join(f"{n} {what}" for what, n in counts.items() if n) + ":", ""]
    lines += ["| | title | date | file |", "| --- | --- | --- | --- |"]
    for status, path in rows:
        meta = {} if status == "D" else front_matter(root / path)
        title = meta.get("title") or ("(removed)" if status == "D" else "(no title)")
        date = meta.get("date") or ("" if status == "D" else "undated")
        draft = " (draft)" if meta.get("status") == "draft" else ""
        lines.append(f"| {STATUS[status]} | {cell(title)}{draft} | {cell(date)} | `{path}` |")
    return lines


def problems_list(check_log: str) -> list[str]:
    found = [m for m in map(PROBLEM.match, check_log.splitlines()) if m]
    if not found:
        return ["No problem found."]
    errors = sum(m["level"] == "error" for m in found)
    lines = [f"{errors} error(s), {len(found) - errors} warning(s) (`--strict` fails on both):", ""]
    lines += [f"- `{m['where']}`: **{m['level']}**: {m['message']}" for m in found]
    return lines


def summary(
    changes: list[tuple[str, str]],
    check_log: str,
    outcomes: dict[str, str],
    root: Path,
    scope_name: str,
    artifact: str,
) -> str:
    """The job summary as Markdown."""
    tests = "content tests (`pytest -m content`)" if scope_name == "content" else "whole suite"
    lines = ["## Pull request check", "", "| step | result |", "| --- | --- |"]
    for key, label in STEPS:
        label = f"{label}: {tests}" if key == "tests" else label
        outcome = outcomes.get(key, "skipped")
        lines.append(f"| {label} | {RESULT.get(outcome, outcome)} |")
    lines += ["", "### Releases", "", *releases_table(changes, root)]
    lines += ["", "### `archive check`", "", *problems_list(check_log)]
    if outcomes.get("build") == "success" and artifact:
        lines += [
            "",
            "### Preview",
            "",
            f"Download the **{artifact}** artifact (this run's Summary page, Artifacts), unzip "
            f"it and run `python3 -m http.server 8000 -d {artifact}`, then open "
            "<http://127.0.0.1:8000/>: the site as it would be published, search included.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pr_summary.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_scope = sub.add_parser("scope", help="content or all")
    p_scope.add_argument("changes", type=Path)
    p_sum = sub.add_parser("summary", help="the job summary in Markdown")
    p_sum.add_argument("--changes", type=Path, required=True)
    p_sum.add_argument("--check", type=Path, required=True)
    p_sum.add_argument("--outcome", action="append", default=[], metavar="STEP=OUTCOME")
    p_sum.add_argument("--scope", default="all", choices=["content", "all"])
    p_sum.add_argument("--artifact", default="")
    p_sum.add_argument("--root", type=Path, default=Path("."), help="the checkout")
    args = parser.parse_args(argv)

    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    changes = read_changes(text(args.changes))
    if args.command == "scope":
        print(scope(changes))
        return 0
    outcomes = dict(item.split("=", 1) for item in args.outcome if "=" in item)
    out = summary(changes, text(args.check), outcomes, args.root, args.scope, args.artifact)
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
