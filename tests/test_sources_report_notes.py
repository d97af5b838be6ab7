"""The report reader on small texts written for each layout, and on the lists that merely
look like notes. Every expectation is read off the text written here."""

from __future__ import annotations

import pytest

from cngloss.sources.report import _split_note, parse_report
from cngloss.sources.report.markers import MarkerScanner
from cngloss.sources.report.metadata import level_of, read_metadata, split_front_matter
from cngloss.sources.report.note_lines import clean_headword, match_number, split_headword
from cngloss.sources.report.notes import find_notes, is_notes_heading
from cngloss.sources.report.paragraphs import has_blank_lines, is_pdf_extraction, split_blocks
from conftest import NOTES_BODY as BODY, heads, notes_of


# --------------------------------------------------------------------------- headings


@pytest.mark.parametrize("line", [
    "名词解释", "名词注释", "名词注解", "注释", "注 释", "有关注释", "词语解释", "相关用语注释",
    "部分用语说明", "【名词解释】", "**名词解释>>>**", "附件：名词解释", "附件2名词解释",
    "附：名词注解", "《政府工作报告》注释", "《政府工作报告》有关内容名词注释", "部分名词注释:",
    "名词解释：", "<!-- 名词解释 -->", "## 注释：", "资料：《政府工作报告》名词解释（按报告中出现顺序排列）",
    "名  词  解  释", "有关名词解释和说明",
])
def test_notes_headings_in_every_wording(line):
    assert is_notes_heading(line)


@pytest.mark.parametrize("line", [
    "有关情况说明", "**数据说明**", "- 2024政府工作报告名词解释.docx", "二、关于“十二五”规划纲要（草案）的说明",
    "附件1", "各位代表：名词解释", "名词解释" * 11,
])
def test_lines_that_are_not_notes_headings(line):
    assert not is_notes_heading(line)


# --------------------------------------------------------------------------- numbering


@pytest.mark.parametrize("first,second", [
    ("〔1〕甲乙：定义一。", "〔2〕丙丁：定义二。"),
    ("[1]甲乙：定义一。", "[2]丙丁：定义二。"),
    ("［1］甲乙：定义一。", "［2］丙丁：定义二。"),
    ("[ 1 ]甲乙：定义一。", "[ 2 ]丙丁：定义二。"),
    ("[1]甲乙：定义一。", "［2］丙丁：定义二。"),       # two bracket widths in one section
    ("①甲乙：定义一。", "②丙丁：定义二。"),
    ("1.甲乙：定义一。", "2.丙丁：定义二。"),
    ("1．甲乙：定义一。", "2．丙丁：定义二。"),
    ("1、甲乙：定义一。", "2、丙丁：定义二。"),
    ("1.甲乙：定义一。", "2、丙丁：定义二。"),          # dot and comma mixed
    ("（1）甲乙：定义一。", "（2）丙丁：定义二。"),
    ("(1)甲乙：定义一。", "(2)丙丁：定义二。"),
    ("【1】甲乙：定义一。", "【2】丙丁：定义二。"),
    ("[^1]: 甲乙：定义一。", "[^2]: 丙丁：定义二。"),
    ("**1.**甲乙：定义一。", "**2.**丙丁：定义二。"),
    ("**[1]甲乙：**定义一。", "**[2]丙丁：**定义二。"),
    ("1.“甲乙”:定义一。", "2.“丙丁”:定义二。"),          # quoted, ASCII colon
    ("1.**甲乙**：定义一。", "2.**丙丁**：定义二。"),
    ("1.**甲乙** 定义一。", "2.**丙丁** 定义二。"),       # bold headword and a space
    ("1.【甲乙】定义一。", "2.【丙丁】定义二。"),
    ("1甲乙：定义一。", "2丙丁：定义二。"),               # digits glued to the headword
])
def test_every_numbering_and_separator(first, second):
    third = second.replace("2", "3").replace("②", "③").replace("丙丁", "戊己") \
        .replace("定义二", "定义三")
    notes = notes_of(f"{first}\n\n{second}\n\n{third}\n")
    assert heads(notes) == [(1, "甲乙", "定义一。"), (2, "丙丁", "定义二。"), (3, "戊己", "定义三。")]


