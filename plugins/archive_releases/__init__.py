"""Pelican plugin: read YAML front-matter releases and write release, home, year and feed pages."""

from pelican import signals as pelican_signals  # `signals` here is this plugin's own module

from .generator import add_jinja_globals, get_generators, keep_existing_static_paths
from .reader import add_reader, refuse_active_files


def register():
    """Connect the reader, the releases generator, the templates' helpers and the refusal of
    static files that would run as pages."""
    pelican_signals.initialized.connect(add_jinja_globals)
    pelican_signals.initialized.connect(keep_existing_static_paths)
    pelican_signals.readers_init.connect(add_reader)
    pelican_signals.get_generators.connect(get_generators)
    pelican_signals.static_generator_finalized.connect(refuse_active_files)
