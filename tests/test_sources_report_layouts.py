"""Notes layouts seen in the collection that the reader used to misread (issue 23), each on
a small text written here in the same layout. Every expectation is read off the text."""

from __future__ import annotations

import pytest

from cngloss.sources.report import parse_report
from cngloss.sources.report.note_lines import match_number, mend_bold, split_headword
from cngloss.sources.report.notes import drop_glued_trailer, is_pointer
from cngloss.text.note_terms import drop_page_reference
from conftest import NOTES_BODY as BODY, heads, notes_of


def circled(count: int) -> list[str]:
    return [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(count)]


# --------------------------------------------------------------------------- page references


def test_a_page_reference_after_the_headword_is_no_part_of_it():
    notes = notes_of("1.“两个先行”“三张名片”（《报告》第2页第7行）：这是定义一。\n\n"
                     "2.“五项机制”（《报告》第10页第21行）：这是定义二。\n\n"
                     "3.城乡“双通道”（《报告》第11页第3行）：这是定义三。\n")
    assert heads(notes) == [(1, "两个先行三张名片", "这是定义一。"), (2, "五项机制", "这是定义二。"),
                            (3, "城乡“双通道”", "这是定义三。")]
    assert notes[0].printed == "“两个先行”“三张名片”"


def test_a_page_number_in_p_form_after_an_unnumbered_headword():
    notes = notes_of("甲乙工程（P2）：定义一。\n\n“丙丁”计划（P12）：定义二。\n\n戊己（P 3）：定义三。\n")
    assert [n.headword for n in notes] == ["甲乙工程", "“丙丁”计划", "戊己"]


@pytest.mark.parametrize("printed, clean", [
    ("甲乙（第3页）", "甲乙"), ("甲乙（P20）", "甲乙"), ("**甲乙（P4）**", "**甲乙**"),
    ("保税中心（B型）", "保税中心（B型）"), ("区域（市）", "区域（市）"),   # brackets that are the term's
    ("甲乙（P20）工程", "甲乙（P20）工程"),                                 # not at the end
])
def test_drop_page_reference(printed, clean):
    assert drop_page_reference(printed) == clean


# ------------------------------------------------------------------------ numbering in the headword


def test_circled_ten_then_numbers_in_brackets_one_of_them_printed_twice():
    lines = circled(10) + ["（11）十一号词：定义十一。", "（12）十二号词：定义十二。",
                           "（12）又一个词：定义又一。", "（13）十三号词：定义十三。"]
    notes = notes_of("\n\n".join(lines) + "\n")
    assert heads(notes)[10:] == [(11, "十一号词", "定义十一。"), (12, "十二号词", "定义十二。"),
                                 (12, "又一个词", "定义又一。"), (13, "十三号词", "定义十三。")]


def test_a_number_printed_twice_is_not_a_note_inside_an_enumeration():
    # the open note lists its own items (1)(2)…: a repeated number there is an item
    lines = circled(10) + ["（11）十一号词：", "（1）子项一：内容。", "（11）子项二：内容。",
                           "（12）十二号词：定义十二。"]
    notes = notes_of("\n\n".join(lines) + "\n")
    assert [n.number for n in notes][10:] == [11, 12]
    assert notes[10].definition == "（1）子项一：内容。\n（11）子项二：内容。"


def test_a_number_left_on_an_unnumbered_note_is_the_notes_number():
    # note 1 printed without its number, the others with one: [2] is no part of a headword
    notes = notes_of("甲乙：定义一。\n\n[2]丙丁：定义二。\n\n[3]戊己：定义三。\n\n[4]\n\n庚辛：定义四。\n")
    assert heads(notes) == [(None, "甲乙", "定义一。"), (2, "丙丁", "定义二。"), (3, "戊己", "定义三。"),
                            (4, "庚辛", "定义四。")]


def test_small_tortoise_shell_brackets_are_a_numbering():
    notes = notes_of("﹝ 1 ﹞ “甲乙 ”：定义一。\n\n﹝2﹞丙丁：定义二。\n\n﹝ 3﹞ 戊己：定义三。\n")
    assert [(n.number, n.headword) for n in notes] == [(1, "甲乙"), (2, "丙丁"), (3, "戊己")]
    assert match_number("﹝12﹞甲：乙").number == 12


