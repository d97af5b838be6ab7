"""The text-matching core (``text.matching``): runs set aside, offsets mapped back, spans
widened to their quotes, and the quote-tolerant span search every matcher shares.

Expectations are counted by hand from the strings in each test (each character's offset is
written out where it matters); the property tests compare with plain oracles written here
(a character-by-character walk, sums over the edits, the old quote-as-one-mark matcher)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import cngloss
from cngloss.text.hanzi import CLOSING, OPENING, QUOTES
from cngloss.text.matching import (
    OffsetMap,
    SearchText,
    any_of,
    find_spans,
    inner_forms,
    merge_spans,
    restore,
    set_aside,
    value_at_each_offset,
    widen_to_quotes,
)

# ------------------------------------------------------------------ quotes and markers set aside


def test_a_quoted_slogan_with_a_footnote_marker_maps_back_to_the_whole_of_it():
    original = "“六稳”^[1]工作"
    # “ 0, 六 1, 稳 2, ” 3, ^[1] 4-7, 工 8, 作 9 (10 characters)
    search = SearchText(original)
    assert search.text == "六稳工作"
    start = search.text.index("六稳工作")
    assert (search.offset(start), search.offset(start + 4, end=True)) == (1, 10)
    # the opening quote before it belongs to the use (its closing one is inside): [0, 10)
    assert search.span(start, start + 4) == (0, 10)
    assert original[0:10] == "“六稳”^[1]工作"
    # 六稳 alone ends before its closing quote, and is widened to both quotes: [0, 4)
    assert search.span(0, 2) == (0, 4)
    # 工作 alone: after the quote and the marker, nothing to widen to
    assert search.span(2, 4) == (8, 10)


def test_a_cleaned_paragraph_sets_aside_only_its_quotes():
    # the report parser has taken markers out; a [1] left in a paragraph is text
    text, edits = set_aside("“六稳”[1]工作")
    assert (text, edits) == ("六稳[1]工作", [(0, "“"), (2, "”")])
    assert set_aside("“六稳”[1]工作", markers=True) == (
        "六稳工作", [(0, "“"), (2, "”"), (2, "[1]")])


def test_quote_runs_are_one_edit_each():
    text = "做好“六稳”“六保”工作「甲」"
    search, edits = set_aside(text)
    assert search == "做好六稳六保工作甲"
    assert edits == [(2, "“"), (4, "”“"), (6, "”"), (8, "「"), (9, "」")]
    assert restore(search, edits) == text
    assert set_aside("无引号") == ("无引号", [])


def test_a_hit_maps_to_the_text_including_quotes_inside_but_not_around():
    text = "做好“六稳”“六保”工作"
    search, edits = set_aside(text)
    start = search.index("六稳六保")
    back = OffsetMap(edits)
    a, b = back.offset(start), back.offset(start + 4, end=True)
    assert text[a:b] == "六稳”“六保"  # the opening quote before, the closing one after: out
    assert (back.offset(0), back.offset(2, end=True)) == (0, 2)
    assert text[0:2] == "做好"


def test_spans_by_hand():
    _, edits = set_aside("“六稳”“六保”工作")  # 六稳六保工作, quotes at 0, 2, 4
    # 六稳六保: after the opening quote, up to the closing one (not in); 工作: after all four
    assert OffsetMap(edits).spans([(0, 4), (4, 6)]) == ((1, 7), (8, 10))
    assert OffsetMap([]).spans(iter([(3, 5)])) == ((3, 5),)


def test_edits_read_back_from_json_map_alike():
    # the library stores edits as JSON: [offset, run] lists, not tuples
    assert OffsetMap([[0, "“"], [2, "”“"], [4, "”"]]).spans([(0, 4)]) == ((1, 7),)


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


def test_a_text_without_removable_runs_is_its_own_search_text():
    search = SearchText("六稳六保")
    assert search.text == "六稳六保"
    assert search.span(0, 4) == (0, 4)


def test_search_text_shifts_count_the_characters_removed_before_each_run():
    # “ at 0 (1 removed), ” and “ at 3-4 (2 more), ” at 7 (1 more)
    assert SearchText("“六稳”“六保”").shifts == [0, 1, 3, 4]
    assert SearchText("六稳").shifts == [0]


def test_search_text_folds_after_setting_aside():
    table = {ord("穩"): ord("稳")}
    search = SearchText("“六穩”", table)
    assert (search.text, search.original) == ("六稳", "“六穩”")
    assert search.span(0, 2) == (0, 4)


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


TEXTS = st.text(alphabet="ab六稳“”「」\"'[]^1（）\0", max_size=16)


@given(TEXTS)
def test_every_search_character_maps_back_to_itself(original):
    # the oracle: the character a search offset stands for is the original's at its offset
    for markers in (False, True):
        search = SearchText(original, markers=markers)
        for at, ch in enumerate(search.text):
            assert original[search.offset(at)] == ch
            assert search.offset(at + 1, end=True) == search.offset(at) + 1
        assert restore(search.text, search.edits) == original


@given(TEXTS)
def test_quotes_set_aside_as_runs_of_a_regular_expression(text):
    # the oracle: the quotation marks' runs as a regular expression finds them
    runs = [(m.start(), m.group()) for m in re.finditer("[" + re.escape(QUOTES) + "]+", text)]
    expected = [(start - sum(len(r) for s, r in runs if s < start), run) for start, run in runs]
    assert set_aside(text) == (re.sub("[" + re.escape(QUOTES) + "]", "", text), expected)


@given(st.text(alphabet="ab“”c\"", max_size=14), st.data())
def test_spans_equal_sums_over_the_edits(text, data):
    search, edits = set_aside(text)
    n = len(search)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n))
                               .map(sorted).map(tuple), max_size=5))
    # the oracle: a start moves by the runs at or before it, an end by those before it
    expected = tuple((s + sum(len(r) for o, r in edits if o <= s),
                      e + sum(len(r) for o, r in edits if o < e)) for s, e in spans)
    assert OffsetMap(edits).spans(spans) == expected


# ------------------------------------------------------------------ spans found, widened, merged


def test_find_spans_in_any_text_ignores_quotes_and_takes_in_its_own():
    assert find_spans("“六稳”“六保”工作", ["六稳六保"]) == [(0, 8)]
    # 做 0, 好 1, “ 2, 六 3 ... 作 11: the opening quote is taken in, its closing one is inside
    assert find_spans("做好“六稳”“六保”工作", ["六稳六保工作"]) == [(2, 12)]
    assert find_spans("遏制耕地“非农化”。", ["耕地非农化"]) == [(2, 9)]
    assert find_spans("无关文字", ["两违"]) == []
    assert find_spans("六稳", ["", "“”"]) == []


def test_find_spans_finds_a_form_inside_a_longer_ones_match_and_merges():
    # 六稳 (0-2) lies inside 六稳六保 (0-4): one merged span
    assert find_spans("六稳六保，六稳", ["六稳六保", "六稳"]) == [(0, 4), (5, 7)]


def _old_find_spans(text, forms):
    """The matcher before the core: each quote read as one mark, MARK* between characters."""
    needles = sorted({re.sub("[" + re.escape(QUOTES) + "]", "", f) for f in forms} - {""},
                     key=len, reverse=True)
    if not needles:
        return []
    marked = re.sub("[" + re.escape(QUOTES) + "]", "\0", text.replace("\0", "\1"))
    between = "\0*"
    pattern = re.compile("|".join(between.join(map(re.escape, n)) for n in needles))
    found = []
    for m in pattern.finditer(marked):
        found.append(widen_to_quotes(text, m.start(), m.end()))
        needle = m.group().replace("\0", "")
        for inner in inner_forms(needle, set(needles)):
            one = re.compile(between.join(map(re.escape, inner)))
            found += [widen_to_quotes(text, m.start() + i.start(), m.start() + i.end())
                      for i in one.finditer(m.group())]
    return merge_spans(found)


@given(st.text(alphabet="六稳保“”「」 。", max_size=18),
       st.lists(st.text(alphabet="六稳保“", min_size=1, max_size=4), min_size=1, max_size=3))
def test_find_spans_agrees_with_the_quote_as_one_mark_matcher_it_replaces(text, forms):
    assert find_spans(text, forms) == _old_find_spans(text, forms)


@pytest.mark.parametrize("text,start,end,expected", [
    ("“两违”", 1, 3, (0, 4)),  # both quotes around it
    ("“两违”建筑", 1, 6, (0, 6)),  # opens with one, its closing quote inside
    ("甲”乙“两违”", 4, 6, (3, 7)),
    ("甲两”违", 1, 4, (1, 4)),  # nothing opens before it, nothing closes after
    ("两违”", 0, 2, (0, 2)),  # a closing quote after, but no opening one inside
])
def test_widen_to_quotes(text, start, end, expected):
    assert widen_to_quotes(text, start, end) == expected


def test_merge_spans_sorts_and_joins_overlapping_and_touching_spans():
    assert merge_spans([(5, 7), (0, 2), (1, 3), (3, 4)]) == [(0, 4), (5, 7)]
    assert merge_spans([]) == []


def test_any_of_tries_the_longest_needle_first():
    assert any_of(("枫桥经验", "新时代枫桥经验")).findall("坚持新时代枫桥经验") == ["新时代枫桥经验"]
    assert any_of(("a.b",)).findall("a.b axb") == ["a.b"]  # needles are literal


def test_inner_forms_are_the_other_forms_inside_a_needle():
    assert inner_forms("六稳六保", {"六稳", "六保", "六稳六保", "稳金融"}) == ["六保", "六稳"]
    assert inner_forms("六稳", {"六稳"}) == []


def test_the_marks_widening_looks_at_are_quotation_marks():
    assert set(OPENING) <= set(QUOTES) and set(CLOSING) <= set(QUOTES)


# ------------------------------------------------------------------ defined once


ONCE = ["QUOTES", "OPENING", "CLOSING", "QUOTE_RUN", "REMOVABLE", "UNAMBIGUOUS_MARKERS",
        "LineTable", "to_simplified", "traditional_folding", "fold_text", "widen_to_quotes",
        "set_aside", "restore", "find_spans", "value_at_each_offset", "rate", "RATE_PER"]


def test_each_constant_and_helper_of_the_matching_core_is_defined_once():
    package = Path(cngloss.__file__).resolve().parent
    where: dict[str, list[str]] = {name: [] for name in ONCE}
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        body = list(tree.body)
        body += [n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body]
        for node in body:  # what a module or a class defines, not a function's locals
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in where:
                where[node.name].append(str(path.relative_to(package)))
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and target.id in where:
                        where[target.id].append(str(path.relative_to(package)))
    assert {name: len(found) for name, found in where.items()} == dict.fromkeys(ONCE, 1), where
