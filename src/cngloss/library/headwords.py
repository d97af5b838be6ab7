"""When two headwords are the same term: the merge rule of the library's glossaries
(docs/library.md, "Glossaries in the library").

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

from ..text.folding import to_simplified

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


def headword_key(text: str, simplify: Callable[[str], str] = to_simplified) -> str:
    """The key two headwords share when they are the same term (module docstring)."""
    return simplify(plain_key(text))


def definition_text(text: str) -> str:
    """A definition's text without punctuation, quotes and spaces (NFKC): what a headword is
    looked for in (``related``)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text)
                   if not ch.isspace() and unicodedata.category(ch)[0] != "P")


# What a note may open its definition with to say "refers to", "that is", "is": 指, 即, 是 and
# their compounds (是指, 即指, 指的是, 即是, 就是), one or several (即是指, a doubled 指指).
# A 是 before 否 is 是否 ("whether"), the start of a wording, not a copula.
_COPULA = re.compile("^(?:(?:是指|即指|指的是|即是|就是|指|即|是)(?!否))+")


def definition_key(text: str) -> str:
    """What two definitions are compared on, to be one wording: their text without
    punctuation, quotes and spaces, and without a leading copula (指, 即, 是, 是指…), so
    ``“六稳”指稳就业、稳金融`` equals ``六稳指稳就业，稳金融``, and ``指建好、管好农村公路。``
    equals ``即建好、管好农村公路`` and ``“建好、管好”农村公路``. A definition that is a
    copula alone keeps it."""
    plain = definition_text(text)
    return _COPULA.sub("", plain, count=1) or plain


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
