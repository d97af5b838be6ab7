"""A search query, normalised, with the facts the stages need, and the readings of digits
typed in it (tone numbers or numerals)."""

from __future__ import annotations

import re
from itertools import product
from typing import NamedTuple

from ..text.hanzi import is_hanzi
from ..text.pinyin import DIGIT_NUMERALS
from ..text.query import clean_query


class Query(NamedTuple):
    """A query, normalised, with the facts the stages need."""

    text: str
    has_hanzi: bool
    has_latin: bool

    @classmethod
    def parse(cls, raw: str) -> "Query":
        text = clean_query(raw, compatibility=True)
        return cls(text, any(is_hanzi(ch) for ch in text),
                   any(ch.isascii() and ch.isalpha() or ch.lower() in "üāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
                       for ch in text))


def digit_variants(text: str) -> list[tuple[str, bool]]:
    """Readings of the digits in a query, most likely first: tone numbers or numerals.

    A query that opens with a digit writes numerals (``6wen6bao`` -> ``六wen六bao``,
    ``2buchou3baozhang`` -> ``两buchou三baozhang``); otherwise a digit 1-5 after a letter is
    first read as a tone (``liu4wen3``), then as a numeral. Returns (text, used_numerals).
    """
    parts = re.split(r"(\d+)", text)
    numerals_first = text[:1].isdigit()
    choices: list[list[str]] = []
    for i, piece in enumerate(parts):
        if i % 2 == 0:
            choices.append([piece])
            continue
        numerals = list(DIGIT_NUMERALS.get(piece, ()))
        after_letter = i > 0 and parts[i - 1][-1:].isalpha() and parts[i - 1][-1:].isascii()
        is_tone = after_letter and piece in "12345"
        if not numerals:
            options = [piece]
        elif is_tone:
            options = numerals + [piece] if numerals_first else [piece] + numerals
        else:
            options = numerals
        choices.append(options)
    out: list[tuple[str, bool]] = []
    for combo in product(*choices):
        joined = "".join(combo)
        out.append((joined, joined != text))
        if len(out) >= 8:
            break
    return out
