"""Where the report body uses each of the 23 terms.

The expected passages were written down by reading the report (paragraph numbers as
counted in test_report.py), not by running the code.
"""

from __future__ import annotations

import pytest

from cngloss import parse_report
from cngloss.lookup.passages import PassageFinder, find_keys, sentences
from cngloss.text.matching import find_spans

PART_REVIEW = "2020年及“十三五”期间工作回顾"
PART_PLAN = "“十四五”时期的主要目标和任务"
PART_2021 = "2021年工作安排"

EXPECTED = {
    "六稳六保": [(3, "围绕“六稳”“六保”任务"), (24, "扎实做好“六稳”“六保”工作")],
    "一般债、专项债及特别国债": [(5, "争取到位一般债、专项债及特别国债资金14.25亿元")],
    "僵尸企业": [(6, "出清“僵尸企业”102家")],
    "四好农村公路": [(7, "完成“四好农村公路”建设攻坚任务138.3公里"),
                   (31, "开展创建省级“四好农村路”示范县")],  # only the variant catches this
    "五位一体": [(7, "“五位一体”管护机制有序运行")],
    "两个不低于或高于": [(9, "义务教育教师工资收入实现“两个不低于或高于”")],
    "八有一超": [(11, "实现贫困户“八有一超”和“两不愁三保障”")],
    "两不愁三保障": [(11, "实现贫困户“八有一超”和“两不愁三保障”"),
                  (30, "“两不愁三保障”巩固情况")],
    "一园五区一基地一商贸小镇": [(18, "加快推进“一园五区一基地一商贸小镇”重大产业平台"),
                            (29, "进一步明确“一园五区一基地一商贸小镇”的功能定位")],
    "一中心两支点": [(22, "加快构建“一中心两支点”的城市发展格局")],
    "四方责任": [(27, "压实“四方责任”，优化防控措施")],
    "五早一保障": [(27, "落实“五早一保障”措施")],
    "耕地非农化非粮化": [(30, "遏制耕地“非农化”、防止“非粮化”")],
    "三品一标": [(30, "农产品“三品一标”3个以上")],
    "四个不摘": [(30, "严格落实“四个不摘”要求")],
    "两水改造": [(31, "“两水”改造、背街小巷改造")],
    "两违": [(31, "严格“两违”管控")],
    "县管校聘": [(34, "深化“县管校聘”管理改革")],
    "六统一管理": [(34, "实现医疗总院“六统一”管理")],
    "促进就业九条": [(34, "推动2.0版“促进就业九条”各项政策落实")],
    "双重预防机制": [(35, "全面推行“双重预防机制”建设")],
    "新时代枫桥经验": [(35, "学习运用新时代“枫桥经验”")],
    "雪亮工程": [(35, "推进“雪亮工程”建设")],
}


def term_named(glossary, headword):
    return next(t for t in glossary.terms if t.term == headword)


def test_every_term_has_an_expectation(glossary):
    assert sorted(EXPECTED) == sorted(t.term for t in glossary.terms)


@pytest.mark.parametrize("headword", sorted(EXPECTED))
def test_the_passages_of_each_term(corpus, glossary, headword):
    passages = corpus.passages(term_named(glossary, headword))
    found = [(p.paragraph, p.text) for p in passages]
    expected = EXPECTED[headword]
    assert len(found) == len(expected), found
    for (paragraph, text), (want_paragraph, want_text) in zip(found, expected):
        assert paragraph == want_paragraph
        assert want_text in text


@pytest.mark.parametrize("headword", sorted(EXPECTED))
def test_each_passage_is_one_sentence_with_its_spans_on_the_term(corpus, glossary, headword):
    term = term_named(glossary, headword)
    for passage in corpus.passages(term):
        assert passage.text.endswith(("。", "！", "？"))
        assert passage.text.count("。") == 1
        assert not any(mark in passage.text for mark in ("^", "**", "〔"))
        assert passage.spans
        for a, b in passage.spans:
            marked = passage.text[a:b].replace("“", "").replace("”", "").replace("、防止", "")
            assert any(form in marked or marked in form for form in term.forms), marked


def test_spans_take_in_the_quotes_around_and_between_the_parts(corpus, glossary):
    [first, _] = corpus.passages(term_named(glossary, "六稳六保"))
    [(a, b)] = first.spans
    assert first.text[a:b] == "“六稳”“六保”"
    [passage] = corpus.passages(term_named(glossary, "两水改造"))
    assert [passage.text[a:b] for a, b in passage.spans] == ["“两水”改造"]
    [passage] = corpus.passages(term_named(glossary, "耕地非农化非粮化"))
    assert [passage.text[a:b] for a, b in passage.spans] == ["耕地“非农化”", "“非粮化”"]


