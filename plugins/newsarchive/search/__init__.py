"""Client-side search: documents from releases, a lunr index, and its term-sharded files.

`text.py` holds the fields and turns text into terms as lunr.js does, `documents.py` turns
releases into plain search documents, `index.py` builds the lunr index with the Python `lunr`
package, `shards.py` splits it into the files the browser fetches (the format is described there).
Nothing here imports Pelican.
"""

from .documents import SearchDocument, html_to_text, search_documents
from .index import build_index, field_texts
from .shards import FORMAT_VERSION, search_files
from .text import FIELDS

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
