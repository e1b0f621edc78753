"""The search files: the lunr index split by term, so a query fetches only what it needs.

Every archive size gets the same format (all JSON, `sort_keys`, no spaces, UTF-8):

`index.json`, the root, loaded first (a few kB)
    `fields`, `pipeline` (as in a serialized lunr index), `docs` (document count), `dict`: the
    first term of each dictionary chunk (terms sorted in UTF-16 order, as lunr.js's
    TokenSet.Builder wants); `docShard` and `facetShard`: documents per display and facet shard;
    `labels` of partners (`[slug, acronym or name, name, [aliases], key term]`), countries
    (`[code, name, slug, [every name], key term]`) and goals (`[number, title, colour, text
    colour, slug]`), a key term being a term of the `partner` or `country` field that only that
    organization's or country's releases hold there (null when it has none); `urls`: the site's
    URL patterns; `id`: a hash of everything, for cache busting.
`w/<k>.json`, dictionary chunk k: terms `dict[k]` up to `dict[k+1]` (about 8 kB)
    `terms`: the chunk's terms joined with newlines; `shard`, `starts`: term shard `shard + j`
    holds the chunk's terms from position `starts[j]` (a term shard never spans two chunks).
`t/<k>.json`, term shard k (a few kB)
    one entry per term: `[termIndex, field, postings, field, postings, ...]`: the lunr `_index`
    of the term, then for each field (position in `fields`) that holds it, a flat list
    `[ref, score, ref, score, ...]` with refs ascending and delta-encoded (the first absolute) and
    the score being the term's component of that field's vector in the full lunr index.
`d/<k>.json`, display data of refs `k*docShard` up to `(k+1)*docShard`
    `[title, url, date, dateline, snippet, [partner], [country], [sdg]]`, partners and countries
    as positions in `labels`, SDGs as goal numbers.
`f/<k>.json`, facet values of refs `k*facetShard` up to `(k+1)*facetShard`
    `[year or 0, [partner], [country], [sdg]]`.

Refs are ranks, newest first and undated last, so "newest first" is ascending refs. The browser
(theme/static/js/search-core.js) fetches the dictionary chunks a query's words fall in (a word,
its prefix or wildcard range, and for a fuzzy word the range of its first character), expands
the words through lunr's TokenSet of those terms as lunr.Index.query does on the full index,
fetches the term shards of the expanded terms and scores them as `lunr.Index.query` would: lunr
2.3.9 scores a field as the dot product of query and field vectors divided by the *query*
vector's magnitude, so the field-vector components of the query's terms are all it needs.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import sub

from lunr.index import Index

from ..processes import die_with_parent
from .documents import SearchDocument, country_names
from .index import Counts, Scored, bm25, field_norms, idf, scored_from_index
from .text import Analyzer, fold, words

FORMAT_VERSION = 2
TERM_SHARD_BYTES = 12288
DICTIONARY_CHUNK_BYTES = 8192
DOCS_PER_SHARD = 4
FACET_DOCS_PER_SHARD = 500


def dumps(value) -> bytes:
    """Compact, deterministic JSON."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def utf16_key(term: str) -> bytes:
    """Sort key matching JavaScript string order (UTF-16 code units)."""
    return term.encode("utf-16-be", "surrogatepass")


@dataclass
class Encoded:
    """The term entries of an index as the term shards hold them, in UTF-16 order of terms."""

    fields: list[str]
    pipeline: list[str]  # the serialized search pipeline
    terms: list[str]
    entries: list[bytes]  # JSON of each term's entry (format above)


def encode_entries(
    term_index: dict[str, int],
    postings: dict[str, dict[int, list[tuple[int, float]]]],
    terms: Sequence[str],
) -> list[bytes]:
    """The JSON entry of each of `terms` (format above)."""
    out = []
    for term in terms:
        entry: list = [term_index[term]]
        for field, pairs in sorted(postings[term].items()):
            pairs.sort()
            flat, previous = [], 0
            for ref, score in pairs:
                flat += [ref - previous, score]
                previous = ref
            entry += [field, flat]
        out.append(dumps(entry))
    return out


def encode(scored: Scored) -> Encoded:
    """Every term entry of a scored index."""
    terms = sorted(scored.term_index, key=utf16_key)
    entries = encode_entries(scored.term_index, scored.postings, terms)
    return Encoded(list(scored.fields), list(scored.pipeline), terms, entries)


