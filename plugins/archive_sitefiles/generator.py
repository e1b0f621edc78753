"""sitemap.xml, robots.txt, 404.html, /favicon.ico, the goals' colours and the share images; the
sitemap lists every page written."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlparse

from pelican.generators import Generator

from newsarchive.incremental import MANIFEST_KEY, WRITTEN_PAGES_KEY, fingerprint
from newsarchive.output import relative_path, write_bytes, write_if_changed
from newsarchive.pages import absolute_url, unchanged
from newsarchive.sdgs import all_goals, goal_stylesheet
from newsarchive.share_image import DEFAULT_IMAGE, archive_image, goal_image, sdg_image
from newsarchive.sitefiles import render_robots, render_sitemap

logger = logging.getLogger(__name__)


def record_written(path, context=None) -> None:
    """Note each HTML file written in this build's context (the list lives in the context)."""
    pages = (context or {}).get(WRITTEN_PAGES_KEY)
    if pages is not None and str(path).endswith(".html"):
        pages.append(str(path))


class SiteFilesGenerator(Generator):
    """Runs last among the plugin generators: every page has been written by then."""

    def generate_context(self) -> None:
        """Start this build's list of written pages; name the default share image."""
        self.context[WRITTEN_PAGES_KEY] = []
        self.context["SHARE_IMAGE"] = DEFAULT_IMAGE

    def generate_output(self, writer) -> None:
        """Write 404.html, then the sitemap of every page, then robots.txt."""
        self.write_share_images()
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
        """The styled 404 page. A host serves it at any missing path, so its links start at the
        site's root: the path of SITE_ABSOLUTE_URL ("/repo" for a project site published at
        https://owner.github.io/repo/), or NOT_FOUND_SITEURL when set."""
        writer.write_file(
            "404.html",
            self.get_template("404"),
            {**self.context, "SITEURL": not_found_siteurl(self.settings)},
            page_name="404",
            relative_urls=False,
        )

    def write_share_images(self) -> None:
        """The share images (og:image): the archive's, and one per goal in its colour."""
        settings = self.settings
        name = settings.get("SITE_SHORTNAME") or settings["SITENAME"]
        tagline = settings.get("SHARE_IMAGE_TAGLINE") or (
            "Press releases on partnerships against human trafficking and migrant smuggling"
        )
        goals = all_goals()
        colours = (settings.get("SHARE_IMAGE_BACKGROUND", "#0b4f8a"), [g.colour for g in goals])
        print_ = fingerprint(name, tagline, colours, goals)
        if unchanged(self, "share-images", print_):
            return
        output = settings["OUTPUT_PATH"]
        files = [write_bytes(output, DEFAULT_IMAGE, archive_image(name, tagline, *colours))]
        for g in goals:
            image = goal_image(g.number, g.title, g.colour, g.text_colour, name)
            files.append(write_bytes(output, sdg_image(g.number), image))
        manifest = self.context.get(MANIFEST_KEY)
        if manifest is not None:
            manifest.record("share-images", print_, [str(f) for f in files])

    def write_sitemap(self) -> None:
        """sitemap.xml with the absolute URL of every page (index.html shown as its folder)."""
        output = self.settings["OUTPUT_PATH"]
        paths = set()
        for path in self.context.get(WRITTEN_PAGES_KEY, []):
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


def not_found_siteurl(settings: dict) -> str:
    """SITEURL of the 404 page: root-relative, with the site's own path when it has one."""
    if settings.get("NOT_FOUND_SITEURL") is not None:
        return settings["NOT_FOUND_SITEURL"]
    return urlparse(settings.get("SITE_ABSOLUTE_URL") or "").path.rstrip("/")


def get_generators(pelican):
    """The site-files generator."""
    return SiteFilesGenerator
