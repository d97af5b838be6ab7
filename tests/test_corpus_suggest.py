"""What `cngloss import` suggests: the quoted form before a note marker, English renderings
kept from an existing glossary. Offsets are counted by hand in each test."""

from __future__ import annotations

import pytest

from cngloss.corpus.suggest import (
    _chunks,
    _quoted_before,
    english_by_headword,
    make_id,
    suggest_parts,
    suggest_variants,
)
from cngloss.lookup.passages import PassageFinder
from cngloss.model import Note, Rendering, Term
from cngloss.sources.report import parse_report


def marker_at(text: str) -> tuple[str, int]:
    """The text without its 〔1〕 marker, and the marker's offset."""
    return text.replace("〔1〕", ""), text.index("〔1〕")


@pytest.mark.parametrize("text, form", [
    ("甲“两违”〔1〕乙", "两违"),  # quoted just before the marker
    ("甲“两违〔1〕”乙", "两违"),  # the marker inside the quotes
    ("“甲乙”说“两违〔1〕”乙", "两违"),  # an earlier closed quotation does not count
    ("“甲乙”说“两违”〔1〕乙", "两违"),
    ("“六稳”“六保”〔1〕", "六保"),  # the last quotation before the marker
])
def test_the_quoted_text_before_a_marker_is_the_form_used(text, form):
    assert _quoted_before(*marker_at(text)) == form


@pytest.mark.parametrize("text", [
    "“甲乙”说两违〔1〕乙",  # the quotation closed before the marker: no quoted form
    "两违〔1〕乙",  # no quotation at all
    "甲“违”〔1〕",  # one character is too short to be a term
    "“" + "字" * 31 + "〔1〕”",  # longer than 30 characters
])
def test_no_form_where_the_marker_is_not_quoted(text):
    assert _quoted_before(*marker_at(text)) is None


def test_thirty_characters_is_still_a_form():
    assert _quoted_before(*marker_at("“" + "字" * 30 + "〔1〕”")) == "字" * 30


def test_english_renderings_keep_their_source_and_url_and_drop_what_is_missing():
    terms = [
        Term("a", "两违", "", "d", english=(
            Rendering("illegal land use", "Xinhua", "https://example.org/x"),
            Rendering("two violations"))),
        Term("b", "四好", "", "d"),
    ]
    assert english_by_headword(terms) == {"两违": [
        {"text": "illegal land use", "source": "Xinhua", "url": "https://example.org/x"},
        {"text": "two violations"},
    ]}


def test_the_first_term_with_a_headword_gives_its_english():
    terms = [Term("a", "两违", "", "d", english=(Rendering("first"),)),
             Term("b", "两违", "", "d", english=(Rendering("second"),))]
    assert english_by_headword(terms) == {"两违": [{"text": "first"}]}


# ------------------------------------------------------------------ ids


def test_a_long_hanzi_run_is_cut_into_pairs_an_odd_last_character_joining_the_last_pair():
    assert _chunks("新时代枫桥经验") == ["新时", "代枫", "桥经验"]
    assert _chunks("新时代枫桥经验新时") == ["新时", "代枫", "桥经", "验新时"]
    assert _chunks("新时代枫") == ["新时", "代枫"]


def test_a_long_id_loses_whole_words_from_the_end():
    # pairs: xinshi daifeng qiaojing yanxin shidai fengqiao jingyan: 54 characters with the
    # hyphens, over the 48 allowed, so the last word goes
    assert make_id("新时代枫桥经验新时代枫桥经验", set()) == \
        "xinshi-daifeng-qiaojing-yanxin-shidai-fengqiao"


# ------------------------------------------------------------------ parts
# (how items are found and cleaned: tests/test_corpus_parts.py)


def test_a_one_character_key_names_the_slogan_even_with_another_list_of_that_size():
    parts, flags = suggest_parts("四好农村公路", "建好、管好、护好、运营好；甲、乙、丙、丁")
    assert parts == [{"name": "四好", "items": ["建好", "管好", "护好", "运营好"]}]
    assert flags == []


def test_a_group_of_one_is_a_part_beside_the_others():
    parts, _ = suggest_parts("一园五区", "工业园；甲区、乙区、丙区、丁区、戊区")
    assert parts == [{"name": "一园", "items": ["工业园"]},
                     {"name": "五区", "items": ["甲区", "乙区", "丙区", "丁区", "戊区"]}]


def test_groups_that_share_a_key_keep_their_own_names():
    parts, _ = suggest_parts("六好甲户、六好乙村",
                             "“六好甲户”指甲好、乙好、丙好、丁好、戊好、己好；"
                             "“六好乙村”指子好、丑好、寅好、卯好、辰好、巳好。")
    assert [p["name"] for p in parts] == ["六好甲户", "六好乙村"]
    assert parts[1]["items"][0] == "子好"


# ------------------------------------------------------------------ variants


def test_the_printed_headword_is_a_variant_when_only_it_occurs_in_the_body():
    report = parse_report("推进两违整治。\n")
    note = Note(1, "“两违”整治", "违法用地和违法建设的整治。", 1, "两违整治工作")
    assert suggest_variants("两违整治工作", "“两违”整治", note, report,
                            PassageFinder(report)) == ["两违整治"]


def test_the_printed_headword_is_no_variant_when_the_body_does_not_write_it():
    report = parse_report("推进违建拆除。\n")
    note = Note(1, "“两违”整治", "违法用地和违法建设的整治。", 1, "两违整治工作")
    assert suggest_variants("两违整治工作", "“两违”整治", note, report,
                            PassageFinder(report)) == []
