"""Markdown reader for YAML front-matter files; releases are validated against the content model."""

from __future__ import annotations

import html
import logging
import os

import yaml
from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from newsarchive.checks.files import page_metadata
from newsarchive.markup import converter, safe_body
from newsarchive.registry import Problem, Registry, load_registry
from newsarchive.release import parse_release, split_front_matter
from newsarchive.sanitize import refused_file, unsafe_name

logger = logging.getLogger(__name__)


def registry_path(settings: dict) -> str:
    """Absolute path of the partner registry named by ARCHIVE_REGISTRY (relative to PATH)."""
    return os.path.join(settings["PATH"], settings.get("ARCHIVE_REGISTRY", "partners.yaml"))


class FrontMatterMarkdownReader(MarkdownReader):
    """Reads `---` YAML front matter and a Markdown body; releases are validated and resolved."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._registry: Registry | None = None

    @property
    def registry(self) -> Registry:
        """The partner registry, read once per reader."""
        if self._registry is None:
            self._registry = load_registry(registry_path(self.settings))
            log_problems(self._registry.problems)
        return self._registry

    def _render(self, text: str, rel: str, first_line: int) -> tuple[str, list[Problem]]:
        """Sanitised HTML of a Markdown body, and warnings for what the sanitiser removed."""
        if getattr(self, "_markdown", None) is None:  # one converter per reader, reset per file
            self._markdown: Markdown = converter(self.settings["MARKDOWN"])
        self._md = self._markdown
        return safe_body(self._markdown, text, rel, first_line)

    def _is_release(self, source_path: str) -> bool:
        rel = os.path.relpath(source_path, self.settings["PATH"])
        return rel.split(os.sep)[0] in self.settings.get("RELEASE_PATHS", ["releases"])

    def read(self, source_path: str):
        """Return (HTML, metadata) for one file; a release's problems are logged."""
        if not self._is_release(source_path):
            rel = os.path.relpath(source_path, os.path.dirname(self.settings["PATH"]))
            unsafe = unsafe_name(os.path.basename(source_path))
            if unsafe:
                raise ValueError(f"{rel}:1: error: {unsafe}")
            with open(source_path, encoding="utf-8-sig") as fh:
                text = fh.read()
            return self._read_page(text, rel)
        content, metadata, problems = self.read_release(source_path)
        log_problems(problems)
        if content is None:
            rel = os.path.relpath(source_path, os.path.dirname(self.settings["PATH"]))
            raise ValueError(f"{rel}: release cannot be read (see the errors above)")
        return content, metadata

    def read_release(self, source_path: str) -> tuple[str | None, dict | None, list[Problem]]:
        """(HTML, metadata, problems) of a release file; HTML is None when it is unusable."""
        rel = os.path.relpath(source_path, os.path.dirname(self.settings["PATH"]))
        unsafe = unsafe_name(os.path.basename(source_path))
        if unsafe:
            return None, None, [Problem(rel, 1, "error", unsafe)]
        with open(source_path, encoding="utf-8-sig") as fh:
            text = fh.read()
        release, problems = parse_release(text, rel, self.registry)
        if release is None:
            return None, None, problems
        metadata = {
            "title": release.title,
            "record": release,
            "status": release.status,
            "summary": html.escape(release.summary),
            "folder": release.folder,
        }
        if release.date:
            metadata["date"] = SafeDatetime(release.date.year, release.date.month, release.date.day)
        content, body_problems = self._render(release.body, rel, release.body_line)
        return content, metadata, problems + body_problems

    def _read_page(self, text: str, rel: str):
        parts = split_front_matter(text)
        if parts is None:
            raise ValueError(f"{rel}: no front matter: start the file with '---', YAML, '---'")
        fm, body, body_line = parts
        meta = yaml.safe_load(fm) or {}
        if not isinstance(meta, dict):
            raise ValueError(f"{rel}: front matter must be YAML fields (key: value)")
        fields, problems = page_metadata(meta, fm, rel)
        metadata = {k: self.process_metadata(k, v) for k, v in fields.items()}
        content, body_problems = self._render(body, rel, body_line)
        log_problems(problems + body_problems)
        return content, metadata

    def process_metadata(self, name, value):
        """Plain values stay as they are; strings go through Pelican's usual processing."""
        if isinstance(value, str):
            return super().process_metadata(name, value)
        return value


def log_problems(problems: list[Problem]) -> None:
    """Log content problems: errors as errors, the rest as warnings."""
    for problem in problems:
        log = logger.error if problem.level == "error" else logger.warning
        log("%s", problem)


def add_reader(readers) -> None:
    """Read Markdown files with the front-matter reader, and no other markup: Pelican's HTML and
    reStructuredText readers would publish a page's markup unsanitised (static files keep
    theirs: they are copied, not read)."""
    for ext in list(readers.reader_classes):
        if ext not in FrontMatterMarkdownReader.file_extensions and ext != "static":
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
        shown = os.path.relpath(static.source_path, os.path.dirname(generator.settings["PATH"]))
        logger.error("%s:1: error: %s", shown, reason)
        generator.context.get("static_content", {}).pop(path, None)
    generator.staticfiles[:] = kept  # the same list is in the context
