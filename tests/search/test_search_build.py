"""Build tests: the search files and page a real build writes, queried with real lunr.js."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build, release
from tests.search.conftest import FULL_INDEX, QUERIES, index_terms, run_queries, titles_of


def test_search_files_and_page_are_written(seed_search):
    assert seed_search.errors == []
    search = seed_search.output / "search"
    meta = json.loads((search / "index.json").read_text(encoding="utf-8"))
    assert meta["docs"] == 6 and meta["fields"][:3] == ["title", "summary", "body"]
    assert "partner" in meta["fields"]
    assert all((search / f"w/{k}.json").is_file() for k in range(len(meta["dict"])))
    assert (search / "t/0.json").is_file()
    assert (search / "d/0.json").is_file() and (search / "f/0.json").is_file()
    page = seed_search.page("search/")
    root = page.select_one("[data-search]")
    assert root["data-search-id"] == meta["id"]
    q = page.select_one("[data-search-form] input[name=q]")
    assert page.select_one(f"label[for={q['id']}]").get_text(strip=True)
    status = page.select_one("[data-search-status]")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    scripts = [s["src"] for s in page.select("script[src]")]
    assert [s.rsplit("/", 1)[1] for s in scripts] == ["lunr.min.js", "search-core.js", "search.js"]
    assert all("://" not in s for s in scripts)  # no other host
    assert page.select("noscript a[href]")


def test_search_box_in_the_header_of_every_page(seed_search):
    pages = sorted(seed_search.output.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        form = soup.select_one("header [data-search-box]")
        assert form is not None, path
        assert form["method"] == "get" and form["action"].endswith("search/")
        box = form.select_one("input[name=q]")
        assert form.select_one(f"label[for={box['id']}]"), path


def test_no_inline_scripts_or_event_handlers(seed_search):
    """Every page works under a Content-Security-Policy with script-src 'self'."""
    for path in sorted(seed_search.output.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", path
        for tag in soup.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (path, tag.name)
            assert not str(tag.get("href", "")).lower().startswith("javascript:"), path


def reader(results: dict, query: str) -> list:
    return results[query]["reader"]["shard"]


def test_known_queries_find_the_right_releases(seed_search):
    queries = [
        "UNODC",
        "Pakistan training",
        "Mohammed Abdiker",
        "Tajikstan",
        "partner:unodc",
        "zzyzx",
        "pakis",
        "human trafficking quake",
    ]
    results = run_queries(seed_search.output / "search", queries)
    titles = {q: titles_of(seed_search, reader(results, q)) for q in queries}
    assert titles["UNODC"][0].startswith("IOM and UNODC Join Forces")
    assert titles["Pakistan training"][0].startswith("IOM Pakistan Empowers Stakeholders")
    assert [t[:40] for t in titles["Mohammed Abdiker"]] == [
        "IOM and Human Concern International Sign"
    ]
    assert titles["Tajikstan"] == [
        "IOM Afghanistan and Tajikistan Bring NGO Partners Together to Combat Human Trafficking"
    ]
    assert titles["partner:unodc"] == [titles["UNODC"][0]]
    assert titles["zzyzx"] == []
    assert len(titles["pakis"]) == 3  # typed halfway: a prefix of "pakistan"
    assert titles["human trafficking quake"] == ["Human Trafficking Threat to Quake Survivors"]


def test_acronym_and_full_name_find_the_same_releases(seed_search):
    queries = ["UNODC", "United Nations Office on Drugs and Crime", "unodc"]
    results = run_queries(seed_search.output / "search", queries)
    found = [reader(results, q) for q in queries]
    assert found[0] and found[0] == found[1] == found[2]  # same releases, same scores


def test_alias_finds_what_the_acronym_finds(xss_site):
    queries = ["UNODC", "UN Office on Drugs and Crime", "un office on drugs and crime"]
    results = run_queries(xss_site.output / "search", queries, full_index=False)
    found = [reader(results, q) for q in queries]
    assert len(found[0]) == 1 and found[0] == found[1] == found[2]


def assert_same_as_full_index(results: dict) -> None:
    nonempty = 0
    for query, entry in results.items():
        assert entry["raw"]["shard"] == entry["raw"]["mono"], query
        assert entry["reader"]["shard"] == entry["reader"]["mono"], query
        assert entry["typed"]["shard"] == entry["typed"]["mono"], query
        nonempty += bool(entry["reader"]["shard"])
    assert nonempty >= len(results) // 2


def test_sharded_index_gives_the_full_index_results_on_the_seed(seed_search):
    results = run_queries(seed_search.output / "search", QUERIES)
    assert_same_as_full_index(results)
    assert results["zzyzx"]["reader"]["shard"] == []


def test_sharded_index_gives_the_full_index_results_on_200_releases(synthetic_search):
    assert synthetic_search.errors == []
    meta = json.loads((synthetic_search.output / "search/index.json").read_text("utf-8"))
    assert meta["docs"] == 200 and len(list((synthetic_search.output / "search/t").glob("*"))) > 50
    queries = QUERIES + [
        "FENA",
        "Fundación Esperanza para la Niñez y la Adolescencia",
        "partner:fena",
        "prosecutrs",  # a typo: fuzzy
        "labo",  # typed halfway: prefix
        "Организация",
        "year:2010 shelter",
        # lunr syntax the reader may type, scored without lunr.Index.query (search-core.js score)
        "shelter^3 labour",
        "shelter shelter",
        "+shelter +labour -kenya",
        "+zzyzx shelter",
        "-country:kenya shelter",
        "title:shelter body:labour",
        "tr*ing",
        "*tion",
        "prosecutrs~2 labour",
        "-shelter -labour",
        # named countries and organizations (key terms), any-word results, typing
        "Turkey",
        "UK",
        "US",
        "Ivory Coast",
        "Côte d'Ivoire shelter",
        "FENA labour",
        "shelter zzyzx",
        "labour tr",
        "Организация по безопасности",
        "*ing",
        "l*r",
    ]
    results = run_queries(synthetic_search.output / "search", queries)
    assert_same_as_full_index(results)
    for query in ("forced labour", "prosecutrs", "labo", "FENA", "year:2010 shelter"):
        assert len(results[query]["reader"]["shard"]) > 1, query
    fena = results["FENA"]["reader"]["shard"]
    assert results["Fundación Esperanza para la Niñez y la Adolescencia"]["reader"]["shard"] == fena
    # a query fetches a few dictionary chunks and term shards, not the whole dictionary
    chunks = len(json.loads((synthetic_search.output / "search/index.json").read_bytes())["dict"])
    files = results["Pakistan training"]["files"]
    assert chunks > 20 and len([f for f in files if f.startswith("w/")]) <= 4
    assert len([f for f in files if f.startswith("t/")]) <= 6


@pytest.mark.parametrize("case", ["same_content_same_bytes"])
def test_rebuild_writes_the_same_bytes(seed_search, tmp_path, case):
    again = build(seed_search.content, tmp_path / "output", SEARCH_FULL_INDEX=FULL_INDEX)
    first = sorted(
        p.relative_to(seed_search.output) for p in (seed_search.output / "search").rglob("*")
    )
    second = sorted(p.relative_to(again.output) for p in (again.output / "search").rglob("*"))
    assert first == second
    for rel in first:
        if (seed_search.output / rel).is_file():
            assert (seed_search.output / rel).read_bytes() == (again.output / rel).read_bytes(), rel


def test_search_files_built_in_a_second_process_are_the_same(seed_search, tmp_path):
    # seed_search was built in-process with lunr.py's Builder; this one in a forked process,
    # scored without the Builder in two processes (shards.encode_counts)
    forked = build(seed_search.content, tmp_path / "output", SEARCH_PARALLEL_MIN=1)
    assert forked.errors == []
    for path in sorted((seed_search.output / "search").rglob("*.json")):
        rel = path.relative_to(seed_search.output)
        if path.name != FULL_INDEX:
            assert (forked.output / rel).read_bytes() == path.read_bytes(), rel
    page = (forked.output / "search/index.html").read_text(encoding="utf-8")
    assert json.loads((forked.output / "search/index.json").read_bytes())["id"] in page


def test_search_process_failure_is_a_build_error(seed_search, tmp_path, monkeypatch):
    from archive_search import generator

    def broken(*args, **kwargs):
        raise ValueError("index exploded")

    monkeypatch.setattr(generator, "count_documents", broken)
    site = build(seed_search.content, tmp_path / "output", SEARCH_PARALLEL_MIN=1)
    [error] = site.errors
    assert "search files could not be written" in error and "index exploded" in error


def _search_bytes(output) -> dict:
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted((output / "search").rglob("*.json"))
    }


def test_rebuild_from_the_term_cache_writes_what_a_cold_build_writes(tmp_path):
    from tests.synthetic import write_archive

    content = write_archive(tmp_path / "site", releases=40, organizations=20)
    output = tmp_path / "site" / "output"
    build(content, output)
    cache_file = tmp_path / "site" / "cache" / "search-terms.cache"
    assert cache_file.is_file()

    files = sorted((content / "releases").rglob("*.md"))
    changed = files[3]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nZanzibar ferry inspections.\n", encoding="utf-8"
    )
    retitled = files[5]  # a field other than the body changes: its terms are counted again
    text = retitled.read_text(encoding="utf-8")
    retitled.write_text(text.replace("title: ", "title: Quokka ", 1), encoding="utf-8")
    warm = build(content, output)
    cold = build(content, tmp_path / "cold" / "output", CACHE_CONTENT=False)
    assert warm.errors == [] and cold.errors == []
    assert _search_bytes(warm.output) == _search_bytes(cold.output)
    terms = index_terms(output / "search")
    assert "zanzibar" in terms and "quokka" in terms

    cache_file.write_bytes(b"not a pickle")
    damaged = build(content, output)
    assert any("removed a damaged search cache" in e for e in damaged.errors)
    assert _search_bytes(damaged.output) == _search_bytes(cold.output)


def test_exact_word_outranks_prefix_matches(make_site):
    # lunr's scores alone put the release matching four words that start with "train" in its
    # title, summary and body above the one with "train" once in a long body
    words = "Trainees trainers trainloads trainspotters"
    filler = " ".join(f"word{i}" for i in range(300))
    site = make_site(
        {
            "2024/prefixes.md": release(words, f"{words}.", date="2024-01-02", summary=words),
            "2024/exact.md": release(
                "Police workshop",
                f"{filler} Officers train every year. {filler}",
                date="2024-01-01",
            ),
        }
    )
    results = run_queries(site.output / "search", ["train"], full_index=False)
    found = reader(results, "train")
    assert titles_of(site, found) == ["Police workshop", words]
    assert found[0][1] < found[1][1]  # ranked first with the lower score


def test_any_word_results_are_marked_as_such(seed_search):
    results = run_queries(seed_search.output / "search", ["Tajikistan Japan", "Japan"])
    assert results["Tajikistan Japan"]["relaxed"] is True  # no release has both words
    assert len(reader(results, "Tajikistan Japan")) == 2
    assert results["Japan"]["relaxed"] is False
    entry = results["Tajikistan Japan"]
    assert entry["reader"]["shard"] == entry["reader"]["mono"]
