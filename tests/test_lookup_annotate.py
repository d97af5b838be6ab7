"""The matcher behind `cngloss annotate`: search text, folding, leftmost-longest matching.

Expectations are written from reading the strings in each test (offsets counted by hand)."""

from __future__ import annotations

import pytest

from cngloss.lookup.annotate import LineTable, TermMatcher
from cngloss.lookup.search_text import (
    SearchText,
    fold_text,
    traditional_folding,
    value_at_each_offset,
)
from cngloss.model import Part, Term


def term(id_: str, headword: str, variants=(), parts=()) -> Term:
    return Term(id_, headword, "", "definition of " + headword, variants=tuple(variants),
                parts=tuple(parts))


LIUWEN = term("liuwen", "六稳六保", parts=[Part("六稳", ("稳就业", "稳金融")),
                                          Part("六保", ("保居民就业",))])
FENGQIAO = term("xinshidai", "新时代枫桥经验")
FENGQIAO_SHORT = term("fengqiao", "枫桥经验")
LIANGSHUI = term("liangshui", "两水改造")
SIHAO = term("sihao", "四好农村公路", variants=["四好农村路"])
FANG = term("fangguanfu", "放管服改革")
LIANGBU = term("liangbu", "两不愁三保障")


def found(terms, text, parts=False):
    return [(o.start, o.end, o.term.id, o.text, o.part)
            for o in TermMatcher(terms, parts).find(text)]


# ------------------------------------------------------------------ search text


def test_search_text_removes_quotes_and_markers_and_maps_back():
    original = "甲“六稳”“六保”[1]乙"
    search = SearchText(original)
    assert search.text == "甲六稳六保乙"
    # 六 is at 2 in the original (after 甲 and “), 保 ends at 8 (before ”)
    assert search.offset(1) == 2
    assert search.offset(5, end=True) == 8
    # widened to the quotes around the whole: “六稳”“六保” is original[1:9]
    assert search.span(1, 5) == (1, 9)
    assert search.offset(0) == 0


def test_search_text_end_before_a_removed_run_stays_outside():
    search = SearchText("两违[3]后")
    assert search.text == "两违后"
    assert search.offset(2, end=True) == 2  # the end of 两违, not after [3]
    assert search.offset(2) == 5  # 后 itself is after the marker


@pytest.mark.parametrize("marker", ["^{〔16〕}", "^{[16]}", "^[16]", "〔16〕", "[^16]", "[16]",
                                    "[ 16 ]", "［16］", "[^ 16 ]"])
def test_every_unambiguous_marker_style_is_skipped_inside_a_term(marker):
    text = f"推进两水{marker}改造工作"
    assert found([LIANGSHUI], text) == [(2, 6 + len(marker), "liangshui",
                                         f"两水{marker}改造", None)]


def test_parenthesised_number_is_skipped_only_after_a_closing_quote():
    assert found([FANG], "深化“放管服”（22）改革") == [(2, 13, "fangguanfu", "“放管服”（22）改革", None)]
    assert found([FANG], "深化“放管服”(22)改革")[0][1] == 13
    assert found([FANG], "深化放管服（22）改革") == []  # no quote: an enumeration, not a marker
    assert found([FANG], "深化“放管服”（2222）改革") == []  # four digits: not a note number


def test_a_text_without_removable_runs_is_its_own_search_text():
    search = SearchText("六稳六保")
    assert search.text == "六稳六保"
    assert search.span(0, 4) == (0, 4)


# ------------------------------------------------------------------ folding


def test_traditional_characters_are_folded_one_for_one():
    table = traditional_folding("兩不愁三保障與六穩")
    assert "兩不愁三保障與六穩".translate(table) == "两不愁三保障与六稳"


def test_folding_leaves_simplified_text_alone():
    assert traditional_folding("两不愁三保障") == {}
    assert traditional_folding("") == {}
    assert fold_text("两不愁", {}) == "两不愁"


def test_a_hanzi_outside_gb2312_that_is_already_simplified_is_not_in_the_table():
    # 堃 and 喆 are not GB2312 characters, and OpenCC converts each to itself
    assert traditional_folding("堃喆") == {}


def test_search_text_shifts_count_the_characters_removed_before_each_run():
    # “ at 0 (1 removed), ” and “ at 3-4 (2 more), ” at 7 (1 more)
    assert SearchText("“六稳”“六保”").shifts == [0, 1, 3, 4]
    assert SearchText("六稳").shifts == [0]


