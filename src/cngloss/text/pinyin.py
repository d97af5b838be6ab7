"""Pinyin as people write and type it: tone marks, tone numbers, ü/v/u:, syllables.

Pure string work, no pypinyin: the curated pinyin in the glossary is the source of truth,
and everything search needs (toneless keys, initials, syllable splitting) derives from it.
"""

from __future__ import annotations

import re
import unicodedata

_MARKED = {
    "ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
    "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
    "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
    "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
    "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
    "ǖ": ("ü", 1), "ǘ": ("ü", 2), "ǚ": ("ü", 3), "ǜ": ("ü", 4),
    "ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2),
}
SYLLABLE_CHARS = "a-zA-Zü" + "".join(_MARKED) + "".join(k.upper() for k in _MARKED)
SYLLABLE = re.compile(f"[{SYLLABLE_CHARS}]+")
# 一 and 不 change tone before other syllables; the citation tone and the sandhi tones
# are all correct ways to write them.
SANDHI = {"一": {"yī", "yí", "yì"}, "不": {"bù", "bú"}}


def syllables(pinyin: str) -> list[str]:
    """The syllables of curated, space-separated pinyin: ``liù wěn liù bǎo`` -> 4 syllables."""
    return SYLLABLE.findall(unicodedata.normalize("NFC", pinyin))


def split_tone(syllable: str) -> tuple[str, int]:
    """``wěn`` -> (``wen``, 3); a syllable without a mark has the neutral tone 5."""
    tone = 5
    plain = []
    for ch in unicodedata.normalize("NFC", syllable.lower()):
        if ch in _MARKED:
            base, tone = _MARKED[ch]
            plain.append(base)
        else:
            plain.append(ch)
    return "".join(plain), tone


def toneless(pinyin: str) -> list[tuple[str, int]]:
    """Each syllable of curated pinyin as (letters without tone marks, ``v`` for ü; tone):
    ``lǜ sè`` -> [("lv", 4), ("se", 4)]. The one form search keys and pinyin sorting use."""
    out = []
    for syllable in syllables(pinyin):
        plain, tone = split_tone(syllable)
        out.append((plain.replace("ü", "v"), tone))
    return out


def same_reading(hanzi: str, curated: str, reference: str) -> bool:
    """Whether two tone-marked syllables are the same reading of ``hanzi``."""
    a, b = curated.lower(), reference.lower()
    return a == b or (hanzi in SANDHI and a in SANDHI[hanzi] and b in SANDHI[hanzi])


# Arabic digits typed for the numerals of a slogan (6wen6bao, 2buchou3baozhang).
DIGIT_NUMERALS = {
    "0": ("零",), "1": ("一",), "2": ("两", "二"), "3": ("三",), "4": ("四",), "5": ("五",),
    "6": ("六",), "7": ("七",), "8": ("八",), "9": ("九",), "10": ("十",),
}


def decompose(text: str) -> tuple[str, list[int]]:
    """Query pinyin to plain letters and the tones it names.

    Tone marks become their base letter; ``ü``, ``u:`` and ``v`` become ``v``; tone numbers
    (a digit 1-5 right after a letter) become a syllable boundary (a space). Returns the
    plain text and the tones in the order they were written.
    """
    tones: list[int] = []
    out: list[str] = []
    text = unicodedata.normalize("NFC", text).replace("u:", "v").replace("U:", "v")
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in _MARKED:
            base, tone = _MARKED[low]
            out.append("v" if base == "ü" else base)
            tones.append(tone)
        elif low == "ü":
            out.append("v")
        elif ch in "12345" and i > 0 and text[i - 1].isascii() and text[i - 1].isalpha():
            tones.append(int(ch))
            out.append(" ")
        else:
            out.append(low)
    return "".join(out), tones


def has_tone_marks(text: str) -> bool:
    return any(ch.lower() in _MARKED for ch in unicodedata.normalize("NFC", text))


_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def numbered_to_marks(syllable: str) -> str:
    """A syllable with a tone number (CC-CEDICT's ``lu:4``, ``xian4``) in tone marks
    (``lǜ``, ``xiàn``); the mark on a or e, else on the o of ou, else on the last vowel; tone
    5 (neutral) and a syllable without a number lose only the number."""
    syllable = syllable.replace("u:", "ü").replace("U:", "Ü")
    if not syllable or not syllable[-1].isdigit():
        return syllable
    tone, base = int(syllable[-1]), syllable[:-1]
    if tone not in (1, 2, 3, 4):
        return base
    low = base.lower()
    if "a" in low or "e" in low:
        at = low.index("a") if "a" in low else low.index("e")
    elif "ou" in low:
        at = low.index("o")
    else:
        vowels = [k for k, ch in enumerate(low) if ch in _MARKS]
        if not vowels:
            return base
        at = vowels[-1]
    mark = _MARKS[low[at]][tone - 1]
    return base[:at] + (mark.upper() if base[at].isupper() else mark) + base[at + 1:]
