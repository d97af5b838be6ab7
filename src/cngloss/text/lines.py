"""Offsets of a text -> (line, column), both counted from 1, columns in characters."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

from .matching import value_at_each_offset


class LineTable:
    """Where each line of a text starts, to place an offset on its line.

    Lines end at ``\\n`` (a document as read, its line ends already made ``\\n``); with
    ``any_break`` at every line boundary ``str.splitlines`` knows (``\\r``, ``\\f``,
    ``\\u2028``...), as a report's source lines are counted, and then the end of a text that
    does not end with a line break starts a line too."""

    def __init__(self, text: str, any_break: bool = False):
        self.size = len(text)
        if any_break:
            self.starts = [0, *accumulate(map(len, text.splitlines(keepends=True)))]
            return
        self.starts = [0]
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def lines(self, offsets: Iterable[int]) -> list[int]:
        """The line of each of many offsets (of at most the text's length), in C-speed
        passes: a table of every offset's line, read at each."""
        line_at = value_at_each_offset(self.starts, range(1, len(self.starts) + 1),
                                       self.size + 1)
        return list(map(line_at.__getitem__, offsets))
