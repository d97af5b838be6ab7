"""Where the report body uses a term: one passage per sentence (or paragraph) that uses it.

The body rarely writes a term the way its headword is spelled: quotes surround it and
split it (“六稳”“六保” for 六稳六保), a footnote marker follows or interrupts it (“两水”^[16]改造),
a page break cuts it. The report parser has already removed markers and joined page
breaks; here matching ignores quotation marks, and spans are widened to take in the quotes
that belong to the match.

The body is searched as one text, a paragraph a line, with one regular expression for all
the forms of all the terms, each written to allow quotation marks between its characters.
Finding every use of a glossary across a long report is one scan, and spans come out in
the paragraph's own coordinates (BENCHMARKS.md).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

from ..model import Paragraph, Passage, Report, Term
from ..text.hanzi import CLOSING, OPENING, QUOTES, strip_quotes

SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』]*|[^。！？!?]+$")
CONTEXTS = ("sentence", "paragraph")


# For matching, every quotation mark reads as one character, MARK: the translated text keeps
# its length and offsets, and a pattern allows MARK* between a form's characters. A character
# class of the ten marks there instead cost 58 ms to compile for the bundled glossary's forms
# (140 classes, each optimised on its own); one repeated literal compiles in under 1 ms. A NUL
# already in the text becomes \x01, so only a quotation mark can read as MARK.
MARK = "\x00"


def marked(text: str) -> str:
    """``text`` with each quotation mark replaced by MARK (same length, same offsets).

    One ``str.replace`` per mark: ten scans at C speed, where ``str.translate`` with a
    non-ASCII table looks up every character of the body in a dict (6 M instructions for a
    report, more than the rest of ``show``'s passage search)."""
    text = text.replace(MARK, "\x01")
    for mark in QUOTES:
        text = text.replace(mark, MARK)
    return text


@lru_cache(maxsize=256)
def quote_tolerant(needles: tuple[str, ...]) -> re.Pattern:
    """One regex for all ``needles`` (longest first) to run on ``marked`` text, allowing
    quotes between characters: ``六稳六保`` also matches ``“六稳”“六保”``."""
    between = re.escape(MARK) + "*"
    ordered = sorted(set(needles), key=len, reverse=True)
    return re.compile("|".join(between.join(map(re.escape, n)) for n in ordered))


class PassageFinder:
    """Finds uses of terms in a report's body. Build once per report; reuse for many terms."""

    def __init__(self, report: Report):
        self.report = report

    @cached_property
    def _body(self) -> tuple[str, list[int]]:
        """The body, a paragraph a line, and where each paragraph starts in it."""
        starts, pos = [], 0
        for paragraph in self.report.paragraphs:
            starts.append(pos)
            pos += len(paragraph.text) + 1
        return "\n".join(p.text for p in self.report.paragraphs), starts

    @cached_property
    def _marked_body(self) -> str:
        return marked(self._body[0])

    def occurs(self, form: str) -> bool:
        """Whether ``form`` occurs anywhere in the body (quotes ignored)."""
        needle = strip_quotes(form)
        return bool(needle) and "\n" not in needle and \
            quote_tolerant((needle,)).search(self._marked_body) is not None

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
        owners = _owners(tuple((k, tuple(v)) for k, v in forms_by_key.items()))
        if not owners:
            return {}
        text, starts = self._body
        spans: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        inner_of: dict[str, list[str]] = {}
        for m in quote_tolerant(tuple(owners)).finditer(self._marked_body):
            number = bisect.bisect_right(starts, m.start())
            offset = starts[number - 1]
            paragraph_text = self.report.paragraphs[number - 1].text
            span = widen_to_quotes(paragraph_text, m.start() - offset, m.end() - offset)
            needle = strip_quotes(text[m.start():m.end()])
            for key in owners[needle]:
                spans[key][number].append(span)
            if needle not in inner_of:
                inner_of[needle] = _inner_forms(needle, owners)
            for inner in inner_of[needle]:  # a shorter form inside the one matched
                for key in owners[inner]:
                    spans[key][number].extend(find_spans(paragraph_text, (inner,)))
        out: dict[str, list[Passage]] = {}
        for key, by_paragraph in spans.items():
            passages = out.setdefault(key, [])
            for number in sorted(by_paragraph):
                passages.extend(_passages_in(self.report.paragraphs[number - 1],
                                             _merge(by_paragraph[number]), context))
        return out


def find_keys(texts: Sequence[str], forms_by_key: dict) -> list[set]:
    """For each text, the keys with a form that occurs in it (quotes ignored): one scan of
    all the texts for all the forms. The scan tries every position (a lookahead), so forms
    that overlap are all found, and a form inside the longest match at a position too."""
    found: list[set] = [set() for _ in texts]
    owners = _owners(tuple((k, tuple(v)) for k, v in forms_by_key.items()))
    if not owners or not texts:
        return found
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    inner_of: dict[str, list[str]] = {}
    anywhere = re.compile("(?=(" + quote_tolerant(tuple(owners)).pattern + "))")
    joined = "\n".join(texts)
    for m in anywhere.finditer(marked(joined)):
        keys = found[bisect.bisect_right(starts, m.start()) - 1]
        needle = strip_quotes(joined[m.start(1):m.end(1)])
        if needle not in inner_of:
            inner_of[needle] = _inner_forms(needle, owners)
        for form in (needle, *inner_of[needle]):
            keys.update(owners[form])
    return found


@lru_cache(maxsize=64)
def _owners(forms_by_key: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, list[str]]:
    """needle (a form without quotes) -> the keys that have it; the same for every report."""
    owners: dict[str, list[str]] = defaultdict(list)
    for key, forms in forms_by_key:
        for form in forms:
            needle = strip_quotes(form)
            if needle and "\n" not in needle and key not in owners[needle]:
                owners[needle].append(key)
    return dict(owners)


def _inner_forms(needle: str, forms) -> list[str]:
    """The other forms that occur inside ``needle``: its substrings looked up in ``forms``
    (a form is short, so this costs its length squared, not the number of forms)."""
    found = set()
    for a in range(len(needle)):
        for b in range(a + 1, len(needle) + 1):
            piece = needle[a:b]
            if piece != needle and piece in forms:
                found.add(piece)
    return sorted(found)


def _passages_in(paragraph: Paragraph, spans: list[tuple[int, int]], context: str
                 ) -> list[Passage]:
    """One passage per sentence with a span; a span across sentences joins them."""
    if not spans:
        return []
    if context == "paragraph":
        return [_passage(paragraph, 0, len(paragraph.text), tuple(spans),
                         paragraph.section_at(spans[0][0]))]
    bounds = sentences(paragraph.text)
    ranges: list[list[int]] = []
    for a, b in spans:
        first = next(k for k, (_, end) in enumerate(bounds) if a < end)
        last = next(k for k in range(first, len(bounds)) if b <= bounds[k][1])
        if ranges and first <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], last)
        else:
            ranges.append([first, last])
    out = []
    for first, last in ranges:
        start, end = bounds[first][0], bounds[last][1]
        inside = tuple((a - start, b - start) for a, b in spans if a >= start and b <= end)
        out.append(_passage(paragraph, start, end, inside, paragraph.section_at(start)))
    return out


