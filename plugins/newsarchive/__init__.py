"""Partnership news archive: content model, importer, checks and the `archive` command.

The Pelican plugins in ``plugins/archive_*`` build the site from this package's plain-data logic.
"""

__version__ = "0.1.0"
