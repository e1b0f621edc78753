"""The search generator: writes the search files under `search/` and the search page."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from pelican.generators import Generator

from newsarchive.output import write_bytes
from newsarchive.search import build_index, search_documents, search_files
from newsarchive.search.shards import (
    DOCS_PER_SHARD,
    FACET_DOCS_PER_SHARD,
    TERM_SHARD_BYTES,
    dumps,
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
    }
    out = {}
    for key, (name, default) in wanted.items():
        value = settings.get(name, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            logger.warning("archive_search: %s must be a positive integer; using %d", name, default)
            value = default
        out[key] = value
    return out


class SearchGenerator(Generator):
    """After the releases are read: the search files and `search/index.html`."""

    def __init__(self, *args, **kwargs):
        self.search_id = ""
        super().__init__(*args, **kwargs)

    def generate_context(self) -> None:
        """Nothing to add: the index is built from the releases when output is written."""

    def generate_output(self, writer) -> None:
        """Write the search files, then the page that reads them."""
        self.write_search_files()
        self.write_search_page(writer)

    def write_search_files(self) -> None:
        """Build the lunr index of the published releases and write it as shards."""
        start = time.perf_counter()
        releases = self.context.get("releases", [])
        folder = self.settings.get("SEARCH_DIR", "search").strip("/")
        urls = {key: self.settings[name] for key, name in URL_SETTINGS if name in self.settings}
        with paused_gc():
            docs = search_documents((r.url, r.content, r.record) for r in releases)
            index = build_index(docs)
            files = search_files(docs, index, urls, **shard_settings(self.settings))
            if self.settings.get("SEARCH_FULL_INDEX"):  # lunr.py's own index, for comparisons
                files[self.settings["SEARCH_FULL_INDEX"]] = dumps(index.serialize())
        output = self.settings["OUTPUT_PATH"]
        for path, data in sorted(files.items()):
            write_bytes(output, f"{folder}/{path}", data)
        self.remove_stale(Path(output) / folder, files)
        self.search_id = json.loads(files["index.json"])["id"]
        logger.info(
            "archive_search: %d releases, %d files, %.1f kB in %.2f s",
            len(docs),
            len(files),
            sum(map(len, files.values())) / 1000,
            time.perf_counter() - start,
        )

    @staticmethod
    def remove_stale(folder: Path, files: dict[str, bytes]) -> None:
        """Delete shard files of an earlier build that this build did not write."""
        for sub in ("t", "d", "f"):
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
