"""One paragraph's markup removed: bold runs kept as spans, footnote markers as references,
spaces dropped except between Latin words (``233 0 吨`` -> ``2330吨``)."""

from __future__ import annotations

import re

from ...model import FootnoteRef
from ...text.spacing import drop_spaces
from .markers import MarkerScanner

BOLD = "**"
_BOLD = re.compile(re.escape(BOLD))


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
          ) -> tuple[str, list[tuple[int, int]], list[FootnoteRef], list[int]]:
    """``clean_inline``, plus where each clean character stands in ``raw`` (its index)."""
    markup = sorted([(m.start(), m.end(), None) for m in _BOLD.finditer(raw)]
                    + [(m.start, m.end, m) for m in scanner.markers(raw)], key=lambda t: t[0])
    pieces: list[str] = []
    kept: list[int] = []
    bold: list[tuple[int, int]] = []
    marks: list[tuple[int, int, str]] = []
    bold_open: int | None = None
    length = pos = 0
    for start, end, marker in markup:
        if start < pos:
            continue
        pieces.append(raw[pos:start])
        kept.extend(range(pos, start))
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
    pieces.append(raw[pos:])
    kept.extend(range(pos, len(raw)))
    length += len(raw) - pos
    if bold_open is not None and bold_open < length:
        bold.append((bold_open, length))
    text, shift, survivors = drop_spaces("".join(pieces))
    spans = [(shift(a), shift(b)) for a, b in bold if shift(a) < shift(b)]
    refs = [FootnoteRef(note=n, offset=shift(at), style=s) for n, at, s in marks]
    return text, spans, refs, list(map(kept.__getitem__, survivors))