def test_unnumbered_notes_with_a_colon():
    notes = notes_of("甲乙：定义一。\n\n**丙丁：**定义二。\n\n【戊己】定义三。\n")
    assert heads(notes) == [(None, "甲乙", "定义一。"), (None, "丙丁", "定义二。"),
                            (None, "戊己", "定义三。")]


def test_unnumbered_notes_headword_and_a_space():
    notes = notes_of("甲乙 指第一种做法和方式。\n\n丙丁 指第二种做法和方式。\n\n戊己 指第三种做法和方式。\n")
    assert [n.headword for n in notes] == ["甲乙", "丙丁", "戊己"]
    assert notes[0].definition == "指第一种做法和方式。"


def test_definition_on_the_next_line_with_no_blank_lines():
    notes = notes_of("［1］甲乙：\n定义一。\n［2］丙丁：\n定义二。\n［3］戊己：\n定义三。\n", "注释")
    assert heads(notes) == [(1, "甲乙", "定义一。"), (2, "丙丁", "定义二。"), (3, "戊己", "定义三。")]


def test_headword_line_with_a_page_reference_and_sub_headings():
    notes = notes_of("1.甲乙（《报告》第2页第3行）\n\n定义一。\n\n2.五院十校\n\n五院：院一、院二。\n\n"
                     "十校：校一、校二。\n\n3.戊己：定义三。\n")
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[1].definition == "五院：院一、院二。\n十校：校一、校二。"
    assert notes[0].definition == "定义一。"


def test_circled_numbers_then_plain_digits():
    lines = [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(10)] + ["11词11号：定义。"]
    notes = notes_of("\n\n".join(lines) + "\n")
    assert [n.number for n in notes] == list(range(1, 12))
    assert notes[-1].headword == "词11号"


def test_circled_numbers_then_unnumbered_notes():
    lines = [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(10)] + ["另一词：定义。"]
    notes = notes_of("\n\n".join(lines) + "\n")
    assert len(notes) == 11 and notes[-1].number is None and notes[-1].headword == "另一词"


def test_two_notes_on_one_line():
    notes = notes_of("1.甲乙：定义一。2.丙丁：定义二。\n\n3.戊己：定义三。\n")
    assert heads(notes) == [(1, "甲乙", "定义一。"), (2, "丙丁", "定义二。"), (3, "戊己", "定义三。")]


def test_a_note_cut_by_a_blank_line_mid_sentence_is_joined():
    notes = notes_of("甲乙：定义一的前半\n\n后半。\n\n丙丁：定义二。\n\n戊己：定义三。\n")
    assert notes[0].definition == "定义一的前半后半。"


def test_a_speech_date_glued_to_the_last_note_is_dropped():
    notes = notes_of("1.甲乙：定义一。\n\n2.丙丁：定义二。\n\n3.戊己：定义三。（2023年1月5日）\n")
    assert notes[-1].definition == "定义三。"


def test_a_number_followed_by_a_digit_is_a_note_only_when_expected():
    notes = notes_of("1.甲乙：定义一。\n\n2.丙丁：定义二。\n\n3.9个工程：定义三。\n")
    assert notes[-1].number == 3 and notes[-1].headword == "9个工程"
    assert match_number("1.5万亩", expected=2) is None
    assert match_number("13：定义", expected=12) is None


def test_the_notes_section_ends_at_a_trailer_or_another_appendix():
    section = "1.甲乙：定义一。\n\n2.丙丁：定义二。\n\n3.戊己：定义三。\n\n"
    for trailer in ("---", "附件2", "（本文有删减）", "2021年1月5日", "附表：项目清单"):
        notes = notes_of(section + trailer + "\n\n4.不是注释：内容。\n")
        assert len(notes) == 3, trailer


def test_notes_after_another_appendix_numbered_the_same_way():
    text = (BODY + "附件1\n\n重点项目\n\n1、项目一。\n\n2、项目二。\n\n3、项目三。\n\n"
            "附件2：名词解释\n\n1、甲乙：定义一。\n\n2、丙丁：定义二。\n\n3、戊己：定义三。\n")
    found = find_notes(text)
    assert found.heading == "附件2：名词解释"
    assert [n.headword for n in found.notes] == ["甲乙", "丙丁", "戊己"]


