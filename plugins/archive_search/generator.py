"""The search generator: writes the search files under `search/` and the search page."""

from __future__ import annotations

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
from newsarchive.processes import die_with_parent
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
    paused_gc,
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


def _in_child(connection, generator: SearchGenerator, parent: int) -> None:
    """Child process: write the search files, send back their summary (or the error).

    It ends at once if the build does (interrupted or killed): nothing is written after it.
    The collector stays off: the process ends when this returns, and a full collection of the
    index's millions of objects (what re-enabling it soon triggers) would only delay the build.
    """
    die_with_parent(parent)
    gc.disable()
    try:
        result = generator.write_search_files(processes=2)
    except Exception:  # reported by the parent as a build error
        result = {"error": traceback.format_exc()}
    connection.send(result)
    connection.close()


class SearchGenerator(Generator):
    """After the releases are read: the search files and `search/index.html`.

    With many releases the index is built in a forked process while the other generators write
    their pages (it needs only the releases, read by then); the page waits for its result.
    """

    def __init__(self, *args, **kwargs):
        self.search_id = ""
        self._child = None
        super().__init__(*args, **kwargs)

    def generate_context(self) -> None:
        """Check the page's scripts; start building the search files on another core when that
        pays off."""
        for path in missing_scripts(self.settings):
            logger.error(
                "archive_search: %s is missing: the search page cannot work without it; restore "
                "it with `git checkout -- %s` (the theme's scripts are committed, no Node.js "
                "needed)",
                path,
                path,
            )
        releases = self.context.get("releases", [])
        parallel = (
            len(releases) >= self.settings.get("SEARCH_PARALLEL_MIN", PARALLEL_MIN_RELEASES)
            and "fork" in multiprocessing.get_all_start_methods()
            and (os.cpu_count() or 1) > 1
        )
        if parallel:
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            process = context.Process(  # may fork a helper
                target=_in_child, args=(send, self, os.getpid())
            )
            with paused_gc():  # the child starts from a frozen heap: fewer pages copied
                process.start()
            send.close()
            self._child = (process, receive)

    def generate_output(self, writer) -> None:
        """Write the search files (or collect the child's), then the page that reads them."""
        if self._child is not None:
            process, receive = self._child
            self._child = None
            try:
                result = receive.recv()
            except EOFError:  # the child died before sending anything
                result = None
            process.join()
            receive.close()
            if result is None:
                result = {"error": f"the search process stopped (exit code {process.exitcode})"}
        else:
            result = self.write_search_files()
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

    def write_search_files(self, processes: int = 1) -> dict:
        """Build the lunr index of the published releases and write it as shards (scored in
        `processes` processes)."""
        start = time.perf_counter()
        releases = self.context.get("releases", [])
        folder = self.settings.get("SEARCH_DIR", "search").strip("/")
        urls = {key: self.settings[name] for key, name in URL_SETTINGS if name in self.settings}
        cache_path = os.path.join(self.settings.get("CACHE_PATH", "cache"), CACHE_FILE)
        cache = None
        if self.settings.get("CACHE_CONTENT"):
            load = self.settings.get("LOAD_CONTENT_CACHE")
            cache = TermCache.load(cache_path) if load else TermCache()
        phases = Phases()
        with paused_gc():
            docs = search_documents(((r.url, r.content, r.record) for r in releases), cache)
            phases.done("documents")
            full = self.settings.get("SEARCH_FULL_INDEX")  # lunr.py's own index, for comparisons
            if full:
                index = build_index(docs, cache)
            else:
                counts = count_documents(docs, cache)
                if cache is not None:  # saved now, its memory freed before the scoring
                    cache.save(cache_path)
                    cache = None
                index = encode_counts(counts, processes)
            phases.done("index")
            files = search_files(docs, index, urls, **shard_settings(self.settings))
            phases.done("files")
            if cache is not None:
                cache.save(cache_path)
            if full:
                files[full] = dumps(index.serialize())
        output = self.settings["OUTPUT_PATH"]
        written = 0
        for path, data in sorted(files.items()):
            written += write_if_changed(output, f"{folder}/{path}", data)
        self.remove_stale(Path(output) / folder, files)
        phases.done("written")
        logger.debug("archive_search: %s", phases)
        return {
            "id": json.loads(files["index.json"])["id"],
            "releases": len(docs),
            "files": len(files),
            "written": written,
            "bytes": sum(map(len, files.values())),
            "seconds": time.perf_counter() - start,
        }

    @staticmethod
    def remove_stale(folder: Path, files: dict[str, bytes]) -> None:
        """Delete shard files of an earlier build that this build did not write."""
        for sub in ("w", "t", "d", "f"):
            for path in sorted((folder / sub).glob("*.json")):
                if f"{sub}/{path.name}" not in files:
                    os.unlink(path)

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
