"""Build benchmark: our site vs plain Pelican on the same synthetic archive.

    python tests/benchmarks/bench_build.py --releases 1000 [--json] [--skip-plain] [--keep DIR]

Generates a synthetic archive (tests/synthetic.py) in a temporary folder and measures, each build
in its own process: our cold build (all pages, feeds, search files), a rebuild after one release
changed (content cache on), plain Pelican 4 (its default theme, no plugins, partners as tags) on the
same corpus, peak memory, output size and search files' size. With --json the last line is one
JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return wall, usage.ru_maxrss / 1024


def our_build(content: Path, output: Path, work: Path, cache: bool) -> tuple[float, float]:
    """Our full build in its own process (the settings used by `archive build`)."""
    extra = {"CACHE_CONTENT": cache, "LOAD_CONTENT_CACHE": cache, "CACHE_PATH": str(work / "cache")}
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(output),
        "-q",
        "--fatal",
        "errors",
        "-e",
        *[f"{k}={json.dumps(v)}" for k, v in extra.items()],
    ]
    return run_timed(cmd, work)


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
    args = ap.parse_args(argv)

    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        content = write_archive(work, args.releases)
        gen_s = time.perf_counter() - t0
        output = work / "output"
        build_s, peak = our_build(content, output, work, cache=True)
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
            "files": sum(1 for f in output.rglob("*") if f.is_file()),
        }
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
    for key, value in figures.items():
        print(f"{key:>20}: {value}")
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