# --------------------------------------------------------------------------- false friends


@pytest.mark.parametrize("tail", [
    "附件\n\n2024年重点项目\n\n1.某某大道建设工程\n\n2.某某污水处理厂\n\n3.某某学校\n",
    "今年要做好以下工作：\n\n1.稳增长：做好。\n\n2.促改革：做好。\n\n3.惠民生：做好。\n",
    "①抓项目：做好。\n\n②抓民生：做好。\n\n③抓安全：做好。\n",
])
def test_a_list_that_only_looks_like_notes_is_not_notes(tail):
    assert find_notes(BODY + tail) is None
    report = parse_report(BODY + tail)
    assert report.notes == ()


def test_a_heading_with_fewer_than_three_notes_is_not_a_notes_section():
    assert notes_of("1.甲乙：定义一。\n\n2.丙丁：定义二。\n") == ()


# --------------------------------------------------------------------------- headwords


@pytest.mark.parametrize("printed,clean", [
    ("“六稳”“六保”", "六稳六保"), ("“1+5+N”", "1+5+N"), ("专精特新“小巨人”企业", "专精特新“小巨人”企业"),
    ("“一个决定，两个方案”", "一个决定，两个方案"), ("**甲乙：**", "甲乙"), ("“甲”和“乙”", "甲和乙"),
])
def test_clean_headword(printed, clean):
    assert clean_headword(printed) == clean


@pytest.mark.parametrize("rest,expected", [
    ("甲乙：定义。", ("甲乙", "colon", "定义。")),
    ("“甲：乙”：定义。", ("“甲：乙”", "colon", "定义。")),
    ("**甲乙：**定义。", ("甲乙", "bold", "定义。")),
    ("**甲乙**：定义。", ("甲乙", "bold", "定义。")),
    ("**甲乙** 定义。", ("甲乙", "bold", "定义。")),
    ("【甲乙】定义。", ("甲乙", "lenticular", "定义。")),
    ("甲乙】定义。", ("甲乙", "lenticular", "定义。")),
    ("“甲乙”。扶贫对象精准。", ("“甲乙”", "period", "扶贫对象精准。")),
    ("甲乙：", ("甲乙", "line", "")),
    ("甲乙", ("甲乙", "line", "")),
    ("甲乙 指一种长一些的做法。", ("甲乙", "space", "指一种长一些的做法。")),
])
def test_split_headword(rest, expected):
    assert split_headword(rest) == expected


# --------------------------------------------------------------------------- markers


REPORT_WITH_MARKERS = """各位代表：

一、工作

推进“六稳六保〔1〕”工作，“四上”企业[2]增加，“两区”［3］建设，推动“放管服”（4）改革。

包括（1）甲；（2）乙。加快“三园”^[5]和“四化”^{〔6〕}建设，抓好“五通”[^7]。

名词解释

〔1〕六稳六保：定义一。

〔2〕“四上”企业：定义二。

〔3〕“两区”：定义三。

〔4〕“放管服”改革：定义四。

〔5〕“三园”：定义五。

〔6〕“四化”：定义六。

〔7〕“五通”：定义七。
"""


def test_markers_in_every_style_are_references():
    report = parse_report(REPORT_WITH_MARKERS)
    p1, p2 = report.paragraph(2), report.paragraph(3)
    assert [(r.note, r.style) for r in p1.footnotes] == [
        (1, "bare"), (2, "square"), (3, "fw-square"), (4, "paren")]
    assert p1.text == "推进“六稳六保”工作，“四上”企业增加，“两区”建设，推动“放管服”改革。"
    assert [(r.note, r.style) for r in p2.footnotes] == [
        (5, "caret-bracket"), (6, "caret-brace"), (7, "footnote")]
    assert p2.text.startswith("包括（1）甲；（2）乙。")  # an enumeration stays text


