"""Pelican plugin: the client-side search (term-sharded lunr index under search/, and its page)."""

from pelican import signals

from .generator import get_generators


def register():
    """Connect the search generator."""
    signals.get_generators.connect(get_generators)
