"""Pinyin as people write and type it: syllables, tones, ü, and the readings of 一 and 不."""

from __future__ import annotations

import pytest

from cngloss.text.pinyin import (
    decompose, has_tone_marks, same_reading, split_tone, syllables, toneless,
)


def test_syllables_are_the_letter_runs_of_curated_pinyin():
    assert syllables("liù wěn liù bǎo") == ["liù", "wěn", "liù", "bǎo"]
    assert syllables("jiǎn-zhèng, fàng·quán") == ["jiǎn", "zhèng", "fàng", "quán"]
    assert syllables("Lǚ YÓU") == ["Lǚ", "YÓU"]


def test_syllables_read_decomposed_marks_as_one_letter():
    # u + combining diaeresis, e + combining caron: as typed on some keyboards
    assert syllables("lu\u0308 we\u030cn") == ["lü", "wěn"]


@pytest.mark.parametrize("syllable,split", [
    ("wěn", ("wen", 3)), ("liù", ("liu", 4)), ("bā", ("ba", 1)), ("quán", ("quan", 2)),
    ("de", ("de", 5)), ("lǜ", ("lü", 4)), ("ḿ", ("m", 2)), ("ň", ("n", 3)),
    ("WĚN", ("wen", 3)), ("we\u030cn", ("wen", 3)),
])
def test_split_tone_gives_the_plain_lowercase_letters_and_the_tone(syllable, split):
    assert split_tone(syllable) == split


def test_toneless_writes_u_umlaut_as_v():
    assert toneless("lǜ sè") == [("lv", 4), ("se", 4)]
    assert toneless("Nǚ  ér") == [("nv", 3), ("er", 2)]


def test_same_reading_is_the_same_syllable_whatever_its_case():
    assert same_reading("六", "liù", "Liù")
    assert not same_reading("六", "liù", "liú")


def test_same_reading_accepts_the_sandhi_tones_of_yi_and_bu_only():
    assert same_reading("一", "yí", "yī") and same_reading("一", "Yì", "yí")
    assert same_reading("不", "bú", "bù")
    assert not same_reading("不", "bū", "bù")  # not a tone 不 takes
    assert not same_reading("一", "yí", "bù")  # a reading of another character
    assert not same_reading("衣", "yí", "yī")  # sandhi is for 一 and 不 only


@pytest.mark.parametrize("text,plain,tones", [
    ("liu4wen3", "liu wen ", [4, 3]),
    ("LIU4", "liu ", [4]),
    ("lǜsè", "lvse", [4, 4]),
    ("Lǚ", "lv", [3]),
    ("nu:3", "nv ", [3]),
    ("NU:", "nv", []),
    ("nü", "nv", []),
    ("NÜ", "nv", []),
    ("lu\u0308se\u0300", "lvse", [4]),
    ("6wen6bao", "6wen6bao", []),  # 6 is no tone, nor a digit with no letter before it
    ("3wen", "3wen", []),
    ("a 3", "a 3", []),
    ("liu0", "liu0", []),
])
def test_decompose_gives_plain_letters_and_the_tones_named(text, plain, tones):
    assert decompose(text) == (plain, tones)


def test_has_tone_marks():
    assert has_tone_marks("liù") and has_tone_marks("LIÙ") and has_tone_marks("liu\u0300")
    assert not has_tone_marks("liu4") and not has_tone_marks("lü")
