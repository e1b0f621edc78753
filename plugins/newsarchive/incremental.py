"""Skip re-rendering pages whose inputs did not change since the last build.

Each page (or paginated group of pages) has a key and a fingerprint of what it shows. The manifest
of the previous build, kept in the cache folder, says which files each key wrote; when the
fingerprint is the same and the files are still there, the page is not rendered again. A salt made
of the theme, the plugins' code, the registry and the settings invalidates every page at once.
Files the previous build wrote for pages that no longer exist (a release removed, a partner no
longer named) are deleted, so the output holds what a cold build would.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .output import relative_path

MANIFEST_KEY = "archive_page_manifest"
WRITTEN_PAGES_KEY = "archive_written_pages"
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


def settings_digest(settings: dict) -> str:
    """Digest of the plain-valued settings (objects are named by type, never by address)."""
    plain = {k: v for k, v in settings.items() if isinstance(v, _PRIMITIVES)}
    text = json.dumps(plain, sort_keys=True, default=lambda o: type(o).__name__)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


class PageManifest:
    """Fingerprints and files of the pages of the previous build and of this one."""

    def __init__(self, path: Path, salt: str, output_dir: str):
        self.path = Path(path)
        self.salt = salt
        self.output_dir = output_dir
        self.previous: dict[str, list] = {}
        self.current: dict[str, list] = {}
        self.skipped = 0
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        pages = data.get("pages") if isinstance(data.get("pages"), dict) else {}
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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        payload = {"salt": self.salt, "pages": self.current}
        tmp.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)
