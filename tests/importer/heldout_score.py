"""Score importer drafts against an expected.json, as the shared score_import.py tool does."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.countries import resolve_country
from newsarchive.importer.build import import_source
from newsarchive.registry import Registry


def norm(text: object) -> str:
    """Text compared loosely: NFKC, straight quotes, lower case, no punctuation."""
    s = unicodedata.normalize("NFKC", str(text)).replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"[^\w\s]", "", s.lower())
    return re.sub(r"\s+", " ", s).strip()


def _same_org(produced: str, alias: str) -> bool:
    p, a = norm(produced), norm(alias)
    return (
        p == a
        or (len(a) >= 3 and re.search(rf"\b{re.escape(a)}\b", p) is not None)
        or (len(p) >= 3 and re.search(rf"\b{re.escape(p)}\b", a) is not None)
    )


def match_orgs(produced: list[str], expected: list[list[str]]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of organizations against alias lists."""
    used: set[int] = set()
    for aliases in expected:
        hit = next(
            (
                i
                for i, p in enumerate(produced)
                if i not in used and any(_same_org(p, a) for a in aliases)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
    tp = len(used)
    return tp, len(produced) - tp, len(expected) - tp


def f1(tp: int, fp: int, fn: int) -> float:
    """F1 of counts; 1.0 when there is nothing to find and nothing found."""
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


@dataclass
class Score:
    """Per-field scores of an import against expected releases, with the differences found."""

    releases: int = 0
    found: int = 0
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    sdgs: list[bool] = field(default_factory=list)
    counts: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0, 0] for k in ("countries", "partners", "funders")}
    )
    problems: list[str] = field(default_factory=list)

    def f1(self, key: str) -> float:
        """F1 of countries, partners or funders."""
        return f1(*self.counts[key])


def _best(drafts: list, title: str | None) -> int | None:
    if not drafts:
        return None
    if title is None:
        return 0
    ratio = [difflib.SequenceMatcher(None, norm(d.title), norm(title)).ratio() for d in drafts]
    return ratio.index(max(ratio))


def _fields(meta: dict) -> dict:
    keys = ("date", "sdgs", "countries", "partners", "funders")
    return {k: meta.get(k) for k in keys}


def score_folder(folder: Path, registry: Registry, importer=import_source) -> Score:
    """Import every file expected.json lists and score the drafts against it (with another
    importer's import_source when given: tests/importer/loso.py runs earlier versions)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    score = Score()
    for name, releases in expected.items():
        if name.startswith("_"):
            continue
        drafts = importer(folder / name, registry)
        for exp in releases:
            score.releases += 1
            best = _best(drafts, exp["title"])
            if best is None:
                score.problems.append(f"{name}: missing {exp['title']!r}")
                continue
            meta = drafts.pop(best).meta
            score.found += 1
            if exp["title"] is not None:
                score.titles.append(norm(meta["title"]) == norm(exp["title"]))
            score.dates.append(meta.get("date") == exp["date"])
            score.sdgs.append(sorted(meta.get("sdgs") or []) == sorted(exp["sdgs"]))
            got = {getattr(resolve_country(c), "code", c) for c in meta.get("countries") or []}
            want = set(exp["countries"])
            c = score.counts["countries"]
            c[0], c[1], c[2] = (
                c[0] + len(got & want),
                c[1] + len(got - want),
                c[2] + len(want - got),
            )
            orgs_ok = True
            for key in ("partners", "funders"):
                tp, fp, fn = match_orgs(meta.get(key) or [], exp[key])
                acc = score.counts[key]
                acc[0], acc[1], acc[2] = acc[0] + tp, acc[1] + fp, acc[2] + fn
                orgs_ok = orgs_ok and fp == fn == 0
            title_ok = exp["title"] is None or score.titles[-1]
            if not (title_ok and score.dates[-1] and score.sdgs[-1] and got == want and orgs_ok):
                score.problems.append(f"{name}: {meta['title']!r} {_fields(meta)} vs {exp}")
        score.problems += [f"{name}: extra release {d.title!r}" for d in drafts]
    return score