def test_a_version_number_is_no_numbering_of_an_unnumbered_note():
    notes = notes_of("甲乙：定义一。\n\n2.0版丙丁：定义二。\n\n戊己：定义三。\n")
    assert [n.headword for n in notes] == ["甲乙", "2.0版丙丁", "戊己"]


# --------------------------------------------------------------------------- bold inside a headword


@pytest.mark.parametrize("rest, expected", [
    ("**“**甲**乙丙”新定位：**定义。", ("“甲乙丙”新定位", "bold", "定义。")),   # bold toggled inside
    ("“**甲乙”工程** 定义。", ("“甲乙”工程", "bold", "定义。")),               # bold opened after the quote
    ("**“甲乙工程**”：定义。", ("“甲乙工程”", "bold", "定义。")),               # closed before the quote
    ("**甲乙：“**丙”是定义。", ("甲乙", "bold", "“丙”是定义。")),                # the next quote in bold
])
def test_bold_that_cuts_a_headword(rest, expected):
    assert split_headword(rest) == expected


def test_bold_toggles_are_mended_only_up_to_a_colon():
    # a bold headword and a bold word in its definition: not one bold run
    assert mend_bold("**甲**指**乙**丙。") == "**甲**指**乙**丙。"
    assert mend_bold("**“**甲**乙”：**丙。") == "**“甲乙”：**丙。"


def test_a_bold_quote_no_longer_empties_the_headword():
    notes = notes_of("**[1] “**甲**乙丙”全新定位：**定义一。\n\n**[2]“丁戊”：**定义二。\n\n"
                     "**[3]“己庚”：**定义三。\n")
    assert heads(notes)[0] == (1, "“甲乙丙”全新定位", "定义一。")


# -------------------------------------------------------------------------- a note that only points


def test_a_note_pointing_to_an_attachment_is_no_note_and_its_neighbour_is_found():
    notes = notes_of("**甲乙中心** 是一个中心。\n\n**“丙丁”工程** 是一项工程。\n\n"
                     "“**丙戊”工程** 是另一项工程。\n\n**办实事项目** 今年十件实事详见附件。\n\n"
                     "**己庚** 指一种做法。\n")
    assert [n.headword for n in notes] == ["甲乙中心", "“丙丁”工程", "“丙戊”工程", "己庚"]
    assert notes[1].definition == "是一项工程。"


@pytest.mark.parametrize("definition, pointer", [
    ("今年十件实事详见附件。", True), ("项目清单见附件2", True), ("具体见附表。", True),
    ("指一种做法，详见附件。", True),
    ("指一种做法。具体项目见附件。", False),   # a definition first
    ("附件中的项目。", False),
])
def test_is_pointer(definition, pointer):
    assert is_pointer(definition) is pointer


# ----------------------------------------------------------------------- what follows the last note


@pytest.mark.parametrize("trailer", [
    "来源：某某市人民政府", "（某某日报）", "（市政府办公厅 年鉴处）", "2020 年 2 月 9 日印",
    "——2020年1月6日在市十届人大三次会议上", "附：",
    "（注：本报告的数据为初步统计数，以统计公报为准，部分数据含某某县。）（摘录于 2020年 1月 9日 《某某日报》）",
])
def test_the_section_ends_at_a_signature_a_credit_or_a_printing_date(trailer):
    notes = notes_of(f"1.甲乙：定义一。\n\n2.丙丁：定义二。\n\n3.戊己：定义三。\n\n{trailer}\n\n"
                     "4.不是注释：内容。\n")
    assert heads(notes)[-1] == (3, "戊己", "定义三。")


@pytest.mark.parametrize("glued", [
    "——2020年1月6日在市十届人大三次会议上", "——2020年 1月6日在市十届人大三次会议上" * 2,
    "（某某日报）", "（某某新闻网）", "（市长 张某某）", "（2023年1月5日）",
])
def test_a_trailer_glued_to_the_last_definition_is_dropped(glued):
    assert drop_glued_trailer("定义三。" + glued) == "定义三。"


@pytest.mark.parametrize("kept", ["定义三（BRT即快速公交）。", "定义三。（简称某某网）", "定义三，来源于日报"])
def test_what_is_the_definitions_own_stays(kept):
    assert drop_glued_trailer(kept) == kept


