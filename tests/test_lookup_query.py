"""The search query: normalisation, what it contains, and the readings of its digits.

Expectations are worked out by hand from the docstrings (tone numbers after a letter,
numerals when the query opens with a digit) and DIGIT_NUMERALS (2 reads 两 or 二)."""

from __future__ import annotations

import pytest

from cngloss import UsageError
from cngloss.lookup.query import Query, digit_variants


def test_full_width_letters_are_read_as_ascii():
    q = Query.parse("ｌｉｕ　ｗｅｎ")  # full-width letters and an ideographic space
    assert q == Query("liu wen", False, True)


@pytest.mark.parametrize("raw, has_hanzi, has_latin", [
    ("六稳六保", True, False),
    ("liuwen", False, True),
    ("六wen", True, True),
    ("lǜ", False, True),
    ("ǖ", False, True),  # a tone-marked vowel alone is pinyin
    ("2021", False, False),
])
def test_a_query_says_whether_it_has_hanzi_and_latin_letters(raw, has_hanzi, has_latin):
    q = Query.parse(raw)
    assert q.text == raw
    assert q.has_hanzi is has_hanzi
    assert q.has_latin is has_latin


def test_an_empty_query_is_refused():
    with pytest.raises(UsageError):
        Query.parse(" \t ")


def test_tone_numbers_after_letters_are_read_as_tones_first():
    assert digit_variants("liu4wen3") == [
        ("liu4wen3", False), ("liu4wen三", True), ("liu四wen3", True), ("liu四wen三", True)]


def test_a_query_opening_with_a_digit_writes_numerals_first():
    assert digit_variants("6wen6bao") == [("六wen六bao", True)]
    assert digit_variants("2buchou3baozhang") == [
        ("两buchou三baozhang", True), ("两buchou3baozhang", True),
        ("二buchou三baozhang", True), ("二buchou3baozhang", True)]


def test_a_digit_after_a_space_or_a_hanzi_is_a_numeral_not_a_tone():
    assert digit_variants("wen 3") == [("wen 三", True)]
    assert digit_variants("六3a") == [("六三a", True)]
    assert digit_variants("3a") == [("三a", True)]


def test_a_number_without_a_numeral_reading_stays_as_typed():
    assert digit_variants("a11") == [("a11", False)]
    assert digit_variants("liuwen") == [("liuwen", False)]


def test_at_most_eight_readings_the_first_digit_varying_slowest():
    out = digit_variants("a1a1a1a1")  # four tones: 16 readings, 8 kept
    assert len(out) == 8
    assert out[0] == ("a1a1a1a1", False)
    assert out[7] == ("a1a一a一a一", True)
    assert all(text.startswith("a1a") for text, _ in out)
