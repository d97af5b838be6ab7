"""Spaces as a PDF extraction leaves them in Chinese text, and how to take them out.

An extraction puts spaces around numbers and even inside them (``233 0 吨``, ``3 000 亩``)
and between CJK characters; only the spaces between Latin words belong to the text.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable

_SPACES = re.compile("[ \t\u3000\u00a0]+")


def normalize_spaces(text: str) -> str:
    """Text with spaces as the parser leaves them: ``12.3 万吨`` -> ``12.3万吨``."""
    return drop_spaces(text)[0]


def drop_spaces(text: str) -> tuple[str, Callable[[int], int], list[int]]:
    """Remove extraction spaces; return the new text, a function old offset -> new, and the
    old index of every character kept.

    A run of spaces survives (as one space) only between two ASCII alphanumerics that are not
    both digits, i.e. between Latin words. Spaces around CJK text and inside numbers go.
    """
    out: list[str] = []
    survivors: list[int] = []
    runs: list[tuple[int, int, int, int]] = []  # (start, end, new start, removed so far)
    pos = removed = 0
    for m in _SPACES.finditer(text):
        a, b = m.span()
        out.append(text[pos:a])
        survivors.extend(range(pos, a))
        new_start = a - removed
        left = text[a - 1] if a > 0 else ""
        right = text[b] if b < len(text) else ""
        keep = (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
                and not (left.isdigit() and right.isdigit()))
        if keep:
            out.append(" ")
            survivors.append(a)
        removed += (b - a) - (1 if keep else 0)
        runs.append((a, b, new_start, removed))
        pos = b
    out.append(text[pos:])
    survivors.extend(range(pos, len(text)))
    starts = [r[0] for r in runs]

    def shift(offset: int) -> int:
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0:
            return offset
        a, b, new_start, removed_through = runs[k]
        return new_start if offset < b else offset - removed_through

    return "".join(out), shift, survivors