@pytest.mark.parametrize("title, first_item", [
    ("2020年市政府十件实事", "一、建设一批学校。新建学校3所。"),
    ("2020年市政府为民办8件实事", "1.实施某某道路改造工程"),
    ("有关数据说明", "1.2016年的数据为何修订？"),
])
def test_the_next_documents_title_and_list_are_not_the_last_note(title, first_item):
    for section in ("甲乙：定义一。\n\n丙丁：定义二。\n\n戊己：定义三。\n\n",
                    "1.甲乙：定义一。\n\n2.丙丁：定义二。\n\n3.戊己：定义三。\n\n"):
        notes = notes_of(f"{section}{title}\n\n{first_item}\n\n二、另一项。内容。\n")
        assert [n.headword for n in notes] == ["甲乙", "丙丁", "戊己"]
        assert notes[-1].definition == "定义三。"


def test_a_sub_heading_inside_a_definition_is_still_the_notes():
    # a short line after a finished sentence, with no list at 1 below it, stays in the note
    notes = notes_of("1.甲乙：定义一。\n\n其中的要点\n\n要点是内容。\n\n2.丙丁：定义二。\n\n3.戊己：定义三。\n")
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[0].definition.startswith("定义一。\n其中的要点")


# ------------------------------------------------------------------- headwords glued to definitions


@pytest.mark.parametrize("rest, head, definition", [
    ("甲线是指一种保护范围的界线。", "甲线", "是指一种保护范围的界线。"),
    ("科技“1234”工程即围绕四个产业开展的工程。", "科技“1234”工程", "即围绕四个产业开展的工程。"),
    ("环保“三优先”一是优先考虑环境；二是优先安排环保。", "环保“三优先”", "一是优先考虑环境；二是优先安排环保。"),
    ("能耗“双控”和排放“双控”能耗“双控”是指总量控制。", "能耗“双控”和排放“双控”", "能耗“双控”是指总量控制。"),
    ("乡村“五馆”到2030年建成五类场馆。", "乡村“五馆”", "到2030年建成五类场馆。"),
])
def test_a_headword_glued_to_its_definition(rest, head, definition):
    assert split_headword(rest) == (head, "glued", definition)


def test_glued_headwords_in_a_numbered_section():
    notes = notes_of("1．甲线是指一种界线。\n\n2．乙丙“三优先”一是优先考虑；二是优先安排。\n\n3．丁戊：定义三。\n")
    assert [n.headword for n in notes] == ["甲线", "乙丙“三优先”", "丁戊"]


def test_a_colon_split_that_took_the_definitions_first_words():
    notes = notes_of("1.九项工程 指九项主要任务，具体是：甲工程、乙工程。\n\n"
                     "2.“十个全面”指在全部项目中，推行“十个全面”，即：全面公开。\n\n3.丁戊：定义三。\n")
    assert heads(notes)[:2] == [
        (1, "九项工程", "指九项主要任务，具体是：甲工程、乙工程。"),
        (2, "十个全面", "指在全部项目中，推行“十个全面”，即：全面公开。")]


def test_a_space_before_a_full_stop_separates_the_headword():
    notes = notes_of("1．甲乙 一个系统的简称。\n\n2．丙丁 另一个系统的简称。\n\n3．戊己 第三个系统的简称。\n")
    assert heads(notes)[0] == (1, "甲乙", "一个系统的简称。")


# --------------------------------------------------------------------------- the labelled layout


def test_headword_then_the_reports_sentence_then_the_explanation():
    section = ("甲乙滨水区\n\n报告原文：建设甲乙滨水区，提升形象。\n\n解释：甲乙是城市的中心区域。\n\n"
               "丙丁工程：\n\n报告原文：实施“丙丁工程”。\n\n解释：指投入和产出各一千亿元。\n\n"
               "戊己、庚辛\n\n报告原文：推进戊己建设。解释：戊己指一种新区，庚辛指一种园区。\n")
    notes = notes_of(section, "[政府工作报告名词解释]")
    assert heads(notes) == [(None, "甲乙滨水区", "甲乙是城市的中心区域。"),
                            (None, "丙丁工程", "指投入和产出各一千亿元。"),
                            (None, "戊己、庚辛", "戊己指一种新区，庚辛指一种园区。")]
    report = parse_report(BODY + "名词解释\n\n" + section)
    assert not any("报告原文" in p.text for p in report.paragraphs)
