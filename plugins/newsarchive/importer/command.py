"""The `archive import` command: raw press releases in, one Markdown file per release out."""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.duplicates import lead_key
from ..registry import Registry, load_registry
from ..release import dump_release
from ..text import match_key
from .document import SourceError
from .store import (
    Existing,
    append_organizations,
    backup_path,
    find_existing,
    free_path,
    may_update_registry,
    new_organization,
    scan_existing,
    write_atomic,
)

if TYPE_CHECKING:
    from .build import Draft

log = logging.getLogger(__name__)
PROG = "archive import"
DEFAULT_OUTPUT = "content/releases"
DEFAULT_REGISTRY = "content/partners.yaml"
# What `archive import` needs beyond the site's own dependencies: pip's extra "import".
IMPORT_EXTRA = {"bs4": "beautifulsoup4", "lxml": "lxml", "dateparser": "dateparser"}
MISSING_EXTRA = (
    "the importer needs {package}, which is not installed; install the importer's "
    "dependencies with: pip install -e '.[import]'"
)


@dataclass
class Row:
    """One line of the summary table."""

    status: str
    file: str
    draft: Draft
    notes: list[str] = field(default_factory=list)
    backup: str = ""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `import` subcommand."""
    p = sub.add_parser(
        "import",
        help="turn raw press releases (.txt, .html) into release files",
        description="Import raw press releases (text or saved web pages) as Markdown releases "
        "with front matter, one file per release, and list what an editor should check.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="raw release files (.txt, .html)")
    p.add_argument("--output", default=DEFAULT_OUTPUT, help=f"folder (default: {DEFAULT_OUTPUT})")
    p.add_argument("--registry", default=DEFAULT_REGISTRY, help="partner registry YAML")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be written, write nothing"
    )
    p.add_argument("--force", action="store_true", help="replace releases imported before")
    p.set_defaults(func=handler)


def _error(path: str, message: str) -> None:
    print(f"{PROG}: {path}: {message}", file=sys.stderr)


def adopt_new_orgs(drafts: list[Draft], registry: Registry) -> tuple[Registry, list]:
    """The registry with entries for the drafts' unknown organizations, and those entries."""
    added = []
    for draft in drafts:
        funders = set(draft.meta.get("funders") or [])
        for ref in draft.new_orgs:
            if registry.resolve(ref.label) or registry.resolve(ref.name):
                continue
            org = new_organization(ref, registry, funder=ref.label in funders)
            added.append(org)
            registry = Registry([*registry.organizations, org], registry.path)
    return registry, added


def place(draft: Draft, output: Path, existing: list[Existing], args, taken: set) -> Row:
    """Write (or not) one draft and say what happened; a file replaced with --force is kept
    beside it as name.md.bak."""
    date = draft.meta.get("date") or ""
    lead = lead_key(draft.body)
    match = find_existing(existing, draft.meta["source"], draft.title, date, lead)
    if match and not args.force:
        return Row("already imported", str(match.path), draft)
    target = match.path if match else free_path(output / draft.relative_path(), taken)
    taken.add(target)
    text = dump_release(draft.meta, draft.body)
    backup = ""
    if args.dry_run:
        status = "would write"
    elif match and target.exists() and target.read_text(encoding="utf-8") == text:
        status = "unchanged"
    else:
        if match and target.exists():
            kept = backup_path(target)
            write_atomic(kept, target.read_text(encoding="utf-8"))
            backup = str(kept)
        write_atomic(target, text)
        status = "replaced" if match else "written"
    existing.append(Existing(target, draft.meta["source"], match_key(draft.title), date, lead))
    return Row(status, str(target), draft, backup=backup)


def found_text(meta: dict) -> str:
    """What the importer found, in a few words."""
    parts = [meta.get("date") or "no date"]
    for key in ("partners", "funders", "countries", "sdgs"):
        if meta.get(key):
            parts.append(f"{key} {','.join(map(str, meta[key]))}")
    if meta.get("contacts"):
        parts.append(f"{len(meta['contacts'])} contacts")
    return "; ".join(parts)


# Notes about one organization, in the table's few words.
ORG_NOTES = (
    (re.compile(r"^Role of '(.+)' inferred"), "inferred partner"),
    (re.compile(r"^'(.+)' is a generic name"), "country from dateline"),
    (re.compile(r"^'(.+)': a generic name"), "dateline country's body"),
    (re.compile(r"^New organization '(.+)':"), "new org"),
)


