"""Where each character of a cleaned paragraph stands in the source: its per-character
origins compressed into runs of (clean offset, line, column), placed by the source's
``LineTable`` (``text.lines``)."""

from __future__ import annotations

import bisect
from itertools import count, groupby
from operator import sub

from ...text.lines import LineTable


def segments(lines: LineTable, origins: list[int]) -> tuple[tuple[int, int, int], ...]:
    """Compress per-character source offsets into runs: (clean offset, line, column) where
    a run of consecutive source characters starts (see ``Paragraph.locate``)."""
    out = []
    i = 0
    # within a run, offset - index is constant: group by it (in C, not per character)
    for _, run in groupby(map(sub, origins, count())):
        out.append((i, *lines.locate(origins[i])))
        i += len(list(run))
    return tuple(out)


def block_segments(lines: LineTable, kept: list[tuple[int, int, int]],
                   origin: list[int] | None, runs: list[tuple[int, int]] | None
                   ) -> tuple[tuple[int, int, int], ...]:
    """``segments`` for the kept ranges of a block, (clean start, raw start, length): from
    the block's line ``runs`` where it has them (no per-character work), else from its
    per-character ``origin``."""
    if runs is None:
        assert origin is not None
        return segments(lines, [origin[a + k] for _, a, n in kept for k in range(n)])
    out = []
    starts = [a for a, _ in runs]
    for clean, a, n in kept:
        k = bisect.bisect_right(starts, a) - 1
        pos = a
        while pos < a + n:
            run_start, offset = runs[k]
            out.append((clean + pos - a, *lines.locate(offset + pos - run_start)))
            k += 1
            pos = starts[k] if k < len(starts) else a + n
    return tuple(out)
