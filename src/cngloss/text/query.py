"""Cleaning what a user typed before it is matched or echoed back.

A query arrives from a shell, a script or shell completion, and may hold anything:
control characters and terminal escape sequences (never to be echoed raw), lone
surrogates from undecodable bytes, bidirectional overrides, 200,000 characters.
"""

from __future__ import annotations

import unicodedata

from ..errors import UsageError

MAX_QUERY = 256


def clean_query(raw: str, compatibility: bool = False) -> str:
    """The query as text to match: NFC (NFKC with ``compatibility``: full-width letters and
    digits become ASCII), without control or format characters, whitespace collapsed.

    Raises UsageError when nothing is left or it is longer than MAX_QUERY characters.
    """
    text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in raw)
    text = unicodedata.normalize("NFKC" if compatibility else "NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = " ".join(text.split())
    if not text:
        raise UsageError("the query is empty; give a term, pinyin or English words")
    if len(text) > MAX_QUERY:
        raise UsageError(f"the query is {len(text)} characters long; at most {MAX_QUERY} "
                         "are searched (shorten it)")
    return text