def _passage(paragraph: Paragraph, start: int, end: int, spans: tuple[tuple[int, int], ...],
             section: tuple[str, ...]) -> Passage:
    """The passage text[start:end] of a paragraph (``spans`` relative to ``start``), placed on
    the source line where it starts, not where its paragraph starts."""
    line, column = paragraph.locate(start)
    locations = tuple(paragraph.locate(start + a) for a, _ in spans)
    return Passage(paragraph.text[start:end], paragraph.number, line, section, spans,
                   column, locations)


def find_spans(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``forms`` in any text, ignoring quotation marks: ``耕地非农化`` is found in
    ``遏制耕地“非农化”`` and its span takes in the quotes that belong to it."""
    needles = tuple(n for n in (strip_quotes(f) for f in forms) if n)
    if not needles:
        return []
    found = []
    forms_set = set(needles)
    for m in quote_tolerant(needles).finditer(marked(text)):
        found.append(widen_to_quotes(text, m.start(), m.end()))
        for inner in _inner_forms(strip_quotes(text[m.start():m.end()]), forms_set):
            found += [widen_to_quotes(text, m.start() + i.start(), m.start() + i.end())
                      for i in quote_tolerant((inner,)).finditer(m.group())]
    return _merge(found)


def sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of a paragraph (ending in 。！？)."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]


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


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
