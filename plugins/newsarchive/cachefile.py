"""Cache files that cannot corrupt a build: salted, checksummed, written whole.

A cache file is a header line, the SHA-256 of what follows, the salt it was made under (what its
entries depend on beyond their own inputs: code, registry, settings) and a pickle. A file that
is missing, from another salt or format, truncated, emptied or garbled is discarded (with a
warning when it is damaged) before anything is unpickled; the build then does the work again.
Files are written to a temporary name and renamed, so a build killed while saving leaves the
previous cache whole.
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
from pathlib import Path
from typing import Any, BinaryIO

from jinja2.bccache import Bucket, BytecodeCache

logger = logging.getLogger(__name__)

MAGIC = b"newsarchive-cache 1\n"


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` whole: a temporary file beside it, then a rename."""
    with _atomic(path) as fh:
        fh.write(data)


class _atomic:
    """A binary file written to a temporary name beside `path`, renamed there once closed
    without an error (removed otherwise)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")

    def __enter__(self) -> BinaryIO:
        self.file = open(self.tmp, "wb")
        return self.file

    def __exit__(self, kind, value, traceback) -> None:
        self.file.close()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def _header(salt: str, checksum: str) -> bytes:
    return MAGIC + checksum.encode() + b"\n" + salt.encode("utf-8") + b"\n"


def seal(payload: bytes, salt: str = "") -> bytes:
    """A cache file's bytes: header, checksum (of the salt and the payload), salt, payload."""
    checksum = hashlib.sha256(salt.encode("utf-8") + b"\n" + payload).hexdigest()
    return _header(salt, checksum) + payload


def _damaged(path, what: str, why: str) -> None:
    """Remove a damaged cache file, then say so (removed first: a build that stops on warnings
    (--strict) must not find it again)."""
    Path(path).unlink(missing_ok=True)
    logger.warning("%s: removed a damaged %s (%s); it is rebuilt", path, what, why)


def _payload_start(fh: BinaryIO, salt: str, path, what: str) -> int | None:
    """Check a cache file read from `fh`: its offset of the payload when whole and made under
    `salt`; None (with a warning when damaged) otherwise. Reads the file once, in pieces."""
    magic, checksum, stored = fh.readline(64), fh.readline(80), fh.readline(4096)
    if magic != MAGIC or len(checksum) != 65 or not stored.endswith(b"\n"):
        _damaged(path, what, "not a cache file")
        return None
    start = fh.tell()
    digest = hashlib.sha256(stored)
    for piece in iter(lambda: fh.read(1 << 20), b""):
        digest.update(piece)
    if digest.hexdigest().encode() != checksum[:-1]:
        _damaged(path, what, "checksum differs")
        return None
    if stored[:-1] != salt.encode("utf-8"):
        return None  # made by other code, settings or registry: stale, not damaged
    return start


def unseal(data: bytes, salt: str, path: str | os.PathLike, what: str) -> bytes | None:
    """The payload of a small cache file's bytes, or None (see `_payload_start`)."""
    fh = io.BytesIO(data)
    start = _payload_start(fh, salt, path, what)
    return None if start is None else data[start:]


class _Hashing:
    """A file wrapper that hashes what is written through it."""

    def __init__(self, fh: BinaryIO, digest) -> None:
        self.fh, self.digest = fh, digest

    def write(self, data) -> int:
        self.digest.update(data)
        return self.fh.write(data)


def dump(path: str | os.PathLike, value: Any, salt: str) -> None:
    """Save `value` under `salt` (atomically; pickled straight to the file, never held whole)."""
    with _atomic(path) as fh:
        fh.write(_header(salt, "0" * 64))
        digest = hashlib.sha256(salt.encode("utf-8") + b"\n")
        pickle.dump(value, _Hashing(fh, digest), protocol=pickle.HIGHEST_PROTOCOL)
        fh.seek(len(MAGIC))
        fh.write(digest.hexdigest().encode())


def load(path: str | os.PathLike, salt: str, what: str = "cache") -> Any | None:
    """The value saved under `salt`, or None: missing, made under another salt, or damaged
    (then a warning names the file; the build redoes the work)."""
    try:
        with open(path, "rb") as fh:
            start = _payload_start(fh, salt, path, what)
            if start is None:
                return None
            fh.seek(start)
            collecting = gc.isenabled()
            gc.disable()  # unpickling makes millions of objects and no garbage: 2.5x faster
            try:
                return pickle.load(fh)
            except Exception as exc:  # the checksum matched: written by an incompatible version
                _damaged(path, what, f"{type(exc).__name__}: {exc}")
                return None
            finally:
                if collecting:
                    gc.enable()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("%s: ignoring the unreadable %s (%s)", path, what, exc.strerror)
        return None


def _read(path: str | os.PathLike, what: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("%s: ignoring the unreadable %s (%s)", path, what, exc.strerror)
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


def record_checksums(paths: list[str], record: str | os.PathLike, salt: str = "") -> None:
    """After a build: the checksum of each file written by code that keeps no checksum itself
    (Pelican's own caches), in `record`, with the `salt` of the code that made them."""
    sums = {os.path.basename(p): _digest(p) for p in paths}
    sums = {name: digest for name, digest in sums.items() if digest}
    dump(record, {"salt": salt, "sums": sums}, "checksums")


def verify_checksums(
    paths: list[str], record: str | os.PathLike, what: str = "cache", salt: str = ""
) -> None:
    """Before a build: delete each of those files that is not as the last build left it
    (truncated by a killed build, damaged on disk), with a warning; the build rebuilds it.
    Files made by code of another `salt` are deleted too, quietly: they may name functions and
    classes that code had (a pickle naming one that is gone cannot be loaded)."""
    made = load(record, "checksums", "cache checksums")
    if isinstance(made, dict) and made.get("salt") != salt:
        for path in paths:
            Path(path).unlink(missing_ok=True)
        logger.debug("%s: removed %d %s file(s) made by other code", record, len(paths), what)
        return
    sums = made.get("sums") if isinstance(made, dict) else None
    sums = sums if isinstance(sums, dict) else {}
    for path in paths:
        if sums.get(os.path.basename(path)) != _digest(path):
            Path(path).unlink(missing_ok=True)
            logger.warning("%s: removed a damaged or unknown %s; it is rebuilt", path, what)
