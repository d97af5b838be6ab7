"""Near forms (issue 23): how a body writes a term it never writes whole, suggested for
review. Each body is written here and the expected form is read off it; then the forms
labelled by reading the collection's reports (tests/fixtures/near_forms_sample.json:
hashes, no text)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cngloss.corpus.importer import _glossary_data
from cngloss.corpus.suggest import suggest_near_forms
from cngloss.lookup.passages import PassageFinder
from cngloss.sources.report import parse_report
from conftest import collection_texts, shared_dir


def near(term: str, body: str, printed: str | None = None, headwords=()) -> list[str]:
    report = parse_report(body)
    return suggest_near_forms(term, printed or term, report, PassageFinder(report), headwords)


@pytest.mark.parametrize("term, body, form", [
    # a few characters inserted
    ("市委十字总任务", "紧紧围绕市委十字总体任务，主动适应新常态。\n", "市委十字总体任务"),
    ("甲乙园区开发建设模式", "探索实施“甲乙”园区开发建设新模式，力争产值增长。\n", "“甲乙”园区开发建设新模式"),
    ("国家甲山片区扶贫攻坚试点", "纳入国家甲山片区区域发展与扶贫攻坚试点。\n", "国家甲山片区区域发展与扶贫攻坚试点"),
    # two terms sharing their head: the term is written split
    ("三个一批信访化解攻坚", "开展“三个一批”和住建领域信访化解攻坚。\n", "“三个一批”和住建领域信访化解攻坚"),
    ("两清两减两治", "推进“两清、两减、两治”为重点的建设。\n", "两清、两减、两治"),
    ("甲乙工程", "实施甲乙丙丁戊己庚辛壬癸工程。\n", "甲乙丙丁戊己庚辛壬癸工程"),   # 8 inserted: the most
])
def test_a_split_form(term, body, form):
    assert near(term, body) == [form]


@pytest.mark.parametrize("term, printed, body, form", [
    # the quoted tail of a named programme
    ("旅游振兴工程五大行动", "旅游振兴工程“五大行动”", "实施旅游“振兴工程”，旅游业恢复。\n", "旅游振兴工程"),
    # a generic tail
    ("职教强基计划", "职教强基计划", "实施职教强基，中职学生增加。\n", "职教强基"),
    # the numbered core, its qualifier named where the body writes it
    ("旅游产业发展三年提升计划", "旅游产业发展三年提升计划",
     "深入实施旅游行动和三年提升计划，旅游收入增长。\n", "三年提升计划"),
    ("医药卫生体制改革的五项重点工作", "医药卫生体制改革的五项重点工作",
     "稳妥推进医药卫生体制改革，全面落实五项重点工作。\n", "五项重点工作"),
    # ... or opening on a code, which names it anyway
    ("藏区9+3免费教育计划", "藏区“9+3”免费教育计划", "实施9+3免费教育计划，学生增加。\n", "9+3免费教育计划"),
])
def test_a_shortened_form(term, printed, body, form):
    assert near(term, body, printed) == [form]


@pytest.mark.parametrize("term, printed, body", [
    # the quoted tail is the term: what is left names a field, not the programme
    ("安全生产双重预防体系", "安全生产“双重预防体系”", "顺利通过省安全生产巡查，考核居全省前列。\n"),
    # the core written for another field
    ("食品药品监管四个最严", "食品药品监管“四个最严”", "全面落实森林资源管控四个最严制度。\n"),
    ("国企改革三年行动", "国企改革三年行动", "启动安全生产专项整治三年行动，事故下降。\n"),
    # a count of anything, the second of two slogans
    ("在甲市签约的10个项目", "在甲市签约的10个项目", "全力推进乙市签约10个项目。\n"),
    ("三件大事三大会战", "三件大事三大会战", "突出抓好三件大事，实施三大会战。\n"),
    # two clauses, a count in between
    ("六稳六保", "“六稳”“六保”", "做好“六稳”工作、全面落实“六保”任务。\n"),
    ("破零倍增", "破零倍增", "253家企业实现“破零”、107家“倍增”。\n"),
    # a gap longer than 8 characters
    ("甲乙工程", "甲乙工程", "实施甲乙丙丁戊己庚辛壬癸子工程。\n"),
])
def test_no_near_form(term, printed, body):
    assert near(term, body, printed) == []


def test_nothing_is_suggested_for_a_term_the_body_writes_whole():
    assert near("职教强基计划", "实施职教强基计划和职教强基。\n") == []


def test_a_shortened_form_that_is_another_notes_headword_is_that_notes():
    assert near("职教强基计划", "实施职教强基。\n", headwords=["职教强基", "职教强基计划"]) == []


def test_import_lists_a_near_form_as_an_unreviewed_variant_and_flags_it():
    report = parse_report("某市政府工作报告\n\n紧紧围绕市委十字总体任务，推进两违整治。\n\n名词解释\n\n"
                          "1.市委“十字”总任务：指十个字的总任务。\n\n2.两违：违法用地和违法建设。\n\n"
                          "3.雪亮工程：视频监控。\n")
    glossary, flags = _glossary_data(report, {})
    first = glossary["terms"][0]
    assert first["variants"] == ["市委十字总体任务"] and "variants" in first["unreviewed"]
    assert first["term"] == "市委十字总任务"   # the headword stays the report's: nothing merged
    assert "note 1 (市委“十字”总任务): the body never writes the term whole; near form 市委十字总体任务 " \
           "suggested as a variant: review" in flags
    assert "variants" not in glossary["terms"][1]


# --------------------------------------------------------------------------- labelled by reading

SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "near_forms_sample.json")
                    .read_text(encoding="utf-8"))["cases"]
COLLECTION = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"


@pytest.fixture(scope="module")
def sample_reports():
    if not COLLECTION.is_file():
        pytest.skip("../shared/corpora/government-work-reports.jsonl.gz is not here")
    return {path: parse_report(text)
            for path, text in collection_texts({c["path"] for c in SAMPLE}).items()}


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.mark.parametrize("case", SAMPLE, ids=[
    f"{c['sample']}-{c['path'].rsplit('/', 2)[-2]}{c['path'][-7:-3]}-{c['number']}-{c['form'][:4]}"
    for c in SAMPLE])
def test_the_near_forms_labelled_by_reading(case, sample_reports):
    report = sample_reports[case["path"]]
    notes = [n for n in report.notes
             if (case["number"] is None or n.number == case["number"])
             and ("headword" not in case or _sha(n.headword) == case["headword"])]
    assert len(notes) == 1
    note = notes[0]
    forms = suggest_near_forms(note.headword, note.printed, report, PassageFinder(report),
                               [n.headword for n in report.notes])
    if case["label"] == "the term":
        assert [_sha(f) for f in forms] == [case["form"]]
    else:
        assert case["form"] not in [_sha(f) for f in forms]
