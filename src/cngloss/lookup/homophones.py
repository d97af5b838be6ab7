"""Everyday readings of any hanzi, for sound-alike search, without importing pypinyin.

A homophone typo (八有一抄 for 八有一超) needs the reading of characters the glossary does
not know. ``import pypinyin`` loads its 2.5 MB phrase dictionary (about 220 ms), but one
character's reading needs only its single-character table, ``pinyin_dict.json``, which is
read here directly (tens of milliseconds). It is read when a search index is compiled
into the cache (the classes travel with the index) or, without a cache, the first time a
query needs it: a sound-alike query never imports pypinyin.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from ..text.pinyin import toneless


def _table() -> dict[str, str]:
    """pypinyin's single-character table: code point (as text) -> ``"líng,yuán"``."""
    from importlib.util import find_spec  # lazy: for a sound-alike query only

    spec = find_spec("pypinyin")  # locates the package without importing it
    for folder in (spec.submodule_search_locations or ()) if spec else ():
        path = Path(folder) / "pinyin_dict.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    # lazy: a pypinyin that keeps its table elsewhere: slower (its import), still right.
    from pypinyin.pinyin_dict import pinyin_dict  # pragma: no cover

    return {str(k): v for k, v in pinyin_dict.items()}  # pragma: no cover


def usual_readings() -> Iterator[tuple[str, str]]:
    """(character, toneless reading, ``v`` for ü) for every character pypinyin knows.

    The reading is the first one pypinyin lists: what ``lazy_pinyin(ch,
    style=Style.NORMAL, v_to_u=False)`` gives for a character on its own.
    """
    for code, readings in _table().items():
        plain = "".join(p for p, _ in toneless(readings.split(",", 1)[0]))
        yield chr(int(code)), plain


def homophone_classes(syllables: Iterable[str]) -> dict[str, str]:
    """For each of ``syllables``, every character whose usual reading it is.

    Only the glossary's own syllables matter: a character read otherwise cannot sound
    like any of its terms.
    """
    wanted = set(syllables)
    classes: dict[str, list[str]] = {s: [] for s in sorted(wanted)}
    for ch, reading in usual_readings():
        if reading in wanted:
            classes[reading].append(ch)
    return {s: "".join(chars) for s, chars in classes.items() if chars}