def test_an_ambiguous_marker_needs_a_word_before_it_and_a_note():
    scanner = MarkerScanner({1: "甲乙", 2: "丙丁"})
    assert scanner.markers("包括：（1）甲；（2）乙。") == []          # after punctuation
    assert scanner.markers("（1）甲。") == []                         # paragraph start
    assert [m.note for m in scanner.markers("推进甲乙（1）建设。")] == [1]  # headword matches
    assert scanner.markers("推进戊己（9）建设。") == []                # no note 9
    assert scanner.markers("加快推进（2）建设。") == []                # no match, no quote
    assert [m.note for m in scanner.markers("推进“戊己”（2）建设。")] == [2]  # quote, rising
    assert scanner.markers("推进“戊己”（1）建设。") == []              # quote, not rising


def test_circled_markers_only_where_the_notes_are_circled():
    assert MarkerScanner({1: "甲乙"}).markers("推进“甲乙”①建设。") == []
    assert [m.style for m in MarkerScanner({1: "甲乙"}, circled=True)
            .markers("推进“甲乙”①建设。")] == ["circled"]


def test_without_notes_only_the_pdf_styles_are_markers():
    scanner = MarkerScanner()
    assert [m.style for m in scanner.markers("甲[1]乙〔2〕丙^[3]")] == ["bare", "caret-bracket"]


def test_notes_are_not_passages():
    report = parse_report(REPORT_WITH_MARKERS)
    assert len(report.notes) == 7 and report.notes_title == "名词解释"
    assert not any("定义" in p.text for p in report.paragraphs)


# --------------------------------------------------------------------------- metadata


FRONT = "---\ntitle: 2023年某某市政府工作报告\nsource: https://example.org/r.html\n---\n"
OPENING = "政府工作报告\n\n——2023年1月5日在某某市第七届人民代表大会第三次会议上\n\n市长 张三\n\n"


def test_front_matter_is_blanked_with_lines_and_offsets_kept():
    text, fields = split_front_matter(FRONT + "正文。\n")
    assert fields == {"title": "2023年某某市政府工作报告", "source": "https://example.org/r.html"}
    assert len(text) == len(FRONT + "正文。\n") and text.endswith("\n正文。\n")
    assert text[:len(FRONT)].strip() == ""


def test_metadata_from_the_opening_lines_and_overrides():
    meta = read_metadata(OPENING, {})
    assert (meta.place, meta.level, meta.year, meta.date) == ("某某市", "city", 2023, "2023-01-05")
    assert (meta.speaker_role, meta.speaker) == ("市长", "张三")
    meta = read_metadata(OPENING, {}, overrides={"place": "别处县", "year": 2020})
    assert (meta.place, meta.year) == ("别处县", 2020)


def test_metadata_reads_a_session_line_a_page_break_cut():
    meta = read_metadata("——2021 年 2 月 3 日在连州市十五届\n\n人民代表大会第七次会议上\n", {})
    assert (meta.place, meta.date) == ("连州市", "2021-02-03")


def test_parse_report_keeps_front_matter_and_overrides():
    report = parse_report(FRONT + OPENING + "各位代表：\n\n我们完成了任务。\n",
                          metadata={"level": "county"})
    assert report.metadata.title == "2023年某某市政府工作报告"
    assert report.metadata.level == "county"
    assert report.paragraph(1).line == 11  # the front matter's lines are still counted


@pytest.mark.parametrize("place,level", [("海南省", "province"), ("北京市", "municipality"),
                                         ("广西壮族自治区", "province"), ("孝感市", "city"),
                                         ("恩施州", "city"), ("桃江县", "county"),
                                         ("某某", None)])
def test_level_of(place, level):
    assert level_of(place) == level


# --------------------------------------------------------------------------- paragraphs


def test_a_text_without_blank_lines_is_one_paragraph_a_line():
    text = "各位代表：\n我们完成了任务。\n一、工作\n推进建设。\n"
    assert not has_blank_lines(text)
    assert [b.raw for b in split_blocks(text)] == ["各位代表：", "我们完成了任务。", "一、工作", "推进建设。"]
    assert has_blank_lines("甲。\n\n乙。\n")
    assert not has_blank_lines("\n\n甲。\n乙。\n\n")  # blank lines only around the text


