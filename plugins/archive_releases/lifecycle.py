"""A build's start and end: nothing is deleted before the content is checked, the output folder
is marked while a build writes it, and caches Pelican keeps itself are discarded when damaged or
made by other code.

The logic is in `newsarchive.output` and `newsarchive.cachefile`; these are the thin handlers.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsarchive.cachefile import record_checksums, verify_checksums
from newsarchive.incremental import tree_digest
from newsarchive.output import finish_output

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


def plugins_digest(settings: dict) -> str:
    """A digest of the plugins' Python code: Pelican's caches pickle the settings, and with them
    the functions and classes of ours that the settings hold (template filters, say)."""
    return tree_digest([Path(p) for p in settings.get("PLUGIN_PATHS", [])], (".py",))


def prepare_build(pelican) -> None:
    """Before anything runs: Pelican must not empty the output folder itself (the content check
    does it once the content has no error), and its own caches must be as it left them, made
    by this code."""
    pelican.delete_outputdir = False
    folder = pelican.settings.get("CACHE_PATH")
    if not folder or not os.path.isdir(folder):
        return
    for name in OBSOLETE_CACHES:
        Path(folder, name).unlink(missing_ok=True)
    verify_checksums(
        pelican_caches(pelican.settings),
        os.path.join(folder, CHECKSUMS),
        "Pelican cache",
        plugins_digest(pelican.settings),
    )


def record_pelican_caches(settings: dict) -> None:
    """Once Pelican's own generators have saved their caches (they run before ours): note their
    checksums and the code that made them, for the next build to check."""
    folder = settings.get("CACHE_PATH")
    if settings.get("CACHE_CONTENT") and folder and os.path.isdir(folder):
        record_checksums(
            pelican_caches(settings), os.path.join(folder, CHECKSUMS), plugins_digest(settings)
        )


def finish_build(pelican) -> None:
    """Every file is written: the output folder loses its build-in-progress marker."""
    finish_output(pelican.settings["OUTPUT_PATH"])
