"""A problem found in content: where, how bad, what to do; printed as one safe line.

Messages quote content (titles, names, file names), and what `archive check` and `archive build`
print reaches terminals and the GitHub Actions log. A quoted value must not be able to start a
line of its own there: a line beginning with `::` is a workflow command (`::add-mask::`,
`::stop-commands::`, `::error ...::`) and `##[` starts a legacy one. So every line is made one
line (control characters and line separators shown as escapes) and those markers are broken up;
in GitHub Actions the commands also print their text between `stop_commands()` markers.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """`text` on one line, safe to print where workflow commands are read (CI logs)."""
    text = CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), str(text))
    text = text.replace("##[", "##\\[")
    if text.lstrip().startswith("::"):
        text = "\\" + text.lstrip()
    return text


def stop_commands() -> tuple[str, str]:
    """Two lines between which GitHub Actions reads no workflow command (with a fresh token, so
    printed content cannot turn them back on)."""
    token = secrets.token_hex(16)
    return f"::stop-commands::{token}", f"::{token}::"


@dataclass(frozen=True)
class Problem:
    """A problem found in a data file: where, how bad, and what to do."""

    path: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        return one_line(f"{self.path}:{self.line}: {self.level}: {self.message}")
