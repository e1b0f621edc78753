"""Reading releases on every core: parsing and Markdown run in worker processes.

Workers end with the build: if it is interrupted or killed they stop at once
(`newsarchive.processes`), and an interrupted build does not wait for the chunks still queued.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from pelican.readers import default_metadata, parse_path_metadata, path_metadata
from pelican.utils import posixize_path

from newsarchive.processes import die_with_parent
from newsarchive.registry import Registry

from .reader import FrontMatterMarkdownReader

PARALLEL_MIN_FILES = 400  # below this, starting workers costs more than it saves


def _read_chunk(job: tuple[dict, list[str], Registry, dict[str, str]]) -> list[tuple]:
    settings, paths, registry, known = job
    reader = FrontMatterMarkdownReader(settings, registry=registry)
    return [
        (path, *reader.read_release(os.path.join(settings["PATH"], path), known.get(path)))
        for path in paths
    ]


def worker_count(settings: dict, files: int) -> int:
    """Processes to read `files` files with (ARCHIVE_WORKERS, default: every core; one below
    ARCHIVE_PARALLEL_MIN files)."""
    least = settings.get("ARCHIVE_PARALLEL_MIN", PARALLEL_MIN_FILES)
    if files < least or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, int(settings.get("ARCHIVE_WORKERS") or os.cpu_count() or 1))


def read_releases(
    settings: dict, paths: list[str], registry: Registry, known: dict[str, str] | None = None
) -> Iterator[tuple]:
    """(path, HTML or None, reader metadata or None, problems) for each path, in order.
    `known` holds the body HTML of files whose text has not changed: they are not converted."""
    known = known or {}
    workers = worker_count(settings, len(paths) - len(known))
    if workers == 1:
        yield from _read_chunk((settings, paths, registry, known))
        return
    size = -(-len(paths) // (workers * 4))
    chunks = [
        (settings, part, registry, {p: known[p] for p in part if p in known})
        for part in (paths[i : i + size] for i in range(0, len(paths), size))
    ]
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        for results in pool.map(_read_chunk, chunks):
            yield from results
    except BaseException:  # interrupted: drop the queued chunks instead of reading them first
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def content_metadata(settings: dict, base_path: str, path: str, reader_metadata: dict) -> dict:
    """The metadata Pelican's Readers.read_file would give: defaults, path metadata, reader's.

    Values are used as they are (`process=None`): nothing is processed, so nothing is marked for
    Pelican to discard, and the reader's metadata holds only values our reader set.
    """
    full = os.path.abspath(os.path.join(base_path, path))
    source_path = posixize_path(os.path.relpath(full, base_path))
    metadata = default_metadata(settings=settings, process=None)
    metadata.update(path_metadata(full_path=full, source_path=source_path, settings=settings))
    metadata.update(parse_path_metadata(source_path=source_path, settings=settings, process=None))
    metadata["reader"] = "frontmattermarkdown"
    metadata.update(reader_metadata)
    return metadata
