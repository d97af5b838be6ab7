"""Traditional characters to simplified: for a whole text (``to_simplified``), and one
character for one, so that offsets survive it (``traditional_folding``, ``fold_text``).

The conversion is OpenCC's dictionaries (zhconv-rs), imported only when a text has hanzi to
convert: loading them takes about 0.15 s. A text's distinct characters outside GB2312 (the
simplified character set: a traditional character is almost never in it, so a simplified
text costs no conversion at all) are converted one at a time, and only one-character
results are kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .hanzi import is_hanzi


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (zhconv-rs with OpenCC's dictionaries); a text
    without hanzi is returned as it is, without loading the converter."""
    if not any(is_hanzi(ch) for ch in text):
        return text
    from zhconv_rs_opencc import zhconv  # lazy: the converter, only for hanzi to convert

    return zhconv(text, "zh-Hans")


def traditional_folding(text: str) -> dict[int, int]:
    """A table from the traditional characters of ``text`` to their simplified ones (one
    character each), for ``fold_text``. Each character is converted alone, so a table made
    from a glossary's forms and one made from a document fold alike."""
    candidates = sorted(ch for ch in set(text).difference(_gb2312_hanzi()) if is_hanzi(ch))
    if not candidates:
        return {}
    converted = to_simplified("\n".join(candidates)).split("\n")
    if len(converted) != len(candidates):
        return {}
    return {ord(a): ord(b) for a, b in zip(candidates, converted) if len(b) == 1 and a != b}


def fold_text(text: str, fold: dict[int, int] | None) -> str:
    """``text.translate(fold)``, but a substitution of the runs of characters to fold:
    translate looks every character up (0.4 s for a million hanzi here), the regex skips the
    rest, and a run at a time (a traditional word) calls back less often than a character
    at a time. No table (None or empty): the text as it is."""
    if not fold:
        return text
    pattern, table = _folder(tuple(sorted(fold.items())))
    return pattern.sub(lambda m: m.group().translate(table), text)


@lru_cache(maxsize=8)
def _folder(fold: tuple[tuple[int, int], ...]) -> tuple[re.Pattern, dict[int, int]]:
    table = dict(fold)
    return re.compile("[" + re.escape("".join(map(chr, table))) + "]+"), table


@lru_cache(maxsize=1)
def _gb2312_hanzi() -> frozenset[str]:
    """The hanzi of GB2312 (rows 16-87), decoded once: quicker than encoding each character
    of a large glossary to ask."""
    pairs = bytes(b for high in range(0xB0, 0xF8) for low in range(0xA1, 0xFF)
                  for b in (high, low))
    return frozenset(pairs.decode("gb2312", errors="ignore"))
