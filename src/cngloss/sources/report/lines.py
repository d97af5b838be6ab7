"""Source offsets -> (line, column): where a character of a cleaned paragraph stands."""

from __future__ import annotations

import bisect


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
        previous = None
        for i, offset in enumerate(origins):
            if previous is None or offset != previous + 1:
                out.append((i, *self.locate(offset)))
            previous = offset
        return tuple(out)
