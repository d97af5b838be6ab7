"""The report parser: page breaks, number spaces, markers, bold, sections, notes, corrections.

Expected values were read off the report text (data/lianzhou-2021-...txt), not produced by
running the parser.
"""

from __future__ import annotations

import pytest

from cngloss import parse_report
from cngloss.model import Correction
from cngloss.sources.report import clean_inline
from cngloss.sources.report.fixes import _alignment, _replace
from cngloss.sources.report.paragraphs import Block

PART_REVIEW = "2020年及“十三五”期间工作回顾"
PART_PLAN = "“十四五”时期的主要目标和任务"
PART_2021 = "2021年工作安排"


def paragraph_containing(report, text):
    found = [p for p in report.paragraphs if text in p.text]
    assert len(found) == 1, f"{text!r} is in {len(found)} paragraphs"
    return found[0]


# --------------------------------------------------------------------------- the real report


def test_the_report_has_37_body_paragraphs_and_23_notes(report):
    # Counted by reading: 2 opening paragraphs, 12 in the review, 8 in the plan, 15 for 2021.
    assert len(report.paragraphs) == 37
    assert [n.number for n in report.notes] == list(range(1, 24))
    assert report.notes_title == "名词解释"
    assert report.title == "2021年政府工作报告"


def test_paragraph_numbers_are_stable_and_in_order(report):
    assert [p.number for p in report.paragraphs] == list(range(1, 38))
    assert report.paragraph(1).text == "各位代表："
    assert report.paragraph(37).text.startswith("各位代表！征途漫漫")


@pytest.mark.parametrize("joined", [
    "全市党员干部职工坚守岗位",            # a word cut by a page break (职 | 工)
    "空气质量优良率达97.8%，同比提高1.94个百分点",  # a sentence cut after a comma
    "连龙大桥、上河大桥有序推进",            # cut after an enumeration comma
    "南粤古驿道修缮保护有力",               # cut mid-phrase
    "绿色生产生活方式总体形成",             # a word cut (形 | 成)
    "产业链、供应链上下游",                 # cut inside a bold lead's paragraph
    "做好矿山综合整治",                     # 做 | 好
    "抓好《民法典》宣传贯彻落实",
])
def test_page_breaks_inside_a_paragraph_are_joined(report, joined):
    paragraph_containing(report, joined)


def test_a_page_break_between_two_enumerated_points_keeps_one_paragraph(report):
    # 二是 ends a page with a full stop; 三是 opens the next page, and 四是 follows inline.
    p = paragraph_containing(report, "2019年旅游人次突破千万。三是城乡面貌焕然一新。")
    assert "一是经济实力大幅提升" in p.text and "八是党的建设全面加强" in p.text


def test_headings_are_not_joined_to_paragraphs(report):
    for p in report.paragraphs:
        assert not p.text.startswith(("2020年及", "2021年工作安排", "名词解释"))


@pytest.mark.parametrize("text", ["9宗2330吨", "拆旧复垦3000亩", "2020年是极不平凡的一年",
                                  "G234线连州元村", "疫情防控I级响应", "推进天然气管网和5G基站建设"])
def test_spaces_around_and_inside_numbers_are_removed(report, text):
    paragraph_containing(report, text)


def test_no_markup_is_left_in_the_running_text(report):
    for p in report.paragraphs:
        for mark in ("**", "^{", "^[", "〔", "〕", " "):
            assert mark not in p.text, (p.number, mark)


def test_caret_brace_markers_become_footnote_references(report):
    p = paragraph_containing(report, "围绕“六稳”“六保”任务")
    ref = p.footnotes[0]
    assert (ref.note, ref.style) == (1, "caret-brace")
    assert p.text[:ref.offset].endswith("“六稳”“六保”")


def test_caret_bracket_markers_become_footnote_references(report):
    p = paragraph_containing(report, "一般债、专项债及特别国债资金14.25亿元")
    ref = p.footnotes[0]
    assert (ref.note, ref.style) == (2, "caret-bracket")
    assert p.text[:ref.offset].endswith("特别国债")


def test_a_marker_between_the_parts_of_a_term_is_removed(report):
    p = paragraph_containing(report, "“两水”改造")
    assert [(r.note, r.style) for r in p.footnotes] == [(16, "caret-bracket"), (17, "caret-bracket")]
    assert p.text[:p.footnotes[0].offset].endswith("“两水”")


def test_one_paragraph_can_carry_several_notes(report):
    p = paragraph_containing(report, "“四好农村公路”建设攻坚任务")
    assert [r.note for r in p.footnotes] == [4, 5]


@pytest.mark.parametrize("number,section", [
    (1, ()),
    (3, (PART_REVIEW,)),
    (15, (PART_PLAN,)),
    (18, (PART_PLAN, "一要全力推进县域经济高质量发展")),
    (22, (PART_PLAN, "五要提升城乡品质，建设美丽连州")),
    (23, (PART_2021,)),
    (27, (PART_2021, "（一）做好常态化疫情防控，积极营造安全有序的发展环境")),
    (36, (PART_2021, "（十）强化政府自身建设，提高解决问题抓落实能力")),
    (37, (PART_2021,)),  # 各位代表！ closes the numbered items
])
def test_section_paths_of_known_paragraphs(report, number, section):
    assert report.paragraph(number).section == section


