"""Leave-one-set-out evaluation of the importer's inferred partners (importer/inferred.py).

Every fixture set has been tuned on, so today's importer scores them all near 1.0, which says
nothing of a set nobody has seen. What this script measures instead: for each blind set, the
importer as it was just before that set was first scored (the commit in SNAPSHOTS: the set's
expected values written, the importer not yet changed for it), with today's salience features
(importer/salience.py) and inferred-partner rule (importer/inferred.py) on top. The rule's
weights for a held-out set are chosen on the other five sets only, from a small grid (each
feature weighs 0, 1 or 2; a partner needs a total of 2 or 3), then the held-out set is scored
with a real import. The table gives each set's untouched score, its score with the rule chosen
without it, the mean and spread over the six sets, and the same for the rule the importer ships.

Run from a git checkout (the snapshots come from its history):
    .venv/bin/python -m tests.importer.loso [--sets blind,blind2,...]
It takes about a minute; nothing it writes outlives the run.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newsarchive.importer.acronyms import acronym_definitions
from newsarchive.importer.inferred import FEATURES, RULE, Rule, features, inferred_partners
from newsarchive.importer.mentions import foreign_acronyms
from newsarchive.importer.roles import PartyFinder
from newsarchive.importer.salience import standings
from newsarchive.registry import load_registry
from tests.importer.heldout_score import _best, f1, match_orgs, score_folder

ROOT = Path(__file__).resolve().parents[2]
PUBLISHERS = Path(__file__).parent / "publishers"
# The commit that added each blind set, before any change made from its failures.
SNAPSHOTS = {
    "blind": "d9f738e",
    "blind2": "3c8217e",
    "blind3": "e5533e2",
    "blind4": "d435c3d",
    "blind5": "fb39770",
    "blind6": "417f509",
}


@dataclass
class Candidate:
    """One organization a release names that the phrases did not make a party."""

    label: str
    features: dict[str, bool]


@dataclass
class Release:
    """What one release's import gave: its expected values, the phrases' partners, and the
    organizations the rule may add."""

    expected: dict
    partners: list[str]
    candidates: list[Candidate]


def snapshot(name: str, commit: str, into: Path):
    """The importer package as it was at a commit, importable as snap_<name>."""
    folder = into / name
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "plugins/newsarchive"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    (folder / "plugins" / "newsarchive").rename(folder / f"snap_{name}")
    sys.path.insert(0, str(folder))
    return importlib.import_module(f"snap_{name}")


def _augment(build, registry, rule: Rule | None, calls: list | None):
    """Wrap an importer's find_parties: record each call's candidates, and with a rule add
    the partners it infers (as today's find_parties does)."""
    original = build.find_parties

    def find_parties(text, _registry, country=None, publisher=None):
        parties = original(text, _registry, country, publisher)
        acronyms = acronym_definitions(text)
        foreign = foreign_acronyms(acronyms, registry)
        finder = PartyFinder(registry, publisher, country, acronyms, foreign)
        found = parties.partners + parties.funders
        owns = _owns(publisher)
        sts = standings(text, registry, country, finder)
        eligible = inferred_partners(sts, found, country, owns, Rule((), 0))
        if calls is not None:
            taken = {r.key for r in found}
            candidates = [Candidate(s.ref.label, features(s, taken)) for s in eligible]
            calls.append((text, candidates, bool(found)))
        if rule is None:
            return parties
        extra = [s.ref for s in inferred_partners(sts, found, country, owns, rule)]
        labels = [r.label for r in extra]
        return parties._replace(
            partners=parties.partners + extra, inferred=list(parties.inferred) + labels
        )

    build.find_parties = find_parties
    return original


def _owns(publisher):
    """The publisher's test of its own state's bodies, as today's takes it (name, home)."""
    test = getattr(publisher, "owns", None)
    if test is None:
        return lambda name, home: False
    try:
        test("Office", None)
        return test
    except TypeError:  # an earlier importer's owns(name)
        return lambda name, home: test(name)


def record(name: str, package, registry) -> list[Release]:
    """Import a set with an earlier importer and keep, per release, what a rule needs."""
    build = importlib.import_module(f"{package.__name__}.importer.build")
    own_registry = importlib.import_module(f"{package.__name__}.registry")
    snap_registry = own_registry.load_registry(ROOT / "content" / "partners.yaml")
    calls: list = []
    original = _augment(build, registry, None, calls)
    folder = PUBLISHERS / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    releases = []
    try:
        for file, items in expected.items():
            if file.startswith("_"):
                continue
            calls.clear()
            drafts = build.import_source(folder / file, snap_registry)
            pairs = list(zip(drafts, _calls_per_draft(drafts, calls), strict=True))
            for exp in items:
                best = _best([d for d, _ in pairs], exp["title"])
                if best is None:
                    continue
                draft, candidates = pairs.pop(best)
                releases.append(Release(exp, draft.meta["partners"], candidates))
    finally:
        build.find_parties = original
    return releases


def _calls_per_draft(drafts: list, calls: list) -> list[list[Candidate]]:
    """The candidates of the call whose parties each draft kept: a draft with a headline reads
    its text twice (with and without it) and keeps the second reading when it finds a party."""
    out, i = [], 0
    for _ in drafts:
        text, candidates, _found = calls[i]
        i += 1
        if i < len(calls) and calls[i][0] == text[text.find("\n") + 1 :]:
            if calls[i][2]:
                candidates = calls[i][1]
            i += 1
        out.append(candidates)
    return out


def counts(releases: list[Release], accepted: frozenset | None = None) -> tuple[int, int, int]:
    """Partners' (true positives, false positives, false negatives) with the phrases' partners
    and the candidates whose features are among the accepted patterns."""
    total = [0, 0, 0]
    for rel in releases:
        added = [c.label for c in rel.candidates if _pattern(c) in (accepted or ())]
        got = match_orgs(rel.partners + added, rel.expected["partners"])
        total = [a + b for a, b in zip(total, got, strict=True)]
    return total[0], total[1], total[2]


def _pattern(candidate: Candidate) -> tuple[bool, ...]:
    return tuple(candidate.features[f] for f in FEATURES)


def accepted(rule: Rule, patterns: set[tuple[bool, ...]]) -> frozenset:
    """The feature patterns a rule makes partners."""
    weights = dict(rule.weights)
    w = [weights.get(f, 0) for f in FEATURES]
    return frozenset(
        p for p in patterns if sum(x for x, on in zip(w, p, strict=True) if on) >= rule.threshold
    )


def show(name: str, releases: list[Release], rule: Rule) -> None:
    """Print each partner a rule adds to a set, marked + when the editor lists it, - when not,
    with the features that made it."""
    for rel in releases:
        added = [c for c in rel.candidates if rule.score(c.features) >= rule.threshold]
        tp = match_orgs(rel.partners, rel.expected["partners"])[0]
        for c in added:
            gain = match_orgs(rel.partners + [c.label], rel.expected["partners"])[0] > tp
            on = " ".join(k for k, v in c.features.items() if v)
            print(f"  {name:7} {'+' if gain else '-'} {c.label[:60]:60} {on}")


def grid() -> list[Rule]:
    """Every rule of the family: each feature weighs 0, 1 or 2, a partner needs 2 or 3."""
    return [
        Rule(tuple(zip(FEATURES, weights, strict=True)), threshold)
        for weights in itertools.product((0, 1, 2), repeat=len(FEATURES))
        for threshold in (2, 3)
    ]


def score_table(records: dict[str, list[Release]], rules: list[Rule]) -> list[dict]:
    """Each rule's partners counts on each set (rules that accept the same patterns share them)."""
    patterns = {s: {_pattern(c) for r in rel for c in r.candidates} for s, rel in records.items()}
    everything = set().union(*patterns.values())
    memo: dict = {}
    table = []
    for rule in rules:
        chosen = accepted(rule, everything)
        row = {}
        for name, releases in records.items():
            key = (name, chosen & patterns[name])
            if key not in memo:
                memo[key] = counts(releases, key[1])
            row[name] = memo[key]
        table.append(row)
    return table


def choose(rules: list[Rule], table: list[dict], sets: list[str]) -> Rule:
    """The rule with the best partners F1 on these sets (then the better precision, then the
    fewer features)."""

    def merit(i: int):
        tp, fp, fn = (sum(x) for x in zip(*(table[i][s] for s in sets), strict=True))
        return f1(tp, fp, fn), tp / (tp + fp or 1), -sum(1 for _, w in rules[i].weights if w)

    return rules[max(range(len(rules)), key=merit)]


def held_out_score(name: str, package, registry, rule: Rule | None):
    """A real import of a set with an earlier importer, with a rule's inferred partners."""
    build = importlib.import_module(f"{package.__name__}.importer.build")
    own_registry = importlib.import_module(f"{package.__name__}.registry")
    snap_registry = own_registry.load_registry(ROOT / "content" / "partners.yaml")
    original = _augment(build, registry, rule, None)
    try:
        return score_folder(PUBLISHERS / name, snap_registry, build.import_source)
    finally:
        build.find_parties = original


def _prf(c) -> str:
    tp, fp, fn = c
    return f"{f1(tp, fp, fn):.2f} (P {tp / (tp + fp or 1):.2f} R {tp / (tp + fn or 1):.2f})"


def _summary(label: str, rows: list) -> None:
    scores = [f1(*c) for c in rows]
    pooled = tuple(sum(x) for x in zip(*rows, strict=True))
    print(
        f"{label:34} mean {statistics.mean(scores):.3f} spread (sd) "
        f"{statistics.pstdev(scores):.3f} min {min(scores):.2f} max {max(scores):.2f}; "
        f"pooled {_prf(pooled)}"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the leave-one-set-out table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SNAPSHOTS), help="blind sets to use")
    parser.add_argument("--show", action="store_true", help="list what the shipped rule adds")
    args = parser.parse_args(argv)
    sets = args.sets.split(",")
    registry = load_registry(ROOT / "content" / "partners.yaml")
    rules = grid()
    with tempfile.TemporaryDirectory() as tmp:
        packages = {s: snapshot(s, SNAPSHOTS[s], Path(tmp)) for s in sets}
        records = {s: record(s, packages[s], registry) for s in sets}
        for name in sets if args.show else []:
            show(name, records[name], RULE)
        scores = score_table(records, rules)
        table = {}
        for held in sets:
            chosen = choose(rules, scores, [s for s in sets if s != held])
            runs = [held_out_score(held, packages[held], registry, r) for r in (None, chosen, RULE)]
            table[held] = (chosen, runs)
        overall = choose(rules, scores, sets)
    print("set     untouched partners      funders  | rule chosen without it | shipped rule")
    for held, (chosen, (base, loso, shipped)) in table.items():
        print(
            f"{held:7} {_prf(base.counts['partners'])} {base.f1('funders'):.2f}     | "
            f"{_prf(loso.counts['partners'])} | {_prf(shipped.counts['partners'])}"
        )
        print(f"        chosen: {chosen.describe()}")
    print(f"chosen on all these sets: {overall.describe()}")
    print(f"shipped (importer/inferred.py): {RULE.describe()}")
    for label, i in (("untouched", 0), ("leave-one-set-out", 1), ("shipped rule (in-sample)", 2)):
        _summary(f"partners, {label}", [runs[i].counts["partners"] for _, runs in table.values()])
        _summary(f"funders, {label}", [runs[i].counts["funders"] for _, runs in table.values()])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