@pytest.mark.parametrize("text,pdf", [
    ("一、总体\n\n完成任务，\n\n继续推进。\n\n再完成任务，\n\n继续。\n", True),   # two comma cuts
    ("一、总体\n\n完成任务，\n\n继续推进。\n", False),                         # one is not enough
    ("一、总体\n\n完成改造。进\n\n一步深化。\n", True),                        # a short fragment
    ("一、总体\n\n推进“两区”^[2]建设。\n", True),                              # caret marker
    ("一、总体\n\n（一）提升核心竞争力，加快构建新格局\n\n推进建设。\n", False),   # a web heading
])
def test_pdf_extraction_is_told_from_web_text(text, pdf):
    assert is_pdf_extraction(split_blocks(text)) is pdf


def test_a_web_heading_without_final_punctuation_is_not_glued():
    text = "各位代表：\n\n我们完成了任务。\n\n（一）提升核心竞争力，加快构建新格局\n\n推进建设。\n"
    report = parse_report(text)
    assert [p.text for p in report.paragraphs][-2:] == ["（一）提升核心竞争力，加快构建新格局", "推进建设。"]


def test_a_second_note_whose_headword_ends_the_line_of_the_first():
    # 1.“甲乙”城市一型、二型城市。2.丙丁  <- note 2 at the end of note 1's line, its headword alone
    # 丙：子项一；                          <- and its definition in labelled lines below
    # 丁：子项二。
    notes = notes_of("1.“甲乙”城市一型、二型城市。2.丙丁\n\n丙：子项一；\n\n丁：子项二。\n\n"
                     "3.戊己\n\n戊：子项三；\n\n己：子项四。\n\n4.庚辛：定义四。\n", "部分用语说明")
    assert heads(notes) == [(1, "甲乙", "城市一型、二型城市。"),
                            (2, "丙丁", "丙：子项一；\n丁：子项二。"),
                            (3, "戊己", "戊：子项三；\n己：子项四。"),
                            (4, "庚辛", "定义四。")]


def test_a_definition_cut_mid_sentence_is_still_joined_without_a_line_break():
    notes = notes_of("1.甲乙：定义一的前半\n\n后半。\n\n2.丙丁：定义二。3.戊己\n\n戊：子项；\n\n"
                     "4.庚辛：定义四。\n")
    assert heads(notes)[0] == (1, "甲乙", "定义一的前半后半。")
    # a number and a headword ending a line whose sentence goes on are the sentence's own
    notes = notes_of("1.甲乙：指第12.5\n\n万亩地。\n\n2.丙丁：定义二。\n\n3.戊己：定义三。\n")
    assert heads(notes)[0] == (1, "甲乙", "指第12.5万亩地。")


@pytest.mark.parametrize("length, split", [(30, True), (31, False)])
def test_a_headword_ending_the_line_before_is_at_most_30_characters(length, split):
    head = "丙" * length
    notes = notes_of(f"1.“甲乙”城市一型、二型城市。2.{head}\n\n丙：子项一；\n\n丁：子项二。\n\n"
                     "3.戊己：定义三。\n\n4.庚辛：定义四。\n")
    found = {n.number: n for n in notes}
    assert (2 in found) is split
    if split:
        assert (found[2].headword, found[2].definition) == (head, "丙：子项一；\n丁：子项二。")
    else:  # left in note 1's definition, as before
        assert head in found[1].definition


def test_unnumbered_notes_are_not_split_at_a_number():
    notes = notes_of("甲乙：定义一，见第2.丙丁\n\n丙：子项。\n\n戊己：定义三。\n\n庚辛：定义四。\n")
    assert notes[0].definition.startswith("定义一，见第2.丙丁")


# --------------------------------------------------------------------------- notes with no heading


def test_a_notes_part_with_no_heading_is_read_block_by_block():
    # No 名词解释 heading: each block opening with a marker is a note. The headword ends at
    # the first colon outside quotation marks (full-width or ASCII); no colon, no headword.
    report = parse_report("坚持稳中求进工作总基调，推动高质量发展。\n\n"
                          "〔1〕“甲：乙”：指甲和乙两个方面。\n\n"
                          "〔2〕两违:指违法用地和违法建设。\n\n"
                          "[3]没有冒号的注释\n")
    assert [p.text for p in report.paragraphs] == ["坚持稳中求进工作总基调，推动高质量发展。"]
    assert [tuple(n) for n in report.notes] == [
        (1, "“甲：乙”", "指甲和乙两个方面。", 3, "甲：乙"),
        (2, "两违", "指违法用地和违法建设。", 5, "两违"),
        (3, "", "没有冒号的注释", 7, ""),
    ]


