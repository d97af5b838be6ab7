"""When two headwords are the same term: the merge rule of the library's glossaries
(README, "Glossaries in the library").

Reports print one term in many ways: quoted whole or part by part (“六稳”“六保”), not
quoted, in traditional characters, with full-width letters (ＢＮＣＴ), in bold. The *key* of
a headword drops exactly those differences and nothing else:

1. NFKC (full-width letters, digits and signs become ASCII: ＋ -> +), Latin lower-cased, a
   bracketed note number the reader left at the start dropped (``﹝6﹞六稳六保``);
2. quotation marks, brackets, other punctuation and spaces removed, except a point or a
   comma between two digits (1.5 is not 15);
3. traditional characters made simplified (OpenCC's tables).

So ``“六稳”“六保”``, ``六稳六保`` and ``六穩六保`` have one key, and ``四个一批``/``三个一批``,
``两新``/``两新一重``, ``1+5+N``/``“1+5+N”创新平台体系`` keep theirs: no edit distance, no
prefix, no guess ever merges two headwords. What the key cannot see (a shortened form a
report defines with the same words, 四不摘 for 四个不摘) is linked by the curated list
``data/headword-variants.yaml``, each pair with the reason it is one term.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Callable, Mapping

from ..text.hanzi import is_hanzi

_DIGIT_JOINERS = ".,"
# a bracketed note number at the start (after NFKC: ［6］ -> [6], （6） -> (6), ﹝6﹞ -> 〔6〕)
_NOTE_NUMBER = re.compile(r"^[\[〔(【]\s*\d{1,3}\s*[\]〕)】]")


def plain_key(text: str) -> str:
    """Steps 1 and 2 of the key (no conversion of traditional characters), after a note
    number in brackets the reader left on the headword (``﹝6﹞六稳六保``)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _NOTE_NUMBER.sub("", text.replace("*", "").strip(), count=1)
    out = []
    for k, ch in enumerate(text):
        if ch.isspace() or ch == "*":
            continue
        if unicodedata.category(ch)[0] == "P":
            if ch in _DIGIT_JOINERS and 0 < k < len(text) - 1 \
                    and text[k - 1].isdigit() and text[k + 1].isdigit():
                out.append(ch)
            continue
        out.append(ch)
    return "".join(out)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (zhconv-rs with OpenCC's dictionaries)."""
    if not any(is_hanzi(ch) for ch in text):
        return text
    from zhconv_rs_opencc import zhconv  # lazy: the converter, only for hanzi keys

    return zhconv(text, "zh-Hans")


def headword_key(text: str, simplify: Callable[[str], str] = to_simplified) -> str:
    """The key two headwords share when they are the same term (module docstring)."""
    return simplify(plain_key(text))


def definition_key(text: str) -> str:
    """What two definitions are compared on: their text without punctuation, quotes and
    spaces (``“六稳”指稳就业、稳金融`` equals ``六稳指稳就业，稳金融``)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text)
                   if not ch.isspace() and unicodedata.category(ch)[0] != "P")


def bundled_variants_path() -> Path:
    """``data/headword-variants.yaml`` next to the bundled glossary."""
    from ..sources.paths import bundled_glossary_path  # lazy: only when building the lexicon

    return bundled_glossary_path().parent / "headword-variants.yaml"


def load_variants(path: Path | None = None) -> dict[str, str]:
    """The curated links, as variant key -> headword key (DataError for a broken file)."""
    from ..errors import DataError, Problem  # lazy: errors of a broken list only
    from ..sources.yaml_reader import load_data_file  # lazy: YAML, only for the lexicon

    path = bundled_variants_path() if path is None else Path(path)
    data = load_data_file(path)
    links: dict[str, str] = {}
    entries = data.get("variants") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataError(Problem(str(path), None, "has no 'variants' list",
                                fix="write variants: [{variant, headword, reason}, ...]"))
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("variant"), str)
                and isinstance(entry.get("headword"), str) and entry.get("reason")):
            raise DataError(Problem(str(path), None, f"entry {entry!r} needs variant, "
                                    "headword and reason", fix="complete the entry"))
        links[headword_key(entry["variant"])] = headword_key(entry["headword"])
    return links


def canonical(key: str, links: Mapping[str, str]) -> str:
    """The key a curated link points a key to (itself when none does)."""
    return links.get(key, key)
