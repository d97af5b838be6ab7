"""pleco: the appendix as a Pleco user dictionary (docs/formats.md, "Termbases"), the text
Pleco imports into a user dictionary: one entry a line, ``简体[繁體]<TAB>pinyin<TAB>
definition``, the traditional form after the simplified in brackets when it differs (OpenCC's
tables, zhconv-rs, the converter search already uses), pinyin with tone numbers
(``liu4 wen3``, ``ü`` as ``u:``, as CC-CEDICT, which Pleco reads, writes it).

The definition is the English renderings, then the Chinese definition, on one line (a tab
or a line break inside a field would end it).
"""

from __future__ import annotations

from .appendix import Appendix
from .english import renderings
from ..text.escape import safe
from ..text.pinyin import SYLLABLE, split_tone


def numbered(pinyin: str) -> str:
    """``liù wěn lǜ`` -> ``liu4 wen3 lu:4``; a syllable without a mark gets 5 (neutral)."""
    def one(match) -> str:
        plain, tone = split_tone(match.group())
        return plain.replace("ü", "u:") + str(tone)

    return SYLLABLE.sub(one, pinyin)


def traditional(text: str) -> str:
    from zhconv_rs_opencc import zhconv  # lazy: for this format only

    return zhconv(text, "zh-Hant")


def headword(text: str) -> str:
    """``两会[兩會]``, or the headword alone when its traditional form is the same."""
    other = traditional(text)
    return text if other == text else f"{text}[{other}]"


def _field(text: str) -> str:
    """One field on one line: tabs and line breaks as spaces, control characters visible."""
    return " ".join(safe(text).split())


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    lines = []
    for entry in appendix.entries:
        term = entry.term
        english = "; ".join(e.text for e in renderings(term))
        definition = " — ".join(part for part in (english, term.definition) if part)
        lines.append("\t".join([_field(headword(term.term)), _field(numbered(term.pinyin)),
                                _field(definition)]) + "\n")
    return "".join(lines)
