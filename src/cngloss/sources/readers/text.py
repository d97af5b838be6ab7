"""Plain text and Markdown reports (.txt, .md): the text as it is, front matter included
(the layout parser reads it as metadata), decoded by ``encoding.decode``."""

from __future__ import annotations

from pathlib import Path

from .document import Document, fail
from .encoding import decode


def read_text(path: Path, data: bytes, encoding: str | None = None) -> Document:
    text, used = decode(data, path, encoding)
    if not text.strip():
        raise fail(path, "is empty (no text)", "give the file that holds the report")
    return Document(text, {"encoding": used}, path, "text")
