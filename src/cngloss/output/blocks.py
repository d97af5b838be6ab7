"""The building blocks of every terminal view: styled spans, lines, tables, blank lines, and
the helpers the views share (keyword in context, counts of things, year ranges).

A view is a list of blocks whose text carries style names, not terminal codes;
``console.py`` prints it with rich on a terminal and as plain aligned text elsewhere.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence, Union

from ..model import SOURCED_ENGLISH
from ..text.width import width as columns

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..lookup.search import Hit

Span = tuple[str, Union[str, None]]  # (text, style name or None)
# Fields of ``show``: a label, then the value in a column of its own (continuation lines and
# further items of a list start there too, so no separator is needed that the data may hold).
LABEL_WIDTH = 10


class Line(NamedTuple):
    """One logical line; on a terminal it wraps, continuation lines indented by ``hang``
    columns (default: ``indent``), so a value stays in its column under its label."""

    spans: list[Span]
    indent: int = 0
    hang: int | None = None


class Table(NamedTuple):
    """Rows of cells; the columns listed in ``wrap`` may wrap on a narrow terminal."""

    headers: list[str]
    rows: list[list[list[Span]]]
    wrap: tuple[int, ...] = ()


class Blank(NamedTuple):
    pass


Block = Union[Line, Table, Blank]


def line(*spans: Span | str, indent: int = 0, hang: int | None = None) -> Line:
    return Line([(s, None) if isinstance(s, str) else s for s in spans], indent, hang)


def field(label: str, values: Sequence[list[Span]]) -> list[Line]:
    """``Label     value``: each value on its own line in the value column (what it wraps onto
    the next line two columns further in, so that each value is seen to start anew)."""
    out = []
    for i, value in enumerate(values):
        head = label.ljust(LABEL_WIDTH) if i == 0 else " " * LABEL_WIDTH
        out.append(Line([(head, "label" if i == 0 else None)] + value, 0, LABEL_WIDTH + 2))
    return out


def highlighted(text: str, spans: Iterable[tuple[int, ...]], style: str = "match"
                ) -> list[Span]:
    """``text`` cut into spans, with the given [start, end) ranges in ``style`` (or in the
    style a range names third: ``(start, end, style)``)."""
    out: list[Span] = []
    pos = 0
    for a, b, *named in spans:
        if a > pos:
            out.append((text[pos:a], None))
        out.append((text[a:b], named[0] if named else style))
        pos = b
    if pos < len(text):
        out.append((text[pos:], None))
    return out


FIELD_LABELS = {SOURCED_ENGLISH: "sourced English"}  # a hit's field as people read it
SNIPPET_FIELDS = ("definition", "part", "english", SOURCED_ENGLISH)
ENGLISH_FIELDS = ("english", SOURCED_ENGLISH)
ONLY_SOURCED = "†"
ONLY_SOURCED_NOTE = ("† in no glossary in use: only the file of sourced English renderings "
                     "names it")


def matched_on(hit: "Hit") -> str:
    """``pinyin (tone numbers, prefix)``: what a hit matched on, for people (``sourced
    English (exact)``: one of the sourced renderings of ``data/english.yaml``)."""
    details = [d for d in (hit.form, hit.kind)
               if d not in ("hanzi", "pinyin", "english", "id", hit.field)]
    details = list(dict.fromkeys(details))
    label = FIELD_LABELS.get(hit.field, hit.field)
    return label + (f" ({', '.join(details)})" if details else "")


def matched_cell(hit: "Hit", query: str) -> list[Span]:
    """A search table's ``matched on`` cell: what matched, then the words it matched in."""
    matched: list[Span] = [(matched_on(hit), None)]
    if hit.snippet and hit.field in SNIPPET_FIELDS:
        snippet = matched_words(hit.snippet, query) if hit.field in ENGLISH_FIELDS \
            else hit.snippet
        matched.append((f": {snippet}", "dim"))
    return matched


def year_ranges(years: Sequence[int]) -> str:
    """``2019–2021, 2023``: sorted years, runs of consecutive ones as a range."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def matched_words(snippet: str, query: str) -> str:
    """The words of an English snippet that the query matched, with … for what is left out:
    ``rural roads that are well built, ...`` for ``rural roads`` -> ``rural roads …``."""
    words = snippet.split()
    wanted = [w for w in re.findall(r"\w+", query.lower()) if w]
    hits = [i for i, word in enumerate(words)
            if any(re.sub(r"\W", "", word.lower()).startswith(w) for w in wanted)]
    if not hits:
        first, last = 0, min(len(words), 4) - 1
    else:
        first, last = hits[0], hits[-1]
    shown = " ".join(words[first:last + 1]).rstrip(",;:")
    return ("… " if first > 0 else "") + shown + (" …" if last < len(words) - 1 else "")


def kwic(text: str, hits: list[tuple[int, int]], terms: list[tuple[int, int]],
         width: int) -> list[Span]:
    """One keyword-in-context line of about ``width`` columns: the stretch from the first
    use to the last one, centred, with context either side (the whole sentence if longer).
    Two columns per use are kept for the »« that mark it where there is no colour."""
    start, end = hits[0][0], hits[-1][1]
    room = width - 2 * len(hits) - 2  # the marks, and the … at either end
    side = max(0, (room - columns(text[start:end])) // 2)
    left_start = start
    while left_start > 0 and columns(text[left_start - 1:start]) <= side:
        left_start -= 1
    right_end = end
    while right_end < len(text) and columns(text[end:right_end + 1]) <= side:
        right_end += 1
    spans: list[Span] = [("…" if left_start > 0 else "", "dim")]
    marks = sorted(
        [(a, b, "headword") for a, b in terms
         if all(b <= s or a >= e for s, e in hits)] +
        [(a, b, "hit") for a, b in hits]
    )
    pos = left_start
    for a, b, style in marks:
        a, b = max(a, left_start), min(b, right_end)
        if a >= b or a < pos:
            continue
        spans.append((text[pos:a], None))
        spans.append((text[a:b], style))
        pos = b
    spans.append((text[pos:right_end], None))
    spans.append(("…" if right_end < len(text) else "", "dim"))
    return [s for s in spans if s[0]]


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' * (n != 1)}"


def _count(n: int, word: str, plural: str | None = None) -> str:
    """``1 report``, ``2 reports``, ``2 glossaries``: digits not grouped (as ``add`` and
    ``remove`` always printed them)."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
