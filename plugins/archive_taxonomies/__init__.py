"""Pelican plugin: partner, country and SDG index and term pages, from one table of taxonomies."""

from pelican import signals

from .generator import add_filters, get_generators, start_writing


def register():
    """Connect the taxonomy generator and the templates' filters."""
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_writing)
