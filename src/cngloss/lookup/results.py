"""Search results: a Hit says what a term matched on; Results keeps the best match per term
while the stages run, and makes Hits only for what is returned."""

from __future__ import annotations

from typing import Callable, NamedTuple

from ..model import Term
from .index import SearchIndex


class Hit(NamedTuple):
    """One search result: the term, its score, and what it matched on."""

    term: Term
    score: int
    field: str  # headword, variant, id, printed, pinyin, initials, part, english, tag, definition
    form: str  # how the query was written: hanzi, traditional, pinyin, tone marks, ...
    kind: str  # exact, prefix, initials, partial, homophone, fuzzy
    snippet: str | None = None


class Results:
    """The best match per term, by term index; Hits are made only for what is returned."""

    def __init__(self, index: SearchIndex, limit: int | None = None):
        self.index = index
        self.limit = limit
        self.best: dict[int, tuple] = {}

    def add(self, i: int, score: float, field: str, form: str, kind: str,
            snippet: "str | Callable[[Term], str | None] | tuple | None" = None) -> None:
        score = int(round(max(0, min(100, score))))
        current = self.best.get(i)
        if current is None or score > current[0]:
            self.best[i] = (score, field, form, kind, snippet)

    def score(self, i: int) -> int:
        current = self.best.get(i)
        return current[0] if current else -1

    def ranked(self, limit: int | None = None) -> list[Hit]:
        order = sorted(self.best, key=lambda i: (-self.best[i][0], i))
        if limit is not None:
            order = order[:limit]
        hits = []
        for i in order:
            score, field, form, kind, snippet = self.best[i]
            term = self.index.term(i)
            if callable(snippet):  # worked out only for the hits that are returned
                snippet = snippet(term)
            elif isinstance(snippet, tuple):  # (Lines, line) of a pinyin key
                snippet = snippet[0].key(snippet[1]).strip("|").replace("|", " ")
            hits.append(Hit(term, score, field, form, kind, snippet))
        return hits
