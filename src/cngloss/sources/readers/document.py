"""What every reader returns, and the few helpers every reader shares."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ...errors import DocumentError, Problem
from . import registry

HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


class Document(NamedTuple):
    """One report as read from a file: its text, Markdown-ish (paragraphs separated by a
    blank line where the format knows paragraphs; ``**bold**`` where it knows bold; footnote
    markers as ``[N]``), what the format says about it, and where it came from."""

    text: str
    metadata: dict[str, object]
    path: Path
    kind: str  # one of KINDS


def __getattr__(name: str):
    """``KINDS``: what a document can be read from, one kind a reader of the registry
    (``registry.kinds()``: text, pdf, docx, html, record, and any registered since). "pdf"
    tells the layout parser that the text is an extraction: a page break may cut a paragraph
    (or a word) in two, and pages are separated by a blank line like paragraphs are."""
    if name == "KINDS":
        return registry.kinds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fail(path: Path | str, message: str, fix: str, line: int | None = None) -> DocumentError:
    """The one-line error for a document that cannot be used: what, where, how to fix."""
    return DocumentError(Problem(str(path), line, message, fix=fix))


def hanzi_count(text: str) -> int:
    return len(HANZI.findall(text))


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs, stripped and without empty ones, separated by blank lines."""
    kept = [p.strip() for p in paragraphs]
    return "\n\n".join(p for p in kept if p) + "\n"
