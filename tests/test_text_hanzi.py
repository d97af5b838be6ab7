"""Hanzi and quotation marks: which characters are ideographs (Unicode block bounds) and
which marks are quotes, checked one character at a time."""

from __future__ import annotations

import pytest

from cngloss.text.hanzi import hanzi_key, hanzi_of, is_hanzi, strip_quotes


@pytest.mark.parametrize("mark", list("“”‘’\"'「」『』"))
def test_every_quotation_mark_is_stripped(mark):
    assert strip_quotes(f"{mark}六稳{mark}") == "六稳"


def test_strip_quotes_keeps_everything_else():
    assert strip_quotes("“六稳”、“六保”。") == "六稳、六保。"


@pytest.mark.parametrize("text, key", [
    ("《两违》", "两违"), ("两违。", "两违"), ("两 违", "两违"), ("两\u3000违", "两违"),
    ("一般债、专项债及特别国债", "一般债专项债及特别国债"),
    ("“六稳”“六保”", "六稳六保"),
    ("(a-b)!", "ab"),          # ASCII punctuation (Ps, Pd, Pe, Po) goes
    ("1+1", "1+1"),            # a maths symbol (Sm) is not punctuation: it stays
    ("Top 10", "Top10"),
])
def test_hanzi_key_drops_punctuation_and_spaces(text, key):
    assert hanzi_key(text) == key


@pytest.mark.parametrize("ch", ["\u4e00", "\u9fff", "\u3400", "\u4dbf", "\uf900", "\ufaff",
                                "稳", "兩"])
def test_ideographs_of_each_block_up_to_its_bounds(ch):
    assert is_hanzi(ch)


@pytest.mark.parametrize("ch", ["\u4dff", "\ua000", "\u33ff", "\u4dc0", "\uf8ff", "\ufb00",
                                "a", "。", "“", "\u3000"])
def test_characters_just_outside_the_blocks_are_not_ideographs(ch):
    assert not is_hanzi(ch)


def test_hanzi_of_keeps_only_ideographs():
    assert hanzi_of("“两水”改造 2021 abc") == "两水改造"
    assert hanzi_of("abc") == ""
