"""Search text: a paragraph without its quotation marks, and the edits that give them back.

The report parser has already taken footnote markers out of the paragraph text; what is left
between the parts of a term is quotation marks (``“六稳”“六保”``). Removing them makes every
form of a term one plain substring, so ``str.count`` is an exact count, and the edits
(offset in the search text, removed characters) map a hit back to the displayed text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

QUOTES = "“”‘’\"'「」『』"
_QUOTE_RUN = re.compile("[" + re.escape(QUOTES) + "]+")

Edits = list[tuple[int, str]]


def normalize(text: str) -> tuple[str, Edits]:
    """(search text, edits): quotation marks removed; each edit is (offset in the search
    text where the removed run stood, the run)."""
    parts: list[str] = []
    edits: Edits = []
    pos = kept = 0
    for m in _QUOTE_RUN.finditer(text):
        piece = text[pos:m.start()]
        parts.append(piece)
        kept += len(piece)
        edits.append((kept, m.group()))
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), edits


def restore(search: str, edits: Edits) -> str:
    """The displayed text back from the search text and its edits."""
    out: list[str] = []
    pos = 0
    for offset, removed in edits:
        out.append(search[pos:offset])
        out.append(removed)
        pos = offset
    out.append(search[pos:])
    return "".join(out)


def displayed_span(edits: Edits, start: int, end: int) -> tuple[int, int]:
    """A hit [start, end) of the search text as offsets in the displayed text: quotes removed
    before it shift both ends, quotes inside it only the end (those right after it, neither)."""
    shift_start = sum(len(r) for o, r in edits if o <= start)
    shift_end = sum(len(r) for o, r in edits if o < end)
    return start + shift_start, end + shift_end


def displayed_spans(edits: Edits, spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """``displayed_span`` of every hit of a paragraph, the edits summed once (a paragraph of
    a common term has many hits and many quotes)."""
    if not edits:
        return tuple(spans)
    offsets = [offset for offset, _ in edits]
    before = [0, *accumulate(len(removed) for _, removed in edits)]  # removed before edit k
    return tuple((start + before[bisect_right(offsets, start)],
                  end + before[bisect_left(offsets, end)]) for start, end in spans)


def search_form(text: str) -> str:
    """What to look for in the search text for a typed text or a term's form."""
    return normalize(text)[0]
