"""``cngloss annotate``: the glossary terms a document uses, and where; and the document's own
glossary (``appendix --for``), built from the same finds.

The document is read by the readers (any format they know; ``-`` is standard input, read as
text) and matched with ``lookup.matcher.TermMatcher`` against the terms of the glossary in
use. Offsets, lines and columns refer to the document's text as read: for .txt and .md the
file itself (decoded, ``\\n`` line ends), for the other formats the text the reader gives.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, Sequence

from ..errors import DocumentError, NotFoundError, Problem
from ..lookup.matcher import Matches, Occurrence, TermMatcher, collector_paused
from ..model import Term
from ..sources.readers import Document, read_document

STDIN = "-"
STDIN_NAME = "<stdin>"


class TermUse:
    """A term the document uses: how often, its first use, and every line that uses it."""

    def __init__(self, term: Term, count: int, first: Occurrence, annotation: "Annotation"):
        self.term, self.count, self.first = term, count, first
        self._annotation = annotation

    @property
    def lines(self) -> tuple[int, ...]:
        """Every line that uses the term, in order, each once."""
        return self._annotation.term_lines[id(self.term)]


@dataclass(frozen=True)
class Annotation:
    """A document with every use of the glossary's terms in it."""

    name: str  # the path as given, or <stdin>
    kind: str  # the reader's kind (text, html, docx, pdf, record)
    text: str
    occurrences: Matches  # a sequence of Occurrence

    @cached_property
    def terms(self) -> tuple[TermUse, ...]:
        """The terms used, in the order of their first use. Counted by owner first (C-speed
        counting: a large glossary matches every other character; a Counter keeps its keys
        in the order of first use), then by term; each first use found by a C-speed search
        that starts at the one before, so all of them take one pass."""
        matches = self.occurrences
        indexes, owners = matches.indexes, matches.owners
        by_term: dict[int, list[int]] = {}  # id(term) -> [count, first use]
        at = 0
        with collector_paused():  # a few objects per term: no reason to walk all again
            for index, count in Counter(indexes).items():
                at = indexes.index(index, at)
                key = id(owners[index].term)
                if key in by_term:
                    by_term[key][0] += count
                else:
                    by_term[key] = [count, at]
            firsts = [(count, matches[k]) for count, k in by_term.values()]  # one each
            return tuple(TermUse(first.term, count, first, self) for count, first in firsts)

    @cached_property
    def term_lines(self) -> dict[int, tuple[int, ...]]:
        """id(term) -> the lines that use it, in order, each once (one pass, when asked)."""
        lines: dict[int, dict[int, None]] = {}
        owners = self.occurrences.owners
        for index, line in zip(self.occurrences.indexes, self.occurrences.lines):
            lines.setdefault(id(owners[index].term), {})[line] = None
        return {key: tuple(found) for key, found in lines.items()}

    @property
    def missing(self) -> NotFoundError | None:
        """The error to raise after printing, when no term occurs (exit 1, as grep)."""
        if self.occurrences:
            return None
        return NotFoundError(f"{self.name}: no glossary term occurs in it")


def annotate(terms: Sequence[Term], source: str | os.PathLike[str], parts: bool = False,
             encoding: str | None = None, stdin: BinaryIO | None = None) -> Annotation:
    """Read ``source`` (a path, or ``-`` with ``stdin``) and find every use of ``terms``."""
    document = read_source(source, encoding, stdin)
    name = STDIN_NAME if str(source) == STDIN else str(source)
    found = TermMatcher(terms, parts).find(document.text)
    return Annotation(name, document.kind, document.text, found)


def read_source(source: str | os.PathLike[str], encoding: str | None = None,
                stdin: BinaryIO | None = None) -> Document:
    """The document in ``source``; ``-`` reads ``stdin`` as text (any encoding the text
    reader detects). Bad input (missing, unreadable, binary, empty) is a DocumentError."""
    if str(source) != STDIN:
        return read_document(source, encoding)
    from ..sources.readers.text import read_text  # lazy: standard input only

    if stdin is None:
        raise DocumentError(Problem(STDIN_NAME, None, "no standard input to read",
                                    fix="give a file, or pipe the text in"))
    return read_text(Path(STDIN_NAME), stdin.read(), encoding)
