"""The search term cache: counted fields kept as term numbers and arrays, read back unchanged."""

from __future__ import annotations

from newsarchive.search.cache import TermCache

FIRST = ((3, {"border": 2, "polic": 1}), (0, {}), (4, {"train": 1, "border": 3}))
SECOND = ((1, {"kenya": 1}), (2, {"train": 2}), (0, {}))


def test_counted_fields_come_back_in_their_order_with_their_counts():
    cache = TermCache()
    packed = cache.pack("snippet", FIRST)
    assert packed.snippet == "snippet" and packed.lengths == (3, 0, 4)
    assert cache.unpack(packed) == FIRST
    assert [list(found) for _, found in cache.unpack(packed)] == [
        ["border", "polic"],
        [],
        [
            "train",
            "border",
        ],
    ]
    assert cache.terms == ["border", "polic", "train"]  # one number per term, shared by fields


def test_a_saved_cache_loads_with_the_entries_this_build_used(tmp_path):
    cache = TermCache()
    cache.put("a", cache.pack("first", FIRST))
    cache.put("b", cache.pack("second", SECOND))
    cache.save(tmp_path / "terms.cache")
    loaded = TermCache.load(tmp_path / "terms.cache")
    assert loaded.get("a") is not None and loaded.unpack(loaded.get("a")) == FIRST
    assert loaded.unpack(loaded.get("b")) == SECOND
    assert loaded.get("c") is None


def test_terms_no_entry_uses_are_dropped_once_many_entries_are_gone(tmp_path):
    path = tmp_path / "terms.cache"
    cache = TermCache()
    for i in range(8):
        cache.put(f"old{i}", cache.pack("", ((1, {f"gone{i}": 1}),)))
    cache.put("kept", cache.pack("", SECOND))
    cache.save(path)

    second = TermCache.load(path)  # the next build uses only one entry of nine
    second.get("kept")
    second.save(path)
    third = TermCache.load(path)
    assert sorted(third.terms) == ["kenya", "train"]
    assert third.unpack(third.get("kept")) == SECOND
    assert list(third.entries) == ["kept"]


def test_a_few_entries_gone_keep_the_vocabulary_as_it_is(tmp_path):
    path = tmp_path / "terms.cache"
    cache = TermCache()
    for i in range(8):
        cache.put(f"r{i}", cache.pack("", ((1, {f"word{i}": 1}),)))
    cache.save(path)
    second = TermCache.load(path)
    for i in range(7):  # one release changed: its old entry is left out
        second.get(f"r{i}")
    second.save(path)
    third = TermCache.load(path)
    assert len(third.terms) == 8 and third.dropped == 1
    assert third.unpack(third.get("r6")) == ((1, {"word6": 1}),)
