"""Build benchmark: our site vs plain Pelican, Hugo and Pagefind on the same synthetic archive.

    python tests/benchmarks/bench_build.py --releases 1000 [--peers] [--json] [--skip-plain]

Generates a synthetic archive (tests/synthetic.py) in a temporary folder and measures, each build
in its own process: our cold build as `archive build` runs it (all pages, feeds, search files), a
rebuild after one release changed (content cache on), plain Pelican 4 (its default theme, no
plugins, partners as tags) on the same corpus, peak memory, output size and search files' size;
then, for 20 queries run in Node with lunr.js and the page's search code on the written search
files (a fresh engine each, as a page that just opened): the gzip bytes fetched before the first 20
results show, the query time once those files are loaded, and the time of every keystroke as each
query is typed a character at a time (once that keystroke's files are loaded). With --json the last
line is one JSON object with the figures.

With --peers (needs the `bench` extra and Debian's chromium), in the same run: our cold build,
our cold build without the search plugin (what search adds to a build), Hugo 0.168's cold build
of the same releases with three taxonomies and Pagefind 1.5.2 indexing Hugo's release pages, each
--repeat times interleaved (medians compared), and for the plain-word queries the bytes a fresh
page downloads before its first results show, ours and Pagefind's, in Chromium
(tests/benchmarks/peers.py); every comparison is printed as a ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from newsarchive.registry import load_registry  # noqa: E402
from newsarchive.release import parse_release, split_front_matter  # noqa: E402
from tests.synthetic import write_archive  # noqa: E402

# One word, two words, acronyms, full names, a prefix, typos, field queries (synthetic registry).
QUERIES = [
    "migration",
    "trafficking",
    "shelter",
    "forced labour",
    "Pakistan training",
    "children women shelter",
    "border management police",
    "IFRC-SECA",
    "MJL",
    "FENA",
    "Fundación Esperanza para la Niñez y la Adolescencia",
    "Ministère de la Justice et des Libertés",
    "traff*",
    "reintegr*",
    "Tajikstan~1",
    "Tajikstan",
    "partner:ifrc-seca",
    "country:kenya trafficking",
    "sdg:5",
    "zzyzx",
    "Turkey",
    "UK",
    "USA",
    "Ivory Coast",
    "DRC",
]
# Queries without lunr syntax: what Pagefind is asked too.
PLAIN_QUERIES = [q for q in QUERIES if not any(c in q for c in ":*~^+")]
LUNR = ROOT / ".ci" / "node_modules" / "lunr" / "lunr.js"
LUNR_CHECK = ROOT / "tests" / "search" / "lunr_check.js"

PLAIN_CONF = """\
AUTHOR = "Bench"
SITENAME = "Plain Pelican"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
DEFAULT_DATE = (2000, 1, 1)
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
"""


def run_timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; returns (wall seconds, peak resident MiB of that process)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{text[-3000:]}")
    return wall, usage.ru_maxrss / 1024


def our_build(
    content: Path, output: Path, work: Path, cache: bool, without: tuple[str, ...] = ()
) -> tuple[float, float]:
    """Our full build in its own process, as editors and CI run it (`archive build`), with the
    project's settings pointed at this corpus and a cache folder of its own."""
    work.mkdir(parents=True, exist_ok=True)
    settings = work / "benchconf.py"
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from pelicanconf import *  # noqa: F403",
        f"PATH = {str(content)!r}",
        f"CACHE_PATH = {str(work / 'cache')!r}",
        f"CACHE_CONTENT = LOAD_CONTENT_CACHE = {cache!r}",
    ]
    if without:
        lines.append(f"PLUGINS = [p for p in PLUGINS if p not in {list(without)!r}]  # noqa: F405")
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "newsarchive.cli", "build", "--settings", str(settings)]
    return run_timed([*cmd, "--output", str(output)], work)


def plain_corpus(content: Path, target: Path) -> None:
    """The same releases as Pelican-native Markdown (metadata lines; partners as tags)."""
    registry = load_registry(content / "partners.yaml")
    for path in sorted((content / "releases").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        release, _ = parse_release(text, str(path), registry)
        _, body, _ = split_front_matter(text)
        lines = [f"Title: {release.title}"]
        if release.date:
            lines.append(f"Date: {release.date.isoformat()}")
        tags = [o.short.replace(",", " ") for o in release.partners + release.funders]
        lines += [f"Tags: {', '.join(tags)}", f"Summary: {release.summary}", "", body]
        out = target / path.relative_to(content / "releases")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines), encoding="utf-8")


