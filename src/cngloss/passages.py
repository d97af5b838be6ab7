"""Where the report body uses a term: one passage per sentence (or paragraph) that uses it.

The body rarely writes a term the way its headword is spelled: quotes surround it and
split it (“六稳”“六保” for 六稳六保), a footnote marker follows or interrupts it (“两水”^[16]改造),
a page break cuts it. The report parser has already removed markers and joined page
breaks; here matching ignores quotation marks, and spans are widened to take in the quotes
that belong to the match.

The body is searched as one "skeleton": every paragraph without its quotation marks, one
per line. Many terms are found in a single scan (one regular expression of all their
forms), and only the paragraphs with a hit are mapped back to their own text, so finding
every use of a glossary across a long report costs about one pass over it (BENCHMARKS.md).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import cached_property
from typing import Iterable, Sequence

from .model import Paragraph, Passage, Report, Term
from .quotes import CLOSING, OPENING, QUOTES, strip_quotes

SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』]*|[^。！？!?]+$")
CONTEXTS = ("sentence", "paragraph")
_QUOTE_CLASS = re.compile("[" + re.escape(QUOTES) + "]")


class PassageFinder:
    """Finds uses of terms in a report's body. Build once per report; reuse for many terms."""

    def __init__(self, report: Report):
        self.report = report

    @cached_property
    def _skeleton(self) -> tuple[str, list[int]]:
        """The body without quotes, a paragraph a line, and where each paragraph starts."""
        text = "\n".join(p.text for p in self.report.paragraphs)
        for quote in QUOTES:
            text = text.replace(quote, "")
        starts, pos = [], 0
        for _ in self.report.paragraphs:
            starts.append(pos)
            pos = text.find("\n", pos) + 1
        return text, starts

    def occurs(self, form: str) -> bool:
        """Whether ``form`` occurs anywhere in the body."""
        needle = strip_quotes(form)
        return bool(needle) and "\n" not in needle and needle in self._skeleton[0]

    def spans(self, paragraph: Paragraph, forms: Iterable[str]) -> list[tuple[int, int]]:
        """Spans in the paragraph's text where any of ``forms`` occurs (quotes ignored)."""
        return find_spans(paragraph.text, forms)

    def passages(self, term: Term, context: str = "sentence") -> list[Passage]:
        """Every sentence (or paragraph) of the body that uses the term or a variant."""
        return self.find(term.forms, context)

    def find(self, forms: Iterable[str], context: str = "sentence") -> list[Passage]:
        """Every sentence (or paragraph) of the body where any of ``forms`` occurs."""
        return self.find_many({"": tuple(forms)}, context).get("", [])

    def passages_for(self, terms: Sequence[Term], context: str = "sentence"
                     ) -> dict[str, list[Passage]]:
        """The passages of many terms at once, by term id: one scan of the body for all."""
        return self.find_many({t.id: t.forms for t in terms}, context)

    def find_many(self, forms_by_key: dict[str, Iterable[str]], context: str = "sentence"
                  ) -> dict[str, list[Passage]]:
        """For each key, the passages where any of its forms occurs."""
        if context not in CONTEXTS:
            raise ValueError(f"context must be one of {CONTEXTS}")
        owners: dict[str, list[str]] = defaultdict(list)
        for key, forms in forms_by_key.items():
            for form in forms:
                needle = strip_quotes(form)
                if needle and "\n" not in needle and key not in owners[needle]:
                    owners[needle].append(key)
        if not owners:
            return {}
        text, starts = self._skeleton
        # Longest first, so that a form containing another is matched whole; then every
        # shorter form is looked for inside each hit paragraph by find_spans.
        pattern = re.compile("|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True)))
        hit: dict[str, set[int]] = defaultdict(set)
        for m in pattern.finditer(text):
            number = bisect.bisect_right(starts, m.start())
            for key in _owners_within(m.group(), owners):
                hit[key].add(number)
        out: dict[str, list[Passage]] = {}
        for key, numbers in hit.items():
            forms = tuple(forms_by_key[key])
            passages = out.setdefault(key, [])
            for number in sorted(numbers):
                paragraph = self.report.paragraphs[number - 1]
                passages.extend(_passages_in(paragraph, find_spans(paragraph.text, forms),
                                             context))
        return out


def _owners_within(found: str, owners: dict[str, list[str]]) -> set[str]:
    """The keys with a form inside the matched text (a longer form may hide a shorter)."""
    keys = set(owners[found])
    for needle, owning in owners.items():
        if len(needle) < len(found) and needle in found:
            keys.update(owning)
    return keys


def _passages_in(paragraph: Paragraph, spans: list[tuple[int, int]], context: str
                 ) -> list[Passage]:
    if not spans:
        return []
    if context == "paragraph":
        return [Passage(paragraph.text, paragraph.number, paragraph.line,
                        paragraph.section_at(spans[0][0]), tuple(spans))]
    out = []
    for start, end in sentences(paragraph.text):
        inside = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
        if inside:
            out.append(Passage(paragraph.text[start:end], paragraph.number, paragraph.line,
                               paragraph.section_at(start), tuple(inside)))
    return out


def find_spans(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``forms`` in any text, ignoring quotation marks: ``耕地非农化`` is found in
    ``遏制耕地“非农化”`` and its span takes in the quotes that belong to it."""
    origin = [i for i, ch in enumerate(text) if ch not in QUOTES] \
        if _QUOTE_CLASS.search(text) else None
    skeleton = "".join(text[i] for i in origin) if origin is not None else text
    found: list[tuple[int, int]] = []
    for form in forms:
        needle = strip_quotes(form)
        if not needle:
            continue
        start = skeleton.find(needle)
        while start != -1:
            end = start + len(needle)
            a, b = (origin[start], origin[end - 1] + 1) if origin is not None else (start, end)
            found.append(_widen(text, a, b))
            start = skeleton.find(needle, start + 1)
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
