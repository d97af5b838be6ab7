"""Display width, padding, wrapping and escaping of terminal text."""

from __future__ import annotations

import pytest

from cngloss.text.escape import safe
from cngloss.text.width import pad, width, wrap


# Quotation marks “” are East Asian "ambiguous" width: one column, as rich counts them.
@pytest.mark.parametrize("text,columns", [
    ("", 0), ("abc", 3), ("六稳", 4), ("六稳 liu", 8), ("“六稳”", 6), ("e\u0301", 1),
    ("ｌｉｕ", 6), ("\u200b", 0),
])
def test_width_counts_cjk_as_two_columns(text, columns):
    assert width(text) == columns


def test_pad_fills_to_display_width():
    assert pad("六稳", 6) == "六稳  "
    assert pad("abc", 2) == "abc"


def test_safe_makes_controls_and_bidi_overrides_visible():
    assert safe("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"
    assert safe("甲\u202e乙") == "甲\\u202e乙"
    assert safe("a\ud800b") == "a\\ud800b"
    assert safe("line\nnext\ttab") == "line\nnext\ttab"


def test_wrap_breaks_between_hanzi_and_at_spaces():
    assert wrap("一二三四五六", 6) == ["一二三", "四五六"]
    assert wrap("one two three", 8) == ["one two", "three"]


def test_wrap_keeps_closing_punctuation_off_the_line_start():
    lines = wrap("一二三，四五", 6)
    assert lines == ["一二", "三，四", "五"]


def test_wrap_keeps_opening_quotes_off_the_line_end():
    lines = wrap("一二“三四”", 6)
    assert all(not line.endswith("“") for line in lines)
    assert "".join(lines) == "一二“三四”"


def test_wrap_indents_and_cuts_overlong_words():
    assert wrap("甲乙丙丁", 8, indent="  ", subsequent="    ") == ["  甲乙丙", "    丁"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
