"""Where the report body uses a term: one passage per sentence (or paragraph) that uses it.

The body rarely writes a term the way its headword is spelled: quotes surround it and
split it (“六稳”“六保” for 六稳六保), a footnote marker follows or interrupts it (“两水”^[16]改造),
a page break cuts it. The report parser has already removed markers and joined page
breaks; here the quotation marks are set aside (``text.matching``: the body's search text,
with the way back to its offsets), and spans are widened to take in the quotes that belong
to the match.

The body is searched as one text, a paragraph a line, with one regular expression for all
the forms of all the terms. Finding every use of a glossary across a long report is one
scan, and spans come out in the paragraph's own coordinates (BENCHMARKS.md).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

from ..model import Paragraph, Passage, Report, Term
from ..text.hanzi import strip_quotes
from ..text.matching import (SearchText, any_of, find_spans, inner_forms, merge_spans,
                             widen_to_quotes)

SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』]*|[^。！？!?]+$")
CONTEXTS = ("sentence", "paragraph")


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
    def _search(self) -> SearchText:
        """The body's search text: its quotation marks set aside."""
        return SearchText(self._body[0], markers=False)

    def occurs(self, form: str) -> bool:
        """Whether ``form`` occurs anywhere in the body (quotes ignored)."""
        needle = strip_quotes(form)
        return bool(needle) and "\n" not in needle and needle in self._search.text

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
        starts = self._body[1]
        search = self._search
        spans: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        inner_of: dict[str, list[str]] = {}
        for m in any_of(tuple(owners)).finditer(search.text):
            start, end = search.offset(m.start()), search.offset(m.end(), end=True)
            number = bisect.bisect_right(starts, start)
            offset = starts[number - 1]
            paragraph_text = self.report.paragraphs[number - 1].text
            span = widen_to_quotes(paragraph_text, start - offset, end - offset)
            needle = m.group()
            for key in owners[needle]:
                spans[key][number].append(span)
            if needle not in inner_of:
                inner_of[needle] = inner_forms(needle, owners)
            for inner in inner_of[needle]:  # a shorter form inside the one matched
                for key in owners[inner]:
                    spans[key][number].extend(find_spans(paragraph_text, (inner,)))
        out: dict[str, list[Passage]] = {}
        for key, by_paragraph in spans.items():
            passages = out.setdefault(key, [])
            for number in sorted(by_paragraph):
                passages.extend(_passages_in(self.report.paragraphs[number - 1],
                                             merge_spans(by_paragraph[number]), context))
        return out


def find_keys(texts: Sequence[str], forms_by_key: dict,
              searches: Sequence[str] | None = None) -> list[set]:
    """For each text, the keys with a form that occurs in it (quotes ignored): one scan of
    all the texts for all the forms, every occurrence found, overlapping or inside another
    (an Aho-Corasick automaton, built once per set of forms: ``_automaton``). ``searches``:
    the texts without their quotation marks, when known (a library's search texts)."""
    found: list[set] = [set() for _ in texts]
    owners = _owners(tuple((k, tuple(v)) for k, v in forms_by_key.items()))
    if not owners or not texts:
        return found
    # A text's search text is the text without its quotation marks (``set_aside``): each
    # mark taken out by a C-speed replace, and where each text starts counted in those.
    if searches is None:
        searches = [strip_quotes(text) for text in texts]
    starts, pos = [], 0
    for search in searches:
        starts.append(pos)
        pos += len(search) + 1
    needles, automaton = _automaton(tuple(owners))
    seen: set[tuple[int, int]] = set()
    for form, start, _ in automaton.find_matches_as_indexes("\n".join(searches),
                                                           overlapping=True):
        at = bisect.bisect_right(starts, start) - 1
        if (at, form) not in seen:
            seen.add((at, form))
            found[at].update(owners[needles[form]])
    return found


@lru_cache(maxsize=16)
def _automaton(needles: tuple[str, ...]):
    """(the needles, an automaton that finds every occurrence of each, overlapping ones too).
    Its implementation chosen by the crate: a DFA for a glossary's few dozen forms (3x faster
    than the contiguous NFA over a show's 800,000 characters: 7 against 22 ms), an NFA for
    many thousands, whose DFA would be large."""
    import ahocorasick_rs  # lazy: the passages' terms, with a library or grep only

    return needles, ahocorasick_rs.AhoCorasick(needles,
                                               matchkind=ahocorasick_rs.MatchKind.Standard)


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


def sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of a paragraph (ending in 。！？)."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]