def test_bold_lead_sentences_refine_the_section_path(report):
    p = paragraph_containing(report, "深化“县管校聘”管理改革")
    offset = p.text.index("县管校聘")
    assert p.section_at(offset) == (
        PART_2021, "（八）坚持社会事业全面发展，增进各领域民生福祉", "保障教育优先发展")
    assert [lead.title for lead in p.leads] == [
        "保障教育优先发展", "加快医疗卫生事业发展", "不断健全社会保障体系"]


def test_enumerated_points_are_leads_even_where_the_bold_was_lost(report):
    p = paragraph_containing(report, "实现贫困户“八有一超”")
    assert [lead.title for lead in p.leads] == [
        "一是经济实力大幅提升", "二是产业发展阔步迈进", "三是城乡面貌焕然一新",
        "四是脱贫攻坚全面完成", "五是发展活力充分迸发", "六是民生福祉极大改善",
        "七是生态屏障保护有力", "八是党的建设全面加强"]
    assert p.section_at(p.text.index("八有一超"))[-1] == "四是脱贫攻坚全面完成"


def test_a_bold_run_cut_by_a_page_break_covers_its_whole_sentence(report):
    # The extraction printed **构建“内** | 外畅通”的交通路网。 across the page break.
    p = paragraph_containing(report, "构建“内外畅通”的交通路网。")
    assert "构建“内外畅通”的交通路网" in [lead.title for lead in p.leads]


def test_the_section_tree_has_the_four_parts_minus_the_notes(report):
    assert [s.title for s in report.sections] == [PART_REVIEW, PART_PLAN, PART_2021]
    plan, year = report.sections[1], report.sections[2]
    assert [s.title[:2] for s in plan.children if s.kind == "item"] == \
        ["一要", "二要", "三要", "四要", "五要"]
    items = [s for s in year.children if s.kind == "item"]
    assert [s.title[:3] for s in items] == ["（一）", "（二）", "（三）", "（四）", "（五）",
                                           "（六）", "（七）", "（八）", "（九）", "（十）"]
    assert [lead.title for lead in items[1].children] == ["强化服务稳链", "强化招商补链", "强化创新强链"]


def test_notes_are_parsed_into_number_headword_and_definition(report):
    note = report.note(13)
    assert note.printed == "耕地“非农化”“非粮化”"
    assert note.definition == "是指耕地不用来农业种植、不再种植粮食作物。"
    assert report.note(3).printed == "僵尸企业"  # bold stripped
    assert report.note(1).printed == "“六稳”“六保”"  # no bold, no space after the marker
    # Kept verbatim, ASCII comma and all.
    assert "有收入来源或最低生活保障,家庭年人均纯收入" in report.note(7).definition


def test_the_notes_are_not_body_paragraphs(report):
    assert not any(p.text.startswith("“六稳”“六保”：") for p in report.paragraphs)


def test_corrections_are_applied_and_reported(report):
    applied = {(a.correction.original, a.paragraph) for a in report.applied}
    assert applied == {("会议精神 and 省委", 24), ("功能布局 and 空间布局", 29),
                       ("升级改造。进进一步深化", 34)}
    assert "会议精神和省委" in report.paragraph(24).text
    assert "功能布局和空间布局" in report.paragraph(29).text
    assert "进一步深化县域医共体建设" in report.paragraph(34).text
    assert "进进" not in report.paragraph(34).text
    assert all(" and " not in p.text and "and" not in p.text for p in report.paragraphs)


def test_without_corrections_the_extraction_errors_remain(corpus):
    from cngloss.sources.report import load_report

    raw = load_report(corpus.report.path)
    assert raw.applied == ()
    assert "进进一步" in raw.paragraph(34).text
    assert "精神and省委" in raw.paragraph(24).text


# --------------------------------------------------------------------------- rules, on small texts


REPORT_OF_ANOTHER_KIND = """
某某市政府工作报告

一、过去一年的工作

我们扎实推进工作，地区生产总值增长 5 000 万元。**一是稳住经济。**工业

增长 1 2 %。**二是保障民生。**推进“三线”^{[1]}建设。

二、今年的任务

（一）抓好项目建设。推进“两区”^[2]和“三园”〔3〕建设，采用 Open Data 标准。

各位代表！让我们共同努力。

名词解释

〔1〕**“三线”**：指甲线、乙线和丙线。

〔2〕“两区”：指东区和西区。
"""


@pytest.fixture(scope="module")
def other():
    return parse_report(REPORT_OF_ANOTHER_KIND, path="other.txt")


def test_parts_and_items_are_found_without_knowing_the_titles(other):
    assert [s.title for s in other.sections] == ["一、过去一年的工作", "二、今年的任务"]
    assert other.paragraph(1).section == ("一、过去一年的工作",)
    assert other.paragraph(2).section == ("二、今年的任务", "（一）抓好项目建设")
    assert other.paragraph(3).section == ("二、今年的任务",)


