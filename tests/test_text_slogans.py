"""The numbered slogans of a headword (text/slogans.py): segments, what each counts, the
words whose numerals count nothing. Expectations read off each headword by hand."""

from __future__ import annotations

import pytest

from cngloss.text.slogans import readings, segments


def read(headword: str) -> list[tuple[str, int]]:
    return [(s.text, s.count) for s in segments(headword)]


@pytest.mark.parametrize("headword, expected", [
    ("八有一超", [("八有", 8), ("一超", 1)]),
    ("六稳六保", [("六稳", 6), ("六保", 6)]),
    ("两不愁三保障", [("两不愁", 2), ("三保障", 3)]),
    ("一园五区一基地一商贸小镇", [("一园", 1), ("五区", 5), ("一基地", 1), ("一商贸小镇", 1)]),
    ("“四好”农村公路", [("四好", 4)]),
    ("甲乙“六大丙”", [("六大丙", 6)]),
    ("甲园和乙区、三园和五区", [("三园", 3), ("五区", 5)]),
    ("三单一乙", [("三单", 3), ("一乙", 1)]),  # 单一 is no word right after 三
    ("五个一甲", [("五个一甲", 5)]),  # 个一: the 一 is the counted thing's
    ("三个千方百计", [("三个千方百计", 3)]),
    ("五位一体", [("五位一体", 5)]),  # 一体 counts nothing
    ("三甲合一", [("三甲合一", 3)]),
    ("双零", [("双零", 2)]), ("双千甲", [("双千甲", 2)]),
    ("十二条甲", [("十二条甲", 12)]),
])
def test_segments_and_their_counts(headword, expected):
    assert read(headword) == expected


@pytest.mark.parametrize("headword", [
    "一甲统管",  # a lone 一
    "甲乙三年计划", "第三个五年甲", "万甲千乙", "百甲百乙", "十三五甲", "一二三四五",
    "三亚物流中心",  # a place
    "单一甲", "统一甲线",
    "甲、乙、丙三大工程",  # the headword lists its parts itself
    "雪亮工程",
])
def test_no_segments(headword):
    assert segments(headword) == []


def test_a_verb_before_each_phrase_is_its_lead_and_the_last_tail_runs_on():
    first, second = segments("划清两个甲、尽到一个乙")
    assert (first.lead, second.lead) == ("划清", "尽到")
    assert segments("增强“八项甲”、提高“七种乙”")[1].lead == "提高"
    assert [s.lead for s in segments("网上一甲一乙")] == ["", ""]  # one lead shared: none
    assert segments("“四好”农村公路")[0].rest == "好农村公路"


def test_the_word_reading_comes_second():
    assert [[s.text for s in r] for r in readings("六统一管理")] == [["六统", "一管理"],
                                                                  ["六统一管理"]]
    assert len(readings("八有一超")) == 1


@pytest.mark.parametrize("headword, expected", [
    # digits with a measure word count what follows; a number inside what is counted does not
    ("4条甲大道", [("4条甲大道", 4)]),
    ("3个100公里", [("3个100公里", 3)]),
    ("八大甲战役30个乙行动", [("八大甲战役", 8), ("30个乙行动", 30)]),
    # a code: one group per number, a letter (N, X) counts no fixed number
    ("“1+4”甲办法", [("1", 1), ("4", 4)]),
    ("6＋2", [("6", 6), ("2", 2)]),
    ("1+2+5+X", [("1", 1), ("2", 2), ("5", 5)]),
    ("甲“1+N”政策体系", [("1", 1)]),
    # one-digit counts written together, quoted: one group per digit
    ("“343”甲集群", [("3", 3), ("4", 4), ("3", 3)]),
    # 零 of 清零 is a word's
    ("两清零一提标", [("两清零", 2), ("一提标", 1)]),
])
def test_digits_and_codes(headword, expected):
    assert read(headword) == expected


@pytest.mark.parametrize("headword", [
    "甲指标5项",  # a count after what it counts: a quantity
    "年增长56%", "2011工程", "“4050”人员",  # no measure word, no plus sign
    "5150甲计划",  # digits together but not quoted (nor with a 0, as 4050): a name
])
def test_digits_that_count_nothing(headword):
    assert segments(headword) == []


def test_a_codes_last_group_keeps_the_headwords_tail_without_the_letters():
    assert segments("甲“1+6+N”乙政策")[-1].rest == "乙政策"
