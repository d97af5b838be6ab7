"""Display width, padding, wrapping and escaping of terminal text."""

from __future__ import annotations

import pytest

from cngloss.text.escape import safe
from cngloss.text.width import pad, width, wrap, wrap_spans


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


# wrap: each rule of the docstring, with the smallest text that shows it.

def test_wrap_starts_a_new_line_at_each_newline():
    assert wrap("甲\n乙", 10) == ["甲", "乙"]


def test_wrap_leaves_at_least_four_columns_after_either_indent():
    # columns 2 is too narrow for the 4-column indent: the line gets 4 columns after it
    assert wrap("甲乙丙丁", 2, indent="    ", subsequent="") == ["    甲乙", "丙丁"]
    # and after the 4-column hang: 8 columns, room for the whole text on the first line
    assert wrap("甲乙丙丁", 2, indent="", subsequent="    ") == ["甲乙丙丁"]


def test_wrap_cut_word_fills_the_rest_of_a_line_of_spaces():
    # 3 spaces leave one column: one letter, then four a line; no line wider than 4
    assert wrap("   abcdef", 4) == ["   a", "bcde", "f"]


def test_wrap_takes_the_one_character_before_closing_punctuation_along():
    assert wrap("一二，", 4) == ["一", "二，"]
    # a word starting with "." is closing punctuation too (no lone ".x" at a line start)
    assert wrap("一二三.x", 6) == ["一二", "三.x"]
    # other letters break normally
    assert wrap("一二三Xa", 6) == ["一二三", "Xa"]


def test_wrap_never_leaves_an_empty_line_to_keep_punctuation_company():
    # the only thing on the line stays there, alone, rather than leave an empty line behind
    assert wrap("abc，", 4) == ["abc", "，"]
    assert wrap("《abcd", 4) == ["《", "abcd"]


def test_wrap_drops_the_space_before_punctuation_at_a_break():
    assert wrap("一二 ，", 5) == ["一二", "，"]


# wrap_spans: a line is its indent (an unstyled piece, when there is one), then one piece per
# run of characters of the same style.

def test_wrap_spans_without_indent_has_no_indent_piece():
    assert wrap_spans([("甲乙", None)], 10) == [[("甲乙", None)]]
    assert wrap_spans([("甲乙", "b")], 10) == [[("甲乙", "b")]]


def test_wrap_spans_keeps_the_indent_a_piece_of_its_own():
    assert wrap_spans([("甲乙", None)], 10, indent=2) == [[("  ", None), ("甲乙", None)]]
    assert wrap_spans([("甲", None), ("乙", "b"), ("丙", None)], 10, indent=1) == [
        [(" ", None), ("甲", None), ("乙", "b"), ("丙", None)]]


def test_wrap_spans_of_nothing_is_one_empty_line():
    assert wrap_spans([], 10) == [[]]
    assert wrap_spans([("", "b")], 10) == [[]]


def test_wrap_spans_finds_a_repeated_line_after_the_space_the_break_took():
    # the second line reads like the start of the text: it is still the text after the space
    assert wrap_spans([("一二 一二", "b")], 4) == [[("一二", "b")], [("一二", "b")]]


def test_wrap_spans_keeps_text_it_cannot_align_whole_and_indented():
    # a newline starts a line wrap() does not mark as a break: nothing is lost
    assert wrap_spans([("甲\n乙", "b")], 10, indent=2) == [[("  ", None), ("甲\n乙", "b")]]


def test_a_first_line_indent_wider_than_the_columns_still_leaves_four_columns():
    assert wrap("甲乙丙丁戊己", 2, indent=" " * 6, subsequent="") == ["      甲乙", "丙丁戊己"]


def test_a_hanging_indent_wider_than_the_columns_still_leaves_four_columns():
    assert wrap("甲乙丙丁戊己", 2, indent="", subsequent=" " * 6) == ["甲乙丙丁戊", "      己"]


def test_each_source_line_is_wrapped_on_its_own():
    assert wrap("甲\n乙", 10) == ["甲", "乙"]


def test_a_wide_character_that_does_not_fit_still_takes_one_character():
    from cngloss.text.width import _fit

    assert _fit("甲乙", 1) == 1


def test_styled_spans_are_not_indented_by_default():
    assert wrap_spans([("甲乙", None)], 10) == [[("甲乙", None)]]
