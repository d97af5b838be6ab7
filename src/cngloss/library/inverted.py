"""A batch of paragraphs inverted into bigram postings with whole-array operations (numpy).

The same postings a plain loop gives (every distinct bigram of each paragraph, the ascending
ids of the paragraphs using it, packed by ``postings.encode``), byte for byte, at about five
times the speed: one Python step per distinct bigram of the batch instead of one per
character. The loop cost two thirds of ``add``'s CPU (BENCHMARKS.md, "Library").

How: the batch's texts as one array of code points; a bigram is ``first << 21 | second``
(code points need 21 bits), kept unless it straddles two paragraphs; a stable sort by bigram
keeps each bigram's paragraphs in batch order, which is ascending id order; adjacent
repeats of (bigram, paragraph) are dropped; each bigram's id deltas are then one slice of a
single uint32 array.
"""

from __future__ import annotations

import re
import zlib
from array import array
from itertools import chain, repeat
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .postings import RAW_LIMIT

_CODE_BITS = 21  # every Unicode code point is below 2**21
_PAIR = re.compile("..", re.DOTALL)


class PackedPostings(NamedTuple):
    """A batch's postings in four flat objects instead of a tuple per bigram: a worker
    sends them to the main process far more cheaply (pickling, memory), and the main
    process makes the rows one at a time while SQLite inserts them, in gram order (the
    table's key, so the inserts walk the B-tree in order)."""

    grams: str          # every bigram, two characters each, in sorted order
    counts: "array"     # ids per bigram
    ends: "array"       # end offset of each bigram's packed ids in ``blobs``
    blobs: bytes

    def rows(self, segment: int) -> Iterator[tuple[str, int, int, bytes]]:
        """(gram, segment, ids, packed ids) per bigram, made lazily by C-level iterators
        (a Python loop here cost a tenth of the main process's time)."""
        starts = chain((0,), self.ends)
        return zip(_PAIR.findall(self.grams), repeat(segment), self.counts,
                   map(self.blobs.__getitem__, map(slice, starts, self.ends)))

    def __len__(self) -> int:
        return len(self.counts)


EMPTY = PackedPostings("", array("I"), array("Q"), b"")


def invert(ids: Sequence[int], texts: Sequence[str]) -> PackedPostings:
    """The postings of paragraphs ``texts`` whose ids ``ids`` ascend (uint32)."""
    import numpy as np  # lazy: add only; queries decode the postings without it

    if len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if len(codes) < 2:
        return EMPTY
    owner = np.repeat(np.asarray(ids, dtype=np.uint32), lengths)[:-1]
    inside = np.ones(len(codes) - 1, dtype=bool)  # bigram k = codes[k], codes[k + 1]
    last = np.cumsum(lengths) - 1  # each paragraph's last character starts no bigram
    inside[last[(last >= 0) & (last < len(codes) - 1)]] = False  # (-1: empty ones first)
    grams = (codes[:-1].astype(np.uint64) << np.uint64(_CODE_BITS)) | codes[1:]
    grams, owner = grams[inside], owner[inside]
    if not len(grams):
        return EMPTY
    order = np.argsort(grams, kind="stable")
    grams, owner = grams[order], owner[order]
    del order, codes, inside  # the batch's largest arrays: a worker's memory stays bounded
    first = np.empty(len(grams), dtype=bool)  # the first pair of its bigram
    first[0] = True
    np.not_equal(grams[1:], grams[:-1], out=first[1:])
    kept = first.copy()  # ... or a new paragraph for the same bigram
    kept[1:] |= owner[1:] != owner[:-1]
    grams, owner, first = grams[kept], owner[kept], first[kept]
    deltas = np.empty(len(owner), dtype=np.uint32)
    np.subtract(owner[1:], owner[:-1], out=deltas[1:])
    deltas[first] = owner[first]
    starts = np.flatnonzero(first)
    bounds = np.append(starts, len(owner))
    counts = np.diff(bounds).astype(np.uint32)
    return PackedPostings(_gram_text(np, grams[starts]), array("I", counts.tobytes()),
                          *_pack_lists(deltas.tobytes(), counts.tolist(),
                                       (bounds * 4).tolist()))


def _gram_text(np, grams) -> str:
    pairs = np.empty(2 * len(grams), dtype="<u4")
    pairs[0::2] = grams >> np.uint64(_CODE_BITS)
    pairs[1::2] = grams & np.uint64((1 << _CODE_BITS) - 1)
    return pairs.tobytes().decode("utf-32-le", "surrogatepass")


def _pack_lists(raw: bytes, counts: list[int], bounds: list[int]) -> tuple[array, bytes]:
    """Each list as ``postings.encode`` packs it: b'r' + deltas, or b'z' + zlib(deltas)
    when longer than RAW_LIMIT ids."""
    blobs = bytearray()
    ends = array("Q")
    compress = zlib.compress
    for k, n in enumerate(counts):
        piece = raw[bounds[k]:bounds[k + 1]]
        blobs += b"z" + compress(piece, 1) if n > RAW_LIMIT else b"r" + piece
        ends.append(len(blobs))
    return ends, bytes(blobs)
