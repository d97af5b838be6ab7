"""Source offsets -> (line, column): where a character of a cleaned paragraph stands."""

from __future__ import annotations

import bisect
from itertools import count, groupby
from operator import sub


class LineTable:
    """Source offsets -> (line, column), both counted from 1, columns in characters."""

    def __init__(self, text: str):
        self._starts = [0]
        for line in text.splitlines(keepends=True):
            self._starts.append(self._starts[-1] + len(line))

    def locate(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k + 1, offset - self._starts[k] + 1

    def segments(self, origins: list[int]) -> tuple[tuple[int, int, int], ...]:
        """Compress per-character source offsets into runs: (clean offset, line, column) where
        a run of consecutive source characters starts (see ``Paragraph.locate``)."""
        out = []
        i = 0
        # within a run, offset - index is constant: group by it (in C, not per character)
        for _, run in groupby(map(sub, origins, count())):
            out.append((i, *self.locate(origins[i])))
            i += len(list(run))
        return tuple(out)
