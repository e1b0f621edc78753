"""Pages written by a forked process while the build writes others.

Pelican writes every page in one process, so on two cores one of them waits while the other
renders tens of thousands of pages (the search process uses it for a while, then nothing). A
generator whose pages need nothing the others write (the partner, country and goal pages) can
hand its writing to a child forked once every context is ready (`all_generators_finalized`:
the content check has passed and the output folder is ready by then). The child writes the
same files with its own Pelican writer and sends back what the build keeps track of: the pages
it wrote (for the sitemap), their page-manifest records (for the next build) and how many it
skipped as unchanged. The generator's `generate_output` waits for it and merges that at the
place its pages had in the sequential order, so the sitemap and the manifest are the same.

The child dies with the build (`processes.die_with_parent`). Its log messages reach the same
console; a warning made fatal (`--strict`) or an error stops it, and the build stops as
Pelican stops on one; any other failure is logged as an error with its traceback.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable

from .incremental import MANIFEST_KEY, WRITTEN_PAGES_KEY
from .processes import die_with_parent, end_stale, fork_helps, paused_gc

PARALLEL_MIN_RELEASES = 400  # below this, forking costs more than it saves
PELICAN_FATAL = "Warning or error encountered"  # what Pelican's --fatal raises
PROCESS_NAME = "archive-pages"


def parallel(settings: dict, releases: int) -> bool:
    """True when a forked writer may help: enough releases, fork available, two cores or more.
    ARCHIVE_FORK_WRITERS = False turns it off; an integer sets the least number of releases."""
    setting = settings.get("ARCHIVE_FORK_WRITERS", PARALLEL_MIN_RELEASES)
    if setting is False:
        return False
    least = setting if type(setting) is int else PARALLEL_MIN_RELEASES  # True: the default
    return fork_helps(releases, least)


class ForkedPages:
    """`write(writer)` run in a forked child; `finish()` in the parent merges what it wrote."""

    def __init__(self, context: dict, settings: dict, write: Callable, writer_class) -> None:
        self.context = context
        end_stale(PROCESS_NAME)  # of a build stopped before its turn
        fork = multiprocessing.get_context("fork")
        self.connection, theirs = fork.Pipe(duplex=False)
        self.process = fork.Process(
            target=_in_child,
            args=(theirs, context, settings, write, writer_class, os.getpid()),
            name=PROCESS_NAME,
        )
        with paused_gc():  # the child starts from a frozen heap: fewer pages copied
            self.process.start()
        theirs.close()

    def finish(self) -> None:
        """Wait for the child; note its pages in this build's context as if written here."""
        try:
            result = self.connection.recv()
        except EOFError:  # it died before sending anything
            result = {"error": f"the page writer stopped (exit code {self.process.exitcode})"}
        self.process.join()
        self.connection.close()
        if result.get("fatal"):
            raise RuntimeError(PELICAN_FATAL)
        if "error" in result:
            raise RuntimeError(f"pages written in a second process failed:\n{result['error']}")
        written = self.context.get(WRITTEN_PAGES_KEY)
        if written is not None:
            written.extend(result["written"])
        manifest = self.context.get(MANIFEST_KEY)
        if manifest is not None:
            manifest.current.update(result["records"])
            manifest.skipped += result["skipped"]


def _in_child(connection, context, settings, write, writer_class, parent: int) -> None:
    die_with_parent(parent)
    written = context.get(WRITTEN_PAGES_KEY)
    manifest = context.get(MANIFEST_KEY)
    first = len(written) if written is not None else 0
    known = set(manifest.current) if manifest is not None else set()
    skipped = manifest.skipped if manifest is not None else 0
    try:
        write(writer_class(settings["OUTPUT_PATH"], settings=settings))
    except Exception as exc:  # reported by the parent, which stops the build
        fatal = str(exc) == PELICAN_FATAL  # the message itself is already on the console
        connection.send({"fatal": True} if fatal else {"error": traceback.format_exc()})
        return
    connection.send(
        {
            "written": written[first:] if written is not None else [],
            "records": {k: v for k, v in manifest.current.items() if k not in known}
            if manifest is not None
            else {},
            "skipped": manifest.skipped - skipped if manifest is not None else 0,
        }
    )
    connection.close()