@pytest.mark.parametrize("text, expected", [
    ("甲：乙：丙", ("甲", "：", "乙：丙")),                      # the first colon
    ("两违:指", ("两违", ":", "指")),
    ("没有冒号", ("没有冒号", "", "")),
    ("“甲：乙”：指", ("“甲：乙”", "：", "指")),
    ("‘甲：乙’：指", ("‘甲：乙’", "：", "指")),
    ("「甲：乙」：指", ("「甲：乙」", "：", "指")),
    ("『甲：乙』：指", ("『甲：乙』", "：", "指")),
    ("“甲“乙”丙：丁”：指", ("“甲“乙”丙：丁”", "：", "指")),      # quotes inside quotes
    ("甲”乙：丙", ("甲”乙", "：", "丙")),                        # a stray closing quote
    ("“甲：乙", ("“甲：乙", "", "")),                            # a quote never closed
    ("X射线：指", ("X射线", "：", "指")),                        # a Latin letter is no quote
    ("“X射线：检查”：指", ("“X射线：检查”", "：", "指")),        # nor a closing one
])
def test_a_headingless_note_splits_at_the_first_colon_outside_quotes(text, expected):
    assert _split_note(text) == expected


def test_plain_digits_with_a_dot_or_comma_carry_on_circled_numbers():
    # ①②③ then 4. and 5、: the next numbers in another style (before the fix, 4. was read
    # as a line of ③'s definition: it was compared with ②, the last note closed).
    circled = [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(3)]
    notes = notes_of("\n\n".join(circled + ["4.词4号：定义。", "5、词5号：定义。"]) + "\n")
    assert heads(notes) == [(n, f"词{n}号", "定义。") for n in range(1, 6)]


def test_plain_digits_after_circled_numbers_must_come_next():
    # 5. after ③ skips 4: a line of ③'s definition, not a note.
    circled = [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(3)]
    notes = notes_of("\n\n".join(circled + ["5.词5号：定义。"]) + "\n")
    assert heads(notes)[-1] == (3, "词3号", "定义。\n5.词5号：定义。")


def test_eleven_with_a_dot_after_circled_ten():
    circled = [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(10)]
    notes = notes_of("\n\n".join(circled + ["11.词11号：定义。", "12、词12号：定义。"]) + "\n")
    assert heads(notes)[-2:] == [(11, "词11号", "定义。"), (12, "词12号", "定义。")]
    # ⑩ then （11）: the numbering goes on in brackets, the number is no part of the headword
    notes = notes_of("\n\n".join(circled + ["（11）词11号：定义。"]) + "\n")
    assert heads(notes)[-1] == (11, "词11号", "定义。")
    # before ⑩ a bracketed number is an enumeration inside the open note
    notes = notes_of("\n\n".join(circled[:3] + ["（4）子项：内容。"]) + "\n")
    assert heads(notes)[-1] == (3, "词3号", "定义。\n（4）子项：内容。")


def test_plain_digits_after_circled_ten_are_glued_notes():
    lines = [f"{chr(0x2460 + i)}词{i + 1}号：定义。" for i in range(10)] + ["11词11号：定义。"]
    assert notes_of("\n\n".join(lines) + "\n")[-1].style == "glued"


def test_a_definition_ending_in_bold_punctuation_is_a_finished_sentence():
    from cngloss.sources.report.notes import _terminal

    assert _terminal("指稳就业。**")
    assert not _terminal("指稳就业**")


def test_a_headword_alone_is_a_short_line_without_a_separator():
    from cngloss.sources.report.notes import _headword_alone

    assert _headword_alone("六稳六保")
    assert not _headword_alone("丙丁：子项")
    assert not _headword_alone("丙" * 31)