@pytest.mark.parametrize("headword,section", [
    ("八有一超", (PART_REVIEW, "四是脱贫攻坚全面完成")),
    ("县管校聘", (PART_2021, "（八）坚持社会事业全面发展，增进各领域民生福祉", "保障教育优先发展")),
    ("六统一管理", (PART_2021, "（八）坚持社会事业全面发展，增进各领域民生福祉", "加快医疗卫生事业发展")),
    ("雪亮工程", (PART_2021, "（九）统筹推进安全与发展两件大事，有效提升风险防范能力")),
    ("一中心两支点", (PART_PLAN, "五要提升城乡品质，建设美丽连州")),
])
def test_section_paths_of_passages(corpus, glossary, headword, section):
    assert corpus.passages(term_named(glossary, headword))[-1].section == section


def test_the_variant_passage_stands_under_the_lead_cut_by_a_page_break(corpus, glossary):
    passage = corpus.passages(term_named(glossary, "四好农村公路"))[1]
    assert passage.section == (PART_2021, "（五）加快新型城镇化建设，统筹抓好城乡融合发展",
                               "构建“内外畅通”的交通路网")


def test_a_sentence_joined_across_a_page_break_is_one_passage(corpus, glossary):
    # “六稳”“六保”工作，巩固拓展…成果， | 统筹发展与安全，… : one sentence over a page break
    passage = corpus.passages(term_named(glossary, "六稳六保"))[1]
    assert "巩固拓展疫情防控和经济社会发展成果，统筹发展与安全" in passage.text


def test_paragraph_context_gives_the_whole_paragraph(corpus, glossary, report):
    term = term_named(glossary, "两不愁三保障")
    passages = corpus.passages(term, context="paragraph")
    assert [p.paragraph for p in passages] == [11, 30]
    assert passages[0].text == report.paragraph(11).text


def test_one_passage_per_sentence_even_with_two_uses(corpus):
    from cngloss.model import Term

    both = Term(id="x", term="八有一超", pinyin="", definition="", variants=("两不愁三保障",))
    [passage] = [p for p in corpus.passages(both) if p.paragraph == 11]
    assert len(passage.spans) == 2


def test_the_notes_section_is_never_a_passage(corpus, glossary):
    for term in glossary.terms:
        for passage in corpus.passages(term):
            assert "：指" not in passage.text[:30]


def test_find_spans_ignores_quotes_in_any_text():
    assert find_spans("遏制耕地“非农化”。", ["耕地非农化"]) == [(2, 9)]
    assert find_spans("无关文字", ["两违"]) == []


def test_sentences_split_at_full_stops_and_keep_closing_quotes():
    text = "甲。乙“丙。”丁！戊"
    assert [text[a:b] for a, b in sentences(text)] == ["甲。", "乙“丙。”", "丁！", "戊"]


# Source lines, read off data/lianzhou-2021-government-work-report.txt: the line each
# passage's sentence stands on (a paragraph that a page break cuts spans two lines).
SENTENCE_LINES = {
    "八有一超": [45], "两违": [99], "两水改造": [99], "四好农村公路": [31, 99],
    "六统一管理": [109], "促进就业九条": [109], "僵尸企业": [29], "县管校聘": [107],
    "雪亮工程": [111], "六稳六保": [19, 79],
}


@pytest.mark.parametrize("headword", sorted(SENTENCE_LINES))
def test_a_passage_names_the_line_its_sentence_stands_on(corpus, glossary, headword):
    passages = corpus.passages(term_named(glossary, headword))
    assert [p.line for p in passages] == SENTENCE_LINES[headword]


def test_line_and_column_point_at_the_passage_and_each_use_in_the_file(corpus, glossary):
    from conftest import REPORT

    source = REPORT.read_text(encoding="utf-8").splitlines()
    for term in glossary.terms:
        for passage in corpus.passages(term):
            at = source[passage.line - 1][passage.column - 1:]
            assert at.startswith(passage.text[:4]), (term.term, passage.line, at[:10])
            for (a, b), (line, column) in zip(passage.spans, passage.locations, strict=True):
                there = source[line - 1][column - 1:]
                assert there.startswith(passage.text[a]), (term.term, line, there[:10])


