"""PDF reports: the text layer, read with pdfminer.six (the ``pdf`` extra), one paragraph per
text box of its layout analysis, pages separated by a blank line like paragraphs, so the
kind ``pdf`` tells the layout parser that a page break may have cut a paragraph in two.

Lines of a box are joined without a space where either side is CJK (a line break in Chinese
is not a word break) and with one between two Latin words; lone page numbers (``- 3 -``,
``第3页``) are dropped; radicals that fonts map in place of ideographs (⼯ for 工) are mapped
back (``radicals.py``). A PDF with no text at all is a scan: the error says to run OCR first.

pdfminer.six over pypdf and pdfplumber: all three extracted the CJK test reports alike (same
characters, same order, no spaces between characters), pypdf 2-3 times faster, but only
pdfminer.six groups lines into paragraphs, which the layout parser needs; pdfplumber is
pdfminer.six plus pypdfium2 and Pillow (docs/development.md, "Dependencies, and why").
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import MissingExtraError
from .document import Document, fail, join_paragraphs
from .radicals import RADICAL_TO_IDEOGRAPH

PAGE_NUMBER = re.compile(r"^\s*(?:[-–—－]\s*\d+\s*[-–—－]|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|"
                         r"\d+|\d+\s*/\s*\d+)\s*$")
WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]"
LINE_BREAK = re.compile(rf"(?<={WIDE})\n|\n(?={WIDE})")
INFO_FIELDS = {"Title": "title", "Author": "author", "Subject": "subject",
               "Creator": "creator", "Producer": "producer", "CreationDate": "created",
               "ModDate": "modified"}
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def read_pdf(path: Path, data: bytes, encoding: str | None = None) -> Document:
    try:
        import logging  # lazy: only PDF reading silences pdfminer's font warnings
        import io

        from pdfminer.layout import LAParams, LTTextContainer  # lazy: the pdf extra
        from pdfminer.converter import PDFPageAggregator  # lazy: the pdf extra
        from pdfminer.pdfdocument import PDFDocument  # lazy: the pdf extra
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager  # lazy: pdf
        from pdfminer.pdfpage import PDFPage  # lazy: the pdf extra
        from pdfminer.pdfparser import PDFParser  # lazy: the pdf extra
    except ImportError:
        raise MissingExtraError("reading PDF", "pdfminer.six", "pdf") from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    paragraphs: list[str] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        metadata = _info(document)
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        pages = 0
        for page in PDFPage.create_pages(document):
            pages += 1
            interpreter.process_page(page)
            for element in device.get_result():
                if isinstance(element, LTTextContainer):
                    text = _box_text(element.get_text())
                    if text and not PAGE_NUMBER.match(text):
                        paragraphs.append(text)
    except Exception as exc:  # pdfminer raises many unrelated types for a broken file
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise fail(path, "is an encrypted PDF", "save an unprotected copy") from None
        raise fail(path, f"is not a readable PDF ({name})",
                   "save it again as PDF, or give its text") from None
    text = join_paragraphs(paragraphs).translate(RADICAL_TO_IDEOGRAPH)
    if not text.strip():
        raise fail(path, f"has no text layer ({pages} page(s) of images: a scan?)",
                   "no text layer; run OCR first (e.g. ocrmypdf), then read its output")
    metadata["pages"] = pages
    return Document(text, metadata, path, "pdf")


def _box_text(raw: str) -> str:
    """A text box's lines as one paragraph."""
    text = raw.strip().replace("\r", "")
    text = LINE_BREAK.sub("", text)
    return re.sub(r"[ \t]*\n[ \t]*", " ", text).strip()


def _info(document) -> dict[str, object]:
    """The info dictionary's text fields, dates as YYYY-MM-DD (or as much of it as given)."""
    found: dict[str, object] = {}
    for info in getattr(document, "info", []) or []:
        for key, name in INFO_FIELDS.items():
            value = _resolve(info.get(key))
            if isinstance(value, bytes):
                value = _decode_pdf_string(value)
            if not isinstance(value, str) or not value.strip():
                continue
            value = value.strip()
            match = PDF_DATE.match(value) if name in ("created", "modified") else None
            if match:
                value = "-".join(part for part in match.groups() if part)
            found[name] = value
    return found


def _resolve(value):
    try:
        from pdfminer.pdftypes import resolve1  # lazy: the pdf extra

        return resolve1(value)
    except Exception:
        return None


def _decode_pdf_string(raw: bytes) -> str:
    """A PDF text string: UTF-16 with a byte-order mark, else PDFDocEncoding (~Latin-1)."""
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    return raw.decode("latin-1")
