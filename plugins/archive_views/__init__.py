"""Pelican plugin: map, timeline and partner network as static SVG, and the open data exports."""

from pelican import signals

from .generator import get_generators


def register():
    """Connect the views generator."""
    signals.get_generators.connect(get_generators)