def attention_text(meta: dict) -> str:
    """What an editor must check, in a few words: each organization's notes together, new
    organizations first."""
    notes = []
    orgs: dict[str, list[str]] = {}
    for note in meta.get("review") or []:
        found = next((m for p, _ in ORG_NOTES if (m := p.match(note))), None)
        if found:
            short = next(word for p, word in ORG_NOTES if p.match(note))
            orgs.setdefault(found[1], []).append(short)
        elif note.startswith("The source gives no headline"):
            notes.append("provisional title")
        elif note.startswith("The source gives no date"):
            notes.append("undated")
        else:
            notes.append(note)
    notes += [f"new org {label}" for label, kinds in orgs.items() if kinds == ["new org"]]
    notes += [f"{label}: {', '.join(k)}" for label, k in orgs.items() if k != ["new org"]]
    return "; ".join(notes) or "-"


def format_table(rows: list[Row]) -> str:
    """The summary table: status, file, title, what was found, what needs attention."""
    head = ("STATUS", "FILE", "TITLE", "FOUND", "ATTENTION")
    cells = [head] + [
        (r.status, r.file, r.draft.title, found_text(r.draft.meta), attention_text(r.draft.meta))
        for r in rows
    ]
    limits = (16, 80, 50, 70, 200)
    cut = [
        [c if len(c) <= n else c[: n - 1] + "…" for c, n in zip(row, limits, strict=True)]
        for row in cells
    ]
    widths = [max(len(row[i]) for row in cut) for i in range(len(head))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cut
    )


def load_importer():
    """The importer's entry point, or None with one line on stderr when a dependency of the
    "import" extra is missing (the site's build and check never need them)."""
    try:
        for module in IMPORT_EXTRA:
            importlib.import_module(module)
        from .build import import_source
    except ModuleNotFoundError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in IMPORT_EXTRA:
            raise
        print(f"{PROG}: {MISSING_EXTRA.format(package=IMPORT_EXTRA[missing])}", file=sys.stderr)
        return None
    return import_source


def handler(args: argparse.Namespace) -> int:
    """Run the import; exit status 1 when any file could not be imported."""
    import_source = load_importer()
    if import_source is None:
        return 2
    output = Path(args.output)
    registry_path = Path(args.registry)
    registry = load_registry(registry_path)
    broken = [p for p in registry.problems if p.level == "error"]
    if broken:
        _error(
            str(registry_path),
            f"{broken[0].message} (line {broken[0].line}); fix the registry first",
        )
        return 2
    keep_orgs = may_update_registry(registry_path, output) and not args.dry_run
    existing = scan_existing(output)
    rows: list[Row] = []
    added_all = []
    failed = 0
    taken: set[Path] = set()
    for name in args.files:
        path = Path(name)
        try:
            drafts = import_source(path, registry)
            registry, added = adopt_new_orgs(drafts, registry)
            added_all += added
            rows += [place(d, output, existing, args, taken) for d in drafts]
        except SourceError as exc:
            _error(name, str(exc))
            failed += 1
        except OSError as exc:
            _error(name, f"cannot write: {exc.strerror or exc}; check the output folder")
            failed += 1
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            log.debug("import of %s failed", name, exc_info=True)
            _error(name, f"cannot import: internal error ({type(exc).__name__}: {exc}); report it")
            failed += 1
    if keep_orgs and added_all:
        try:
            append_organizations(registry_path, added_all)
        except OSError as exc:
            _error(str(registry_path), f"cannot write: {exc.strerror or exc}")
            failed += 1
    if rows:
        print(format_table(rows))
    for row in rows:
        if row.backup:
            print(f"{row.file}: replaced; the previous version is kept as {row.backup}")
    if added_all:
        where = (
            str(registry_path)
            if keep_orgs
            else "nowhere (output is outside the registry's folder or --dry-run)"
        )
        print(f"\n{len(added_all)} new organizations for review, added to {where}:")
        for org in added_all:
            print(f"  {org.label} [{org.type}]")
    print(f"\n{len(rows)} releases from {len(args.files) - failed} files; {failed} files failed")
    return 1 if failed else 0
