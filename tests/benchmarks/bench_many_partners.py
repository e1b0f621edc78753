"""Output size when one release names thousands of organizations (and every country).

    python tests/benchmarks/bench_many_partners.py --partners 5000 [--releases 50] [--json]

Writes a synthetic archive (tests/synthetic.py) whose registry has `--partners` organizations,
adds one release naming all of them as partners and every country, builds it as `archive build`
does, and reports the output's total size, the build's wall time and the largest files by kind.
Every organization's page and feed lists that release: names rendered in full on each would grow
the output with the square of the number of organizations.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from newsarchive.countries import all_countries  # noqa: E402
from newsarchive.release import dump_release  # noqa: E402
from tests.benchmarks.bench_build import folder_size, our_build  # noqa: E402
from tests.synthetic import write_archive  # noqa: E402

KINDS = {  # label -> glob of the files of that kind
    "release page": "releases/*/everyone-together/index.html",
    "partner pages": "partners/*/index.html",
    "partner feeds": "partners/*/feed.atom",
    "country pages": "countries/*/index.html",
    "site feed": "feeds/all.atom",
    "search files": "search/**/*.json",
}


def write_corpus(folder: Path, partners: int, releases: int) -> Path:
    """The synthetic archive plus one release naming every organization and every country."""
    content = write_archive(folder, releases=releases, organizations=partners)
    import yaml

    slugs = [e["slug"] for e in yaml.safe_load((content / "partners.yaml").read_text("utf-8"))]
    meta = {
        "title": "Everyone together",
        "date": "2024-07-02",
        "summary": "One release naming every organization of the registry.",
        "partners": slugs,
        "countries": [c.code for c in all_countries()],
        "sdgs": [16, 17],
    }
    path = content / "releases" / "2024" / "everyone-together.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_release(meta, "The body of the release."), encoding="utf-8")
    return content


def measure(partners: int, releases: int) -> dict:
    """Build the corpus once; sizes in bytes, time in seconds."""
    with tempfile.TemporaryDirectory(prefix="bench-partners-") as tmp:
        work = Path(tmp)
        content = write_corpus(work, partners, releases)
        output = work / "output"
        wall, peak = our_build(content, output, work / "work", cache=False)
        figures = {
            "partners": partners,
            "releases": releases + 1,
            "build_s": round(wall, 2),
            "peak_mib": round(peak),
            "output_bytes": folder_size(output),
        }
        for label, pattern in KINDS.items():
            files = list(output.glob(pattern))
            sizes = [f.stat().st_size for f in files]
            figures[label] = {
                "files": len(files),
                "total_bytes": sum(sizes),
                "largest_bytes": max(sizes, default=0),
            }
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--releases", type=int, default=50, help="other releases (synthetic)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    figures = measure(args.partners, args.releases)
    mib = figures["output_bytes"] / 2**20
    print(f"{args.partners} organizations in one release, {figures['releases']} releases")
    print(f"build {figures['build_s']} s, peak {figures['peak_mib']} MiB, output {mib:.1f} MiB")
    for label in KINDS:
        k = figures[label]
        print(
            f"  {label}: {k['files']} files, {k['total_bytes'] / 2**20:.1f} MiB, "
            f"largest {k['largest_bytes'] / 1024:.0f} KiB"
        )
    if args.json:
        print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
