"""The content check of a build: every problem of the content, reported at once, before anything
is written or deleted.

It runs after the releases and pages are read (their own problems were found while reading) and
before any generator writes: with an error (or any warning under --strict) it raises
ContentErrors with the report `archive check` would print, and the output folder stays as it
was. Otherwise warnings are logged once, and the output folder is made ready for writing.

With ARCHIVE_KEEP_GOING (never set by `archive build` or the project's settings), errors are logged
instead and everything that can be published is: the security tests build hostile content this
way, to show that what the checks refuse would still be harmless if it were let through.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican.generators import Generator

from newsarchive.checks import ContentErrors, site_report
from newsarchive.checks.tree import unsafe_link
from newsarchive.output import begin_output
from newsarchive.pages import REGISTRY_KEY
from newsarchive.problems import Problem
from newsarchive.registry import registry_path
from newsarchive.sources import MAX_REGISTRY_BYTES, read_source

from .generator import CONTENT_KEY
from .reader import PAGE_PROBLEMS, shown_path

logger = logging.getLogger(__name__)


class ContentCheck(Generator):
    """Runs right after the releases generator: checks, then readies the output folder."""

    def generate_context(self) -> None:
        """Raise ContentErrors when the content has errors; else log warnings, ready output."""
        report = self.report()
        if self.settings.get("ARCHIVE_STRICT"):
            report = report.strict()
        if report.errors and not self.settings.get("ARCHIVE_KEEP_GOING"):
            raise ContentErrors(report)
        for problem in report.problems:
            (logger.error if problem.level == "error" else logger.warning)("%s", problem)
        begin_output(
            self.settings["OUTPUT_PATH"],
            clean=bool(self.settings.get("DELETE_OUTPUT_DIRECTORY")),
            keep=self.settings.get("OUTPUT_RETENTION") or (),
            protect=[self.settings["PATH"]],
        )

    def report(self):
        """The report of the content as read for this build (the releases generator, which runs
        just before, leaves what it found in the context)."""
        state, registry = self.context[CONTENT_KEY], self.context[REGISTRY_KEY]
        settings = self.settings

        def shown(path) -> str:
            return shown_path(settings, path)

        reg_path = registry_path(settings)
        text = None
        if os.path.isfile(reg_path) and not registry.broken:
            text, _ = read_source(reg_path, shown(reg_path), MAX_REGISTRY_BYTES)
        pages = [Path(self.path, f) for f in sorted(self.get_files(settings["PAGE_PATHS"]))]
        problems = list(state["problems"])
        for page in self.context.get("draft_pages", []):
            problems += page.metadata.get(PAGE_PROBLEMS) or []
        problems += self.escaping_links()
        return site_report(
            state["tree"],
            self.path,
            shown,
            registry,
            text,
            problems,
            state["records"],
            pages,
            state["files"] + len(pages) + (1 if os.path.isfile(reg_path) else 0),
        )

    def escaping_links(self) -> list[Problem]:
        """Files Pelican was asked to copy ({static} links) that are outside the content folder
        (each linking file's own check names it; this guards what would be copied)."""
        return [
            Problem(
                shown_path(self.settings, self.path),
                1,
                "error",
                f"a {{static}} link leads to {link!r}, outside content/: link only to files "
                "under content/",
            )
            for link in sorted(self.context.get("static_links", ()))
            if unsafe_link(link, self.path, self.path)
        ]
