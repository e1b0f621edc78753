"""Pelican plugin: read YAML front-matter releases, check the content, write release, home, year
and feed pages; and the build's start and end (nothing deleted before the check, the output
folder marked while a build writes it)."""

from pelican import signals

from .checking import ContentCheck
from .generator import ReleasesGenerator, add_jinja_globals
from .lifecycle import finish_build, prepare_build
from .reader import add_reader


def get_generators(pelican):
    """The releases generator, then the content check (before any other generator runs; the
    taxonomy generator reads the releases)."""
    return (ReleasesGenerator, ContentCheck)


def register():
    """Connect the reader, the generators and the build's start and end."""
    signals.initialized.connect(add_jinja_globals)
    signals.initialized.connect(prepare_build)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finish_build)
