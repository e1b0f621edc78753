"""Markdown reader for YAML front-matter files; releases are checked as `archive check` does.

The reader never raises for bad content: a release's problems are returned with it (the build
reports every problem at once, before writing), and a page that cannot be published is read as a
draft (its problems are reported from the page's own check).
"""

from __future__ import annotations

import html
import logging
import os
import signal
import threading
from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from newsarchive.checks.files import check_release
from newsarchive.markup import check_body, converter, safe_body
from newsarchive.page import parse_page
from newsarchive.problems import Problem
from newsarchive.registry import Registry, load_registry, registry_path
from newsarchive.sanitize import refused_file, unsafe_name
from newsarchive.sources import read_source

logger = logging.getLogger(__name__)

RENDER_SECONDS = 20  # a body that takes longer to convert is refused (ARCHIVE_RENDER_SECONDS)
PAGE_PROBLEMS = "archive_problems"  # metadata of a page that could not be converted


class RenderTimeout(Exception):
    """Converting a body took longer than allowed."""


def _timeout(signum, frame):
    raise RenderTimeout


def shown_path(settings: dict, path: str | os.PathLike) -> str:
    """A content path as messages show it: relative to the content folder's parent."""
    return os.path.relpath(path, os.path.dirname(settings["PATH"])).replace(os.sep, "/")