def test_a_use_after_a_page_break_is_on_the_later_line():
    from cngloss.lookup.passages import PassageFinder
    from cngloss.sources.report import parse_report

    report = parse_report(
        "一、总体\n\n"
        "  甲乙 1 000 元^{〔1〕}，丙丁。戊己**“某\n"
        "\n"
        "某**工程”^[2]建设，庚辛。\n")
    [first, second] = PassageFinder(report).find(["丙丁", "某某工程"])
    assert (first.line, first.column) == (3, 3)
    assert (second.line, second.column) == (3, 23)  # the sentence opens on line 3 ...
    assert second.locations == ((3, 27),)  # ... and so does the term (its quote), cut by the break
    [third] = PassageFinder(report).find(["工程"])
    assert third.locations == ((5, 4),)  # after 某**, on the next page


def test_paragraph_context_passages_start_on_the_paragraphs_line(corpus, glossary):
    [passage] = corpus.passages(term_named(glossary, "六统一管理"), context="paragraph")
    assert passage.line == 107 and passage.locations[0][0] == 109


def test_a_correction_keeps_the_lines_of_what_it_keeps():
    from cngloss.model import Correction
    from cngloss.lookup.passages import PassageFinder
    from cngloss.sources.report import parse_report

    fix = Correction("改造。进进一步", "改造。进一步", reason="test")
    report = parse_report("一、总体\n\n完成改造。进\n\n进一步深化改革。推进建设。\n", corrections=(fix,))
    assert report.paragraph(1).text == "完成改造。进一步深化改革。推进建设。"
    assert [a.line for a in report.applied] == [3]
    [deepen] = PassageFinder(report).find(["深化"])
    assert deepen.locations == ((5, 4),)
    [build] = PassageFinder(report).find(["推进建设"])
    assert (build.line, build.column) == (5, 9)


@pytest.mark.parametrize("mark", list("“”‘’\"'「」『』"))
def test_each_quotation_mark_between_the_characters_of_a_form_is_passed_over(mark):
    text = f"坚持六稳{mark}{mark}六保。"
    assert find_spans(text, ["六稳六保"]) == [(2, 8)]


@pytest.mark.parametrize("other", ["\x00", "\x01", "·", "、", " ", "\u3000"])
def test_no_other_character_between_the_characters_of_a_form_is_passed_over(other):
    assert find_spans(f"坚持六稳{other}六保。", ["六稳六保"]) == []
    assert find_spans(f"坚持六稳{other}六保。", ["六保"]) == [(5, 7)]


def test_find_spans_takes_in_the_quote_of_a_term_inside_a_longer_one():
    # “两违”“建筑 holds 两违建筑 (quotes between characters allowed) from offset 1; the inner
    # form 两违 is quoted from offset 0, so the one span starts at the opening quote.
    assert find_spans("“两违”“建筑", ["两违建筑", "两违"]) == [(0, 7)]
    assert find_spans("“两违”“建筑", ["两违建筑"]) == [(1, 7)]


# --------------------------------------------------------------------------- many texts, many keys


def test_find_keys_tells_which_keys_occur_in_each_text():
    texts = ["两违整治。",        # 两违 at the very start of the first text
             "无关。",
             "做好“六稳”“六保”",  # quotes between the characters
             "两违建筑",          # 两违建筑, and inside it 两违 and 违建
             "违",
             "推进两违"]          # at the very end of the last text
    forms = {"a": ["两违"], "b": ["六稳六保"], "c": ["“两违建筑”"], "d": ["违建"]}
    assert find_keys(texts, forms) == [{"a"}, set(), {"b"}, {"a", "c", "d"}, set(), {"a"}]


def test_find_keys_never_matches_across_two_texts():
    assert find_keys(["甲两", "违乙"], {"a": ["两违"]}) == [set(), set()]


def test_find_keys_with_nothing_to_find_or_nowhere_to_look():
    assert find_keys(["两违"], {}) == [set()]
    assert find_keys(["两违"], {"a": ["“”"]}) == [set()]   # a form that is only quotes
    assert find_keys([], {"a": ["两违"]}) == []


def test_occurs_ignores_quotes_and_never_spans_two_paragraphs():
    finder = PassageFinder(parse_report("推进两违整治，做好工作甲\n\n乙方面的工作取得成效。\n"))
    assert finder.occurs("两违") and finder.occurs("“两违”")
    assert not finder.occurs("六稳")
    assert not finder.occurs("")
    assert not finder.occurs("甲\n乙")                    # the body joins paragraphs with \n


def test_passages_for_many_terms_are_those_of_each_term():
    finder = PassageFinder(parse_report("严格两违管控。推进违建拆除。\n\n落实四方责任。\n"))
    terms = {"a": ["两违"], "b": ["违建", "四方责任"], "c": ["没有的词"]}
    found = finder.find_many(terms)
    assert sorted(found) == ["a", "b"]
    assert [p.text for p in found["a"]] == ["严格两违管控。"]
    assert [p.text for p in found["b"]] == ["推进违建拆除。", "落实四方责任。"]


