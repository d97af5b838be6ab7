"""The report formats cngloss reads, in one table: what sniffing, ``read_document``'s
dispatch, ``KINDS`` and the command line's help text are all derived from.

Each row is a ``Reader`` (a kind, its extensions, a test of its first bytes, the function
that reads it, named ``module:function`` and imported only when a file of that kind is read,
and a few words for help) or a ``Refusal`` (a format no reader takes, with its one-line
error). A file's bytes are tested against the rows in order, and the first that matches
decides: so the PDF test (its header may follow a few bytes of junk) comes before the prefix
tests, and the Word test before the refusal of any other zip. Where no bytes match, the
extension decides, else the file is read as ``FALLBACK`` (text).

Adding a format is one module in ``readers/`` and one ``register(Reader(...))`` (or one row
here). This module imports nothing of the readers and nothing heavy (no zipfile, no
html.parser), since the command line imports it at start-up for its help text.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Callable, Union

Magic = Callable[[bytes], bool]


class Reader:
    """A format cngloss reads. ``read`` is ``read(path, data, encoding) -> Document``, or for
    a ``collection`` (several reports a file, streamed) ``read(path, encoding) -> Iterator
    [Document]``; given as ``"module:function"`` (relative to this package, imported on first
    use) or as the function itself. ``extensions`` are named in help, ``also`` are only
    recognised. ``magic`` tests the file's bytes (the first 8 KB at least)."""

    __slots__ = ("kind", "extensions", "also", "magic", "read", "description", "collection")

    def __init__(self, kind: str, extensions: tuple[str, ...], read: str | Callable,
                 description: str, magic: Magic | None = None, also: tuple[str, ...] = (),
                 collection: bool = False):
        self.kind = kind
        self.extensions = extensions
        self.also = also
        self.magic = magic
        self.read = read
        self.description = description
        self.collection = collection

    def __repr__(self) -> str:
        return f"Reader({self.kind!r}, {self.extensions + self.also!r})"

    def reader(self) -> Callable:
        """The function that reads this format (its module imported now, once)."""
        if callable(self.read):
            return self.read
        module, _, name = self.read.partition(":")
        return getattr(import_module(module, __package__), name)


class Refusal:
    """A format no reader takes, known by its first bytes: reading it is a DocumentError
    of one line, ``message`` and ``fix`` (``{name}`` in ``message`` is the format's name)."""

    __slots__ = ("name", "magic", "message", "fix")

    def __init__(self, name: str, magic: Magic, message: str, fix: str):
        self.name = name
        self.magic = magic
        self.message = message
        self.fix = fix

    def __repr__(self) -> str:
        return f"Refusal({self.name!r})"


Format = Union[Reader, Refusal]


def starts(*prefixes: bytes) -> Magic:
    """The magic test of a format whose files begin with one of ``prefixes``."""
    return lambda data: data.startswith(prefixes)


def _is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]  # the header may follow a few bytes of junk (PDF 1.7, 7.5.2)


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    import io  # lazy: zipfile only for a file that begins like a zip archive
    import zipfile

    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


# Compiled on first use (re's cache), not at import: this module is on the start-up path.
_HTML_START = (rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta"
               rb"|title)[\s>]")


def _is_html(data: bytes) -> bool:
    return re.match(_HTML_START, data[:1024], re.IGNORECASE | re.DOTALL) is not None


_IMAGE = "is an image ({name}): no text layer; run OCR first"
_OCR = "run OCR on it and give the text"

FALLBACK = "text"  # what a file is read as when neither its bytes nor its extension say

FORMATS: list[Format] = [
    Reader("text", (".txt", ".md"), ".text:read_text", "text or Markdown",
           also=(".markdown", ".text")),
    Reader("pdf", (".pdf",), ".pdf:read_pdf", "PDF with a text layer", magic=_is_pdf),
    Reader("docx", (".docx",), ".docx:read_docx", "Word", magic=_is_docx),
    Reader("html", (".html",), ".html:read_html", "web pages", magic=_is_html,
           also=(".htm", ".xhtml", ".shtml")),
    Reader("record", (".jsonl", ".jsonl.gz"), ".jsonl:iter_records",
           "collections, one report a line", magic=starts(b"\x1f\x8b"),
           also=(".ndjson", ".ndjson.gz"), collection=True),
    Refusal("zip", starts(b"PK\x03\x04"), "is a zip archive, not a report",
            "give the .docx, .pdf, .html or .txt file itself"),
    Refusal("doc", starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
            "is an old Word (.doc) or Excel file, which cngloss does not read",
            "save it as .docx (or .txt) and read that"),
    Refusal("PNG", starts(b"\x89PNG"), _IMAGE, _OCR),
    Refusal("JPEG", starts(b"\xff\xd8\xff"), _IMAGE, _OCR),
    Refusal("GIF", starts(b"GIF8"), _IMAGE, _OCR),
    Refusal("TIFF", starts(b"II*\x00", b"MM\x00*"), _IMAGE, _OCR),
]


def register(fmt: Format, before: str | None = None) -> None:
    """Add a format: before the row named ``before`` (a kind or a refusal's name), else a
    reader after the last reader (so before the refusals: a zip-based format is tried before
    "any other zip" is refused) and a refusal at the end. A kind already there is replaced
    where it stands (unless ``before`` moves it)."""
    key = _key(fmt)
    keys = [_key(row) for row in FORMATS]
    if before is None and key in keys:
        FORMATS[keys.index(key)] = fmt
        return
    rows = [row for row in FORMATS if _key(row) != key]
    if before is not None:
        at = next(i for i, row in enumerate(rows) if _key(row) == before)
    elif isinstance(fmt, Reader):
        at = max((i + 1 for i, row in enumerate(rows) if isinstance(row, Reader)), default=0)
    else:
        at = len(rows)
    rows.insert(at, fmt)
    FORMATS[:] = rows


def _key(row: Format) -> str:
    return row.kind if isinstance(row, Reader) else row.name


def readers() -> list[Reader]:
    return [row for row in FORMATS if isinstance(row, Reader)]


def kinds() -> tuple[str, ...]:
    """Every kind a Document can have, in table order (``text``, ``pdf``, …, ``record``)."""
    return tuple(row.kind for row in readers())


def reader_for(kind: str) -> Reader:
    return next(row for row in readers() if row.kind == kind)


def by_name(name: str) -> Reader | None:
    """The reader a file name's extension says (case aside; the longest extension that
    ends it, so ``.jsonl.gz`` whole), or None."""
    name = name.lower()
    found = [(len(ext), row) for row in readers() for ext in row.extensions + row.also
             if name.endswith(ext) and len(name) > len(ext)]
    return max(found, key=lambda item: item[0])[1] if found else None


def by_content(data: bytes) -> Format | None:
    """The first row whose magic test takes ``data`` (a file's bytes, or the first of them)."""
    for row in FORMATS:
        if row.magic is not None and row.magic(data):
            return row
    return None


# --- help text ----------------------------------------------------------------------------

def document_extensions(separator: str = ", ") -> str:
    """The extensions of the one-report formats, as help names them: ``.txt, .md, .pdf, …``."""
    return separator.join(ext for row in readers() if not row.collection
                          for ext in row.extensions)


def formats_help() -> str:
    """Each format with its extensions: ``text or Markdown (.txt .md), PDF … (.pdf), …``."""
    return "; ".join(f"{row.description} ({' '.join(row.extensions)})" for row in readers())

