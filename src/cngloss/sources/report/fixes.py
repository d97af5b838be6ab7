"""Applying a reviewed corrections file to the report's blocks, keeping source offsets."""

from __future__ import annotations

from difflib import SequenceMatcher

from ...model import Correction
from .paragraphs import Block


def apply_corrections(
    blocks: list[Block], corrections: tuple[Correction, ...]
) -> list[tuple[Correction, Block, int]]:
    """Apply each correction to every block; return (correction, block, source offset) for
    each place it was applied."""
    applied = []
    for correction in corrections:
        for block in blocks:
            if correction.original and correction.original in block.raw:
                applied.extend((correction, block, at) for at in _replace(block, correction))
    return applied


def _replace(block: Block, correction: Correction) -> list[int]:
    """Replace every occurrence of the correction's original in the block, keeping origins:
    the characters the correction keeps keep theirs, new ones take the one they replace."""
    old, new = correction.original, correction.corrected
    mapping = _alignment(old, new)
    raw, origin, places = [], [], []
    pos = 0
    while (at := block.raw.find(old, pos)) >= 0:
        raw.append(block.raw[pos:at] + new)
        origin += block.origin[pos:at] + [block.origin[at + k] for k in mapping]
        places.append(block.origin[at])
        pos = at + len(old)
    block.raw = "".join(raw) + block.raw[pos:]
    block.origin = origin + block.origin[pos:]
    return places


def _alignment(old: str, new: str) -> list[int]:
    """For each character of ``new``, the index of the character of ``old`` it stands for."""
    out: list[int] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(range(a1, a2))
        elif op != "delete":
            last = max(0, min(a2, len(old)) - 1) if a2 > a1 else max(0, min(a1, len(old) - 1))
            out.extend(min(a1 + k, last) for k in range(b2 - b1))
    return out
