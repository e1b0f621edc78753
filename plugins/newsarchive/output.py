"""Writing generated files: whole files only, never outside the output folder.

Every file is written to a temporary name in the output folder's `.archive-tmp/` and renamed into
place, so a build that is killed leaves each file either as it was or complete. While a build
writes, the output folder holds a marker file; a build that finds the marker of one that did not
finish empties the folder first and writes it whole, as a cold build would.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

TEMP_DIR = ".archive-tmp"
UNFINISHED = ".archive-unfinished"


class OutputPathError(ValueError):
    """A file would be written outside the output folder."""


def output_file(output_dir: str | os.PathLike, rel_path: str) -> Path:
    """output_dir/rel_path; refused when rel_path is absolute or leads outside output_dir."""
    root = os.path.normpath(os.path.abspath(output_dir))
    target = os.path.normpath(os.path.join(root, rel_path))
    if os.path.isabs(rel_path) or "\0" in rel_path or not target.startswith(os.path.join(root, "")):
        raise OutputPathError(
            f"refusing to write {rel_path!r}: it is outside the output folder {output_dir}"
        )
    return Path(target)


def _temporary(output_dir: str | os.PathLike, name: str) -> tuple[int, str]:
    folder = Path(output_dir) / TEMP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(dir=folder, prefix=f"{name[:40]}.")


def write_bytes(output_dir: str | os.PathLike, rel_path: str, data: bytes) -> Path:
    """Write `data` to output_dir/rel_path atomically; returns the path written."""
    target = output_file(output_dir, rel_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temporary(output_dir, target.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


class AtomicTextFile:
    """A text file opened for writing in the output folder that appears only once it is closed
    without an error (for Pelican's writer, which writes pages with `with open(...) as f`)."""

    def __init__(self, output_dir: str | os.PathLike, path: str | os.PathLike, encoding: str):
        self.path = Path(path)
        fd, self.tmp = _temporary(output_dir, self.path.name)
        self.file = os.fdopen(fd, "w", encoding=encoding)

    def write(self, text: str) -> int:
        """Write text to the temporary file."""
        return self.file.write(text)

    def __enter__(self) -> AtomicTextFile:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.file.close()
        if kind is None:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)


def write_if_changed(output_dir: str | os.PathLike, rel_path: str, data: bytes) -> bool:
    """Write like `write_bytes` unless the file already holds exactly `data`; True if written.

    An unchanged file keeps its modification time, so a rebuild rewrites (and a sync to the
    host uploads) only what changed.
    """
    target = output_file(output_dir, rel_path)
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:  # missing or unreadable: write it
        pass
    write_bytes(output_dir, rel_path, data)
    return True


def relative_path(path: str, base: str) -> str:
    """`path` relative to the folder `base` (os.path.relpath, without its cost for paths inside)."""
    prefix = os.path.join(base, "")
    if path.startswith(prefix) and os.path.normpath(path) == path:
        return path[len(prefix) :]
    return os.path.relpath(path, base)


def _holds(folder: Path, path: str | os.PathLike) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(os.path.join(base, ""))


def begin_output(
    output_dir: str | os.PathLike,
    clean: bool = False,
    keep: Iterable[str] = (),
    protect: Iterable[str | os.PathLike] = (),
) -> bool:
    """Get the output folder ready for a build to write into; returns True when it was emptied.

    It is emptied (but for the names in `keep`) when `clean` is asked (publishing) or when the
    previous build into it did not finish; never when it holds one of the `protect` paths (the
    content folder). Then the marker of a build in progress is written.
    """
    root = Path(output_dir)
    unfinished = (root / UNFINISHED).exists()
    emptied = False
    if (clean or unfinished) and root.is_dir():
        if any(_holds(root, p) for p in protect):
            logger.warning("%s holds the content folder: not emptying it", root)
        else:
            if unfinished and not clean:
                logger.warning(
                    "%s: the last build into this folder did not finish; writing it whole", root
                )
            kept = set(keep)
            for entry in root.iterdir():
                if entry.name in kept:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            emptied = True
    shutil.rmtree(root / TEMP_DIR, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    (root / UNFINISHED).write_text(
        "An archive build is writing this folder. If this file remains, the build was stopped; "
        "the next build empties the folder and writes it whole.\n",
        encoding="utf-8",
    )
    return emptied


def finish_output(output_dir: str | os.PathLike) -> None:
    """The build wrote everything: remove its temporary folder and its marker."""
    root = Path(output_dir)
    shutil.rmtree(root / TEMP_DIR, ignore_errors=True)
    (root / UNFINISHED).unlink(missing_ok=True)
