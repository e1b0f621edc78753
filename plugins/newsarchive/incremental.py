"""Skip re-rendering pages whose inputs did not change since the last build.

Each page (or paginated group of pages) has a key and a fingerprint of what it shows. The manifest
of the previous build, kept in the cache folder, says which files each key wrote; when the
fingerprint is the same and the files are still there, the page is not rendered again. A salt made
of the theme, the plugins' code, the registry and the settings invalidates every page at once.
Files the previous build wrote for pages that no longer exist (a release removed, a partner no
longer named) are deleted, so the output holds what a cold build would. Each output folder has
its own manifest: building into another folder neither skips nor deletes pages of the first.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from . import cachefile
from .output import relative_path

MANIFEST_KEY = "archive_page_manifest"
WRITTEN_PAGES_KEY = "archive_written_pages"
MANIFEST_FORMAT = "pages 2"
_PRIMITIVES = (str, int, float, bool, type(None), list, tuple, dict)


def fingerprint(*parts) -> str:
    """A short digest of JSON-serialisable parts."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def tree_digest(paths: list[Path], suffixes: tuple[str, ...] = ()) -> str:
    """Digest of the contents of every file under the given files or folders."""
    digest = hashlib.sha1()
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if suffixes and path.suffix not in suffixes:
                continue
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def settings_digest(settings: dict, skip: tuple[str, ...] = ()) -> str:
    """Digest of the plain-valued settings (objects are named by type, never by address)."""
    plain = {k: v for k, v in settings.items() if isinstance(v, _PRIMITIVES) and k not in skip}
    text = json.dumps(plain, sort_keys=True, default=lambda o: type(o).__name__)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def code_salt(settings: dict) -> str:
    """What every cached release depends on besides its source and the registry: the theme's
    templates, the plugins' code and data, and the settings (but not the output folder)."""
    code = [os.path.join(settings["THEME"], "templates"), *settings.get("PLUGIN_PATHS", [])]
    return fingerprint(
        tree_digest([Path(p) for p in code], (".html", ".py", ".yaml", ".csv", ".json")),
        settings_digest(settings, skip=("OUTPUT_PATH",)),
    )


def registry_digest(settings: dict) -> str:
    """A digest of the partner registry: a renamed, re-typed or deleted organization changes the
    releases that name it and every page listing organizations."""
    registry = os.path.join(settings["PATH"], settings.get("ARCHIVE_REGISTRY", "partners.yaml"))
    return tree_digest([Path(registry)]) if os.path.isfile(registry) else ""


def build_salt(settings: dict) -> str:
    """What every page depends on besides what it shows: code, settings and the registry."""
    return fingerprint(code_salt(settings), registry_digest(settings))


def _valid_pages(pages) -> dict[str, list]:
    """The manifest's pages when each is [fingerprint, [relative paths]], else nothing."""
    if not isinstance(pages, dict):
        return {}
    for entry in pages.values():
        if not (
            isinstance(entry, list)
            and len(entry) == 2
            and isinstance(entry[0], str)
            and isinstance(entry[1], list)
            and all(isinstance(f, str) for f in entry[1])
        ):
            return {}
    return pages


class PageManifest:
    """Fingerprints and files of the pages of the previous build into one output folder (its
    own file in the cache folder) and of this one."""

    def __init__(self, path: Path, salt: str, output_dir: str):
        self.path = Path(path)
        self.salt = salt
        self.output_dir = output_dir
        self.previous: dict[str, list] = {}
        self.current: dict[str, list] = {}
        self.skipped = 0
        data = cachefile.load(self.path, MANIFEST_FORMAT, "page manifest")
        if not isinstance(data, dict) or data.get("output") != os.path.realpath(output_dir):
            data = {}
        pages = _valid_pages(data.get("pages"))
        # whatever the salt, these are the files the previous build wrote
        self.previous_files = {f for entry in pages.values() for f in entry[1]}
        if data.get("salt") == salt:
            self.previous = pages

    def fresh(self, key: str, print_: str) -> list[str] | None:
        """Absolute paths of the files the page wrote last time, if unchanged and still there."""
        entry = self.previous.get(key)
        if not entry or entry[0] != print_:
            return None
        files = [os.path.join(self.output_dir, f) for f in entry[1]]
        if not files or not all(os.path.exists(f) for f in files):
            return None
        self.skipped += 1
        return files

    def record(self, key: str, print_: str, files: list[str]) -> None:
        """Note what a page wrote in this build."""
        rel = sorted(relative_path(f, self.output_dir) for f in files)
        self.current[key] = [print_, rel]

    def remove_stale(self) -> list[str]:
        """Delete the files of the previous build that this one did not write (and folders left
        empty by that); returns their paths relative to the output folder."""
        written = {f for entry in self.current.values() for f in entry[1]}
        removed = []
        root = os.path.abspath(self.output_dir)
        for rel in sorted(self.previous_files - written):
            path = os.path.abspath(os.path.join(root, rel))
            if not path.startswith(os.path.join(root, "")) or not os.path.isfile(path):
                continue
            os.unlink(path)
            removed.append(rel)
            folder = os.path.dirname(path)
            while folder != root and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        return removed

    def save(self) -> None:
        """Write this build's manifest (whole file, then rename)."""
        payload = {
            "output": os.path.realpath(self.output_dir),
            "salt": self.salt,
            "pages": self.current,
        }
        cachefile.dump(self.path, payload, MANIFEST_FORMAT)
