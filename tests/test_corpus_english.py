"""Senses: which sense of the file of renderings a definition has (the share of the
meaning's characters it uses), the renderings an entry gets (only its senses'), and the
sense a passage's own listed items give the headword. Expectations worked out by hand."""

from __future__ import annotations

import pytest

from cngloss.corpus.english import (OTHER, SENSE_THRESHOLD, EnglishIndex, form_key,
                                    passage_senses, renderings_for, sense_of, with_senses)
from cngloss.model import (EnglishEntry, Entry, FoundPassage, NoteDefinition, NoteSource,
                           Passages, ReportInfo, ReportPassages, SourcedRendering, Term)
from cngloss.sources.english import EnglishData, load_english
from cngloss.text.overlap import coverage, gloss_characters
from conftest import FIXTURES

BATTLES = "防范化解重大风险、精准脱贫、污染防治"


def test_coverage_is_the_share_of_the_glosses_characters():
    # 防范化解重大风险精准脱贫污染防治: 15 distinct hanzi (防 twice)
    assert len(gloss_characters(BATTLES)) == 15
    assert coverage("指防范化解重大风险、精准脱贫、污染防治，是十九大提出的新表述。", BATTLES) == 1.0
    assert coverage("汽车、钢铁、化工产业转型", BATTLES) == pytest.approx(1 / 15)  # 化
    assert coverage("", BATTLES) == 0.0 and coverage("任何文字", "") == 0.0


def test_a_remark_in_brackets_is_not_part_of_the_meaning():
    assert gloss_characters("大规模设备更新（2024年起的国家用法）") == gloss_characters("大规模设备更新")
    assert gloss_characters("双控(后转向碳排放)") == set("双控")


def entry(term="三大攻坚战", meaning=BATTLES, sense="national", english="three critical battles"):
    return EnglishEntry(term, sense, (SourcedRendering(english, "official", "X",
                                                       "https://example.org/x"),), (),
                        meaning, (), 1)


def test_a_definition_has_the_sense_whose_meaning_it_covers():
    national = entry()
    assert sense_of("坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。", [national]) is national
    assert sense_of("汽车、钢铁、化工产业转型三大攻坚战。", [national]) is None
    # at the threshold itself: 6 of 15 characters is 0.4, 5 of 15 is 0.33
    assert SENSE_THRESHOLD == 0.35
    assert sense_of("防范化解重大", [national]) is national
    assert sense_of("防范化解重", [national]) is None


def test_a_sense_without_a_meaning_takes_every_definition():
    zombie = entry("僵尸企业", None)
    assert sense_of("任何定义", [zombie]) is zombie


def test_of_two_senses_the_better_covered_wins():
    national = entry(meaning="经济建设、政治建设、文化建设、社会建设、生态文明建设")
    local = entry(meaning="垃圾收运、道路修护、绿化养护、河道管护、设施维护", sense="local",
                  english="five-in-one upkeep")
    assert sense_of("经济、政治、文化、社会和生态文明建设", [national, local]) is national
    assert sense_of("集道路修护、绿化养护于一体的管护机制", [national, local]) is local


def test_renderings_are_only_those_of_the_senses_the_definitions_have():
    national = entry()
    assert renderings_for([national], ["汽车、钢铁、化工产业转型。"]) == ()
    assert renderings_for([national], ["汽车、钢铁。", "精准脱贫、污染防治、防范化解重大风险。"]) \
        == national.renderings


def test_forms_are_matched_without_punctuation_quotes_or_width():
    data = load_english(FIXTURES / "english" / "renderings.yaml")
    index = EnglishIndex(data)
    assert [e.term for e in index.entries_for(["“三大攻坚战”"])] == ["三大攻坚战"]
    assert [e.term for e in index.entries_for(["打好三大攻坚战"])] == ["三大攻坚战"]
    assert index.entries_for(["三大攻坚"]) == []  # no prefix, no guess
    assert form_key("“五位一体”总体 布局") == "五位一体总体布局"
    assert form_key("ＲＣＥＰ") == "rcep"


def source(rid, number):
    return NoteSource(rid, number - 1, number, 2020, f"市{rid}", "city")


def test_show_gives_each_sense_its_own_english_and_reports():
    five = EnglishEntry("五位一体", "national", (SourcedRendering(
        "Five-sphere Integrated Plan", "official", "X", "https://example.org/5"),), (),
        "经济建设、政治建设、文化建设、社会建设、生态文明建设", (), 1)
    index = EnglishIndex(EnglishData(FIXTURES, (five,)))
    curated = Term("wuwei-yiti", "五位一体", "wǔ wèi yī tǐ",
                   "指集生活垃圾收运处理、道路修护、绿化养护于一体的管护机制。")
    definitions = [NoteDefinition("经济建设、政治建设、文化建设、社会建设和生态文明建设。",
                                  (source(1, 2),), ("五位一体",), False),
                   NoteDefinition("县城建设、工业园区同步安排，一体推进。", (source(2, 7),),
                                  ("五位一体",), False)]
    shown = with_senses(Entry(curated, True, True, None, definitions, None, ("五位一体",)),
                        index)
    assert [d.sense for d in shown.definitions] == ["national", OTHER]
    own, national = shown.senses
    assert (own.sense, own.own, own.renderings, own.sources) == (OTHER, True, (), (source(2, 7),))
    assert (national.sense, national.own, national.sources) == ("national", False,
                                                                (source(1, 2),))
    assert national.renderings == five.renderings


def test_a_headword_the_file_does_not_name_has_no_senses():
    index = EnglishIndex(EnglishData(FIXTURES, (entry(),)))
    plain = Entry(Term("liangwei", "两违", "liǎng wéi", "指违法用地和违规建筑。"), True, True,
                  None, [], None)
    assert with_senses(plain, index) == plain


def test_a_passage_that_lists_the_items_gives_its_sense():
    index = EnglishIndex(EnglishData(FIXTURES, (entry(),)))
    term = Term("sanda", "三大攻坚战", "sān dà gōng jiān zhàn", BATTLES + "。")
    shown = with_senses(Entry(term, False, False, None, [], None, ("三大攻坚战",)), index)
    texts = ["持续打好汽车、钢铁、化工产业转型三大攻坚战。",  # 持续 and 打好 both lead in
             "坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。", "三大攻坚战取得成效。"]
    reports = [ReportInfo(k, f"市{k}", "city", 2026, None, "x", 1, 10, None) for k in (1, 2, 3)]
    groups = [ReportPassages(r, [FoundPassage(1, 1, (), t, ((t.index("三大"), t.index("三大") + 5),))],
                             0) for r, t in zip(reports, texts)]
    entry_after, found = passage_senses(shown, Passages("三大攻坚战", ("三大攻坚战",), groups, 3,
                                                        3, 3, None), index)
    marked = [g.passages[0] for g in found.groups]
    assert [(p.sense, p.expansion) for p in marked] == [
        (OTHER, ("汽车", "钢铁", "化工产业转型")),
        ("national", ("防范化解重大风险", "精准脱贫", "污染防治")), (None, ())]
    uses = {s.sense: [r.place for r in s.uses] for s in entry_after.senses}
    assert uses == {"national": ["市2"], OTHER: ["市1"]}
