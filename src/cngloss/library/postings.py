"""The bigram posting lists: for each pair of adjacent characters, the paragraphs using it.

A paragraph id is ``report_id << SEQ_BITS | paragraph index``, so a worker process can give
final ids without asking the database. A list is stored as uint32 deltas, raw when short and
zlib-compressed when long (compressing a handful of ids costs more than it saves).
"""

from __future__ import annotations

import zlib
from array import array
from itertools import accumulate
from operator import sub

SEQ_BITS = 12
MAX_PARAGRAPHS = 1 << SEQ_BITS
RAW_LIMIT = 12  # ids; longer lists are compressed


def paragraph_id(report_id: int, index: int) -> int:
    return report_id << SEQ_BITS | index


def report_of(paragraph: int) -> int:
    return paragraph >> SEQ_BITS


def bigrams(text: str) -> set[str]:
    """Every pair of adjacent characters in ``text``."""
    return {text[k:k + 2] for k in range(len(text) - 1)}


def encode(ids: list[int]) -> bytes:
    """Ascending ids -> b'r' + uint32 deltas, or b'z' + zlib(deltas) for a long list.

    The format's definition; ``add`` packs a whole batch at once (``inverted``), byte for
    byte the same."""
    if len(ids) == 1:  # most bigrams of a batch: one paragraph
        return b"r" + array("I", ids).tobytes()
    deltas = array("I", ids[:1])
    deltas.extend(map(sub, ids[1:], ids[:-1]))
    raw = deltas.tobytes()
    # level 1: nearly the size of level 6 on small deltas, at a fraction of the CPU
    return b"z" + zlib.compress(raw, 1) if len(ids) > RAW_LIMIT else b"r" + raw


def decode(blob: bytes) -> array:
    """The ids ``encode`` packed."""
    raw = zlib.decompress(blob[1:]) if blob[:1] == b"z" else blob[1:]
    deltas = array("I")
    deltas.frombytes(raw)
    return array("I", accumulate(deltas))
