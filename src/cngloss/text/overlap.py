"""How much of one Chinese text another holds, by characters: what tells which sense of a
headword a report's note defines (``corpus/english.py``, docs/glossary.md, "Senses").

A gloss such as 防范化解重大风险、精准脱贫、污染防治 and a note written for it (指防范化解重大风险、
精准脱贫、污染防治，是在十九大报告中首次提出的新表述) share most of the gloss's characters whatever
else the note adds; a note of another sense (汽车、钢铁、化工产业转型) shares few. So the measure is
the share of the gloss's distinct hanzi that the note uses: 1.0 when every one occurs in it,
0.0 when none does, whatever the note's length.
"""

from __future__ import annotations

import re

from .hanzi import is_hanzi

# A remark in brackets inside a gloss (（2024年起的国家用法）) is about the gloss, not the sense.
_REMARK = re.compile(r"（[^（）]*）|\([^()]*\)")


def gloss_characters(gloss: str) -> frozenset[str]:
    """The distinct hanzi of a gloss, its bracketed remarks left out."""
    return frozenset(ch for ch in _REMARK.sub("", gloss) if is_hanzi(ch))


def coverage(text: str, gloss: str) -> float:
    """The share of the gloss's distinct hanzi (``gloss_characters``) that ``text`` uses;
    0.0 for a gloss with no hanzi."""
    wanted = gloss_characters(gloss)
    if not wanted:
        return 0.0
    return len(wanted & set(text)) / len(wanted)
