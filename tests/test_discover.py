"""``discover``'s finder and expander on sentences written for these tests (not corpus text):
each kind of numbered slogan, each class of numeral that is no slogan, and expansions before
and after a use."""

import pytest

from cngloss.discover import count_of, discover_text, find_uses


def terms(text: str) -> list[tuple[str, str]]:
    return [(u.term, u.kind) for u in find_uses(text)]


@pytest.mark.parametrize("sentence, expected", [
    ("全市坚决打赢三大攻坚战。", [("三大攻坚战", "slogan")]),
    ("干部要做到两个维护，树牢四个意识。", [("两个维护", "slogan"), ("四个意识", "slogan")]),
    ("做好“六稳”“六保”工作。", [("六稳", "slogan"), ("六保", "slogan")]),
    ("统筹推进五位一体总体布局。", [("五位一体", "slogan")]),
    ("巩固两不愁三保障成果。", [("两不愁三保障", "slogan")]),
    ("推行“三个一批”办法。", [("三个一批", "slogan")]),
    ("县里搞了“十严格”。", [("十严格", "slogan")]),
    ("编制十四五规划。", [("十四五", "period")]),
    ("全面完成“十五”计划。", [("十五", "period")]),
    ("构建“1+6+N”政策体系。", [("1+6+N", "code")]),
    ("出台稳经济“25条”。", [("25条", "code")]),
    ("参与共建一带一路。", [("一带一路", "name")]),
    ("实行一县一品。", [("一县一品", "name")]),
])
def test_each_kind_is_found(sentence, expected):
    assert terms(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "工期三个月。", "两年来成绩显著。", "第一，要稳住。", "一是抓项目。", "三季度增长较快。",
    "建成一批学校。", "提高两个百分点。", "十多年来变化很大。", "统一思想认识。", "还有一些问题。",
    "一直在努力。", "以防万一。", "全省唯一的园区。", "推动一体化发展。", "增长两倍。",
    "建成一千一百个项目。", "党的二十大精神。", "十九届五中全会召开。", "四川省和三峡库区。",
    "五一假期客流大。", "两国关系改善。", "双方签约。", "老百姓满意。", "计算1+1等于2。",
    "用了十五年时间。", "红十字会。",
])
def test_no_slogan_in_quantities_durations_ordinals_dates_and_words(sentence):
    assert terms(sentence) == []


def test_quotes_footnotes_and_markdown_do_not_hide_a_slogan():
    assert terms("**三大攻坚战**[3]取得成效。") == [("三大攻坚战", "slogan")]
    assert terms("# 四个意识\n") == [("四个意识", "slogan")]
    assert terms("强化“四个意识”[12]。") == [("四个意识", "slogan")]


def test_counts_of_slogans():
    assert count_of("三大攻坚战") == 3
    assert count_of("两不愁三保障") == 5
    assert count_of("五位一体") == 5
    assert count_of("十严格") == 10
    assert count_of("十四五") is None
    assert count_of("1+6+N") is None


def test_items_before_a_use_checked_against_the_count():
    text = "打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。"
    [found] = discover_text("doc", text)
    assert found.expansion.items == ("防范化解重大风险", "精准脱贫", "污染防治")
    assert found.expansion.line == 1
    # two items listed for a count of three: no expansion
    [found] = discover_text("doc", "打好精准脱贫、污染防治三大攻坚战。")
    assert found.expansion is None


def test_items_after_a_use_and_the_line_they_came_from():
    text = "第一段没有。\n坚持“三个一批”，即关停一批、改造一批、提升一批。\n"
    [found] = discover_text("doc", text)
    assert found.expansion.items == ("关停一批", "改造一批", "提升一批")
    assert found.expansion.line == 2
    assert found.expansion.text == "坚持“三个一批”，即关停一批、改造一批、提升一批。"


def test_last_item_joined_by_he():
    [found] = discover_text("doc", "发挥城市和乡村两个积极性。")
    assert found.expansion.items == ("城市", "乡村")


def test_no_items_nearby_means_no_expansion():
    [found] = discover_text("doc", "全力做好六稳工作，稳住经济大盘。")
    assert (found.term, found.expansion) == ("六稳", None)


def test_counts_lines_defined_and_kind_filter():
    text = "推进“六稳”。\n再谈六稳，\n编制十四五规划。\n"
    found = discover_text("doc", text, defined={"六稳"})
    assert [(t.term, t.count, t.lines, t.defined) for t in found] == [
        ("六稳", 2, (1, 2), True), ("十四五", 1, (3,), False)]
    assert [t.term for t in discover_text("doc", text, kind="period")] == ["十四五"]


def test_a_defined_numbered_headword_is_found_where_patterns_would_not():
    assert terms("完善一网通办平台。") == []
    found = discover_text("doc", "完善一网通办平台。", defined={"一网通办"})
    assert [(t.term, t.defined) for t in found] == [("一网通办", True)]


@pytest.mark.parametrize("sentence", [
    "推进四大连片特困地区发展。",  # a measure word's word that runs on: cut out of a longer one
    "发挥三大标志性企业作用。",  # 性 makes an adjective of it: the noun follows
    "两个生态发展区协同。",  # a trailing noun that is itself the start of a longer word
    "东西两翼协同发展。", "南北两岸同步开发。",  # the numeral counts the directions named
    "建成八马路、百朋镇等项目。", "改造“万绿园”。",  # places and buildings
    "融入长三角一体化。", "西双版纳旅游。", "新三板挂牌。", "建成二甲医院。", "己二腈项目投产。",
    "取得双丰收。", "降低千瓦时电耗。", "建成千兆网络。", "四星以上企业。",
    "群众“一呼百应”。", "三管齐下，", "“四伞并举”。",  # idioms built on numerals
    "办好“二月二”活动。", "一茬一茬抓落实。",  # a date in quotes; a reduplication
    "打造“常州三杰”品牌。",  # a numeral inside a quoted name
    "依托三联、好一多等企业。",  # a bare word the document never quotes nor names as a task
])
def test_cut_out_words_places_names_and_idioms_are_no_slogans(sentence):
    assert terms(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("打好三大攻坚战，", [("三大攻坚战", "slogan")]),
    ("六大高耗能行业税收增长。", [("六大高耗能行业", "slogan")]),  # ended by a head noun
    ("布局四大重要节点：", [("四大重要节点", "slogan")]),  # 要 before a head noun
    ("推动人才“双倍增”。", [("双倍增", "slogan")]),
    ("开展“一月一主题”活动。", [("一月一主题", "name")]),
    ("全力做好六稳工作，", [("六稳", "slogan")]),  # a bare word named as a task
    ("做好“三促”，再抓三促。", [("三促", "slogan"), ("三促", "slogan")]),  # quoted once
    ("粮食生产“十九连丰”。", [("十九连丰", "slogan")]),  # a streak (as the hand labels count it)
    ("促进投资和消费双拉动。", [("双拉动", "slogan")]),  # 双 + a word: a productive shape
])
def test_slogans_next_to_the_rules_are_still_found(sentence, expected):
    assert terms(sentence) == expected
