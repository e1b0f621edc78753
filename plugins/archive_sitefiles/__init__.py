"""Pelican plugin: sitemap.xml, robots.txt and the 404 page, written after every other page."""

from pelican import signals

from .generator import get_generators, record_written


def register():
    """Connect the site-files generator and the listener that notes every page written."""
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(record_written)
