"""Unit tests of the search index and its shards: plain data in, plain data out, no Pelican."""

from __future__ import annotations

import json
import random

import pytest
from lunr import get_default_builder

from newsarchive.countries import get_country
from newsarchive.registry import Organization
from newsarchive.sdgs import get_goal
from newsarchive.search import (
    FIELDS,
    SearchDocument,
    build_index,
    field_texts,
    html_to_text,
    search_files,
)
from newsarchive.search.index import fold

UNODC = Organization(
    slug="unodc",
    name="United Nations Office on Drugs and Crime",
    type="un-agency",
    acronym="UNODC",
    aliases=("UN Office on Drugs and Crime",),
)
JAPAN = Organization(slug="government-of-japan", name="Government of Japan", type="government")
WORDS = (
    "migrant smuggling trafficking training border police victims shelter forced labour survey "
    "attorneys journeys"
).split()


def doc(ref: int, title: str, body: str = "", **fields) -> SearchDocument:
    """A search document with sensible empty defaults."""
    values = {
        "url": f"releases/x/{ref}/",
        "date": "",
        "dateline": "",
        "summary": "",
        "organizations": (),
        "countries": (),
        "sdgs": (),
        **fields,
    }
    return SearchDocument(ref=ref, title=title, body=body, **values)


def corpus(count: int, seed: int = 3) -> list[SearchDocument]:
    """`count` documents of random words, tricky text included (accents, hyphens, nbsp)."""
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
        body += " Côte d'Ivoire\xa0co-operation IOM's 1,000 (UNODC) — the and of Организация"
        docs.append(
            doc(
                i,
                f"{rng.choice(WORDS).capitalize()} release {i}",
                body,
                date="" if i % 7 == 3 else f"{2024 - i % 5}-0{1 + i % 9}-1{i % 10}",
                summary=" ".join(rng.choice(WORDS) for _ in range(12)),
                organizations=(UNODC,) if i % 3 == 0 else (JAPAN,),
                countries=(get_country("PK"),) if i % 2 else (get_country("TJ"),),
                sdgs=(get_goal(16),) if i % 4 == 0 else (),
                dateline="Bogotá" if i % 5 == 0 else "Islamabad",
            )
        )
    return docs


def test_html_to_text_keeps_words_apart_and_drops_scripts():
    html = "<p>One</p><p>two<br>three &amp; four</p><script>var x;</script><ul><li>five</li></ul>"
    assert html_to_text(html) == "One two three & four five"


def test_fold_drops_accents_possessives_and_punctuation():
    assert fold("IOM's Côte d'Ivoire (U.N.) co-operation").split() == (
        "IOM Cote d Ivoire U N co-operation".split()
    )
    assert fold("Организация") == "Организация"


def test_list_fields_are_one_string_with_acronyms_names_and_aliases():
    texts = field_texts(
        doc(
            0,
            "T",
            organizations=(UNODC, JAPAN),
            countries=(get_country("PK"),),
            sdgs=(get_goal(16),),
        )
    )
    assert set(texts) == {name for name, _ in FIELDS}
    for word in (
        "unodc",
        "UNODC",
        "United Nations Office on Drugs and Crime",
        "UN Office",
        "Japan",
    ):
        assert word in texts["partner"]
    assert "Pakistan" in texts["country"] and "PK" in texts["country"]
    assert "16" in texts["sdg"] and "Peace" in texts["sdg"]