def test_a_traditional_variant_and_its_headword_are_one_needle():
    both = term("both", "两不愁", variants=["兩不愁"])
    matcher = TermMatcher([both])
    assert matcher.needles == ["两不愁"]
    assert [o.text for o in matcher.find("兩不愁，两不愁")] == ["兩不愁", "两不愁"]


def test_traditional_document_finds_simplified_terms_with_original_offsets():
    assert found([LIANGBU, LIUWEN], "實現兩不愁三保障，“六穩”“六保”") == [
        (2, 8, "liangbu", "兩不愁三保障", None), (9, 17, "liuwen", "“六穩”“六保”", None)]


# ------------------------------------------------------------------ matching


def test_quotes_between_parts_are_one_use_with_its_quotes():
    assert found([LIUWEN], "围绕“六稳”“六保”任务") == [(2, 10, "liuwen", "“六稳”“六保”", None)]


def test_longest_term_wins_and_the_shorter_is_not_reported_inside_it():
    text = "坚持新时代枫桥经验，推广枫桥经验"
    assert found([FENGQIAO_SHORT, FENGQIAO], text) == [
        (2, 9, "xinshidai", "新时代枫桥经验", None), (12, 16, "fengqiao", "枫桥经验", None)]


def test_variants_are_uses_of_their_term():
    assert found([SIHAO], "建设四好农村路和四好农村公路") == [
        (2, 7, "sihao", "四好农村路", None), (8, 14, "sihao", "四好农村公路", None)]


def test_parts_only_when_asked_and_never_inside_the_term():
    text = "“六稳”“六保”，稳就业，六稳"
    assert found([LIUWEN], text) == [(0, 8, "liuwen", "“六稳”“六保”", None)]
    assert found([LIUWEN], text, parts=True) == [
        (0, 8, "liuwen", "“六稳”“六保”", None), (9, 12, "liuwen", "稳就业", "稳就业"),
        (13, 15, "liuwen", "六稳", "六稳")]


def test_a_terms_own_form_wins_over_another_terms_part():
    owner = term("owner", "稳就业")
    assert found([LIUWEN, owner], "稳就业", parts=True) == [(0, 3, "owner", "稳就业", None)]


def test_lines_and_columns_count_from_one():
    occurrences = TermMatcher([LIUWEN]).find("第一行\n第二行六稳六保")
    assert [(o.line, o.column) for o in occurrences] == [(2, 4)]


def test_no_terms_or_no_text_finds_nothing():
    assert list(TermMatcher([]).find("六稳六保")) == []
    assert list(TermMatcher([LIUWEN]).find("")) == []
    assert len(TermMatcher([]).find("六稳六保")) == 0
    assert len(TermMatcher([LIUWEN]).find("")) == 0
    assert TermMatcher([term("blank", "“”")]).needles == []