class _Numerals(dict):
    """The JSON text of each score met, made once: scores have 3 decimals, so a few thousand
    values recur across millions of postings (json writes a float as its repr)."""

    def __missing__(self, value: float) -> str:
        text = self[value] = repr(value)
        return text


def _encode_part(counts: Counts, terms: list[str]) -> list[bytes]:
    """The entries of `terms`, as `encode_entries` writes what `score_terms` gives: each term's
    postings scored straight into its flat list, written as JSON text and freed (the postings
    of `terms` are taken out of `counts`)."""
    norms, k1_plus_1 = field_norms(counts), counts.k1 + 1
    integers = [str(i) for i in range(counts.documents + 1)]  # ref deltas: 0 to documents
    scores = _Numerals()
    out = []
    for term in terms:
        weight = idf(counts, term)
        parts = [str(counts.term_index[term])]
        for pos, lists in enumerate(counts.postings):
            flat = lists.pop(term, None)  # [ref, tf, ...], becoming [ref delta, score, ...]
            if flat is None:
                continue
            refs = flat[::2]
            found = bm25(weight, counts.boosts[pos], k1_plus_1, norms[pos], refs, flat[1::2])
            flat[1::2] = map(scores.__getitem__, found)
            flat[::2] = map(integers.__getitem__, map(sub, refs, chain((0,), refs)))
            parts += (str(pos), f"[{','.join(flat)}]")
        out.append(f"[{','.join(parts)}]".encode())
    return out


def _encode_in_child(connection, counts: Counts, terms: list[str], parent: int) -> None:
    die_with_parent(parent)  # nothing to finish for a build that is gone
    try:
        result: list[bytes] | str = _encode_part(counts, terms)
    except Exception:  # raised again in the parent
        result = traceback.format_exc()
    connection.send(result)
    connection.close()


def encode_counts(counts: Counts, processes: int = 1) -> Encoded:
    """Score and encode every term of `counts` (its postings are used up); with 2 processes
    (fork), the terms after the point where half the postings are scored in a forked process
    while this one does the rest. The bytes are the same either way."""
    terms = sorted(counts.term_index, key=utf16_key)
    if processes < 2 or len(terms) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return Encoded(counts.fields, counts.pipeline, terms, _encode_part(counts, terms))
    half, done, split = sum(counts.frequency.values()) / 2, 0, len(terms) - 1
    for i, term in enumerate(terms):
        done += counts.frequency[term]
        if done >= half:
            split = i + 1
            break
    split = min(max(split, 1), len(terms) - 1)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(
        target=_encode_in_child, args=(send, counts, terms[split:], os.getpid())
    )
    process.start()
    send.close()
    try:
        first = _encode_part(counts, terms[:split])
        try:
            second = receive.recv()
        except EOFError:  # it died before sending anything
            process.join()
            second = f"the process stopped (exit code {process.exitcode})"
    finally:
        receive.close()
        process.join()
    if isinstance(second, str):
        raise RuntimeError(f"scoring the second half of the terms failed: {second}")
    return Encoded(counts.fields, counts.pipeline, terms, first + second)


def term_shards(entries: list[bytes], target: int) -> tuple[list[int], list[bytes]]:
    """Contiguous runs of entries of about `target` bytes: (first positions, shard bytes)."""
    starts: list[int] = []
    shards: list[bytes] = []
    run: list[bytes] = []
    size = 0
    for i, data in enumerate(entries):
        if run and size + len(data) > target:
            shards.append(b"[" + b",".join(run) + b"]")
            run, size = [], 0
        if not run:
            starts.append(i)
        run.append(data)
        size += len(data) + 1
    if run:
        shards.append(b"[" + b",".join(run) + b"]")
    return starts, shards


def dictionary(
    terms: list[str], entries: list[bytes], chunk_bytes: int, shard_bytes: int
) -> tuple[list[str], dict[str, bytes]]:
    """The dictionary chunks (runs of about `chunk_bytes` of terms) and the term shards of each:
    (first term of each chunk, {path: bytes} of the chunk and shard files)."""
    firsts: list[str] = []
    files: dict[str, bytes] = {}
    bounds, size = [0], 0
    for i, term in enumerate(terms):
        if i > bounds[-1] and size + len(term.encode()) + 1 > chunk_bytes:
            bounds.append(i)
            size = 0
        size += len(term.encode()) + 1
    bounds.append(len(terms))
    shard = 0
    for k, (lo, hi) in enumerate(zip(bounds, bounds[1:], strict=False)):
        if lo == hi:
            continue
        starts, shards = term_shards(entries[lo:hi], shard_bytes)
        firsts.append(terms[lo])
        chunk = {"terms": "\n".join(terms[lo:hi]), "shard": shard, "starts": starts}
        files[f"w/{k}.json"] = dumps(chunk)
        for data in shards:
            files[f"t/{shard}.json"] = data
            shard += 1
    return firsts, files


