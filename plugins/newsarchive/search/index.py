"""The lunr index of the search documents, built with the Python `lunr` package."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from itertools import chain, repeat
from operator import add, mul, truediv

from lunr.builder import Builder
from lunr.index import Index
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from .cache import Counted, Packed, TermCache
from .documents import SearchDocument, excerpt, field_values
from .text import FIELDS, Analyzer, fold, words


def field_texts(doc: SearchDocument) -> dict[str, str]:
    """The text of each indexed field, folded."""
    values = field_values(doc)
    return {name: fold(values[name]) for name, _ in FIELDS}


SHORT_VALUE = 300  # characters: values this short are counted once per build
# lunr keeps a metadata dict per (term, field, document); none is recorded here (no whitelist),
# so one shared, never-written dict stands for all of them: millions fewer objects at 20k releases.
_NO_METADATA: dict = {}


class _Builder(Builder):
    """lunr's Builder, counting each field's terms with `Analyzer` (lunr.js's stemmer, each
    distinct word stemmed once) instead of lunr.py's tokenizer and pipeline.

    The index is the one lunr.py's default builder makes with lunr.js's stemmer in its pipeline
    (a test compares them). Metadata whitelists are not supported.
    """

    def __init__(self) -> None:
        super().__init__()
        self.analyzer = Analyzer()
        self._short: dict[str, Counted] = {}  # counted short values

    def count(self, value) -> Counted:
        """(number of terms, {term: count} in first-occurrence order) of a folded field value.

        Short values (partners, countries, goals, datelines, years) repeat across documents and
        are counted once; the counts are shared, read-only.
        """
        text = str(value) if value is not None else ""
        if len(text) <= SHORT_VALUE:
            found = self._short.get(text)
            if found is None:
                found = self._short[text] = self._count(text)
            return found
        return self._count(text)

    def _count(self, text: str) -> Counted:
        known, term_of = self.analyzer.terms, self.analyzer.term
        counts: dict[str, int] = {}
        length = 0
        for word, n in Counter(words(text)).items():  # first-occurrence order, as the terms
            term = known[word] if word in known else term_of(word)
            if term is not None:
                counts[term] = counts.get(term, 0) + n
                length += n
        return length, counts

    def add(self, doc, attributes=None, counted=None) -> None:
        """Add one document (as lunr.Builder.add); `counted` holds fields counted beforehand."""
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        fields = self._fields
        for field_name, field in fields.items():
            if counted and field_name in counted:
                length, field_terms = counted[field_name]
            else:
                value = doc[field_name] if field.extractor is None else field.extractor(doc)
                length, field_terms = self.count(value)
            field_ref = f"{field_name}/{doc_ref}"
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = length
            for term in field_terms:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = _NO_METADATA


def _builder() -> _Builder:
    """lunr's default builder setup: pipelines, the ref and the FIELDS with their boosts."""
    builder = _Builder()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    return builder


def _counted_fields(
    builder: _Builder, docs: Sequence[SearchDocument], cache: TermCache | None
) -> Iterator[tuple[SearchDocument, tuple[Counted, ...]]]:
    """(doc, counted terms of each field in FIELDS order), from the cache when it has them."""
    for doc in docs:
        found = cache.get(doc.cache_key) if cache is not None and doc.cache_key else None
        if found is not None:
            yield doc, cache.unpack(found)
            continue
        texts = field_texts(doc)
        counted = tuple(builder.count(texts[name]) for name, _ in FIELDS)
        if cache is not None and doc.cache_key:
            cache.put(doc.cache_key, cache.pack(excerpt(doc.body), counted))
        yield doc, counted


def _packed_fields(
    builder: _Builder, docs: Sequence[SearchDocument], cache: TermCache
) -> Iterator[tuple[int, Packed]]:
    """(ref, counted terms of its fields as a Packed entry), from the cache when it has them."""
    for doc in docs:
        found = cache.get(doc.cache_key) if doc.cache_key else None
        if found is None:
            texts = field_texts(doc)
            counted = (builder.count(texts[name]) for name, _ in FIELDS)
            found = cache.pack(excerpt(doc.body), counted)
            if doc.cache_key:
                cache.put(doc.cache_key, found)
        yield doc.ref, found


