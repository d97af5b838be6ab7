"""Which reader a file needs: by its first bytes where they say it (a PDF, a Word file, an
image, a gzip collection, an HTML page), else by its extension, else plain text. So a report
saved as ``report.txt`` that is really a PDF is still read as one."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .document import fail

EXTENSIONS = {".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
              ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
              ".docx": "docx", ".pdf": "pdf", ".jsonl": "record", ".ndjson": "record"}
IMAGES = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"II*\x00": "TIFF",
          b"MM\x00*": "TIFF"}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head"
                        rb"|body|meta|title)[\s>]", re.IGNORECASE | re.DOTALL)


def is_collection(path: Path, head: bytes) -> bool:
    """A .jsonl collection, read as a stream (so judged before the file is read whole)."""
    name = path.name.lower()
    return head.startswith(b"\x1f\x8b") or name.endswith((".jsonl", ".ndjson", ".jsonl.gz",
                                                           ".ndjson.gz"))


def kind_of(path: Path, data: bytes) -> str:
    """``text``, ``html``, ``docx``, ``pdf`` or ``record`` for a file whose bytes (or the
    first of them) are ``data``; DocumentError for formats no reader takes."""
    head = data[:1024]
    if b"%PDF-" in head:  # the header may follow a few bytes of junk (PDF 1.7, 7.5.2)
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        raise fail(path, "is a zip archive, not a report", "give the .docx, .pdf, .html or "
                   ".txt file itself")
    if head.startswith(OLE):
        raise fail(path, "is an old Word (.doc) or Excel file, which cngloss does not read",
                   "save it as .docx (or .txt) and read that")
    for magic, name in IMAGES.items():
        if head.startswith(magic):
            raise fail(path, f"is an image ({name}): no text layer; run OCR first",
                       "run OCR on it and give the text")
    if HTML_START.match(head):
        return "html"
    return EXTENSIONS.get(path.suffix.lower(), "text")


def _is_docx(data: bytes) -> bool:
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False
