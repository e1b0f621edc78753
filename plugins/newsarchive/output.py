"""Writing generated files: whole files only (temp file, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(output_dir: str | os.PathLike, rel_path: str, data: bytes) -> Path:
    """Write `data` to output_dir/rel_path atomically; returns the path written."""
    target = Path(output_dir) / rel_path
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
    target = Path(output_dir) / rel_path
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
