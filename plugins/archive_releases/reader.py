"""Markdown reader for YAML front-matter files; releases are checked as `archive check` does.

The reader never raises for bad content: a release's problems are returned with it (the build
reports every problem at once, before writing), and a page that cannot be published is read as a
draft (its problems are reported from the page's own check).
"""

from __future__ import annotations

import html
import os
import signal
import threading
from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from newsarchive.checks.files import check_release
from newsarchive.page import parse_page
from newsarchive.registry import Problem, Registry, load_registry
from newsarchive.sources import read_source

RENDER_SECONDS = 20  # a body that takes longer to convert is refused (ARCHIVE_RENDER_SECONDS)
PAGE_PROBLEMS = "archive_problems"  # metadata of a page that could not be converted


class RenderTimeout(Exception):
    """Converting a body took longer than allowed."""


def _timeout(signum, frame):
    raise RenderTimeout


def registry_path(settings: dict) -> str:
    """Absolute path of the partner registry named by ARCHIVE_REGISTRY (relative to PATH)."""
    return os.path.join(settings["PATH"], settings.get("ARCHIVE_REGISTRY", "partners.yaml"))


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

    def _render(self, text: str) -> str:
        if getattr(self, "_markdown", None) is None:  # one converter per reader, reset per file
            self._markdown = Markdown(**self.settings["MARKDOWN"])
        self._md = self._markdown
        seconds = self.settings.get("ARCHIVE_RENDER_SECONDS", RENDER_SECONDS)
        if not seconds or threading.current_thread() is not threading.main_thread():
            return self._markdown.reset().convert(text)
        previous = signal.signal(signal.SIGALRM, _timeout)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return self._markdown.reset().convert(text)
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
        text, problems = read_source(source_path, rel)
        if text is None:
            return None, None, problems
        root = Path(self.settings["PATH"])
        releases = root / self.settings.get("RELEASE_PATHS", ["releases"])[0]
        release, problems = check_release(text, Path(source_path), rel, self.registry, releases)
        if release is None:
            return None, None, problems
        if body_html is not None:
            content, problem = body_html, None
        else:
            content, problem = self._convert(release.body, rel, text)
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

    def _convert(self, body: str, rel: str, text: str) -> tuple[str | None, Problem | None]:
        """The body as HTML, or a problem when Markdown cannot convert it in time."""
        line = text.count("\n", 0, len(text) - len(body)) + 1
        try:
            return self._render(body), None
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
        return None, Problem(rel, line, "error", message)

    def _read_page(self, source_path: str):
        rel = shown_path(self.settings, source_path)
        text, _ = read_source(source_path, rel)
        fields, body, _ = parse_page(text, rel) if text is not None else (None, "", [])
        content, problem = (None, None) if fields is None else self._convert(body, rel, text)
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
    reStructuredText readers would publish pages whose fields (`save_as`, `template`) nothing
    checks."""
    for ext in list(readers.reader_classes):
        if ext != "static":  # Pelican's reader of static files (images) stays
            del readers.reader_classes[ext]
    for ext in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[ext] = FrontMatterMarkdownReader