def build_index(docs: Sequence[SearchDocument], cache: TermCache | None = None) -> Index:
    """A lunr index of `docs`, refs being their integer `ref`s as strings.

    With a cache, releases counted in an earlier build are taken from it and new ones added.
    """
    builder = _builder()
    names = [name for name, _ in FIELDS]
    for doc, counted in _counted_fields(builder, docs, cache):
        builder.add({"ref": str(doc.ref)}, counted=dict(zip(names, counted, strict=True)))
    return builder.build()


@dataclass
class Scored:
    """What the search files hold of a lunr index: per term, its lunr number and per field the
    (ref, score) pairs, the score being the term's component of that field's vector."""

    fields: list[str]
    pipeline: list[str]  # the serialized search pipeline
    term_index: dict[str, int]
    postings: dict[str, dict[int, list[tuple[int, float]]]]  # term -> field position -> pairs


def scored_from_index(index: Index) -> Scored:
    """The Scored form of a lunr index (its field vectors regrouped by term)."""
    fields = list(index.fields)
    position = {name: i for i, name in enumerate(fields)}
    term_of = {posting["_index"]: term for term, posting in index.inverted_index.items()}
    postings: dict[str, dict[int, list[tuple[int, float]]]] = {
        term: {} for term in index.inverted_index
    }
    for field_ref, vector in index.field_vectors.items():
        name, ref = str(field_ref).split("/", 1)
        field, ref = position[name], int(ref)
        elements = vector.elements
        for i in range(0, len(elements), 2):
            postings[term_of[elements[i]]].setdefault(field, []).append(
                (ref, round(elements[i + 1], 3))
            )
    term_index = {term: posting["_index"] for term, posting in index.inverted_index.items()}
    return Scored(fields, index.pipeline.serialize(), term_index, postings)


@dataclass
class Counts:
    """Every document's counted fields and the collection figures lunr's Builder derives from
    them before it scores: term numbers, document frequencies, average field lengths."""

    fields: list[str]
    pipeline: list[str]  # the serialized search pipeline
    boosts: list[float]
    term_index: dict[str, int]  # first occurrence by document, field, position
    frequency: dict[str, int]  # (field, document) pairs holding the term
    documents: int
    lengths: list[list[int]]  # per field, per ref: number of terms
    postings: list[dict[str, list[int]]]  # per field: term -> [ref, tf, ref, tf, ...]
    averages: list[float]  # per field: mean length
    k1: float
    b: float


def count_documents(docs: Sequence[SearchDocument], cache: TermCache | None = None) -> Counts:
    """The Counts of `docs`, in ref order (counted terms taken from the cache when it has them;
    without one, a cache of this build alone numbers the terms)."""
    builder = _builder()
    cache = cache if cache is not None else TermCache()
    names = [name for name, _ in FIELDS]
    packs = list(_packed_fields(builder, docs, cache))
    lengths = [[packed.lengths[pos] for _, packed in packs] for pos in range(len(names))]
    postings = [inverted(packs, pos, cache.terms) for pos in range(len(names))]
    frequency: dict[str, int] = defaultdict(int)
    for lists in postings:
        for term, pairs in lists.items():
            frequency[term] += len(pairs) // 2
    # Terms numbered by first occurrence (document, field, position), as lunr's Builder numbers
    # them: one pass in C over the millions of (term, field, document).
    first_seen = dict.fromkeys(chain.from_iterable(packed.terms for _, packed in packs))
    count = len(packs)
    return Counts(
        fields=names,
        pipeline=builder.search_pipeline.serialize(),
        boosts=[builder._fields[name].boost for name in names],
        term_index={cache.terms[number]: i for i, number in enumerate(first_seen)},
        frequency=dict(frequency),
        documents=count,
        lengths=lengths,
        postings=postings,
        averages=[sum(field) / count if count else 0.0 for field in lengths],
        k1=builder._k1,
        b=builder._b,
    )