def test_index_is_the_one_lunr_default_builder_makes():
    from lunr.pipeline import Pipeline
    from lunr.stop_word_filter import stop_word_filter
    from lunr.trimmer import trimmer

    from newsarchive.search.text import stem

    def lunr_js_stemmer(token, i=None, tokens=None):
        return token.update(lambda text, metadata=None: stem(text))

    Pipeline.register_function(lunr_js_stemmer, "lunr-js-stemmer")
    docs = corpus(40)
    builder = get_default_builder()
    builder.pipeline.reset()
    builder.pipeline.add(trimmer, stop_word_filter, lunr_js_stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for d in docs:
        builder.add({"ref": str(d.ref), **field_texts(d)})
    expected = builder.build().serialize()
    assert json.dumps(build_index(docs).serialize(), sort_keys=True) == json.dumps(
        expected, sort_keys=True
    )
    assert "survey" in dict(expected["invertedIndex"])  # lunr.py's own stemmer: "survei"


def read_shards(files: dict[str, bytes]) -> tuple[dict, dict]:
    """(term -> {_index, field -> {ref: {}}}, "field/ref" -> {term index: score}) from files."""
    meta = json.loads(files["index.json"])
    inverted, vectors = {}, {}
    for k in range(len(meta["dict"])):
        chunk = json.loads(files[f"w/{k}.json"])
        terms = chunk["terms"].split("\n")
        assert terms[0] == meta["dict"][k]
        bounds = [*chunk["starts"], len(terms)]
        for j, (lo, hi) in enumerate(zip(bounds, bounds[1:], strict=False)):
            shard = json.loads(files[f"t/{chunk['shard'] + j}.json"])
            assert len(shard) == hi - lo
            for term, entry in zip(terms[lo:hi], shard, strict=True):
                posting = {"_index": entry[0], **{f: {} for f in meta["fields"]}}
                for field, flat in zip(entry[1::2], entry[2::2], strict=True):
                    ref = 0
                    for delta, score in zip(flat[::2], flat[1::2], strict=True):
                        ref += delta
                        name = meta["fields"][field]
                        posting[name][str(ref)] = {}
                        vectors.setdefault(f"{name}/{ref}", {})[entry[0]] = score
                inverted[term] = posting
    return inverted, vectors


def test_shards_hold_every_posting_and_vector_component():
    docs = corpus(60)
    index = build_index(docs)
    files = search_files(docs, index, term_shard_bytes=1024, dictionary_chunk_bytes=64)
    inverted, vectors = read_shards(files)
    assert inverted == index.inverted_index
    for field_ref, vector in index.field_vectors.items():
        elements = vector.elements
        expected = {elements[i]: round(elements[i + 1], 3) for i in range(0, len(elements), 2)}
        assert vectors.get(str(field_ref), {}) == expected
    meta = json.loads(files["index.json"])
    terms = [t for k in range(len(meta["dict"])) for t in read_terms(files, k)]
    assert terms == sorted(terms) and set(terms) == set(index.inverted_index)
    assert len(meta["dict"]) > 5 and meta["dict"] == sorted(meta["dict"])
    shards = [p for p in files if p.startswith("t/")]
    assert len(shards) > len(meta["dict"])
    assert max(len(files[p]) for p in shards) < 3 * 1024
    assert max(len(files[f"w/{k}.json"]) for k in range(len(meta["dict"]))) < 256
    assert len(files["index.json"]) < 4 * 1024  # the root holds no terms


def read_terms(files: dict[str, bytes], k: int) -> list[str]:
    return json.loads(files[f"w/{k}.json"])["terms"].split("\n")


def test_display_and_facet_shards_by_ref_range():
    docs = corpus(25)
    files = search_files(docs, build_index(docs), docs_per_shard=10, facet_docs_per_shard=20)
    assert sorted(p for p in files if p.startswith(("d/", "f/"))) == [
        "d/0.json",
        "d/1.json",
        "d/2.json",
        "f/0.json",
        "f/1.json",
    ]
    meta = json.loads(files["index.json"])
    row = json.loads(files["d/1.json"])[2]  # ref 12
    assert row[0] == docs[12].title and row[1] == docs[12].url and row[2] == docs[12].date
    assert [meta["labels"]["partner"][i][0] for i in row[5]] == [
        o.slug for o in docs[12].organizations
    ]
    assert [meta["labels"]["country"][i][0] for i in row[6]] == ["TJ"]
    facets = json.loads(files["f/1.json"])
    assert len(facets) == 5 and facets[0][0] == int(docs[20].date[:4])
    assert json.loads(files["f/0.json"])[3][0] == 0  # undated


@pytest.mark.parametrize("shard_bytes", [512, 8192])
def test_same_documents_same_bytes(shard_bytes):
    first = search_files(corpus(30), build_index(corpus(30)), term_shard_bytes=shard_bytes)
    second = search_files(corpus(30), build_index(corpus(30)), term_shard_bytes=shard_bytes)
    assert first == second
    changed = corpus(30)
    changed[5] = doc(5, "A different title")
    other = search_files(changed, build_index(changed), term_shard_bytes=shard_bytes)
    assert json.loads(other["index.json"])["id"] != json.loads(first["index.json"])["id"]


@pytest.mark.parametrize("size", [1, 7, 60])
def test_scoring_without_lunr_builder_gives_the_index_lunr_builds(size):
    from newsarchive.search.index import score_documents, scored_from_index

    docs = corpus(size)
    fast = score_documents(docs)
    full = scored_from_index(build_index(docs))
    assert fast.fields == full.fields and fast.pipeline == full.pipeline
    assert fast.term_index == full.term_index
    assert {t: {f: sorted(p) for f, p in v.items()} for t, v in fast.postings.items()} == {
        t: {f: sorted(p) for f, p in v.items()} for t, v in full.postings.items()
    }
    assert search_files(docs, score_documents(docs)) == search_files(docs, build_index(docs))


@pytest.mark.parametrize("size", [1, 2, 60])
def test_scoring_in_two_processes_gives_the_same_files(size):
    from newsarchive.search.index import count_documents
    from newsarchive.search.shards import encode_counts

    docs = corpus(size)
    one = encode_counts(count_documents(docs), processes=1)
    two = encode_counts(count_documents(docs), processes=2)
    assert one == two
    assert search_files(docs, two) == search_files(docs, build_index(docs))


def test_scoring_process_failure_is_raised_with_its_traceback(monkeypatch):
    import os

    from newsarchive.search import shards
    from newsarchive.search.index import count_documents

    parent = os.getpid()
    original = shards._encode_part

    def broken_in_child(*args):
        if os.getpid() != parent:
            raise ValueError("scores exploded")
        return original(*args)

    monkeypatch.setattr(shards, "_encode_part", broken_in_child)
    with pytest.raises(RuntimeError, match="scores exploded"):
        shards.encode_counts(count_documents(corpus(20)), processes=2)


def test_scoring_an_empty_archive_gives_empty_files():
    from newsarchive.search.index import score_documents

    files = search_files([], score_documents([]))
    assert json.loads(files["index.json"])["docs"] == 0