def plain_build(content: Path, work: Path) -> tuple[float, float]:
    """Plain Pelican on the same corpus: default theme, no plugins."""
    plain = work / "plain-content"
    plain_corpus(content, plain)
    conf = work / "plainconf.py"
    conf.write_text(PLAIN_CONF, encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(plain),
        "-s",
        str(conf),
        "-o",
        str(work / "plain-out"),
        "-q",
    ]
    return run_timed(cmd, work)


def folder_size(path: Path) -> int:
    """Total bytes of the files under path."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def gzip_size(path: Path) -> int:
    """Bytes of a file gzipped at level 6 (what a static host sends)."""
    return len(gzip.compress(path.read_bytes(), 6))


def run_queries(folder: Path, queries: list[str], work: Path) -> dict[str, dict]:
    """Per query, in Node with lunr.js: results, files fetched, their gzip kB, cold and warm ms."""
    if not LUNR.exists():
        raise SystemExit(f"bench: {LUNR} missing: run bash .ci/setup first")
    listed = work / "queries.json"
    listed.write_text(json.dumps(queries), encoding="utf-8")
    out = subprocess.run(
        ["node", str(LUNR_CHECK), str(LUNR), str(folder), "-", str(listed), "--typing"],
        capture_output=True,
        text=True,
        check=True,
    )
    sizes: dict[str, int] = {}
    rows = {}
    for query, entry in json.loads(out.stdout).items():
        files = sorted(set(entry["files"]))
        for name in files:
            if name not in sizes:
                sizes[name] = gzip_size(folder / name)
        rows[query] = {
            "results": len(entry["reader"]["shard"]),
            "files": len(files),
            "kB_gzip": round(sum(sizes[f] for f in files) / 1000, 1),
            "first_ms": round(entry["ms"], 1),
            "warm_ms": round(entry["warmMs"], 2),
            "keystroke_ms_max": round(max(entry["typedMs"]), 2),
            "keystrokes": entry["typedMs"],
        }
    return rows


def search_figures(rows: dict[str, dict]) -> dict:
    """Medians and maxima of the per-query figures."""
    kb = [r["kB_gzip"] for r in rows.values()]
    return {
        "search_first_query_kb_median": round(statistics.median(kb), 1),
        "search_first_query_kb_max": round(max(kb), 1),
        "first_query_ms_median": round(statistics.median(r["first_ms"] for r in rows.values()), 1),
        "query_ms_median": round(statistics.median(r["warm_ms"] for r in rows.values()), 2),
        "query_ms_max": round(max(r["warm_ms"] for r in rows.values()), 2),
        "keystroke_ms_median": round(
            statistics.median(t for r in rows.values() for t in r["keystrokes"]), 2
        ),
        "keystroke_ms_max": round(max(r["keystroke_ms_max"] for r in rows.values()), 2),
    }


def peer_figures(content: Path, output: Path, work: Path, repeat: int = 1) -> dict:
    """Hugo and Pagefind beside our build (see the module docstring), with the ratios.

    Each of the four cold runs (ours, ours without search, Hugo, Pagefind) is timed `repeat`
    times, interleaved so that a busy spell of the machine falls on all of them; the medians
    are compared.
    """
    from tests.benchmarks import peers

    site = peers.hugo_site(content, work / "hugo")
    times: dict[str, list[float]] = {"ours": [], "without": [], "hugo": [], "pagefind": []}
    words = None
    for i in range(repeat):
        for name, without in (("ours", ()), ("without", ("archive_search",))):
            folder = work / f"peer-{name}-{i}"
            seconds, _ = our_build(content, folder / "output", folder, True, without)
            times[name].append(seconds)
            shutil.rmtree(folder, ignore_errors=True)
        seconds, _ = run_timed(peers.hugo_command(site), work)
        times["hugo"].append(seconds)
        start = time.perf_counter()
        indexed = subprocess.run(
            peers.pagefind_command(site / "public"), capture_output=True, text=True, check=True
        )
        times["pagefind"].append(time.perf_counter() - start)
        words = re.search(r"Indexed ([\d,]+) words", indexed.stdout)
    ours, without, hugo, pagefind = (statistics.median(times[k]) for k in times)
    rows = peers.fresh_page_bytes(output, site / "public", PLAIN_QUERIES)
    ratios = [r["ratio"] for r in rows.values()]
    return {
        "peer_runs": repeat,
        "cold_build_s": round(ours, 2),
        "cold_build_without_search_s": round(without, 2),
        "search_cost_s": round(ours - without, 2),
        "hugo_s": round(hugo, 2),
        "pagefind_s": round(pagefind, 2),
        "pagefind_words": int(words.group(1).replace(",", "")) if words else None,
        "ours_vs_hugo_plus_pagefind": round(ours / (hugo + pagefind), 2),
        "search_cost_vs_pagefind": round((ours - without) / pagefind, 2),
        "fresh_page_kb_ours_median": statistics.median(r["ours_kB"] for r in rows.values()),
        "fresh_page_kb_ours_max": max(r["ours_kB"] for r in rows.values()),
        "fresh_page_kb_pagefind_median": statistics.median(r["pagefind_kB"] for r in rows.values()),
        "fresh_page_kb_pagefind_max": max(r["pagefind_kB"] for r in rows.values()),
        "fresh_page_ratio_median": round(statistics.median(ratios), 2),
        "fresh_page_ratio_max": max(ratios),
        "peer_queries": rows,
    }


def touch_one_release(content: Path) -> None:
    """Change one release's body, as an editor would."""
    first = sorted((content / "releases").rglob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--releases", type=int, default=1000)
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    ap.add_argument("--skip-plain", action="store_true", help="do not build plain Pelican")
    ap.add_argument("--keep", help="build in this folder and keep it")
    ap.add_argument("--queries", action="store_true", help="also print each query's figures")
    ap.add_argument(
        "--peers", action="store_true", help="also Hugo and Pagefind, side by side (bench extra)"
    )
    ap.add_argument(
        "--repeat", type=int, default=1, help="with --peers: cold runs of each, medians compared"
    )
    ap.add_argument(
        "--compare-without",
        metavar="PLUGIN",
        action="append",
        default=[],
        help="also time a cold build without this plugin (e.g. archive_views), into its own folder",
    )
    args = ap.parse_args(argv)

    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        content = write_archive(work, args.releases)
        gen_s = time.perf_counter() - t0
        output = work / "output"
        build_s, peak = our_build(content, output, work, cache=True)
        per_query = run_queries(output / "search", QUERIES, work)
        peer = peer_figures(content, output, work, args.repeat) if args.peers else {}
        touch_one_release(content)
        rebuild_s, _ = our_build(content, output, work, cache=True)
        figures = {
            "releases": args.releases,
            "generate_s": round(gen_s, 2),
            "build_s": round(build_s, 2),
            "rebuild_s": round(rebuild_s, 2),
            "peak_mib": round(peak, 1),
            "output_mib": round(folder_size(output) / 2**20, 1),
            "search_mib": round(folder_size(output / "search") / 2**20, 2),
            "search_gzip_mib": round(
                sum(gzip_size(f) for f in (output / "search").rglob("*.json")) / 2**20, 2
            ),
            "files": sum(1 for f in output.rglob("*") if f.is_file()),
            **search_figures(per_query),
            **{k: v for k, v in peer.items() if k != "peer_queries"},
        }
        if args.compare_without:
            alone_s, _ = our_build(
                content,
                work / "output-without",
                work / "without",
                cache=False,
                without=tuple(args.compare_without),
            )
            cold_s, _ = our_build(content, work / "output-cold", work / "cold", cache=False)
            figures.update(
                without=",".join(args.compare_without),
                cold_build_s=round(cold_s, 2),
                cold_build_without_s=round(alone_s, 2),
                cost_of_plugins=round(cold_s / alone_s - 1, 3),
            )
        if not args.skip_plain:
            plain_s, plain_peak = plain_build(content, work)
            figures.update(
                plain_pelican_s=round(plain_s, 2),
                plain_peak_mib=round(plain_peak, 1),
                ratio=round(build_s / plain_s, 2),
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.queries:
        for query, row in per_query.items():
            shown = {k: v for k, v in row.items() if k != "keystrokes"}
            print(f"{query!r:>55}: {shown}")
        for query, row in peer.get("peer_queries", {}).items():
            print(f"{query!r:>55}: {row}")
    for key, value in figures.items():
        print(f"{key:>30}: {value}")
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
