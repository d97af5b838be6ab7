"""Footnote markers in the report body, in every style, told apart from enumerations.

Styles: ``^{〔1〕}`` (caret-brace), ``^[2]`` (caret-bracket) and bare ``〔6〕`` as a PDF
extraction writes them, always markers; where the report has notes, also Markdown ``[^3]``
(footnote), ``[3]`` (square), ``［3］`` (fw-square), and the two that ordinary text also
uses for enumerations, ``（3）`` (paren) and ``③`` (circled; only where the notes are numbered
so). A marker stands after a term or a closing quote, inside or outside the quotes
(``“六稳六保〔1〕”``, ``“四上”企业[3]``), even inside a term (``“放管服”（22）改革``).

An enumeration ``包括（1）…（2）…`` stands after ``：``/``。``/a line start and restarts at 1 in
each paragraph; a marker follows a word, names a note the report has, and its numbers rise
through the report. So an ambiguous ``（N）``/``①`` is a marker when note N exists, the
character before it is not punctuation or the paragraph start, and either the words before
it match the beginning of note N's headword, or it follows a closing quote and N is higher
than every marker seen so far. The scanner is fed the paragraphs in order.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from ...text.hanzi import CLOSING, strip_quotes
from .note_lines import CIRCLED, CIRCLED_CLASS

_ALWAYS = (r"\^\{\s*[〔\[](?P<cb>\d+)[〕\]]\s*\}|\^\[(?P<cr>\d+)\]|〔(?P<bare>\d+)〕")
_WITH_NOTES = (r"|\[\^\s*(?P<fn>\d+)\s*\]|\[\s*(?P<sq>\d+)\s*\]|［\s*(?P<fw>\d+)\s*］"
               r"|[（(](?P<pa>\d{1,3})[）)]")
_CIRCLED = rf"|(?P<ci>[{CIRCLED_CLASS}])"
STYLES = {"cb": "caret-brace", "cr": "caret-bracket", "bare": "bare", "fn": "footnote",
          "sq": "square", "fw": "fw-square", "pa": "paren", "ci": "circled"}
AMBIGUOUS = ("paren", "circled")
# (text.matching.UNAMBIGUOUS_MARKERS: the styles that mean a footnote in any text, which a
# matcher skips inside a term in a document the parser has not cleaned.)
_NOT_AFTER = set("。：；，、！？:;,.!?（(【[「『《—")
HEADWORD_PREFIX = 2  # hanzi of a headword that the words before a marker must match at least


class Marker(NamedTuple):
    """A marker found in a raw paragraph: where it stands, which note, which style."""

    start: int
    end: int
    note: int
    style: str


class MarkerScanner:
    """Finds the markers of one report's paragraphs, in order (see the module docstring).

    ``headwords`` maps each note number to its headword; empty for a report without notes,
    where only the PDF styles count. ``circled``: the notes are numbered ①②③.
    """

    def __init__(self, headwords: dict[int, str] | None = None, circled: bool = False):
        self.headwords = {n: strip_quotes(h) for n, h in (headwords or {}).items()}
        pattern = _ALWAYS
        if self.headwords:
            pattern += _WITH_NOTES + (_CIRCLED if circled else "")
        self.pattern = re.compile(pattern)
        self.highest = 0

    def markers(self, raw: str) -> list[Marker]:
        """The markers of one paragraph (raw text, bold marks included)."""
        found = []
        for m in self.pattern.finditer(raw):
            key = m.lastgroup or ""
            style = STYLES[key]
            number = CIRCLED[m.group(key)] if key == "ci" else int(m.group(key))
            if style not in ("caret-brace", "caret-bracket", "bare") and \
                    number not in self.headwords:
                continue
            if style in AMBIGUOUS and not self._is_marker(raw, m.start(), number):
                continue
            self.highest = max(self.highest, number)
            found.append(Marker(m.start(), m.end(), number, style))
        return found

    def _is_marker(self, raw: str, at: int, number: int) -> bool:
        before = raw[:at].replace("**", "").rstrip()
        if not before or before[-1] in _NOT_AFTER or len(raw[:at].replace("**", "")) != \
                len(before):
            return False  # at a paragraph start, after punctuation, or after a space
        return _matches(before, self.headwords[number]) or \
            (before[-1] in CLOSING and number > self.highest)


def _matches(before: str, headword: str) -> bool:
    """Whether the words before a marker end with the beginning of the note's headword
    (at least ``HEADWORD_PREFIX`` characters): ``“放管服”`` before （22） of 放管服改革."""
    if not headword:
        return False
    words = strip_quotes(before[-(len(headword) + 8):])
    return any(words.endswith(headword[:k])
               for k in range(min(HEADWORD_PREFIX, len(headword)), len(headword) + 1))


def note_headwords(notes: Iterable[tuple[int | None, str]]) -> dict[int, str]:
    """Number -> headword for the numbered notes."""
    return {n: h for n, h in notes if n is not None}
