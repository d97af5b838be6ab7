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
    ("县委八字总任务", "全县围绕县委八字总体任务开展工作。\n", "县委八字总体任务"),
    ("甲乙园区开发建设模式", "全县推广“甲乙”园区开发建设新模式，园区增多。\n", "“甲乙”园区开发建设新模式"),
    ("乙山片区扶贫攻坚试点", "本县列入乙山片区区域发展与扶贫攻坚试点。\n", "乙山片区区域发展与扶贫攻坚试点"),
    # two terms sharing their head: the term is written split
    ("四个一批丙丁攻坚", "开展“四个一批”和戊己领域丙丁攻坚。\n", "“四个一批”和戊己领域丙丁攻坚"),
    ("两甲两乙两丙", "推进“两甲、两乙、两丙”为重点的建设。\n", "两甲、两乙、两丙"),
    ("甲乙工程", "实施甲乙丙丁戊己庚辛壬癸工程。\n", "甲乙丙丁戊己庚辛壬癸工程"),   # 8 inserted: the most
])
def test_a_split_form(term, body, form):
    assert near(term, body) == [form]


@pytest.mark.parametrize("term, printed, body, form", [
    # the quoted tail of a named programme
    ("林业振兴工程六大行动", "林业振兴工程“六大行动”", "本年实施林业“振兴工程”，林地增多。\n", "林业振兴工程"),
    # a generic tail
    ("技工强基计划", "技工强基计划", "本年实施技工强基，学员增多。\n", "技工强基"),
    # the numbered core, its qualifier named where the body writes it
    ("林业产业发展两年提升计划", "林业产业发展两年提升计划",
     "本年推进林业产业和两年提升计划，林地增多。\n", "两年提升计划"),
    ("甲乙体制改革的四项重点工作", "甲乙体制改革的四项重点工作",
     "本年推进甲乙体制改革，完成四项重点工作。\n", "四项重点工作"),
    # ... or opening on a code, which names it anyway
    ("山区7+2免费培训计划", "山区“7+2”免费培训计划", "本年实施7+2免费培训计划，学员增多。\n", "7+2免费培训计划"),
])
def test_a_shortened_form(term, printed, body, form):
    assert near(term, body, printed) == [form]


@pytest.mark.parametrize("term, printed, body", [
    # the quoted tail is the term: what is left names a field, not the programme
    ("甲乙管理丙丁体系", "甲乙管理“丙丁体系”", "本年完成甲乙管理检查，成绩靠前。\n"),
    # the core written for another field
    ("甲乙监管三个从严", "甲乙监管“三个从严”", "本年落实丙丁管控三个从严制度。\n"),
    ("甲乙改革两年行动", "甲乙改革两年行动", "本年开展丙丁专项整治两年行动，成效明显。\n"),
    # a count of anything, the second of two slogans
    ("在甲市签约的10个项目", "在甲市签约的10个项目", "全力推进乙市签约10个项目。\n"),
    ("两件大事两大会战", "两件大事两大会战", "本年抓好两件大事，开展两大会战。\n"),
    # two clauses, a count in between
    ("三甲三乙", "“三甲”“三乙”", "做好“三甲”工作、完成“三乙”任务。\n"),
    ("破甲倍乙", "破甲倍乙", "30家企业实现“破甲”、20家“倍乙”。\n"),
    # a gap longer than 8 characters
    ("甲乙工程", "甲乙工程", "实施甲乙丙丁戊己庚辛壬癸子工程。\n"),
])
def test_no_near_form(term, printed, body):
    assert near(term, body, printed) == []


def test_nothing_is_suggested_for_a_term_the_body_writes_whole():
    assert near("技工强基计划", "实施技工强基计划和技工强基。\n") == []


def test_a_shortened_form_that_is_another_notes_headword_is_that_notes():
    assert near("技工强基计划", "实施技工强基。\n", headwords=["技工强基", "技工强基计划"]) == []


def test_import_lists_a_near_form_as_an_unreviewed_variant_and_flags_it():
    report = parse_report("某市政府工作报告\n\n全市围绕市委十字总体任务，推进两违整治。\n\n名词解释\n\n"
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
