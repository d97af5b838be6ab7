"""Which search index belongs to which glossary: the index itself, or the pickled index a
cache entry brought, unpickled on the first search (``index.index_for``).

A module of its own, importing nothing, so that loading a glossary from the cache can hand
over its compiled index without importing the index code: ``show`` and ``list`` never
search, and so never pay for it.
"""

from __future__ import annotations

import weakref
from typing import Any

# Kept while the glossary lives (weak keys): SearchIndex, or bytes from the cache.
INDEXES: "weakref.WeakKeyDictionary[Any, Any]" = weakref.WeakKeyDictionary()


def attach_compiled(glossary: Any, compiled: bytes | None) -> None:
    """Give a glossary loaded from the cache the index compiled with it (pickled bytes)."""
    if compiled is not None and glossary not in INDEXES:
        INDEXES[glossary] = compiled