def inverted(packs: list[tuple[int, Packed]], pos: int, terms: list[str]) -> dict[str, list[int]]:
    """Field `pos`'s postings: term -> [ref, tf, ref, tf, ...] by ascending ref.

    Two integers a posting, not a tuple: a tenth of the memory of (ref, score) pairs, and the
    refs and counts are slices that the scoring below runs over without a Python loop.
    """
    lists: list[list[int] | None] = [None] * len(terms)
    for ref, packed in packs:
        start, end = packed.ends[pos - 1] if pos else 0, packed.ends[pos]
        for number, tf in zip(packed.terms[start:end], packed.counts[start:end], strict=True):
            pairs = lists[number]
            if pairs is None:
                lists[number] = [ref, tf]
            else:
                pairs += (ref, tf)
    return {terms[number]: pairs for number, pairs in enumerate(lists) if pairs is not None}


def field_norms(counts: Counts) -> list[list[float]]:
    """Per field, per ref: BM25's length normalisation, k1 * (1 - b + b * length / average)."""
    k1, b = counts.k1, counts.b
    return [
        [k1 * (1 - b + b * (length / average)) for length in lengths] if average else []
        for lengths, average in zip(counts.lengths, counts.averages, strict=True)
    ]


def idf(counts: Counts, term: str) -> float:
    """lunr's inverse document frequency of a term."""
    documents, n = counts.documents, counts.frequency[term]
    return math.log(1 + abs((documents - n + 0.5) / (n + 0.5)))


def bm25(
    weight: float, boost: float, k1_plus_1: float, norms: list[float], refs, tfs
) -> list[float]:
    """The scores of one term in one field, rounded to 3 places as lunr.py serializes them:
    weight * ((k1 + 1) * tf) / (norm + tf) * boost, the same float operations in the same order
    as lunr.py's Builder, run by `map` (no Python bytecode per posting; a boost of 1 changes no
    float, so it is skipped)."""
    numerators = map(mul, repeat(weight), map(mul, repeat(k1_plus_1), tfs))
    denominators = map(add, map(norms.__getitem__, refs), tfs)
    scores = map(truediv, numerators, denominators)
    if boost != 1:
        scores = map(mul, scores, repeat(boost))
    return list(map(round, scores, repeat(3)))


def score_terms(
    counts: Counts, terms: Set[str] | None = None
) -> dict[str, dict[int, list[tuple[int, float]]]]:
    """term -> field position -> (ref, score) pairs by ascending ref, for `terms` (default all).

    The score is the term's component of that field's vector in lunr.py's index: the same BM25
    float operations in the same order as its Builder, rounded to 3 places as it serializes.
    """
    norms, k1_plus_1 = field_norms(counts), counts.k1 + 1
    weights = {t: idf(counts, t) for t in counts.frequency if terms is None or t in terms}
    postings: dict[str, dict[int, list[tuple[int, float]]]] = {term: {} for term in weights}
    for pos, lists in enumerate(counts.postings):
        for term, pairs in lists.items():
            if term not in weights:
                continue
            refs, tfs = pairs[::2], pairs[1::2]
            scores = bm25(weights[term], counts.boosts[pos], k1_plus_1, norms[pos], refs, tfs)
            postings[term][pos] = list(zip(refs, scores, strict=True))
    return postings


def score_documents(docs: Sequence[SearchDocument], cache: TermCache | None = None) -> Scored:
    """What `scored_from_index(build_index(docs))` gives, without building the lunr index.

    The same counting, term numbering (first occurrence by document, field, position), document
    frequencies, average field lengths and BM25 float operations as lunr.py's Builder, but no
    per-document posting dicts and no vectors: a fraction of the memory and time at 20,000
    releases. A test compares the two on every build of the test corpora.
    """
    counts = count_documents(docs, cache)
    return Scored(counts.fields, counts.pipeline, counts.term_index, score_terms(counts))
