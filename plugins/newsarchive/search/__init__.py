"""Client-side search: documents from releases, a lunr index, and its term-sharded files.

`documents.py` turns releases into plain search documents, `index.py` builds the lunr index with
the Python `lunr` package, `shards.py` splits it into the files the browser fetches (the format is
described there). Nothing here imports Pelican.
"""

from .documents import SearchDocument, html_to_text, search_documents
from .index import FIELDS, build_index, field_texts
from .shards import FORMAT_VERSION, search_files

__all__ = [
    "FIELDS",
    "FORMAT_VERSION",
    "SearchDocument",
    "build_index",
    "field_texts",
    "html_to_text",
    "search_documents",
    "search_files",
]
