"""Hanzi and the punctuation around them: which characters are ideographs, and quotation
marks (the report quotes terms, “六稳”“六保”; the glossary does not, 六稳六保)."""

from __future__ import annotations

import unicodedata

QUOTES = "“”‘’\"'「」『』"
OPENING = "“‘「『\"'"
CLOSING = "”’」』\"'"


def strip_quotes(text: str) -> str:
    """Text without quotation marks: ``“六稳”“六保”`` -> ``六稳六保``. (A replace per mark the
    text has: ``str.translate`` runs at Python speed over text beyond Latin-1, 10x slower on
    a library's passages.)"""
    for mark in QUOTES:
        if mark in text:
            text = text.replace(mark, "")
    return text


def hanzi_key(text: str) -> str:
    """Text as hanzi forms are matched: no punctuation (quotes, 、，。《》 ...), no spaces.

    A term pasted with what surrounded it (``《两违》``, ``两违。``, ``两 违``) is still the
    term; ``一般债、专项债及特别国债`` is also found as ``一般债专项债及特别国债``.
    """
    return "".join(ch for ch in text
                   if not ch.isspace() and unicodedata.category(ch)[0] != "P")


def is_hanzi(ch: str) -> bool:
    """A CJK ideograph (the BMP blocks and extension A; enough for policy vocabulary)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def hanzi_of(text: str) -> str:
    """Only the ideographs of ``text``: ``“两水”改造`` -> ``两水改造``."""
    return "".join(ch for ch in text if is_hanzi(ch))
