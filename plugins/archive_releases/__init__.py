"""Pelican plugin: read YAML front-matter releases and write release, home, year and feed pages."""

from pelican import signals

from .generator import add_jinja_globals, get_generators
from .reader import add_reader


def register():
    """Connect the reader, the releases generator and the templates' helpers."""
    signals.initialized.connect(add_jinja_globals)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
