"""Pelican plugin: read YAML front-matter releases, check the content, write release, home, year
and feed pages; and the build's start and end (nothing deleted before the check, the output
folder marked while a build writes it)."""

from pelican import signals as pelican_signals  # `signals` here is this plugin's own module

from .checking import ContentCheck
from .generator import ReleasesGenerator, add_jinja_globals, keep_existing_static_paths
from .lifecycle import finish_build, prepare_build
from .reader import add_reader, refuse_active_files


def get_generators(pelican):
    """The releases generator, then the content check (before any other generator runs; the
    taxonomy generator reads the releases)."""
    return (ReleasesGenerator, ContentCheck)


def register():
    """Connect the reader, the generators, the templates' helpers, the build's start and end, and
    the refusal of static files that would run as pages."""
    pelican_signals.initialized.connect(add_jinja_globals)
    pelican_signals.initialized.connect(keep_existing_static_paths)
    pelican_signals.initialized.connect(prepare_build)
    pelican_signals.readers_init.connect(add_reader)
    pelican_signals.get_generators.connect(get_generators)
    pelican_signals.static_generator_finalized.connect(refuse_active_files)
    pelican_signals.finalized.connect(finish_build)