def key_terms(candidates: dict[str, list[str]]) -> dict[str, str | None]:
    """For each entity ({id: its field text, most telling words first}), the first of its terms
    that no other entity's text holds: what a query can require to find exactly its releases."""
    analyzer = Analyzer()
    terms = {
        key: [t for t in map(analyzer.term, words(fold(text))) if t is not None]
        for key, text in candidates.items()
    }
    holders: dict[str, int] = {}
    for found in terms.values():
        for term in set(found):
            holders[term] = holders.get(term, 0) + 1
    return {key: next((t for t in found if holders[t] == 1), None) for key, found in terms.items()}


def labels(docs: Sequence[SearchDocument]) -> tuple[dict, dict[str, int], dict[str, int]]:
    """Labels of the partners, countries and goals used, and positions of orgs and countries."""
    orgs = {o.slug: o for d in docs for o in d.organizations}
    countries = {c.code: c for d in docs for c in d.countries}
    goals = {g.number: g for d in docs for g in d.sdgs}
    org_slugs, codes = sorted(orgs), sorted(countries)
    org_keys = key_terms(
        {s: " ".join([orgs[s].acronym, *orgs[s].keys()]).replace("-", " ") for s in org_slugs}
    )
    names = {c: country_names(countries[c]) for c in codes}
    country_keys = key_terms({c: f"{c} {' '.join(names[c])}" for c in codes})
    table = {
        "partner": [
            [s, orgs[s].short, orgs[s].name, list(orgs[s].aliases), org_keys[s]] for s in org_slugs
        ],
        "country": [
            [c, countries[c].name, countries[c].slug, list(names[c]), country_keys[c]]
            for c in codes
        ],
        "sdg": [[n, g.title, g.colour, g.text_colour, g.slug] for n, g in sorted(goals.items())],
    }
    return table, {s: i for i, s in enumerate(org_slugs)}, {c: i for i, c in enumerate(codes)}


def search_files(
    docs: Sequence[SearchDocument],
    index: Index | Scored | Encoded,
    urls: dict[str, str] | None = None,
    term_shard_bytes: int = TERM_SHARD_BYTES,
    docs_per_shard: int = DOCS_PER_SHARD,
    facet_docs_per_shard: int = FACET_DOCS_PER_SHARD,
    dictionary_chunk_bytes: int = DICTIONARY_CHUNK_BYTES,
) -> dict[str, bytes]:
    """{path under search/: bytes} of every search file (see the module docstring)."""
    if isinstance(index, Index):
        index = scored_from_index(index)
    encoded = index if isinstance(index, Encoded) else encode(index)
    firsts, files = dictionary(
        encoded.terms, encoded.entries, dictionary_chunk_bytes, term_shard_bytes
    )
    table, org_pos, country_pos = labels(docs)
    ordered = sorted(docs, key=lambda d: d.ref)
    rows = [
        (
            [d.title, d.url, d.date, d.dateline, d.snippet],
            [
                [org_pos[o.slug] for o in d.organizations],
                [country_pos[c.code] for c in d.countries],
                [g.number for g in d.sdgs],
            ],
        )
        for d in ordered
    ]
    for k in range(0, len(rows), docs_per_shard):
        files[f"d/{k // docs_per_shard}.json"] = dumps(
            [text + facets for text, facets in rows[k : k + docs_per_shard]]
        )
    for k in range(0, len(rows), facet_docs_per_shard):
        files[f"f/{k // facet_docs_per_shard}.json"] = dumps(
            [
                [int(d.year or 0), *facets]
                for d, (_, facets) in zip(
                    ordered[k : k + facet_docs_per_shard],
                    rows[k : k + facet_docs_per_shard],
                    strict=True,
                )
            ]
        )
    meta = {
        "v": FORMAT_VERSION,
        "fields": list(encoded.fields),
        "pipeline": list(encoded.pipeline),
        "docs": len(docs),
        "dict": firsts,
        "docShard": docs_per_shard,
        "facetShard": facet_docs_per_shard,
        "labels": table,
        "urls": dict(sorted((urls or {}).items())),
    }
    digest = hashlib.sha256(dumps(meta))
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    meta["id"] = digest.hexdigest()[:16]
    files["index.json"] = dumps(meta)
    return files
