"""A build's start and end: nothing is deleted before the content is checked, every page is
written whole, and caches Pelican keeps itself are discarded when damaged.

The logic is in `newsarchive.output` and `newsarchive.cachefile`; these are the thin handlers.
"""

from __future__ import annotations

import logging
import os

from pelican.writers import FileOverwriteFailedError, Writer

from newsarchive.cachefile import validate_pickle
from newsarchive.output import AtomicTextFile, finish_output

logger = logging.getLogger(__name__)

OBSOLETE_CACHES = ("ReleasesGenerator",)  # the content cache's earlier name


def prepare_build(pelican) -> None:
    """Before anything runs: Pelican must not empty the output folder itself (the content check
    does it once the content has no error), and its own caches must be readable."""
    pelican.delete_outputdir = False
    settings = pelican.settings
    folder = settings.get("CACHE_PATH")
    if not folder or not os.path.isdir(folder):
        return
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name in OBSOLETE_CACHES:
            os.unlink(path)
        elif name.endswith(("Generator", "Generator-Readers")) and os.path.isfile(path):
            validate_pickle(path, "Pelican cache", gzipped=bool(settings.get("GZIP_CACHE")))


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


def finish_build(pelican) -> None:
    """Every file is written: the output folder loses its build-in-progress marker."""
    finish_output(pelican.settings["OUTPUT_PATH"])
