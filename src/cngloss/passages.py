"""Where the report body uses a term: one passage per sentence (or paragraph) that uses it.

The body rarely writes a term the way its headword is spelled: quotes surround it and
split it (“六稳”“六保” for 六稳六保), a footnote marker follows or interrupts it (“两水”^[16]改造),
a page break cuts it. The report parser has already removed markers and joined page
breaks; here matching ignores quotation marks, and spans are widened to take in the quotes
that belong to the match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from .model import Paragraph, Passage, Report, Term
from .quotes import CLOSING, OPENING, QUOTES, strip_quotes

SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』]*|[^。！？!?]+$")
CONTEXTS = ("sentence", "paragraph")


@dataclass(frozen=True)
class _Skeleton:
    """A paragraph's text without quotation marks, and where each character came from."""

    text: str
    origin: tuple[int, ...]


class PassageFinder:
    """Finds uses of terms in a report's body. Build once per report; reuse for many terms."""

    def __init__(self, report: Report):
        self.report = report

    @cached_property
    def _skeletons(self) -> tuple[_Skeleton, ...]:
        return tuple(_skeleton(p.text) for p in self.report.paragraphs)

    def spans(self, paragraph: Paragraph, forms: Iterable[str]) -> list[tuple[int, int]]:
        """Spans in the paragraph's text where any of ``forms`` occurs (quotes ignored)."""
        return _spans(paragraph.text, self._skeletons[paragraph.number - 1], forms)

    def occurs(self, form: str) -> bool:
        """Whether ``form`` occurs anywhere in the body."""
        needle = strip_quotes(form)
        return bool(needle) and any(needle in s.text for s in self._skeletons)

    def passages(self, term: Term, context: str = "sentence") -> list[Passage]:
        """Every sentence (or paragraph) of the body that uses the term or a variant."""
        return self.find(term.forms, context)

    def find(self, forms: Iterable[str], context: str = "sentence") -> list[Passage]:
        """Every sentence (or paragraph) of the body where any of ``forms`` occurs."""
        if context not in CONTEXTS:
            raise ValueError(f"context must be one of {CONTEXTS}")
        forms = tuple(forms)
        out: list[Passage] = []
        for paragraph in self.report.paragraphs:
            spans = self.spans(paragraph, forms)
            if not spans:
                continue
            if context == "paragraph":
                out.append(Passage(paragraph.text, paragraph.number, paragraph.line,
                                   paragraph.section_at(spans[0][0]), tuple(spans)))
                continue
            for start, end in sentences(paragraph.text):
                inside = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
                if inside:
                    out.append(Passage(paragraph.text[start:end], paragraph.number,
                                       paragraph.line, paragraph.section_at(start),
                                       tuple(inside)))
        return out


def find_spans(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``forms`` in any text, ignoring quotation marks (see ``PassageFinder``)."""
    return _spans(text, _skeleton(text), forms)


def _skeleton(text: str) -> _Skeleton:
    origin = tuple(i for i, ch in enumerate(text) if ch not in QUOTES)
    return _Skeleton("".join(text[i] for i in origin), origin)


def _spans(text: str, skeleton: _Skeleton, forms: Iterable[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for form in forms:
        needle = strip_quotes(form)
        if not needle:
            continue
        start = skeleton.text.find(needle)
        while start != -1:
            a = skeleton.origin[start]
            b = skeleton.origin[start + len(needle) - 1] + 1
            found.append(_widen(text, a, b))
            start = skeleton.text.find(needle, start + 1)
    return _merge(found)


def sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of a paragraph (ending in 。！？)."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
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


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
