"""Pelican plugin: partner, country and SDG index and term pages, from one table of taxonomies."""

from pelican import signals

from .generator import get_generators


def register():
    """Connect the taxonomy generator."""
    signals.get_generators.connect(get_generators)