def test_all_three_marker_styles_are_read(other):
    assert [(r.note, r.style) for r in other.paragraph(1).footnotes] == [(1, "caret-brace")]
    p = other.paragraph(2)
    assert [(r.note, r.style) for r in p.footnotes] == [(2, "caret-bracket"), (3, "bare")]
    assert "“两区”和“三园”建设" in p.text


def test_latin_words_keep_their_space_and_numbers_lose_theirs(other):
    assert "采用Open Data标准" in other.paragraph(2).text
    assert "增长5000万元" in other.paragraph(1).text
    assert "增长12%" in other.paragraph(1).text


def test_a_page_break_after_a_bold_lead_is_joined(other):
    p = other.paragraph(1)
    assert "工业增长12%。" in p.text
    assert [lead.title for lead in p.leads] == ["一是稳住经济", "二是保障民生"]


def test_notes_of_another_report(other):
    assert [(n.number, n.printed, n.definition) for n in other.notes] == [
        (1, "“三线”", "指甲线、乙线和丙线。"), (2, "“两区”", "指东区和西区。")]


def test_a_correction_applies_to_joined_text_and_is_recorded():
    fix = Correction("保障民生。**推进", "保障民生。**全面推进", reason="test")
    report = parse_report(REPORT_OF_ANOTHER_KIND, corrections=(fix,))
    assert "全面推进“三线”建设" in report.paragraph(1).text
    assert [(a.correction, a.paragraph) for a in report.applied] == [(fix, 1)]


def test_a_text_without_paragraphs_is_a_report_error():
    from cngloss import ReportError

    with pytest.raises(ReportError, match="no paragraphs"):
        parse_report("\n\n标题\n\n", path="empty.txt")


def test_clean_inline_reports_bold_spans_and_marker_offsets():
    text, bold, refs = clean_inline("**强化服务。**落实“四个不摘” ^{〔15〕} 要求 2 000 元")
    assert text == "强化服务。落实“四个不摘”要求2000元"
    assert bold == [(0, 5)]
    assert [(r.note, r.offset) for r in refs] == [(15, text.index("要求"))]


def test_a_correction_that_names_a_page_break_names_the_lines_around_it(corpus):
    """A reason saying "between lines A and B" must name the line the original starts on and
    the line it goes on after the break (read off the file, not the parser)."""
    import re

    source = corpus.report.path.read_text(encoding="utf-8").splitlines()
    named = 0
    for correction in corpus.report.corrections:
        m = re.search(r"between lines (\d+) and (\d+)", correction.reason)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        assert not source[a].strip()  # a page break: a blank line between the two
        head = source[a - 1].rstrip()
        cut = next(k for k in range(len(correction.original), 0, -1)
                   if head.endswith(correction.original[:k]))
        assert source[b - 1].startswith(correction.original[cut:]), correction.reason
        named += 1
    assert named == 1


# --------------------------------------------------------------------------- corrections, by hand


def test_a_correction_replaces_every_occurrence_and_keeps_the_origins():
    # 甲乙 -> 甲X乙 twice: X is new and stands where 乙 stood (the character it was inserted
    # before); every other character keeps its own source offset.
    block = Block("甲乙丙甲乙", 1, origin=[10, 11, 12, 13, 14])
    places = _replace(block, Correction("甲乙", "甲X乙", "a test"))
    assert block.raw == "甲X乙丙甲X乙"
    assert block.origin == [10, 11, 11, 12, 13, 14, 14]
    assert places == [10, 13]


def test_a_long_correction_is_aligned_without_junk_heuristics():
    # Dropping the 乙 before 250 甲: each 甲 keeps its own place (1..250). difflib's autojunk
    # would treat 甲 (over 1% of a 200+ character text) as junk and align nothing.
    assert _alignment("乙" + "甲" * 250, "甲" * 250) == list(range(1, 251))


@pytest.mark.parametrize("old, new, expected", [
    ("甲乙丙", "甲乙丙", [0, 1, 2]),               # nothing changed
    ("甲乙丙", "甲XYZ丙", [0, 1, 1, 1, 2]),        # one replaced by three: all stand for 乙
    ("甲乙丙丁", "甲XYZ丁", [0, 1, 2, 2, 3]),      # two by three: 乙, 丙, then the last one (丙)
    ("甲乙", "X乙", [0, 1]),                       # replaced at the start
    ("甲乙", "XY乙", [0, 0, 1]),                   # one by two at the start: both are 甲
    ("甲乙", "XY甲乙", [0, 0, 0, 1]),              # two inserted at the start: both take 甲
    ("甲乙", "甲X乙", [0, 1, 1]),                  # inserted: takes the one it goes before
    ("甲乙", "X甲乙", [0, 0, 1]),                  # inserted at the start
    ("甲乙", "甲乙X", [0, 1, 1]),                  # inserted at the end: takes the last one
    ("甲乙丙", "甲丙", [0, 2]),                    # deleted: nothing stands for 乙
])
def test_each_character_of_a_correction_stands_for_one_of_the_original(old, new, expected):
    assert _alignment(old, new) == expected
