"""Reading content files defensively: a file that cannot be used is one Problem, never a traceback.

Content arrives through pull requests: a file may be a dangling symbolic link, a pipe, unreadable,
not UTF-8, or large enough to exhaust the build. Each is refused before it is parsed, with the fix.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import Problem

MIB = 2**20
MAX_TEXT_BYTES = 2 * MIB  # a release or page: the longest real ones are tens of kB
MAX_REGISTRY_BYTES = 8 * MIB  # tens of thousands of organizations


NOT_REGULAR = "not a regular file (a pipe, socket or device): remove it from content/"


def dangling(target: str) -> str:
    """The message for a symbolic link to nothing."""
    return (
        f"symbolic link to a missing file ({target}): copy the file into content/ or remove "
        "the link"
    )


def outside_link(target: str) -> str:
    """The message for a symbolic link leading outside the content folder."""
    return (
        f"symbolic link to {target}, outside content/: it would be published; copy the file "
        "into content/ if it belongs on the site, else remove the link"
    )


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MiB" if n >= MIB else f"{n / 1024:.0f} kB"


def read_source(
    path: str | os.PathLike, shown: str, limit: int = MAX_TEXT_BYTES, kind: str = "release or page"
) -> tuple[str | None, list[Problem]]:
    """The file's text (UTF-8, BOM allowed), or None and one problem saying what to do."""

    def refuse(message: str, line: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, "error", message)]

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return refuse(dangling(os.readlink(path)))
        return refuse("file vanished while it was read: run again")
    except OSError as exc:
        return refuse(f"cannot be read ({exc.strerror}): check the file and its folder")
    if stat.S_ISDIR(info.st_mode):
        return refuse("a folder named like a file: rename it")
    if not stat.S_ISREG(info.st_mode):
        return refuse(NOT_REGULAR)
    if info.st_size > limit:
        return refuse(
            f"file is {_size(info.st_size)}, over the {_size(limit)} a {kind} may be: split it, "
            "or move embedded data out of it (images go in content/images/)"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        return refuse("cannot be read (permission denied): make the file readable (chmod a+r)")
    except OSError as exc:
        return refuse(f"cannot be read ({exc.strerror}): check the file and its folder")
    if len(data) > limit:
        return refuse(f"file grew over the {_size(limit)} a {kind} may be: split it")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return refuse("not UTF-8 text: save the file as UTF-8", line)


def display(path: str | os.PathLike) -> str:
    """A path as shown in messages: relative to the current folder when inside it, with '/'."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()
