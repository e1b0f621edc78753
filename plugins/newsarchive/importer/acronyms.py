"""Acronyms a text defines: "Federal Investigation Agency (FIA)" gives FIA its full name."""

from __future__ import annotations

import re

CONNECTORS = {
    "of",
    "for",
    "on",
    "de",
    "del",
    "des",
    "du",
    "la",
    "le",
    "the",
    "in",
    "against",
    "and",
}
ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z.&]{1,11}?)\.?\s*\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in the text: "Federal Investigation Agency (FIA)" -> {"FIA": name}."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        acronym = m.group(1).replace(".", "")
        letters = [c.lower() for c in acronym if c.isupper()]
        before = re.findall(r"[\w'’.&-]+", text[max(0, m.start() - 200) : m.start()])
        name = _name_by_initials(before, letters)
        if name and acronym not in found:
            found[acronym] = name
    return found


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    it = iter(initials)
    return all(letter in it for letter in letters)


def _name_by_initials(before: list[str], letters: list[str]) -> str:
    """The shortest run of capitalized words ending the list whose initials spell the letters."""
    if len(letters) < 2:
        return ""
    initials: list[str] = []
    for i in range(len(before) - 1, max(-1, len(before) - 16), -1):
        word = before[i]
        if word.lower() in CONNECTORS:
            continue
        if not word[:1].isupper():
            return ""
        parts = (
            [c.lower() for c in word]
            if word.isupper() and len(word) <= 4
            else [p[0].lower() for p in re.split(r"[-’']", word) if p[:1].isupper()]
        )
        initials[:0] = parts
        if initials[0] == letters[0] and _subsequence(letters, initials):
            return " ".join(before[i:])
        if len(initials) > len(letters) + 2:
            return ""
    return ""
