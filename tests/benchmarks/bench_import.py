"""Import benchmark: `archive import` on N raw files of every format the fixtures hold.

    python tests/benchmarks/bench_import.py --files 100 [--runs 3] [--json]

Copies N raw files, cycling through the seeds (when /work/shared/seeds exists), the held-out
IOM-style releases and the other publishers' fixtures (text and HTML, listings, digests, PDF and
email text, the blind sets), into a temporary folder, then times whole `archive import`
processes on all of them at once (startup, the gazetteer read once, parsing, writing). Prints
the files, the releases written (copies of one release are imported once) and the minimum and
median seconds; with --json the last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    Path("/work/shared/seeds"),
    ROOT / "tests/importer/heldout",
    ROOT / "tests/importer/publishers/tune",
    ROOT / "tests/importer/publishers/holdout",
    ROOT / "tests/importer/publishers/blind",
    ROOT / "tests/importer/publishers/blind2",
    ROOT / "tests/importer/publishers/blind3",
    ROOT / "tests/importer/publishers/blind4",
    ROOT / "tests/importer/publishers/blind5",
    ROOT / "tests/importer/publishers/blind6",
]


def raw_files() -> list[Path]:
    """Every raw fixture file (not expected.json), in a stable order."""
    found = []
    for folder in SOURCES:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    return found


def run(files: int, runs: int) -> dict:
    """Time `runs` imports of `files` raw files; each run writes into a fresh folder."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        for i, path in zip(range(files), itertools.cycle(raw_files()), strict=False):
            shutil.copy(path, raw / f"{i:04d}_{path.name}")
        inputs = sorted(str(p) for p in raw.iterdir())
        times, releases = [], 0
        for n in range(runs):
            out = Path(tmp) / f"out{n}"
            cmd = [sys.executable, "-m", "newsarchive.cli", "import", "--output", str(out)]
            cmd += ["--registry", str(ROOT / "content/partners.yaml"), *inputs]
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - start)
            releases = len(list(out.rglob("*.md")))
    return {
        "files": files,
        "written": releases,
        "seconds_min": round(min(times), 2),
        "seconds_median": round(statistics.median(times), 2),
    }


def main() -> None:
    """Command line: run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.files, args.runs)
    print(
        f"{result['files']} files, {result['written']} releases written: "
        f"{result['seconds_min']} s min, {result['seconds_median']} s median"
    )
    if args.json:
        print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