def test_line_table():
    table = LineTable("ab\ncd\n\nef")
    assert [table.locate(i) for i in (0, 1, 3, 6, 7, 8)] == [
        (1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (4, 2)]


def test_a_text_opening_with_a_newline_starts_its_second_line_at_offset_one():
    table = LineTable("\nab")
    assert table.starts == [0, 1]
    assert table.locate(1) == (2, 1)


def test_the_items_of_a_plain_list_part_are_found_without_a_name():
    plain = term("plain", "稳保", parts=[Part(None, ("稳就业", "保居民就业"))])
    assert found([plain], "稳就业和保居民就业", parts=True) == [
        (0, 3, "plain", "稳就业", "稳就业"), (4, 9, "plain", "保居民就业", "保居民就业")]


def test_matches_is_a_sequence_of_occurrences():
    matches = TermMatcher([LIUWEN, LIANGSHUI]).find("“六稳”“六保”\n两水改造，六稳六保")
    assert len(matches) == 3
    assert [o.text for o in matches[1:]] == ["两水改造", "六稳六保"]
    assert matches[-1].line == 2 and matches[-1].column == 6
    assert matches.lines == [1, 2, 2]
    with pytest.raises(IndexError):
        matches[3]


def test_value_at_each_offset_steps_at_each_place():
    assert value_at_each_offset([2, 2, 5], [1, 3, 4], 7) == [0, 0, 3, 3, 3, 4, 4]
    assert value_at_each_offset([0], [1], 3) == [1, 1, 1]
    assert value_at_each_offset([], [], 2) == [0, 0]


def test_originals_match_offset_for_every_position():
    search = SearchText("“六稳”“六保”[1]与“两违”^[17]，完")
    starts = list(range(len(search.text)))
    ends = list(range(1, len(search.text) + 1))
    assert search.originals(starts, ends) == (
        [search.offset(s) for s in starts], [search.offset(e, end=True) for e in ends])


# ------------------------------------------------------------------ the fast paths (issue 16)


def test_a_form_with_the_join_character_is_cleaned_one_by_one_alike():
    # "\0" is what the forms are joined with to clean them in one go; a form holding one
    # takes the one-by-one path, which must give the same needles (quotes out, spaces
    # trimmed, traditional folded) and owners.
    odd = term("odd", "甲\0乙")
    trad = term("trad", "两不愁", variants=["“兩不愁”", " 兩不愁 "])
    assert TermMatcher([trad]).needles == ["两不愁"]
    with_odd = TermMatcher([trad, odd])
    assert sorted(with_odd.needles) == sorted(["两不愁", "甲\0乙"])
    assert [(o.start, o.end, o.term.id) for o in with_odd.find("兩不愁、甲\0乙")] == [
        (0, 3, "trad"), (4, 7, "odd")]


def test_the_first_term_with_a_form_owns_it_whichever_of_its_forms_it_is():
    first = term("first", "甲乙", variants=["丙丁"])
    second = term("second", "丙丁")  # its headword is the first term's variant
    assert found([first, second], "丙丁") == [(0, 2, "first", "丙丁", None)]
    assert found([second, first], "丙丁") == [(0, 2, "second", "丙丁", None)]


def test_forms_across_lines_are_left_out_and_a_trailing_newline_is_trimmed():
    matcher = TermMatcher([term("a", "甲\n乙"), term("b", "丙丁\n"), term("c", "")])
    assert matcher.needles == ["丙丁"]
    assert [o.term.id for o in matcher.find("甲\n乙丙丁")] == ["b"]


def test_owners_are_terms_then_parts_and_index_like_a_list():
    matcher = TermMatcher([LIUWEN, LIANGSHUI], parts=True)
    owners = matcher.owners
    # two terms, then LIUWEN's parts: 六稳, 稳就业, 稳金融, 六保, 保居民就业
    assert len(owners) == 7
    assert (owners[0].term.id, owners[0].part) == ("liuwen", None)
    assert (owners[1].term.id, owners[1].part) == ("liangshui", None)
    assert (owners[2].term.id, owners[2].part) == ("liuwen", "六稳")
    assert owners[-1].part == "保居民就业" and owners[-6] == owners[1]
    assert [o.part for o in owners[5:]] == ["六保", "保居民就业"]
    with pytest.raises(IndexError):
        owners[7]


def test_a_use_looked_at_alone_has_the_offsets_of_all_mapped_at_once():
    text = "“六稳”“六保”[1]与“两违”^[17]，两水改造“六稳”“六保”"
    terms = [LIUWEN, LIANGSHUI, term("liangwei", "两违")]
    alone = [TermMatcher(terms).find(text)[k] for k in range(4)]
    matches = TermMatcher(terms).find(text)
    # counted by hand: 六 at 1, 两违 at 13, 两水改造 at 22, the second 六 at 27; unwidened
    assert list(matches.starts) == [1, 13, 22, 27] and list(matches.ends) == [7, 15, 26, 33]
    assert list(matches) == alone
    assert [(o.start, o.end) for o in alone] == [(0, 8), (12, 16), (22, 26), (26, 34)]
    assert [o.text for o in alone] == ["“六稳”“六保”", "“两违”", "两水改造", "“六稳”“六保”"]


def test_the_collector_is_left_as_it_was_found():
    import gc

    from cngloss.lookup.annotate import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError
    assert gc.isenabled()


def test_gb2312_hanzi_are_those_that_encode_to_gb2312():
    from cngloss.lookup.search_text import _gb2312_hanzi
    from cngloss.text.hanzi import is_hanzi

    def encodes(ch):
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    every = (chr(c) for c in range(0x3400, 0xFB00) if is_hanzi(chr(c)))
    assert _gb2312_hanzi() == {ch for ch in every if encodes(ch)}
    assert len(_gb2312_hanzi()) == 6763  # GB2312's 3,755 + 3,008 hanzi


def test_folding_a_run_of_traditional_characters_and_single_ones():
    table = traditional_folding("實現與穩")
    assert fold_text("甲實現乙與丙穩", table) == "甲实现乙与丙稳"
