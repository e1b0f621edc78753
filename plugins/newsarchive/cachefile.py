"""Cache files that cannot corrupt a build: salted, checksummed, written whole.

A cache file is a header line, the SHA-256 of the rest, the salt it was made under (what its
entries depend on beyond their own inputs: code, registry, settings) and a pickle. A file that
is missing, from another salt or format, truncated, emptied or garbled is discarded (with a
warning when it is damaged) before anything is unpickled; the build then does the work again.
Files are written to a temporary name and renamed, so a build killed while saving leaves the
previous cache whole.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

logger = logging.getLogger(__name__)

MAGIC = b"newsarchive-cache 1\n"


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` whole: a temporary file beside it, then a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def seal(payload: bytes, salt: str = "") -> bytes:
    """A cache file's bytes: header, checksum, salt, payload."""
    checksum = hashlib.sha256(payload).hexdigest().encode()
    return MAGIC + checksum + b"\n" + salt.encode("utf-8") + b"\n" + payload


def unseal(data: bytes, salt: str, path: str | os.PathLike, what: str) -> bytes | None:
    """The payload of a cache file's bytes; None (with a warning if damaged) when it cannot be
    trusted or was made under another salt."""
    checksum_end = len(MAGIC) + 65
    salt_end = data.find(b"\n", checksum_end)
    if not data.startswith(MAGIC) or salt_end < 0 or data[checksum_end - 1 : checksum_end] != b"\n":
        logger.warning("%s: ignoring a damaged %s (not a cache file); rebuilding it", path, what)
        return None
    payload = data[salt_end + 1 :]
    if hashlib.sha256(payload).hexdigest().encode() != data[len(MAGIC) : checksum_end - 1]:
        logger.warning("%s: ignoring a damaged %s (checksum differs); rebuilding it", path, what)
        return None
    if data[checksum_end:salt_end] != salt.encode("utf-8"):
        return None  # made by other code, settings or registry: stale, not damaged
    return payload


def _read(path: str | os.PathLike, what: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("%s: ignoring the unreadable %s (%s)", path, what, exc.strerror)
        return None


def dump(path: str | os.PathLike, value: Any, salt: str) -> None:
    """Save `value` under `salt` (atomically)."""
    atomic_write(path, seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), salt))


def load(path: str | os.PathLike, salt: str, what: str = "cache") -> Any | None:
    """The value saved under `salt`, or None: missing, made under another salt, or damaged
    (then a warning names the file; the build redoes the work)."""
    data = _read(path, what)
    payload = unseal(data, salt, path, what) if data is not None else None
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception as exc:  # the checksum matched: written by an incompatible version
        logger.warning("%s: ignoring an unreadable %s (%s); rebuilding it", path, what, exc)
        return None


class TemplateCache(BytecodeCache):
    """Jinja's compiled templates in a folder, each file checksummed and written whole.

    Jinja's own FileSystemBytecodeCache hands any bytes to `marshal.load`, and a flipped byte there
    can crash the interpreter; here a damaged file is compiled again, with a warning.
    """

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)

    def _path(self, bucket: Bucket) -> Path:
        return self.directory / f"{bucket.key}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from its file when the file is whole."""
        path = self._path(bucket)
        data = _read(path, "compiled template")
        payload = unseal(data, "", path, "compiled template") if data is not None else None
        if payload is not None:
            bucket.bytecode_from_string(payload)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Save the bucket's compiled template."""
        atomic_write(self._path(bucket), seal(bucket.bytecode_to_string()))


def _digest(path: str | os.PathLike) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def record_checksums(paths: list[str], record: str | os.PathLike) -> None:
    """After a build: the checksum of each file written by code that keeps no checksum itself
    (Pelican's own caches), in `record`."""
    sums = {os.path.basename(p): _digest(p) for p in paths}
    dump(record, {name: digest for name, digest in sums.items() if digest}, "checksums")


def verify_checksums(paths: list[str], record: str | os.PathLike, what: str = "cache") -> None:
    """Before a build: delete each of those files that is not as the last build left it
    (truncated by a killed build, damaged on disk), with a warning; the build rebuilds it."""
    sums = load(record, "checksums", "cache checksums")
    sums = sums if isinstance(sums, dict) else {}
    for path in paths:
        if sums.get(os.path.basename(path)) != _digest(path):
            logger.warning("%s: removing a damaged or unknown %s; rebuilding it", path, what)
            Path(path).unlink(missing_ok=True)
