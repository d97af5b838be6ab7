"""Extraction spaces taken out of Chinese text, Latin word spaces kept, offsets mapped."""

from __future__ import annotations

import pytest

from cngloss.text.spacing import drop_spaces, normalize_spaces


@pytest.mark.parametrize("text,expected", [
    ("12.3 万吨", "12.3万吨"),
    ("233 0 吨", "2330吨"),        # inside a number
    ("3 000 亩", "3000亩"),
    ("新 时 代", "新时代"),          # between CJK characters
    ("Top 10 名", "Top 10名"),      # a word and a number are two Latin words
    ("COVID  19", "COVID 19"),      # a run of spaces is one space
    ("5G 网络", "5G网络"),
    ("a\tb", "a b"),
    ("甲\u3000乙\u00a0丙", "甲乙丙"),
    (" abc ", "abc"),
    ("“ A ”", "“A”"),               # next to punctuation
    ("é x", "éx"),                  # Latin words are ASCII
    ("", ""),
])
def test_normalize_spaces_keeps_only_spaces_between_latin_words(text, expected):
    assert normalize_spaces(text) == expected


def test_drop_spaces_maps_old_offsets_to_new():
    new, shift, kept = drop_spaces("a  b 甲")
    assert new == "a b甲"
    assert kept == [0, 1, 3, 5]  # a, the space kept of the first run, b, 甲
    assert [shift(i) for i in range(7)] == [0, 1, 1, 2, 3, 3, 4]
    assert all(new[shift(i)] == "a  b 甲"[i] for i in kept)


def test_drop_spaces_without_spaces_changes_nothing():
    new, shift, kept = drop_spaces("六稳")
    assert (new, kept, shift(0), shift(2)) == ("六稳", [0, 1], 0, 2)
