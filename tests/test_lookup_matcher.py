"""The matcher behind `cngloss annotate`: quotes and markers skipped, traditional characters
folded, leftmost-longest matching (the search text itself: test_text_matching.py).

Expectations are written from reading the strings in each test (offsets counted by hand)."""

from __future__ import annotations

import pytest

from cngloss.lookup.matcher import TermMatcher
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


# ------------------------------------------------------------------ quotes and markers


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


# ------------------------------------------------------------------ folding


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

    from cngloss.lookup.matcher import collector_paused

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


