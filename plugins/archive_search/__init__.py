"""Pelican plugin: the client-side search (term-sharded lunr index under search/, and its page)."""

from pelican import signals

from archive_releases.signals import release_generator_finalized

from .generator import get_generators, start_search_process


def register():
    """Connect the search generator, and the start of the search process once the releases are
    read."""
    signals.get_generators.connect(get_generators)
    release_generator_finalized.connect(start_search_process)
