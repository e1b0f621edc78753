"""`archive check`: validate releases, pages and the registry without building the site."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ..problems import Problem, one_line, stop_commands
from . import DEFAULT_CONTENT, Report, run_checks


def format_json(report: Report) -> str:
    """The report as a JSON document for tools (stable: sorted keys, problems sorted)."""
    doc = {
        "files_checked": report.files,
        "errors": report.errors,
        "warnings": report.warnings,
        "problems": [
            {"path": p.path, "line": p.line, "level": p.level, "message": p.message}
            for p in report.problems
        ],
    }
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False)


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    value = value.replace("##[", "##%5B")  # a legacy workflow command, anywhere in a line
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that shows the problem on the file's line."""
    return (
        f"::{problem.level} file={_escape(problem.path, True)},line={problem.line},"
        f"title=archive check::{_escape(problem.message)}"
    )


def run(args: argparse.Namespace) -> int:
    """Handler of `archive check`: print the report; 0 when there is no error, else 1."""
    paths = args.paths or [DEFAULT_CONTENT]
    try:
        report = run_checks(paths, args.registry)
    except FileNotFoundError as exc:
        print(
            f"archive check: no such file or folder: {one_line(exc)}; run from the project "
            "folder or name the files to check",
            file=sys.stderr,
        )
        return 2
    if args.strict:
        report = report.strict()
    if args.format == "json":
        print(format_json(report))
        return 1 if report.errors else 0
    github = args.format == "github" or os.environ.get("GITHUB_ACTIONS") == "true"
    stop, resume = stop_commands()
    if github:  # no quoted content can start a workflow command in the log
        print(stop)
    for line in report.lines():
        print(line)
    if github:
        print(resume)
        for problem in report.problems:
            print(github_annotation(problem))
    return 1 if report.errors else 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `archive check`."""
    p = sub.add_parser(
        "check",
        help="validate releases and the partner registry without building",
        description=(
            "Validate front matter, partners, countries, SDGs, folders, duplicates and the "
            "registry. Prints one 'path:line: level: message' line per problem and a summary; "
            "exits 1 when there are errors. With GITHUB_ACTIONS=true (or --format github) it "
            "also prints GitHub annotations."
        ),
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=f"release files or folders to check (default: {DEFAULT_CONTENT}/)",
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors (CI)")
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default text; github: text, then GitHub annotations)",
    )
    p.add_argument(
        "--registry",
        metavar="PATH",
        help="partner registry (default: partners.yaml of the checked content folder)",
    )
    p.set_defaults(func=run)
