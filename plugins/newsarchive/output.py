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
