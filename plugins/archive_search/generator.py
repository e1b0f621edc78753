"""The search generator: writes the search files under `search/` and the search page."""

from __future__ import annotations

import atexit
import functools
import gc
import json
import logging
import multiprocessing
import os
import time
import traceback
from pathlib import Path

from pelican.generators import Generator

from newsarchive.output import write_if_changed
from newsarchive.processes import die_with_parent, end_stale, fork_helps, paused_gc
from newsarchive.search import build_index, search_documents, search_files
from newsarchive.search.cache import TermCache
from newsarchive.search.index import count_documents
from newsarchive.search.shards import (
    DICTIONARY_CHUNK_BYTES,
    DOCS_PER_SHARD,
    FACET_DOCS_PER_SHARD,
    TERM_SHARD_BYTES,
    dumps,
    encode_counts,
)

logger = logging.getLogger(__name__)

URL_SETTINGS = (
    ("partner", "PARTNER_URL"),
    ("country", "COUNTRY_URL"),
    ("sdg", "SDG_URL"),
    ("partners", "PARTNER_INDEX_URL"),
    ("countries", "COUNTRY_INDEX_URL"),
    ("sdgs", "SDG_INDEX_URL"),
    ("years", "YEARS_URL"),
)


def shard_settings(settings: dict) -> dict[str, int]:
    """Shard sizes from SEARCH_* settings (positive integers; bad values fall back, logged)."""
    wanted = {
        "term_shard_bytes": ("SEARCH_TERM_SHARD_BYTES", TERM_SHARD_BYTES),
        "docs_per_shard": ("SEARCH_DOCS_PER_SHARD", DOCS_PER_SHARD),
        "facet_docs_per_shard": ("SEARCH_FACET_DOCS_PER_SHARD", FACET_DOCS_PER_SHARD),
        "dictionary_chunk_bytes": ("SEARCH_DICTIONARY_CHUNK_BYTES", DICTIONARY_CHUNK_BYTES),
    }
    out = {}
    for key, (name, default) in wanted.items():
        value = settings.get(name, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            logger.warning("archive_search: %s must be a positive integer; using %d", name, default)
            value = default
        out[key] = value
    return out


# The scripts search.html loads, relative to the theme's static folder (THEME_STATIC_DIR on the
# site). lunr.min.js is lunr.js 2.3.9 as published, committed with the theme: the build needs no
# Node.js, and tests/test_vendored_scripts.py checks it against the pinned npm package.
SCRIPTS = ("js/vendor/lunr.min.js", "js/search-core.js", "js/search.js")


def missing_scripts(settings: dict) -> list[str]:
    """Paths of the search page's scripts that are in none of the theme's static folders."""
    folders = [
        os.path.join(settings["THEME"], folder)
        for folder in settings.get("THEME_STATIC_PATHS") or ["static"]
    ]
    missing = []
    for script in SCRIPTS:
        if not any(os.path.isfile(os.path.join(folder, script)) for folder in folders):
            path = os.path.join(folders[0], script)
            relative = os.path.relpath(path)  # as typed from the project folder
            missing.append(path if relative.startswith("..") else relative)
    return missing


CACHE_FILE = "search-terms.cache"  # in CACHE_PATH, with the content cache
PARALLEL_MIN_RELEASES = 400  # below this, a second process costs more than it saves


class Phases:
    """Wall time of consecutive steps, for the debug log."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.times: list[tuple[str, float]] = []

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.times.append((name, now - self.last))
        self.last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.times)


SEARCH_PROCESS_KEY = "archive_search_process"  # in the context: the search process, its pipe
PROCESS_NAME = "archive-search"
WRITE = "write"  # what the build sends the search process once the content passed its check


def start_search_process(generator) -> None:
    """Receiver of `release_generator_finalized`: with many releases, build the search files in a
    forked process from now on, while the content is checked and the pages are written (it needs
    only the releases, read and sorted by then). It writes nothing until the build sends WRITE
    (`SearchGenerator.generate_context`, after the content check); a build stopped before that
    (a content error) leaves the output as it was, and the next build ends that process."""
    end_stale(PROCESS_NAME)  # waiting since a stopped build
    settings, context = generator.settings, generator.context
    releases = len(context.get("releases", []))
    if not fork_helps(releases, settings.get("SEARCH_PARALLEL_MIN", PARALLEL_MIN_RELEASES)):
        return
    fork = multiprocessing.get_context("fork")
    ours, theirs = fork.Pipe()
    process = fork.Process(  # may fork a helper
        target=_in_child, args=(theirs, context, settings, os.getpid()), name=PROCESS_NAME
    )
    with paused_gc():  # the child starts from a frozen heap: fewer pages copied
        process.start()
    theirs.close()
    # A build stopped before WRITE leaves it waiting; the interpreter would wait for it on exit
    # (multiprocessing joins its children), so it is ended then, or by the next build.
    end = functools.partial(_end, process)
    atexit.register(end)
    context[SEARCH_PROCESS_KEY] = (process, ours, end)


def _end(process) -> None:
    if process.is_alive():
        process.terminate()
        process.join()


def _in_child(connection, context: dict, settings: dict, parent: int) -> None:
    """Child process: build the search files, write them when the build says so, send back
    their summary (or the error).

    It ends at once if the build does (interrupted or killed): nothing is written after it.
    The collector stays off: the process ends when this returns, and a full collection of the
    index's millions of objects (what re-enabling it soon triggers) would only delay the build.
    """
    die_with_parent(parent)
    gc.disable()
    start = time.perf_counter()
    try:
        files, releases = build_search_files(context, settings, processes=2)
    except Exception:  # reported by the parent as a build error
        files, error = None, traceback.format_exc()
    seconds = time.perf_counter() - start
    try:
        if connection.recv() != WRITE:
            return
    except EOFError:  # the build stopped before its content passed the check: nothing to write
        return
    try:
        if files is None:
            result = {"error": error}
        else:
            result = write_search_files(files, releases, settings, seconds)
    except Exception:
        result = {"error": traceback.format_exc()}
    connection.send(result)
    connection.close()


def build_search_files(
    context: dict, settings: dict, processes: int = 1
) -> tuple[dict[str, bytes], int]:
    """The search files of the published releases ({path under SEARCH_DIR: bytes}) and how many
    releases they hold; the lunr index scored in `processes` processes."""
    releases = context.get("releases", [])
    urls = {key: settings[name] for key, name in URL_SETTINGS if name in settings}
    cache_path = os.path.join(settings.get("CACHE_PATH", "cache"), CACHE_FILE)
    cache = None
    if settings.get("CACHE_CONTENT"):
        cache = TermCache.load(cache_path) if settings.get("LOAD_CONTENT_CACHE") else TermCache()
    phases = Phases()
    with paused_gc():
        docs = search_documents(((r.url, r.content, r.record) for r in releases), cache)
        phases.done("documents")
        full = settings.get("SEARCH_FULL_INDEX")  # lunr.py's own index, for comparisons
        if full:
            index = build_index(docs, cache)
        else:
            counts = count_documents(docs, cache)
            if cache is not None:  # saved now, its memory freed before the scoring
                cache.save(cache_path)
                cache = None
            index = encode_counts(counts, processes)
        phases.done("index")
        files = search_files(docs, index, urls, **shard_settings(settings))
        phases.done("files")
        if cache is not None:
            cache.save(cache_path)
        if full:
            files[full] = dumps(index.serialize())
    logger.debug("archive_search: %s", phases)
    return files, len(docs)


def write_search_files(
    files: dict[str, bytes], releases: int, settings: dict, seconds: float
) -> dict:
    """Write the search files whose bytes changed, delete those of an earlier build that are
    gone; returns their summary (`seconds`: the time building them took)."""
    start = time.perf_counter()
    output = settings["OUTPUT_PATH"]
    folder = settings.get("SEARCH_DIR", "search").strip("/")
    written = 0
    for path, data in sorted(files.items()):
        written += write_if_changed(output, f"{folder}/{path}", data)
    remove_stale(Path(output) / folder, files)
    return {
        "id": json.loads(files["index.json"])["id"],
        "releases": releases,
        "files": len(files),
        "written": written,
        "bytes": sum(map(len, files.values())),
        "seconds": seconds + time.perf_counter() - start,
    }


def remove_stale(folder: Path, files: dict[str, bytes]) -> None:
    """Delete shard files of an earlier build that this build did not write."""
    for sub in ("w", "t", "d", "f"):
        for path in sorted((folder / sub).glob("*.json")):
            if f"{sub}/{path.name}" not in files:
                os.unlink(path)


class SearchGenerator(Generator):
    """After the releases are read: the search files and `search/index.html`.

    With many releases the index is built in a forked process (`start_search_process`) while
    the content is checked and the other generators write their pages; the page waits for its
    result.
    """

    def __init__(self, *args, **kwargs):
        self.search_id = ""
        super().__init__(*args, **kwargs)

    def generate_context(self) -> None:
        """Check the page's scripts; the content passed its check (this runs after it): the
        search process may write."""
        for path in missing_scripts(self.settings):
            logger.error(
                "archive_search: %s is missing: the search page cannot work without it; restore "
                "it with `git checkout -- %s` (the theme's scripts are committed, no Node.js "
                "needed)",
                path,
                path,
            )
        child = self.context.get(SEARCH_PROCESS_KEY)
        if child is not None:
            child[1].send(WRITE)

    def generate_output(self, writer) -> None:
        """Write the search files (or collect the search process's), then the page that reads
        them."""
        child = self.context.pop(SEARCH_PROCESS_KEY, None)
        if child is not None:
            process, connection, end = child
            try:
                result = connection.recv()
            except EOFError:  # the child died before sending anything
                result = None
            process.join()
            connection.close()
            atexit.unregister(end)
            if result is None:
                result = {"error": f"the search process stopped (exit code {process.exitcode})"}
        else:
            start = time.perf_counter()
            files, releases = build_search_files(self.context, self.settings)
            result = write_search_files(files, releases, self.settings, time.perf_counter() - start)
        if "error" in result:
            logger.error(
                "archive_search: the search files could not be written; the search page will "
                "not work until this is fixed:\n%s",
                result["error"],
            )
        else:
            self.search_id = result["id"]
            logger.info(
                "archive_search: %d releases, %d files (%d changed), %.1f kB in %.2f s",
                result["releases"],
                result["files"],
                result["written"],
                result["bytes"] / 1000,
                result["seconds"],
            )
        self.write_search_page(writer)

    def write_search_page(self, writer) -> None:
        """search/index.html: the form, facets and results, filled in by search.js."""
        writer.write_file(
            self.settings.get("SEARCH_SAVE_AS", "search/index.html"),
            self.get_template("search"),
            self.context,
            search_id=self.search_id,
            search_dir=self.settings.get("SEARCH_DIR", "search").strip("/"),
            page_name="search",
            url=self.settings.get("SEARCH_URL", "search/"),
            relative_urls=self.settings["RELATIVE_URLS"],
        )


def get_generators(pelican):
    """The search generator (list it after archive_releases in PLUGINS)."""
    return SearchGenerator
