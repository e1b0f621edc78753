"""Builds freeze their long-lived objects for the garbage collector (full collections then skip
them); a later build in the same process (--autoreload, tests) collects what an earlier one froze
and left as garbage."""

from __future__ import annotations

import gc
import weakref

from tests.conftest import build


class _Node:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def test_a_build_collects_garbage_an_earlier_build_froze(tmp_path):
    from tests.synthetic import write_archive

    content = write_archive(tmp_path / "site", releases=30, organizations=10)
    build(content, tmp_path / "site" / "output")
    assert gc.get_freeze_count() > 0  # the releases, registry and settings of the build
    left = _Node()  # garbage of that build, frozen with it
    gc.freeze()
    ref = weakref.ref(left)
    del left
    gc.collect()
    assert ref() is not None  # frozen: full collections pass it by
    try:
        build(content, tmp_path / "site" / "output")
        assert ref() is None
    finally:
        gc.unfreeze()
