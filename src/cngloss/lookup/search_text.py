"""A document as terms are matched in it: without what may stand inside a term, and folded to
simplified characters, with the way back to the document's own offsets.

A document writes a term in many ways: quotes around and between its parts (“六稳”“六保”
for 六稳六保), a footnote marker inside it (“放管服”（22）改革, 两水^[16]改造), traditional
characters (兩不愁三保障). Taking the quotes and markers out and folding each traditional
character to its simplified one makes every written form of a term one plain substring,
so a multi-pattern matcher finds them all in one pass; ``span`` maps a match back to the
document's text, taking in the quotes that belong to it (as ``passages`` does for the
report body).

Folding is one character for one character (so offsets survive it): the document's distinct
characters outside GB2312 (the simplified character set: a traditional character is almost
never in it, so a simplified document costs no conversion at all) are converted with
OpenCC's dictionaries (zhconv-rs, imported here only; loading them takes about 0.15 s) and
only one-character results are kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from operator import add

from ..sources.report.markers import UNAMBIGUOUS_MARKERS
from ..text.hanzi import QUOTES, is_hanzi
from .passages import widen_to_quotes

# Quotation marks, the footnote markers no text uses for anything else, and a parenthesised
# number right after a closing quote (“放管服”（22）改革): what may stand inside a term.
REMOVABLE = re.compile("[" + re.escape(QUOTES) + "]+|" + UNAMBIGUOUS_MARKERS
                       + r"|(?<=[”’」』])[（(]\d{1,3}[）)]")


class SearchText:
    """``text`` (the search text) and the runs taken out of the original, to map back."""

    def __init__(self, original: str, fold: dict[int, int] | None = None):
        self.original = original
        pieces: list[str] = []
        self._at: list[int] = []  # where each removed run stood in the search text
        self._shift: list[int] = []  # characters removed up to and including that run
        pos = removed = 0
        for m in REMOVABLE.finditer(original):
            pieces.append(original[pos:m.start()])
            removed += m.end() - m.start()
            self._at.append(m.start() - (removed - (m.end() - m.start())))
            self._shift.append(removed)
            pos = m.end()
        pieces.append(original[pos:])
        self.text = fold_text("".join(pieces), fold) if fold else "".join(pieces)
        self.shifts = [0] + self._shift  # shifts[k]: removed before the k-th run's place

    def originals(self, starts: Sequence[int], ends: Sequence[int]
                  ) -> tuple[list[int], list[int]]:
        """Many matches' starts and ends as offsets of the original, in C-speed passes (a
        large glossary matches every other character): a start at search offset p moves by
        the runs removed at or before p, an end by those removed before it."""
        if not self._at:
            return list(starts), list(ends)
        shift_at = value_at_each_offset(self._at, self._shift, len(self.text) + 1)
        return (list(map(add, starts, map(shift_at.__getitem__, starts))),
                list(map(add, ends, map(shift_at.__getitem__, map(add, ends, repeat(-1))))))

    def offset(self, at: int, end: bool = False) -> int:
        """The original offset of search offset ``at``: runs removed before it shift it; for
        an ``end``, a run standing exactly at it stays outside."""
        k = bisect.bisect_left(self._at, at) if end else bisect.bisect_right(self._at, at)
        return at + (self._shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A match [start, end) of the search text as a span of the original, widened to the
        quotes that open and close it."""
        return widen_to_quotes(self.original, self.offset(start), self.offset(end, end=True))


def traditional_folding(text: str) -> dict[int, int]:
    """A table from the traditional characters of ``text`` to their simplified ones (one
    character each), for ``fold_text``. Each character is converted alone, so a table made
    from a glossary's forms and one made from a document fold alike."""
    candidates = sorted(ch for ch in set(text).difference(_gb2312_hanzi()) if is_hanzi(ch))
    if not candidates:
        return {}
    from .fallbacks import to_simplified  # lazy: the converter, for a document's hanzi only

    converted = to_simplified("\n".join(candidates)).split("\n")
    if len(converted) != len(candidates):
        return {}
    return {ord(a): ord(b) for a, b in zip(candidates, converted) if len(b) == 1 and a != b}


def value_at_each_offset(places: list[int], totals: list[int], size: int) -> list[int]:
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


def fold_text(text: str, fold: dict[int, int]) -> str:
    """``text.translate(fold)``, but a substitution of the runs of characters to fold:
    translate looks every character up (0.4 s for a million hanzi here), the regex skips the
    rest, and a run at a time (a traditional word) calls back less often than a character
    at a time."""
    if not fold:
        return text
    pattern, table = _folder(tuple(sorted(fold.items())))
    return pattern.sub(lambda m: m.group().translate(table), text)


@lru_cache(maxsize=8)
def _folder(fold: tuple[tuple[int, int], ...]) -> tuple[re.Pattern, dict[int, int]]:
    table = dict(fold)
    return re.compile("[" + re.escape("".join(map(chr, table))) + "]+"), table


@lru_cache(maxsize=1)
def _gb2312_hanzi() -> frozenset[str]:
    """The hanzi of GB2312 (rows 16-87), decoded once: quicker than encoding each character
    of a large glossary to ask."""
    pairs = bytes(b for high in range(0xB0, 0xF8) for low in range(0xA1, 0xFF)
                  for b in (high, low))
    return frozenset(pairs.decode("gb2312", errors="ignore"))
