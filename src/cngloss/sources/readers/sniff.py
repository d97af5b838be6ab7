"""Which reader a file needs: by its first bytes where they say it (a PDF, a Word file, an
image, a gzip collection, an HTML page), else by its extension, else plain text. So a report
saved as ``report.txt`` that is really a PDF is still read as one. The formats, their bytes
and extensions are the rows of ``registry.FORMATS``."""

from __future__ import annotations

from pathlib import Path

from . import registry
from .document import fail
from .registry import Reader, Refusal


def collection_of(path: Path, head: bytes) -> Reader | None:
    """The collection format (.jsonl and the like, read as a stream, so judged before the
    file is read whole) of a file that begins with ``head``: by those bytes (gzip), else its
    extension; None for a file of one report."""
    for row in registry.readers():
        if row.collection and row.magic is not None and row.magic(head):
            return row
    row = registry.by_name(path.name)
    return row if row is not None and row.collection else None


def is_collection(path: Path, head: bytes) -> bool:
    return collection_of(path, head) is not None


def kind_of(path: Path, data: bytes) -> str:
    """The kind of reader (``text``, ``html``, ``docx``, ``pdf``, ``record``, …) for a file
    whose bytes (or the first of them) are ``data``; DocumentError for formats no reader
    takes."""
    row = registry.by_content(data)
    if isinstance(row, Refusal):
        raise fail(path, row.message.format(name=row.name), row.fix)
    if row is None:
        row = registry.by_name(path.name)
    return row.kind if row is not None else registry.FALLBACK
