"""Lists in running text (text/lists.py): where they split, the joining word, enumerations,
quotation marks around an item. Inputs and splits written by hand."""

from __future__ import annotations

import pytest

from cngloss.text.lists import (common_prefix, common_suffix, conj_split, enumeration, regions,
                                split_top, unquote)


@pytest.mark.parametrize("text, separators, pieces", [
    ("甲、乙，丙；丁", "；;", ["甲、乙，丙", "丁"]),
    ("甲、乙，丙；丁", "；;，,", ["甲、乙", "丙", "丁"]),
    ("甲、乙，丙；丁", "；;，,、", ["甲", "乙", "丙", "丁"]),
    # nothing inside brackets, titles or quotations is cut
    ("甲（子、丑）、《乙、丙》、“丁，戊”", "、，", ["甲（子、丑）", "《乙、丙》", "“丁，戊”"]),
    # titles and quotations one after the other are two items at 、, one otherwise
    ("《甲》《乙》", "、", ["《甲》", "《乙》"]),
    ("“甲”“乙”", "、", ["“甲”", "“乙”"]),
    ("《甲》《乙》", "，", ["《甲》《乙》"]),
])
def test_split_at_separators_outside_brackets_and_quotes(text, separators, pieces):
    assert split_top(text, separators) == pieces


@pytest.mark.parametrize("piece, halves", [
    ("甲和乙", ["甲", "乙"]),
    ("甲以及乙", ["甲", "乙"]),
    ("甲及乙和丙", ["甲及乙", "丙"]),  # the last joining word
    ("和谐甲", None),  # in a word
    ("及时甲", None),
    ("参与甲", None),
    ("甲、乙和丙", None),  # a piece with a separator of its own
    ("“甲和乙”", None),  # inside quotation marks
])
def test_the_joining_word_before_the_last_item(piece, halves):
    assert conj_split(piece) == halves


def test_an_enumeration_has_exactly_the_count_in_order():
    text = "一是甲；二是乙；三是丙。其后另说。"
    assert enumeration(text, 3) == ["甲", "乙", "丙"]
    assert enumeration(text, 4) is None
    assert enumeration("一要甲；二要乙。", 2) == ["甲", "乙"]
    assert enumeration("（1）甲。（2）乙。", 2) == ["甲", "乙"]
    assert enumeration("二是乙；一是甲。", 2) is None  # out of order


def test_regions_are_sentences_then_what_follows_an_introduction_then_clauses():
    found = regions("某某，即甲、乙。丙，丁。")
    assert found[:3] == ["某某，即甲、乙", "甲、乙", "某某"]
    assert "丙，丁" in found and "丁" in found


@pytest.mark.parametrize("item, bare", [
    ("“甲乙”", "甲乙"),
    ("“甲”乙", "“甲”乙"),  # the quotation closes before the end
    ("“甲”和“乙”", "“甲”和“乙”"),
    ("甲“乙”", "甲“乙”"),
    ("““甲””", "甲"),
])
def test_quotation_marks_around_the_whole_item_only(item, bare):
    assert unquote(item) == bare


def test_common_prefix_and_suffix():
    assert common_prefix(["甲乙丙", "甲乙丁", "甲戊"]) == "甲"
    assert common_suffix(["子工程", "丑工程"]) == "工程"
    assert common_prefix(["甲", "乙"]) == ""
