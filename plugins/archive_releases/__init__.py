"""Pelican plugin: read YAML front-matter releases and write release, home, year and feed pages."""

from pelican import signals as pelican_signals  # `signals` here is this plugin's own module

from .generator import add_jinja_globals, get_generators
from .reader import add_reader


def register():
    """Connect the reader, the releases generator and the templates' helpers."""
    pelican_signals.initialized.connect(add_jinja_globals)
    pelican_signals.readers_init.connect(add_reader)
    pelican_signals.get_generators.connect(get_generators)
