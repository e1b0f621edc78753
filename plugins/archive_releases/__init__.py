"""Pelican plugin: read YAML front-matter releases and write release, home, year and feed pages."""

from pelican import signals

from .generator import add_jinja_globals, get_generators
from .reader import add_reader, refuse_active_files


def register():
    """Connect the reader, the releases generator, the templates' helpers and the refusal of
    static files that would run as pages."""
    signals.initialized.connect(add_jinja_globals)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(refuse_active_files)
