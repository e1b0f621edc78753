"""Writing generated files: never outside the output folder, and never left half done.

Files the plugins write go to a temporary name beside them and are renamed into place. While a
build writes, the output folder holds a marker file; a build that finds the marker of one that
did not finish (killed, interrupted, failed) empties the folder first and writes it whole, as a
cold build would, so no half-written page or stray temporary file outlives a stopped build.
Pages themselves are written by Pelican's writer (a temporary file and a rename per page would
cost a tenth of a millisecond each, for nothing the marker does not already give).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

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


def write_bytes(output_dir: str | os.PathLike, rel_path: str, data: bytes) -> Path:
    """Write `data` to output_dir/rel_path atomically; returns the path written."""
    target = output_file(output_dir, rel_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
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
    root.mkdir(parents=True, exist_ok=True)
    (root / UNFINISHED).write_text(
        "An archive build is writing this folder. If this file remains, the build was stopped; "
        "the next build empties the folder and writes it whole.\n",
        encoding="utf-8",
    )
    return emptied


def finish_output(output_dir: str | os.PathLike) -> None:
    """The build wrote everything: remove its marker."""
    (Path(output_dir) / UNFINISHED).unlink(missing_ok=True)