class FrontMatterMarkdownReader(MarkdownReader):
    """Reads `---` YAML front matter and a Markdown body; releases are validated and resolved."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, registry: Registry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._registry = registry

    @property
    def registry(self) -> Registry:
        """The partner registry, read once per reader (its problems are reported by the
        build's content check)."""
        if self._registry is None:
            path = registry_path(self.settings)
            self._registry = load_registry(path, shown_path(self.settings, path))
        return self._registry

    def _render(self, text: str, rel: str, first_line: int) -> tuple[str, list[Problem]]:
        """Sanitised HTML of a Markdown body, and warnings for what the sanitiser removed; a body
        that takes longer than ARCHIVE_RENDER_SECONDS to convert raises RenderTimeout."""
        if getattr(self, "_markdown", None) is None:  # one converter per reader, reset per file
            self._markdown: Markdown = converter(self.settings["MARKDOWN"])
        self._md = self._markdown
        seconds = self.settings.get("ARCHIVE_RENDER_SECONDS", RENDER_SECONDS)
        if not seconds or threading.current_thread() is not threading.main_thread():
            return safe_body(self._markdown, text, rel, first_line)
        previous = signal.signal(signal.SIGALRM, _timeout)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return safe_body(self._markdown, text, rel, first_line)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def _is_release(self, source_path: str) -> bool:
        rel = os.path.relpath(source_path, self.settings["PATH"])
        return rel.split(os.sep)[0] in self.settings.get("RELEASE_PATHS", ["releases"])

    def read(self, source_path: str):
        """Return (HTML, metadata) for one file; a file that cannot be published is a draft."""
        if not self._is_release(source_path):
            return self._read_page(source_path)
        content, metadata, _ = self.read_release(source_path)
        if content is None:
            return "", {"title": shown_path(self.settings, source_path), "status": "draft"}
        return content, metadata

    def read_release(
        self, source_path: str, body_html: str | None = None
    ) -> tuple[str | None, dict | None, list[Problem]]:
        """(HTML, metadata, problems) of a release file; HTML is None when it is unusable.

        The problems are those `archive check` reports for the file. `body_html`, when given, is
        the body's HTML from an earlier build of the same file (only the registry changed)."""
        rel = shown_path(self.settings, source_path)
        unsafe = unsafe_name(os.path.basename(source_path))
        if unsafe:
            return None, None, [Problem(rel, 1, "error", unsafe)]
        text, problems = read_source(source_path, rel)
        if text is None:
            return None, None, problems
        root = Path(self.settings["PATH"])
        releases = root / self.settings.get("RELEASE_PATHS", ["releases"])[0]
        release, problems = check_release(
            text, Path(source_path), rel, self.registry, releases, body=False
        )
        if release is None:
            return None, None, problems
        if body_html is not None:  # its HTML is kept; what the sanitiser removed is found again
            content, problem = body_html, None
            problems += check_body(release.body, rel, release.body_line)
        else:
            content, problem = self._convert(release.body, rel, release.body_line, problems)
        if problem is not None:
            return None, None, [*problems, problem]
        metadata = {
            "title": release.title,
            "record": release,
            "status": release.status,
            "summary": html.escape(release.summary),
            "folder": release.folder,
        }
        if release.date:
            metadata["date"] = SafeDatetime(release.date.year, release.date.month, release.date.day)
        return content, metadata, problems

    def _convert(
        self, body: str, rel: str, line: int, problems: list[Problem]
    ) -> tuple[str | None, Problem | None]:
        """The body as sanitised HTML (what the sanitiser removed added to `problems`), or a
        problem when Markdown cannot convert it in time."""
        try:
            content, removed = self._render(body, rel, line)
        except RenderTimeout:
            seconds = self.settings.get("ARCHIVE_RENDER_SECONDS", RENDER_SECONDS)
            message = (
                f"the body took more than {seconds} s to convert to HTML: look for thousands of "
                "unclosed brackets or deeply nested lists and simplify them"
            )
        except RecursionError:
            message = (
                "the body is nested too deeply to convert to HTML: flatten its lists or quotes"
            )
        except Exception as exc:  # a Markdown extension failing on odd input
            message = f"the body cannot be converted to HTML ({type(exc).__name__}): simplify it"
        else:
            problems += removed
            return content, None
        return None, Problem(rel, line, "error", message)

    def _read_page(self, source_path: str):
        rel = shown_path(self.settings, source_path)
        unsafe = unsafe_name(os.path.basename(source_path))
        text = None if unsafe else read_source(source_path, rel)[0]
        fields, body, _ = parse_page(text, rel) if text is not None else (None, "", [])
        content, problem = None, None
        if fields is not None:  # the body's warnings come from the page's own check
            line = text.count("\n", 0, len(text) - len(body)) + 1
            content, problem = self._convert(body, rel, line, [])
        if unsafe:
            problem = Problem(rel, 1, "error", unsafe)
        if fields is None or problem is not None:  # the build's content check reports it
            problems = [problem] if problem is not None else []
            return "", {"title": rel, "status": "draft", PAGE_PROBLEMS: problems}
        return content, {k: self.process_metadata(k, v) for k, v in fields.items()}

    def process_metadata(self, name, value):
        """Plain values stay as they are; strings go through Pelican's usual processing."""
        if isinstance(value, str):
            return super().process_metadata(name, value)
        return value


def add_reader(readers) -> None:
    """Use the front-matter reader for Markdown files, and no other reader: Pelican's HTML and
    reStructuredText readers would publish a page's markup unsanitised, with fields (`save_as`,
    `template`) nothing checks (static files keep theirs: they are copied, not read)."""
    for ext in list(readers.reader_classes):
        if ext != "static":  # Pelican's reader of static files (images) stays
            del readers.reader_classes[ext]
    for ext in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[ext] = FrontMatterMarkdownReader


def refuse_active_files(generator) -> None:
    """Keep static files a browser would run as a page of the site (HTML, SVG, scripts) out of
    the output, each reported as an error; a `{static}` link to one then finds nothing."""
    kept = []
    for static in generator.staticfiles:
        path = static.get_relative_source_path()
        reason = refused_file(path)
        if reason is None:
            kept.append(static)
            continue
        logger.error("%s:1: error: %s", shown_path(generator.settings, static.source_path), reason)
        generator.context.get("static_content", {}).pop(path, None)
    generator.staticfiles[:] = kept  # the same list is in the context
