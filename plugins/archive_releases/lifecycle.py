"""A build's start and end: nothing is deleted before the content is checked, every page is
written whole, and caches Pelican keeps itself are discarded when damaged.

The logic is in `newsarchive.output` and `newsarchive.cachefile`; these are the thin handlers.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican.writers import FileOverwriteFailedError, Writer

from newsarchive.cachefile import record_checksums, verify_checksums
from newsarchive.output import AtomicTextFile, finish_output

logger = logging.getLogger(__name__)

OBSOLETE_CACHES = ("ReleasesGenerator",)  # the content cache's earlier name


CHECKSUMS = "pelican-caches.sha256"  # in CACHE_PATH


def pelican_caches(settings: dict) -> list[str]:
    """The cache files Pelican writes itself (without checksums, not atomically)."""
    folder = settings.get("CACHE_PATH")
    if not folder or not os.path.isdir(folder):
        return []
    return [
        os.path.join(folder, name)
        for name in sorted(os.listdir(folder))
        if name.endswith(("Generator", "Generator-Readers"))
        and name not in OBSOLETE_CACHES
        and os.path.isfile(os.path.join(folder, name))
    ]


def prepare_build(pelican) -> None:
    """Before anything runs: Pelican must not empty the output folder itself (the content check
    does it once the content has no error), and its own caches must be as it left them."""
    pelican.delete_outputdir = False
    folder = pelican.settings.get("CACHE_PATH")
    if not folder or not os.path.isdir(folder):
        return
    for name in OBSOLETE_CACHES:
        Path(folder, name).unlink(missing_ok=True)
    verify_checksums(
        pelican_caches(pelican.settings), os.path.join(folder, CHECKSUMS), "Pelican cache"
    )


class AtomicWriter(Writer):
    """Pelican's writer, with each page written to a temporary file and renamed into place, so a
    build that is killed never leaves a half-written page."""

    def _open_w(self, filename, encoding, override=False):
        # Pelican's own rule (a file is written once unless overridden once), then a whole file
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return AtomicTextFile(self.output_path, filename, encoding)


def get_writer(pelican):
    """The atomic writer."""
    return AtomicWriter


def record_pelican_caches(settings: dict) -> None:
    """Once Pelican's own generators have saved their caches (they run before ours): note their
    checksums, for the next build to check."""
    folder = settings.get("CACHE_PATH")
    if settings.get("CACHE_CONTENT") and folder and os.path.isdir(folder):
        record_checksums(pelican_caches(settings), os.path.join(folder, CHECKSUMS))


def finish_build(pelican) -> None:
    """Every file is written: the output folder loses its build-in-progress marker."""
    finish_output(pelican.settings["OUTPUT_PATH"])
