"""Results: the best match per term while the search stages run, ranked at the end.

The terms are made here; scores and orders are worked out by hand."""

from __future__ import annotations

from pathlib import Path

from cngloss.lookup.index import SearchIndex
from cngloss.lookup.results import Hit, Results
from cngloss.model import Glossary, Term

TERMS = (
    Term("liuwen", "六稳六保", "liù wěn liù bǎo", "d"),
    Term("liangwei", "两违", "liǎng wéi", "d"),
    Term("sige", "四个不摘", "sì gè bù zhāi", "d"),
)
INDEX = SearchIndex(Glossary(Path("g.yaml"), TERMS))


def test_scores_are_clamped_to_0_100_and_rounded():
    r = Results(INDEX)
    r.add(0, 120.4, "headword", "hanzi", "exact")
    r.add(1, -7, "headword", "hanzi", "fuzzy")
    r.add(2, 77.6, "headword", "hanzi", "fuzzy")
    assert (r.score(0), r.score(1), r.score(2)) == (100, 0, 78)


def test_a_term_never_added_scores_minus_one():
    assert Results(INDEX).score(1) == -1


def test_the_higher_score_wins_and_a_tie_keeps_the_first_match():
    r = Results(INDEX)
    r.add(0, 80, "headword", "hanzi", "prefix")
    r.add(0, 80, "pinyin", "pinyin", "prefix")
    r.add(0, 70, "english", "english", "partial")
    assert r.ranked() == [Hit(TERMS[0], 80, "headword", "hanzi", "prefix")]
    r.add(0, 90, "pinyin", "pinyin", "exact", "s")
    assert r.ranked() == [Hit(TERMS[0], 90, "pinyin", "pinyin", "exact", "s")]


def test_ranked_best_first_ties_in_glossary_order_cut_at_the_limit():
    r = Results(INDEX)
    r.add(2, 60, "headword", "hanzi", "partial")
    r.add(1, 60, "headword", "hanzi", "partial")
    r.add(0, 90, "headword", "hanzi", "exact")
    assert [(h.term.id, h.score) for h in r.ranked()] == [
        ("liuwen", 90), ("liangwei", 60), ("sige", 60)]
    assert [h.term.id for h in r.ranked(2)] == ["liuwen", "liangwei"]
    assert [h.term.id for h in r.ranked(1)] == ["liuwen"]


def test_a_snippet_is_worked_out_for_the_returned_hits_only():
    r = Results(INDEX)
    seen = []
    r.add(0, 90, "headword", "hanzi", "exact", lambda t: seen.append(t.id) or t.term + "!")
    r.add(1, 50, "headword", "hanzi", "fuzzy", lambda t: seen.append(t.id) or "never")
    assert r.ranked(1) == [Hit(TERMS[0], 90, "headword", "hanzi", "exact", "六稳六保!")]
    assert seen == ["liuwen"]


def test_a_pinyin_key_snippet_reads_as_spaced_syllables():
    r = Results(INDEX)
    r.add(2, 90, "pinyin", "pinyin", "exact", (INDEX.pinyin, 2))  # the third key: 四个不摘
    hit, = r.ranked()
    assert hit.snippet == "si ge bu zhai"
    assert (hit.field, hit.form, hit.kind) == ("pinyin", "pinyin", "exact")
