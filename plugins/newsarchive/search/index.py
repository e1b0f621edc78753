"""The lunr index of the search documents, built with the Python `lunr` package."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from lunr.builder import Builder
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer
from lunr.vector import Vector

from .cache import BodyCache
from .documents import SearchDocument, excerpt

# (field, boost): `partner` holds partners and funders (slug, acronym, name, aliases), so
# `partner:unodc` and "United Nations Office on Drugs and Crime" both find UNODC's releases.
FIELDS: tuple[tuple[str, int], ...] = (
    ("title", 10),
    ("summary", 3),
    ("body", 1),
    ("partner", 5),
    ("country", 3),
    ("sdg", 2),
    ("dateline", 2),
    ("year", 1),
)
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NOT_WORD = re.compile(r"[^\w\s-]+")


def fold(text: str) -> str:
    """Text as both sides of the search see it: accents dropped, punctuation made spaces.

    search-core.js applies the same folding to queries (NFKD, marks dropped, possessive 's cut,
    anything but letters, digits, spaces and hyphens replaced by a space).
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", _POSSESSIVE.sub("", text)).replace("_", " ")


def field_texts(doc: SearchDocument) -> dict[str, str]:
    """The text of each indexed field; lists are joined into one string so every word counts."""
    orgs = [" ".join(o.keys()) for o in doc.organizations]
    countries = [f"{c.name} {c.official_name} {c.code}" for c in doc.countries]
    goals = [f"{g.number} sdg{g.number} {g.title}" for g in doc.sdgs]
    texts = {
        "title": doc.title,
        "summary": doc.summary,
        "body": doc.body,
        "partner": " ".join(orgs).replace("-", " "),
        "country": " ".join(countries),
        "sdg": " ".join(goals),
        "dateline": doc.dateline,
        "year": doc.year,
    }
    return {name: fold(texts[name]) for name, _ in FIELDS}


_SEPARATORS = re.compile(r"[ \t\n\r\f\v\xa0-]+")  # lunr.tokenizer's separator characters


class _Builder(Builder):
    """lunr's Builder, tokenizing with one regex and running the pipeline once per distinct word.

    lunr.py's tokenizer walks the text a character at a time and its pipeline (trimmer, stop
    words, Porter stemmer) runs for every token; the index is the same (a test compares it with
    `lunr.get_default_builder()`'s), in about half the time. Metadata whitelists are not supported.
    """

    def __init__(self) -> None:
        super().__init__()
        self._terms: dict[str, tuple[str, ...]] = {}

    def _processed(self, word: str) -> tuple[str, ...]:
        terms = self._terms.get(word)
        if terms is None:
            terms = self._terms[word] = tuple(str(t) for t in self.pipeline.run([Token(word)]))
        return terms

    def count(self, value) -> tuple[int, dict[str, int]]:
        """(number of terms, {term: count} in first-occurrence order) of a field's value."""
        words = _SEPARATORS.split(str(value).lower()) if value is not None else []
        terms = [t for w in words if w for t in self._processed(w)]
        counts: dict[str, int] = defaultdict(int)
        for term in terms:
            counts[term] += 1
        return len(terms), counts

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
                    posting[field_name][doc_ref] = {}

    def _create_field_vectors(self) -> None:
        """lunr's field vectors (same scores, same float operations), built sorted at once."""
        k1, b, count = self._k1, self._b, self.document_count
        idf_cache: dict[str, float] = {}
        vectors = {}
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split("/", 1)
            field_length = self.field_lengths[field_ref]
            average = self.average_field_length[field_name]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            pairs = []
            for term, tf in term_frequencies.items():
                posting = self.inverted_index[term]
                idf = idf_cache.get(term)
                if idf is None:
                    idf = idf_cache[term] = Idf(posting, count)
                score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (field_length / average)) + tf)
                score *= field_boost
                score *= doc_boost
                pairs.append((posting["_index"], round(score, 3)))
            pairs.sort()
            vectors[field_ref] = Vector([x for pair in pairs for x in pair])
        self.field_vectors = vectors


def build_index(docs: Sequence[SearchDocument], cache: BodyCache | None = None) -> Index:
    """A lunr index of `docs`, refs being their integer `ref`s as strings.

    With a cache, bodies counted in an earlier build are taken from it and new ones added.
    """
    builder = _Builder()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in docs:
        texts = field_texts(doc)
        counted = None
        if cache is not None:
            found = cache.get(doc.body_key)
            if found is None:
                length, counts = builder.count(texts["body"])
                cache.put(doc.body_key, (excerpt(doc.body), length, dict(counts)))
                counted = {"body": (length, counts)}
            else:
                counted = {"body": found[1:]}
        builder.add({"ref": str(doc.ref), **texts}, counted=counted)
    return builder.build()
