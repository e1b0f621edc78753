"""Where a release says who issues it: source credits ("Source: IOM Germany", "Distributed by
APO on behalf of ..."), an email's or a government page's "From:" field, a text file's letterhead.
publisher.py decides which clue names the publisher."""

from __future__ import annotations

import re

from .lines import SOURCE_LINE, is_boilerplate, is_chrome, is_prose, words

ON_BEHALF = re.compile(r"^distributed by .{0,80}? on behalf of (?P<name>.+?)\.?$", re.I)


def source_clues(lines: list[str]) -> list[str]:
    """Organizations a source credit names: "Source: IOM Germany", "SOURCE" above a name,
    "Distributed by APO on behalf of ..."."""
    found = []
    for i, line in enumerate(lines):
        for part in re.split(r"\s+[·|]\s+", line):
            m = SOURCE_LINE.match(part.strip()) or ON_BEHALF.match(part.strip())
            if m:
                found.append(m["name"].strip())
        if line.strip().upper() == "SOURCE":
            nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
            if nxt and len(words(nxt)) <= 12:
                found.append(nxt.strip())
    return found


SENDER = re.compile(r"^(?:from|sender)\s*:\s*(?P<name>.+)$", re.I)
# What an email's sender adds to an organization's name: its press desk ("Issara Institute
# Communications", "UNHCR Press Office").
SENDER_DESK = re.compile(
    r"\s+(?:communications?|comms|press(?: office| team| desk)?|media(?: relations| team| office|"
    r" unit| desk)?|news(?:room| desk)?|public (?:affairs|information))$",
    re.I,
)


def sender_clues(lines: list[str]) -> list[str]:
    """Who sends a release, as an email's or a government page's "From:" field says, before
    the release's text starts ("From: La Strada International <press@...>", "From: Home
    Office and The Rt Hon ...")."""
    found = []
    prose = 0
    for line in lines:
        prose += is_prose(line)
        if prose >= 2:
            break
        m = SENDER.match(line.strip())
        if m:
            name = re.sub(r"\s*<[^>]*>|\s*\[[^\]]*\]", "", m["name"])
            name = re.split(r"\s+and\s+(?:the\s+)?(?:rt\.? hon|hon|mr|ms|dr)\b", name, flags=re.I)[
                0
            ]
            name = SENDER_DESK.sub("", name.strip(" ,;"))
            if name and not re.search(r"@|\d", name):
                found.append(name)
    return found


def header_clues(preamble: list[str]) -> list[str]:
    """Name-like lines at the top of a text file (a site's or service's name, an issuer's
    letterhead in capitals with its acronym: "NATIONAL AGENCY FOR ... (NAPTIP)")."""
    found = []
    for line in preamble[:8]:
        text = re.sub(r"\s*(?:\[[^\]]*\]|\([^)]*\))", "", line).strip()
        limit = 14 if text.isupper() else 8
        if not text or is_boilerplate(text) or len(words(text)) > limit or text.endswith("."):
            continue
        if is_chrome(text) or re.search(r"\d", text):
            continue
        found.append(text)
        acronym = re.search(r"\(([A-Z]{2,10})\)\s*$", line)
        if acronym:
            found.append(acronym[1])
    return found
