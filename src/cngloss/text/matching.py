"""Quote-tolerant matching with offsets mapped back: how every matcher finds a term in a text.

A text rarely writes a term the way its headword is spelled: quotes surround it and split it
(“六稳”“六保” for 六稳六保), a footnote marker follows or interrupts it (两水^[16]改造,
“放管服”（22）改革). Every matcher works the same way: the runs that may stand inside a term
are set aside (``set_aside``), which makes every written form of a term one plain substring
of the text left (the *search text*); a match found there, by whatever engine suits the job
(a regular expression for a report's passages and grep, an Aho-Corasick automaton for
``annotate``, SQL and a regular expression for the library), is mapped back to the text's own
offsets (``OffsetMap``) and widened to the quotes that belong to it (``widen_to_quotes``).

What is set aside: quotation marks only (``QUOTE_RUN``) in text the report parser has
cleaned (its markers are already out): a report's paragraphs, in memory and in the library;
also the footnote markers no text uses for anything else (``REMOVABLE``) in a document as
read (``annotate``). The edits, (place in the search text, run removed), are what the library
stores beside each paragraph's search text to show the paragraph as it was.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add

from .folding import fold_text
from .hanzi import CLOSING, OPENING, QUOTES, strip_quotes

# A run of quotation marks: what stands between the parts of a term in a cleaned paragraph.
QUOTE_RUN = "[" + re.escape(QUOTES) + "]+"
# The footnote marker styles that only ever mean a footnote, whether or not the text has
# notes (markers a reader writes, ``[N]``, included): what a matcher may skip inside a term
# (the report parser's own scanner, sources/report/markers.py, tells the others apart).
UNAMBIGUOUS_MARKERS = (r"\^\{\s*[〔\[]\d+[〕\]]\s*\}|\^\[\d+\]|〔\d+〕|\[\^\s*\d+\s*\]"
                       r"|\[\s*\d+\s*\]|［\s*\d+\s*］")
# What may stand inside a term in a document as read: quotation marks, the unambiguous
# footnote markers, and a parenthesised number right after a closing quote (“放管服”（22）改革).
# Patterns as text, compiled on first use (re keeps them): compiling costs every start-up of
# a command that never sets markers aside more than the matching itself.
REMOVABLE = QUOTE_RUN + "|" + UNAMBIGUOUS_MARKERS + r"|(?<=[”’」』])[（(]\d{1,3}[）)]"

Edits = list[tuple[int, str]]  # (offset in the search text where a removed run stood, the run)


def set_aside(text: str, markers: bool = False) -> tuple[str, Edits]:
    """(search text, edits): ``text`` without its runs of quotation marks (and with
    ``markers``, without the footnote markers of ``REMOVABLE`` too); each edit is (offset in
    the search text where the removed run stood, the run)."""
    if markers or "\0" in text:
        return _set_aside_runs(text, re.compile(REMOVABLE if markers else QUOTE_RUN))
    # Quotes only: each mark made NUL by one C-speed replace, the text split at them (a
    # regular expression scans a paragraph of hanzi at ~140 instructions a character).
    marked = text
    for mark in QUOTES:
        marked = marked.replace(mark, "\0")
    pieces = marked.split("\0")
    if len(pieces) == 1:
        return text, []
    edits: Edits = []
    kept = pos = place = 0
    run_start = -1
    for piece in pieces[:-1]:  # a quotation mark follows each piece but the last
        if piece or run_start < 0:  # a new run (an empty piece: the run goes on)
            if run_start >= 0:
                edits.append((place, text[run_start:pos]))
            kept += len(piece)
            pos += len(piece)
            place, run_start = kept, pos
        pos += 1
    edits.append((place, text[run_start:pos]))
    return "".join(pieces), edits


def _set_aside_runs(text: str, removable: re.Pattern) -> tuple[str, Edits]:
    parts: list[str] = []
    edits: Edits = []
    pos = kept = 0
    for m in removable.finditer(text):
        piece = text[pos:m.start()]
        parts.append(piece)
        kept += len(piece)
        edits.append((kept, m.group()))
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), edits


def restore(search: str, edits: Edits) -> str:
    """The text back from its search text and edits (``set_aside`` undone)."""
    out: list[str] = []
    pos = 0
    for offset, removed in edits:
        out.append(search[pos:offset])
        out.append(removed)
        pos = offset
    out.append(search[pos:])
    return "".join(out)


class OffsetMap:
    """Offsets of a search text -> offsets of the text it was made from, by its edits.

    A start moves by the runs removed at or before it, an end only by those removed before
    it: a match's quotes inside it are in, a run right before or right after it is out.
    ``places[k]``: where the k-th run stood in the search text; ``shifts[k]``: characters
    removed before it (``shifts[-1]``: all)."""

    def __init__(self, edits: Iterable[Sequence]):
        edits = list(edits)
        self.places = [edit[0] for edit in edits]
        self.shifts = [0, *accumulate(len(edit[1]) for edit in edits)]

    def offset(self, at: int, end: bool = False) -> int:
        """The original offset of search offset ``at`` (for an ``end``: a run standing exactly
        at it stays outside)."""
        k = bisect_left(self.places, at) if end else bisect_right(self.places, at)
        return at + self.shifts[k]

    def spans(self, spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        """``(offset(start), offset(end, end=True))`` of every span (none widened)."""
        if not self.places:
            return tuple(spans)
        places, shifts = self.places, self.shifts
        return tuple((start + shifts[bisect_right(places, start)],
                      end + shifts[bisect_left(places, end)]) for start, end in spans)


def restored_spans(edits: Edits, spans: Iterable[tuple[int, int]]
                   ) -> tuple[tuple[int, int], ...]:
    """``OffsetMap(edits).spans(spans)`` of non-empty spans (hits) without building the map: a
    start moves by the runs
    put back at or before it, an end by those before it. For a library's paragraphs: a
    dozen runs and one hit each, so one walk of the runs per hit is cheaper than the map."""
    out = []
    for start, end in spans:
        before_start = before_end = 0
        for offset, run in edits:
            if offset >= end:
                break
            before_end += len(run)
            if offset <= start:
                before_start = before_end
        out.append((start + before_start, end + before_end))
    return tuple(out)


class SearchText(OffsetMap):
    """``text``: the search text of ``original`` (its quotes and, with ``markers``, its
    footnote markers set aside, then folded one character for one by ``fold``, as
    ``folding.traditional_folding`` makes it), with the way back to ``original``'s offsets."""

    def __init__(self, original: str, fold: dict[int, int] | None = None,
                 markers: bool = True):
        self.original = original
        text, self.edits = set_aside(original, markers)
        super().__init__(self.edits)
        self.text = fold_text(text, fold)

    @classmethod
    def known(cls, original: str, text: str, edits: Edits) -> "SearchText":
        """``SearchText(original)`` (quotes only, no folding) when its search text and edits
        are known already: a library's paragraph, stored as ``set_aside`` made them."""
        search = cls.__new__(cls)
        search.original, search.edits, search.text = original, edits, text
        OffsetMap.__init__(search, edits)
        return search

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A match [start, end) of the search text as a span of the original, widened to the
        quotes that open and close it."""
        return widen_to_quotes(self.original, self.offset(start), self.offset(end, end=True))

    def originals(self, starts: Sequence[int], ends: Sequence[int]
                  ) -> tuple[list[int], list[int]]:
        """``offset`` of many matches' starts and ends at once, in C-speed passes (a large
        glossary matches every other character)."""
        if not self.places:
            return list(starts), list(ends)
        shift_at = value_at_each_offset(self.places, self.shifts[1:], len(self.text) + 1)
        return (list(map(add, starts, map(shift_at.__getitem__, starts))),
                list(map(add, ends, map(shift_at.__getitem__, map(add, ends, repeat(-1))))))


def value_at_each_offset(places: Sequence[int], totals: Iterable[int], size: int) -> list[int]:
    """For each offset 0..size-1, ``totals[k]`` of the last k whose ``places[k]`` is at or
    before it (0 before the first): the shift of a match's start (runs removed so far), the
    line of an offset (line starts). Built a run at a time, not a character at a time."""
    out: list[int] = []
    last = total = 0
    for place, running in zip(places, totals):
        out.extend([total] * (place - last))
        last, total = place, running
    out.extend([total] * (size - last))
    return out


@lru_cache(maxsize=256)
def any_of(needles: tuple[str, ...]) -> re.Pattern:
    """One regular expression for all ``needles`` of a search text, longest first (so the
    longest of those starting at a position wins)."""
    ordered = sorted(set(needles), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)))


def find_spans(text: str, forms: Iterable[str], search: "SearchText | None" = None
               ) -> list[tuple[int, int]]:
    """Spans of ``forms`` in any text, ignoring quotation marks, merged where they overlap:
    ``耕地非农化`` is found in ``遏制耕地“非农化”`` and its span takes in the quotes that belong
    to it; a form inside a longer one's match is found there too. ``search``: the text's
    ``SearchText`` when known (``SearchText.known``)."""
    needles = tuple(n for n in map(strip_quotes, forms) if n)
    if not needles:
        return []
    if search is None:
        search = SearchText(text, markers=False)
    found = []
    forms_set = set(needles)
    for m in any_of(needles).finditer(search.text):
        found.append(search.span(m.start(), m.end()))
        for inner in inner_forms(m.group(), forms_set):
            found += [search.span(m.start() + i.start(), m.start() + i.end())
                      for i in any_of((inner,)).finditer(m.group())]
    return merge_spans(found)


def inner_forms(needle: str, forms) -> list[str]:
    """The other forms that occur inside ``needle``: its substrings looked up in ``forms``
    (a form is short, so this costs its length squared, not the number of forms)."""
    found = set()
    for a in range(len(needle)):
        for b in range(a + 1, len(needle) + 1):
            piece = needle[a:b]
            if piece != needle and piece in forms:
                found.add(piece)
    return sorted(found)


def widen_to_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a quotation mark opening right before the match and one closing right after."""
    if start > 0 and text[start - 1] in OPENING and end < len(text) and text[end] in CLOSING:
        return start - 1, end + 1
    if start > 0 and text[start - 1] in OPENING and text[start:end].count("”") > \
            text[start:end].count("“"):
        return start - 1, end
    if end < len(text) and text[end] in CLOSING and text[start:end].count("“") > \
            text[start:end].count("”"):
        return start, end + 1
    return start, end


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap (or touch)."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
