"""Right answers: a relevance test set on the seed and on a 2,000-release synthetic archive.

Each query has its expected releases (titles on the seed; on the synthetic archive, the releases
of the organization or country it names, or the one release whose headline it is). The share of
expected releases in each query's top 3 is written to tests/artifacts/relevance.json.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from newsarchive.registry import load_registry
from newsarchive.release import parse_release
from newsarchive.text import slugify
from tests.search.conftest import ARTIFACTS, run_queries
from tests.synthetic import registry_entries

# query -> the start of the title of each release expected in the top 3 (the seed has 6)
SEED = {
    "UNODC": ["IOM and UNODC Join Forces"],
    "United Nations Office on Drugs and Crime": ["IOM and UNODC Join Forces"],
    "Pakistan training": ["IOM Pakistan Empowers Stakeholders"],
    "Tajikstan": ["IOM Afghanistan and Tajikistan"],
    "human trafficking quake": ["Human Trafficking Threat to Quake Survivors"],
    "NCHR": ["NCHR and IOM Pakistan sign"],
    "Human Concern International": ["IOM and Human Concern International Sign"],
    "Japan": ["Human Trafficking Threat to Quake Survivors"],
    "Egypt": ["IOM and UNODC Join Forces"],
    "migrant smuggling": ["IOM and UNODC Join Forces"],
    "Denmark": ["IOM Pakistan Empowers Stakeholders"],
    "MoU": ["NCHR and IOM Pakistan sign"],
}
# query -> the country (code) whose releases are expected first
COUNTRIES = {
    "Turkey": "TR",
    "Türkiye": "TR",
    "UK": "GB",
    "United Kingdom": "GB",
    "USA": "US",
    "US": "US",
    "DRC": "CD",
    "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI",
    "Russia": "RU",
    "Holland": "NL",
    "Burma": "MM",
    "Pakistan": "PK",
    "trafficking Pakistan": "PK",
}
# query -> the organization (slug) whose releases are expected first
ORGANIZATIONS = {
    "MJL": "mjl",
    "Ministère de la Justice et des Libertés": "mjl",
    "FENA": "fena",
    "Fundación Esperanza para la Niñez y la Adolescencia": "fena",
    "IFRC-SECA": "ifrc-seca",
    "ОБСЕ": slugify("ОБСЕ"),
}
KNOWN_ITEMS = 5  # headlines searched for their own release
THRESHOLD = 0.9


def top3_share(found: list, expected: set) -> tuple[int, int]:
    """(expected releases among the first 3 results, how many could be there)."""
    return sum(1 for ref in found[:3] if ref in expected), min(3, len(expected))


def rows_of(search_dir: Path) -> tuple[dict, list]:
    """(index.json, every display row by ref)."""
    meta = json.loads((search_dir / "index.json").read_text(encoding="utf-8"))
    rows = []
    for k in range(-(-meta["docs"] // meta["docShard"])):
        rows += json.loads((search_dir / f"d/{k}.json").read_text(encoding="utf-8"))
    return meta, rows


def synthetic_judgments(content: Path, meta: dict, rows: list) -> dict[str, set[int]]:
    """Query -> refs of the releases expected first, from the archive's own metadata."""
    partners = [p[0] for p in meta["labels"]["partner"]]
    countries = [c[0] for c in meta["labels"]["country"]]
    judged: dict[str, set[int]] = {}
    for query, code in COUNTRIES.items():
        judged[query] = {r for r, row in enumerate(rows) if code in [countries[i] for i in row[6]]}
    orgs = dict(ORGANIZATIONS)
    for entry in registry_entries(300, random.Random(7))[10:300:90]:  # generated organizations
        orgs[entry["acronym"]] = entry["slug"]
        orgs[entry["name"]] = entry["slug"]
    for query, slug in orgs.items():
        judged[query] = {r for r, row in enumerate(rows) if slug in [partners[i] for i in row[5]]}
    registry = load_registry(content / "partners.yaml")
    files = sorted((content / "releases").rglob("*.md"))
    url_refs = {row[1]: r for r, row in enumerate(rows)}
    for path in files[:: len(files) // KNOWN_ITEMS][:KNOWN_ITEMS]:
        release, _ = parse_release(path.read_text(encoding="utf-8"), str(path), registry)
        url = f"releases/{path.parent.name}/{path.stem}/"
        judged[release.title.rsplit(" (", 1)[0]] = {url_refs[url]}
    return judged


def test_relevance_set_on_the_seed_and_a_synthetic_archive(seed_search, archive_2000):
    assert archive_2000.errors == []
    report, hits, possible = {}, 0, 0
    seed_meta, seed_rows = rows_of(seed_search.output / "search")
    seed_found = run_queries(seed_search.output / "search", list(SEED), full_index=False)
    for query, titles in SEED.items():
        expected = {r for r, row in enumerate(seed_rows) if row[0].startswith(tuple(titles))}
        assert len(expected) == len(titles), query
        found = [ref for ref, _, _ in seed_found[query]["reader"]["shard"]]
        report[f"seed: {query}"] = top3_share(found, expected)
    search = archive_2000.output / "search"
    meta, rows = rows_of(search)
    judged = synthetic_judgments(archive_2000.content, meta, rows)
    assert len(SEED) + len(judged) >= 30
    results = run_queries(search, list(judged), full_index=False)
    for query, expected in judged.items():
        assert len(expected) >= 1, query
        found = [ref for ref, _, _ in results[query]["reader"]["shard"]]
        report[f"synthetic: {query}"] = top3_share(found, expected)
    hits = sum(h for h, _ in report.values())
    possible = sum(p for _, p in report.values())
    share = hits / possible
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "relevance.json").write_text(
        json.dumps(
            {"queries": len(report), "top3_share": round(share, 3), "per_query": report},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    missed = {q: hp for q, hp in report.items() if hp[0] < hp[1]}
    assert share >= THRESHOLD, missed
    for query in COUNTRIES:  # a named country's own releases first, always
        assert report[f"synthetic: {query}"] == (3, 3), query
