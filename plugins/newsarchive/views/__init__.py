"""Build-time views of the archive as static SVG: world map, timeline and partner network.

Plain functions from plain data to SVG strings (no Pelican needed); the `archive_views` plugin
feeds them the build's releases and puts the results in the template context.
"""

from .network import Network, Node, build_network, co_occurrence, network_svg
from .timeline import YearCounts, timeline_svg, year_counts
from .worldmap import MapEntry, class_breaks, legend, map_svg

__all__ = [
    "MapEntry",
    "Network",
    "Node",
    "YearCounts",
    "build_network",
    "class_breaks",
    "co_occurrence",
    "legend",
    "map_svg",
    "network_svg",
    "timeline_svg",
    "year_counts",
]
