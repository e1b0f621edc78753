"""Search benchmark: index build time, search file sizes, first-query download and time.

    python tests/benchmarks/bench_search.py --releases 10000 [--json] [--keep DIR]

Writes a synthetic archive (tests/synthetic.py), builds it with the project's settings, reads the
search plugin's own timing from the log, sums the search files, then runs queries in Node with
real lunr.js on a fresh engine each (as a page that just opened): the files fetched up to the
first 20 results shown, their gzip size, and the time taken (files read from disk, no network).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_build import QUERIES, gzip_size, run_queries, search_figures  # noqa: E402
from tests.conftest import build  # noqa: E402
from tests.search.conftest import index_terms  # noqa: E402
from tests.synthetic import write_archive  # noqa: E402


def measure(releases: int, keep: str | None) -> dict:
    """Build a synthetic archive of `releases` and measure its search files and queries."""
    base = Path(keep or tempfile.mkdtemp(prefix="bench-search-"))
    content = write_archive(base, releases)
    logging.getLogger("archive_search").setLevel(logging.INFO)  # its timing record
    start = time.perf_counter()
    site = build(content, base / "output")
    build_s = time.perf_counter() - start
    [record] = [r for r in site.records if r.getMessage().startswith("archive_search:")]
    index_s = record.args[-1]
    folder = base / "output" / "search"
    files = sorted(p for p in folder.rglob("*.json"))
    terms = [p for p in files if p.parent.name == "t"]
    per_query = run_queries(folder, QUERIES, base)
    return {
        "releases": releases,
        "build_s": round(build_s, 2),
        "search_index_s": round(index_s, 2),
        "files": len(files),
        "total_MB": round(sum(p.stat().st_size for p in files) / 1e6, 2),
        "total_MB_gzip": round(sum(gzip_size(p) for p in files) / 1e6, 2),
        "index_json_kB": round((folder / "index.json").stat().st_size / 1000, 1),
        "index_json_kB_gzip": round(gzip_size(folder / "index.json") / 1000, 1),
        "terms": len(index_terms(folder)),
        "dictionary_chunks": len(json.loads((folder / "index.json").read_text())["dict"]),
        "dictionary_kB_gzip": round(sum(gzip_size(p) for p in folder.glob("w/*.json")) / 1000, 1),
        "term_shards": len(terms),
        "term_shard_kB_median": round(statistics.median(p.stat().st_size for p in terms) / 1000, 1),
        "term_shard_kB_max": round(max(p.stat().st_size for p in terms) / 1000, 1),
        **search_figures(per_query),
        "queries": per_query,
    }


def main() -> None:
    """Command line: print the figures (and one JSON line with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--keep", help="folder to keep the archive and its output in")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.releases, args.keep)
    for key, value in figures.items():
        if key != "queries":
            print(f"{key:>24}: {value}")
    for q, row in figures["queries"].items():
        print(f"{q!r:>26}: {row}")
    if args.json:
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
