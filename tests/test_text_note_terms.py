"""Which note headwords name no term (issue 23), on headwords written here in the shapes
the collection prints, and on every curated term (none of them is junk)."""

from __future__ import annotations

import pytest

from cngloss.sources.glossary import load_glossary
from cngloss.sources.paths import bundled_glossary_path
from cngloss.text.note_terms import JUNK_CLASSES, not_a_term


@pytest.mark.parametrize("headword, junk", [
    ("", "no headword"), ("**  **", "no headword"),
    ("解释", "label"), ("报告原文", "label"), ("来源", "label"),
    ("一、建设一批学校", "list item"), ("（三）改善交通出行", "list item"),
    ("[2]甲乙工程", "numbering left"), ("﹝ 12 ﹞丙丁", "numbering left"), ("（11）五项治理", "numbering left"),
    ("甲乙工程（P20）", "page reference"), ("“四个甲乙”（《报告》第3页第2行）", "page reference"),
    ("“", "broken quote or bold"),
    ("九项工程 指九项主要任务，具体是", "definition in the headword"),
    ("市场体系已经建立。", "sentence"),
    ("新增普通学校5所", "statement"), ("全市产值增长3.5%", "statement"),
    ("城市排名居全国第6名", "statement"), ("力争建成3条快速路", "statement"),
    ("主要指标完成情况", "remark"), ("关于三项指标", "remark"), ("全年目标未完成2项", "remark"),
])
def test_headwords_that_name_no_term(headword, junk):
    assert not_a_term(headword) == junk
    assert junk in JUNK_CLASSES


@pytest.mark.parametrize("headword", [
    "六稳六保", "“1+5”医疗保障体系", "1+2+N", "9+3", "4050", "RCEP", "PM2.5", "升高", "碳汇",
    "一、二、三板块", "三、二、一",                # slogans that count, not list items
    "两业并举，双轮驱动", "一个决定，两个方案",     # a comma inside a slogan
    "稳增长“18条”", "科技创新30条", "“十百千”工程", "5G", "两个下降、一个不发生",
    "保税物流中心（B型）", "县（区）“五馆”", "2.0版长者饭堂", "美丽乡村?三大行动",
    "“三个一批”指导意见", "三年行动计划",
])
def test_terms_are_terms(headword):
    assert not_a_term(headword) is None


def test_no_curated_term_is_junk():
    terms = load_glossary(bundled_glossary_path()).terms
    assert terms and not [t.term for t in terms if not_a_term(t.term)]
    assert not [t.printed for t in terms if t.printed and not_a_term(t.printed)]
