"""Quotation marks: the report quotes terms (“六稳”“六保”), the glossary does not (六稳六保)."""

import unicodedata

QUOTES = "“”‘’\"'「」『』"
OPENING = "“‘「『\"'"
CLOSING = "”’」』\"'"


_NO_QUOTES = str.maketrans("", "", QUOTES)


def strip_quotes(text: str) -> str:
    """Text without quotation marks: ``“六稳”“六保”`` -> ``六稳六保``."""
    return text.translate(_NO_QUOTES)


def hanzi_key(text: str) -> str:
    """Text as hanzi forms are matched: no punctuation (quotes, 、，。《》 ...), no spaces.

    A term pasted with what surrounded it (``《两违》``, ``两违。``, ``两 违``) is still the
    term; ``一般债、专项债及特别国债`` is also found as ``一般债专项债及特别国债``.
    """
    return "".join(ch for ch in text
                   if not ch.isspace() and unicodedata.category(ch)[0] != "P")
