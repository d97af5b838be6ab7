"""Reading reports in any format: ``read_document(path)`` for one file, ``iter_documents``
for a collection (one Document per record) or a single file.

Every reader returns a ``Document``: the text Markdown-ish (paragraphs separated by blank
lines where the format knows paragraphs, ``**bold**``, footnote markers ``[N]``), what the
format says about the report (metadata), the path and the kind (text, html, docx, pdf,
record). What the paragraphs, sections and notes are is the layout parser's business.

The format is chosen by the file's first bytes where they say it, else by its extension;
each reader module imports only what its format needs, and only pdfminer.six (the ``pdf``
extra) is not in the standard library. Every failure is a DocumentError (exit 3) of one line
naming the file, or a MissingExtraError (exit 2) naming the extra to install.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import DocumentError, Problem
from . import registry

if TYPE_CHECKING:  # pragma: no cover - types only
    from .document import Document

__all__ = ["KINDS", "Document", "DocumentError", "iter_documents", "read_document"]

HEAD_BYTES = 8192


def __getattr__(name: str):
    """``Document`` and ``KINDS`` on first use: importing this package (the command line
    does, for the registry's help text) compiles no reader's patterns."""
    if name == "Document":
        from .document import Document  # lazy: the hanzi pattern is compiled on first use

        return Document
    if name == "KINDS":
        return registry.kinds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read_document(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """The one report in ``path``. A collection must hold exactly one record (read a larger
    one with ``iter_documents``). ``encoding`` overrides detection for text formats."""
    from .sniff import is_collection, kind_of  # lazy: sniff imports document (as __getattr__ says)

    path = Path(path)
    head = _head(path)
    if is_collection(path, head):
        documents = iter_documents(path, encoding)
        first = next(documents)
        if next(documents, None) is not None:
            raise DocumentError(Problem(str(path), None, "is a collection of several reports",
                                        fix="read it as a collection (one report a record)"))
        return first
    data = _read(path)
    # lazy: each reader imports only what its format needs (zipfile, html.parser, pdfminer)
    return registry.reader_for(kind_of(path, data)).reader()(path, data, encoding)


def iter_documents(path: str | os.PathLike[str], encoding: str | None = None,
                   on_read: Callable[[int], None] | None = None) -> Iterator[Document]:
    """Each report of a collection (.jsonl, .jsonl.gz), streamed; for any other file, its one
    report. ``on_read``, if given, is told before each report is given how many bytes of
    the file have been read (of a .gz collection: compressed bytes), so that a caller can
    show progress against the file's size."""
    from .sniff import collection_of  # lazy: sniff imports document (as __getattr__ says)

    path = Path(path)
    collection = collection_of(path, _head(path))
    if collection is not None:
        yield from collection.reader()(path, encoding, on_read)
    else:
        document = read_document(path, encoding)
        if on_read is not None:
            on_read(path.stat().st_size)
        yield document


def _head(path: Path) -> bytes:
    from ..files import read_bytes  # lazy: files imports tempfile, for writing

    return read_bytes(path, DocumentError, "report", HEAD_BYTES)


def _read(path: Path) -> bytes:
    from ..files import read_bytes  # lazy: files imports tempfile, for writing

    return read_bytes(path, DocumentError, "report")
