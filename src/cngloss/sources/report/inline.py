"""One paragraph's markup removed: bold runs kept as spans, footnote markers as references,
spaces dropped except between Latin words (``233 0 吨`` -> ``2330吨``)."""

from __future__ import annotations

import re

from ...model import FootnoteRef
from ...text.spacing import drop_spaces
from .markers import MarkerScanner

BOLD = "**"
_BOLD = re.compile(re.escape(BOLD))
_SPACE = re.compile("[ \t\u3000\u00a0]")  # what drop_spaces may drop


def clean_inline(raw: str, scanner: MarkerScanner | None = None
                 ) -> tuple[str, list[tuple[int, int]], list[FootnoteRef]]:
    """Strip markup from one paragraph.

    Returns the clean text, the spans of bold runs in it, and the footnote markers that were
    removed (with their positions in the clean text). Without a scanner only the markers a
    PDF extraction writes (``^{〔1〕}``, ``^[2]``, ``〔6〕``) are markers.
    """
    text, bold, refs, _ = clean(raw, scanner or MarkerScanner())
    return text, bold, refs


def clean(raw: str, scanner: MarkerScanner
          ) -> tuple[str, list[tuple[int, int]], list[FootnoteRef], list[tuple[int, int, int]]]:
    """``clean_inline``, plus where the clean text stands in ``raw``: ranges of
    (clean start, raw start, length)."""
    markup = sorted([(m.start(), m.end(), None) for m in _BOLD.finditer(raw)]
                    + [(m.start, m.end, m) for m in scanner.markers(raw)], key=lambda t: t[0])
    pieces: list[tuple[int, int]] = []  # kept stretches of raw
    bold: list[tuple[int, int]] = []
    marks: list[tuple[int, int, str]] = []
    bold_open: int | None = None
    length = pos = 0
    for start, end, marker in markup:
        if start < pos:
            continue
        pieces.append((pos, start))
        length += start - pos
        pos = end
        if marker is None:
            if bold_open is None:
                bold_open = length
            else:
                bold.append((bold_open, length))
                bold_open = None
        else:
            marks.append((marker.note, length, marker.style))
    pieces.append((pos, len(raw)))
    length += len(raw) - pos
    if bold_open is not None and bold_open < length:
        bold.append((bold_open, length))
    joined = "".join(raw[a:b] for a, b in pieces)
    if not _SPACE.search(joined):  # nothing to drop: the pieces are the map
        kept, at = [], 0
        for a, b in pieces:
            if b > a:
                kept.append((at, a, b - a))
                at += b - a
        refs = [FootnoteRef(note=n, offset=o, style=st) for n, o, st in marks]
        return joined, [(x, y) for x, y in bold if x < y], refs, kept
    index = [i for a, b in pieces for i in range(a, b)]
    text, shift, survivors = drop_spaces(joined)
    spans = [(shift(x), shift(y)) for x, y in bold if shift(x) < shift(y)]
    refs = [FootnoteRef(note=n, offset=shift(at), style=st) for n, at, st in marks]
    return text, spans, refs, _ranges([index[i] for i in survivors])


def _ranges(indexes: list[int]) -> list[tuple[int, int, int]]:
    """Per-character raw indexes as ranges (clean start, raw start, length)."""
    out: list[tuple[int, int, int]] = []
    for i, raw in enumerate(indexes):
        if out and out[-1][1] + out[-1][2] == raw:
            clean, start, n = out[-1]
            out[-1] = (clean, start, n + 1)
        else:
            out.append((i, raw, 1))
    return out