def test_a_term_s_passages_are_sentences_unless_asked_for_paragraphs(report, glossary):
    finder = PassageFinder(report)
    term = next(t for t in glossary.terms if t.term == "两违")
    [sentence] = finder.passages(term)
    [paragraph] = finder.passages(term, "paragraph")
    assert "严格“两违”管控" in sentence.text and sentence.text.endswith("。")
    assert sentence.text in paragraph.text and len(sentence.text) < len(paragraph.text)


def test_finding_nothing_is_an_empty_list_and_a_bad_context_is_refused():
    finder = PassageFinder(parse_report("严格两违管控。\n"))
    assert finder.find(["没有的词"]) == []
    with pytest.raises(ValueError, match=r"context must be one of \('sentence', 'paragraph'\)"):
        finder.find_many({"a": ["两违"]}, "page")


def test_find_spans_takes_in_the_closing_quote_of_a_term_at_the_end_of_a_longer_one():
    # 甲”乙“两违 is 甲乙两违 (0..6, its quotes balanced: no quote of its own); 两违 inside it
    # is quoted “两违”, so the span runs on to that closing quote.
    assert find_spans("甲”乙“两违”", ["甲乙两违", "两违"]) == [(0, 7)]


def test_a_form_inside_a_longer_one_is_found_for_its_own_key():
    # The scan matches the longest form (两违建筑); the key of 两违, inside it, has the
    # sentence too, with its own span.
    finder = PassageFinder(parse_report("严格两违建筑管控。\n"))
    found = finder.find_many({"short": ["两违"], "long": ["两违建筑"]})
    assert [(p.text, p.spans) for p in found["short"]] == [("严格两违建筑管控。", ((2, 4),))]
    assert [(p.text, p.spans) for p in found["long"]] == [("严格两违建筑管控。", ((2, 6),))]


def test_a_paragraph_passage_is_placed_in_the_section_where_its_first_use_starts():
    # Two leads (一是… 二是…); a use running from the first into the second belongs to the
    # first: where it starts.
    report = parse_report("一、工作安排\n\n一是做好工作。二是加强管理。\n")
    [passage] = PassageFinder(report).find(["工作。二是加强"], "paragraph")
    assert passage.text == "一是做好工作。二是加强管理。"
    assert passage.section == ("一、工作安排", "一是做好工作")
    assert passage.spans == ((4, 11),)


def test_a_use_ending_a_paragraph_without_a_full_stop_is_a_passage():
    report = parse_report("严格两违管控。推进两违\n")
    found = PassageFinder(report).find(["两违"])
    assert [(p.text, p.spans) for p in found] == [("严格两违管控。", ((2, 4),)),
                                                  ("推进两违", ((2, 4),))]


def test_passages_for_many_terms_by_id(report, glossary):
    terms = [t for t in glossary.terms if t.term in ("两违", "县管校聘")]
    found = PassageFinder(report).passages_for(terms)
    assert sorted(found) == sorted(t.id for t in terms)
    for term in terms:
        [(number, fragment)] = EXPECTED[term.term]
        [passage] = found[term.id]
        assert passage.paragraph == number and fragment in passage.text
        assert passage.text.endswith("。")      # a sentence, the default context


@pytest.mark.parametrize("text, expected", [
    ("两违两违", [(0, 4)]),      # two touching uses are one span (as grep --json counts them)
    ("两违”的“", [(0, 2)]),      # at offset 0 there is no quote before (text[-1] is the last)
    ("两”违的“", [(0, 3)]),      # its own closing quote, but nothing opens before offset 0
    ("“两”违", [(0, 4)]),        # a quote closed inside takes in the one opening before it
    ("两“违的", [(0, 3)]),       # a quote opened inside, not closed after it: nothing added
    ("两违”", [(0, 2)]),         # a closing quote with no opening one is not the term's
    ("两“”违”", [(0, 4)]),       # quotes balanced inside: the closing one after is not its
])
def test_find_spans_takes_in_only_the_quotes_that_belong_to_the_use(text, expected):
    assert find_spans(text, ["两违"]) == expected


def test_a_one_character_form_inside_a_longer_one_is_found_too():
    finder = PassageFinder(parse_report("严格两违建筑管控。\n"))
    found = finder.find_many({"long": ["两违建筑"], "one": ["建"]})
    assert [(p.text, p.spans) for p in found["one"]] == [("严格两违建筑管控。", ((4, 5),))]
