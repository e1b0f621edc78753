"""Checks of the content folder as a tree: nothing in it may lead outside it.

Pelican reads and copies what is under content/ and follows symbolic links while doing so, so a
link in content/images/ to ~/.ssh/id_rsa, /etc/passwd or the CI runner's files would be
published. A link may point inside content/ (it is read like the file it names); one leading
outside, nowhere or into a loop is an error naming the file, as is anything that is not a plain
file or folder (pipes, sockets, devices block or crash a build) and a name with control
characters.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

from ..problems import CONTROL, Problem
from ..sources import NOT_REGULAR, dangling, display, outside_link
from ..text import quote


def _inside(real: str, base: str) -> bool:
    return real == base or real.startswith(os.path.join(base, ""))


def scan_tree(
    root: str | os.PathLike, shown: Callable[[str], str] = display
) -> tuple[list[Problem], set[str]]:
    """Problems of every entry under `root` (links leading outside it, nowhere or into a loop,
    special files, names with control characters), and the paths that must not be read because
    of them. Folders linked inside `root` are followed (as Pelican does), each once. Plain files
    and folders cost no system call beyond listing their folder."""
    base = os.path.realpath(root)
    problems: list[Problem] = []
    blocked: set[str] = set()
    for path, message in _walk(str(root), base):
        problems.append(Problem(shown(path), 1, "error", message))
        blocked.add(os.path.abspath(path))
    return problems, blocked


def is_blocked(path: str | os.PathLike, blocked: set[str]) -> bool:
    """True when `path` is one of the `blocked` paths of a scan or under one of them."""
    if not blocked:
        return False
    path = os.path.abspath(path)
    return any(path == b or path.startswith(os.path.join(b, "")) for b in blocked)


def _walk(root: str, base: str) -> Iterator[tuple[str, str]]:
    stack = [(root, (base,))]  # a folder and the real paths of the folders above it (loops)
    while stack:
        folder, above = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"folder cannot be read ({exc.strerror}): make it readable (chmod a+rx)"
            continue
        for entry in entries:
            if CONTROL.search(entry.name):
                yield entry.path, "file name contains a control character: rename it"
                continue
            if entry.is_symlink():
                problem = _link_problem(entry.path, base, above)
                if problem:
                    yield entry.path, problem
                elif os.path.isdir(entry.path):
                    stack.append((entry.path, (*above, os.path.realpath(entry.path))))
                elif not os.path.isfile(entry.path):
                    yield entry.path, NOT_REGULAR
            elif entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, (*above, os.path.join(above[-1], entry.name))))
            elif not entry.is_file(follow_symlinks=False):
                yield entry.path, NOT_REGULAR


def link_problem(path: str | os.PathLike, root: str | os.PathLike) -> str | None:
    """What is wrong with `path` if it is a symbolic link leading outside `root` or nowhere."""
    if not os.path.islink(path):
        return None
    base = os.path.realpath(root)
    return _link_problem(os.fspath(path), base, (base,))


def _link_problem(path: str, base: str, above: tuple[str, ...]) -> str | None:
    target = os.readlink(path)
    if not os.path.exists(path):
        return dangling(target)
    real = os.path.realpath(path)
    if not _inside(real, base):
        return outside_link(target)
    if real in above:
        return f"symbolic link to a folder that contains it ({target}): a loop; remove the link"
    return None


def unsafe_link(target: str, source_dir: str | Path, root: str | Path) -> bool:
    """True when an intra-site link target (as written after {static}, {attach}, {filename})
    resolves outside the content folder `root`. `source_dir` is the linking file's folder."""
    if target.startswith("/"):
        joined = os.path.join(root, target.lstrip("/"))
    else:
        joined = os.path.join(source_dir, target)
    normal = os.path.normpath(os.path.abspath(joined))
    if not _inside(normal, os.path.normpath(os.path.abspath(root))):
        return True
    return os.path.lexists(normal) and not _inside(os.path.realpath(normal), os.path.realpath(root))


# Pelican's intra-site links, as written in Markdown or HTML: {static}path, |static|path, ...
_INTRASITE = re.compile(r"[{|](static|attach|filename)[|}]([^\s)\"'<>\]]*)")


def check_links(text: str, shown: str, source_dir: str | Path, root: str | Path) -> list[Problem]:
    """`{static}`, `{attach}` and `{filename}` links in a file's text that lead outside the
    content folder `root` (Pelican would copy what they name into the site)."""
    if "static" not in text and "attach" not in text and "filename" not in text:
        return []
    problems = []
    for match in _INTRASITE.finditer(text):
        what, target = match.groups()
        variants = {target, unquote(target), html.unescape(target), unquote(html.unescape(target))}
        if any(unsafe_link(v.split("#")[0].split("?")[0], source_dir, root) for v in variants):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    f"{{{what}}} link to {quote(target)} leads outside content/: link only to "
                    "files under content/ (put images in content/images/)",
                )
            )
    return problems
