"""Chinese numerals as they occur in policy slogans and enumerations (六稳, 两不愁, 第十, 一是).

Slogans count their parts with numerals; the report enumerates its items with them. Both
the glossary check (does 六稳 have six items?) and the report parser (is 三是 the item after
二是?) need the value of a numeral, and nothing more elaborate than this.
"""

from __future__ import annotations

import re

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
LEADING_NUMERAL = re.compile(f"^[{NUMERAL_CHARS}]+")


CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(value: int) -> str:
    """一 … 九十九 as list labels write them (十, 十一, 二十, 二十一); digits from 100."""
    if value < 10:
        return CHINESE_DIGITS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + \
            (CHINESE_DIGITS[ones] if ones else "")
    return str(value)


def numerals_for(count: int) -> tuple[str, ...]:
    """How a count is written in Chinese, for counts up to 99: 2 -> 二, 两, 双; 12 -> 十二."""
    if not 0 < count < 100:
        return ()
    return ("二", "两", "双") if count == 2 else (chinese_numeral(count),)


def numeral_value(text: str) -> int | None:
    """The value of a Chinese numeral written out in full (十二 -> 12, 两 -> 2), or None."""
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            if digit is not None:  # two digits in a row ("一二") is not a numeral
                return None
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
    return total + (digit or 0)


SLOGAN_MAX = 20


def slogan_count(run: str) -> int | None:
    """How many parts a numeral run at the head of a slogan counts, or None where it counts
    none: 六 -> 6, 十二 -> 12, 双 -> 2; a digit before one 百 or 千 counts the hundreds or
    thousands, or the zeros (双千, 三千, 双零 -> 2, 3, 2), 双 two of anything (双十 -> 2); a
    quantity (百, 千, 十百千), a run that is no
    numeral (十三五, 一二三) or above ``SLOGAN_MAX`` counts none."""
    if len(run) == 2 and (counted := _counted_digit(run)) is not None:
        return counted
    if run[0] in "百千":
        return None
    value = numeral_value(run)
    return value if value is not None and 0 < value <= SLOGAN_MAX else None


def _counted_digit(pair: str) -> int | None:
    """What a digit counts before one 百, 千 or 零, or what 双 counts before anything: 双千,
    三千, 双零, 双十 -> 2, 3, 2, 2 (two thousands, three thousands, two zeros, two tens)."""
    if pair[0] in DIGITS and DIGITS[pair[0]] > 0 and (pair[1] in "百千零〇" or pair[0] == "双"):
        return DIGITS[pair[0]]
    return None


def part_count(name: str) -> int | None:
    """How many items a part named ``name`` lists, as the parts reader counts them
    (``slogan_count``): 双千工程 -> 2, 三千 -> 3, else ``leading_count`` (六稳 -> 6). What
    ``check`` holds a part's items to, so that an imported glossary passes its own check."""
    match = LEADING_NUMERAL.match(name)
    if match and len(match.group()) >= 2:
        counted = _counted_digit(match.group()[:2])
        if counted is not None:
            return counted
    return leading_count(name)


def leading_count(name: str) -> int | None:
    """The number a slogan opens with: 六稳 -> 6, 两个不低于 -> 2, 双重 -> 2, 一园 -> 1.

    Only the numeral at the start counts; a name that does not open with one has no count.
    """
    match = LEADING_NUMERAL.match(name)
    if not match:
        return None
    # Take the longest prefix that is a valid numeral: 一超 -> 一, 十三五 -> 十三.
    digits = match.group()
    for end in range(len(digits), 0, -1):
        value = numeral_value(digits[:end])
        if value is not None:
            return value
    return None
