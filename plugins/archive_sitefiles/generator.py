"""sitemap.xml, robots.txt, 404.html, /favicon.ico and the goals' colours; the sitemap lists every
page written."""

from __future__ import annotations

import logging
import os

from pelican.generators import Generator

from archive_releases.generator import absolute_url
from newsarchive.incremental import MANIFEST_KEY, WRITTEN_PAGES_KEY
from newsarchive.output import relative_path, write_bytes, write_if_changed
from newsarchive.sdgs import goal_stylesheet
from newsarchive.sitefiles import render_robots, render_sitemap

WRITTEN_KEY = WRITTEN_PAGES_KEY
logger = logging.getLogger(__name__)


def record_written(path, context=None) -> None:
    """Note each HTML file written in this build's context (the list lives in the context)."""
    pages = (context or {}).get(WRITTEN_KEY)
    if pages is not None and str(path).endswith(".html"):
        pages.append(str(path))


class SiteFilesGenerator(Generator):
    """Runs last among the plugin generators: every page has been written by then."""

    def generate_context(self) -> None:
        """Start this build's list of written pages."""
        self.context[WRITTEN_KEY] = []

    def generate_output(self, writer) -> None:
        """Write 404.html, then the sitemap of every page, then robots.txt."""
        self.write_not_found(writer)
        self.write_sitemap()
        self.write_robots()
        self.write_favicon()
        self.write_goal_colours()
        manifest = self.context.get(MANIFEST_KEY)
        if manifest is not None:
            removed = manifest.remove_stale()
            if removed:
                logger.info("archive: removed %d file(s) of pages gone since", len(removed))
            manifest.save()

    def write_not_found(self, writer) -> None:
        """The styled 404 page, with root-relative links so it works at any missing path."""
        writer.write_file(
            "404.html",
            self.get_template("404"),
            {**self.context, "SITEURL": self.settings.get("NOT_FOUND_SITEURL", "")},
            page_name="404",
            relative_urls=False,
        )

    def write_sitemap(self) -> None:
        """sitemap.xml with the absolute URL of every page (index.html shown as its folder)."""
        output = self.settings["OUTPUT_PATH"]
        paths = set()
        for path in self.context.get(WRITTEN_KEY, []):
            rel = relative_path(path, output).replace(os.sep, "/")
            if rel == "404.html":
                continue
            paths.add(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        urls = [absolute_url(self.settings, p) for p in sorted(paths)]
        write_bytes(output, "sitemap.xml", render_sitemap(urls))

    def write_favicon(self) -> None:
        """The theme's favicon.ico at the site root, where browsers ask for it unprompted."""
        icon = os.path.join(self.settings["THEME"], "static", "favicon.ico")
        if os.path.exists(icon):
            with open(icon, "rb") as fh:
                write_bytes(self.settings["OUTPUT_PATH"], "favicon.ico", fh.read())

    def write_goal_colours(self) -> None:
        """theme/css/sdgs.css: the goals' colours as classes (no style attributes: the CSP)."""
        path = f"{self.settings.get('THEME_STATIC_DIR', 'theme')}/css/sdgs.css"
        write_if_changed(self.settings["OUTPUT_PATH"], path, goal_stylesheet())

    def write_robots(self) -> None:
        """robots.txt pointing at the sitemap."""
        sitemap = absolute_url(self.settings, "sitemap.xml")
        write_bytes(self.settings["OUTPUT_PATH"], "robots.txt", render_robots(sitemap))


def get_generators(pelican):
    """The site-files generator."""
    return SiteFilesGenerator
