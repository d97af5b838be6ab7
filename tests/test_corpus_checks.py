"""The content checks behind `cngloss check`, called on glossaries and reports made here.

Each expected Problem (file, line, message, term, field, fix, severity) is written out by
hand from what the check is for (the module docstring and docs/commands.md, "cngloss list` and `cngloss check")."""

from __future__ import annotations

import sys
from pathlib import Path

from cngloss.corpus.checks import (
    _check_against_report,
    _check_corrections,
    _check_parts,
    _check_pinyin,
    _check_related,
    _check_unique,
    run_checks,
)
from cngloss.errors import Problem
from cngloss.model import Correction, Glossary, Note, Part, Report, Term
from cngloss.sources.report import parse_report

PATH = "terms.yaml"


def glossary(*terms: Term) -> Glossary:
    return Glossary(Path(PATH), terms)


def term(id_: str, headword: str, line: int, **fields) -> Term:
    fields.setdefault("pinyin", "")
    fields.setdefault("definition", "d")
    return Term(id_, headword, line=line, **fields)


def problems(check, *args) -> list[Problem]:
    out: list[Problem] = []
    check(*args, out)
    return out


REPORT_TEXT = ("某市政府工作报告\n\n今年推进两违整治和“六稳”工作。\n\n名词解释\n\n"
               "1.两违：违法用地和违法建设。\n\n2.“六稳”：稳就业、稳金融。\n\n"
               "3.四个不摘：摘帽不摘责任。\n")


def report(text: str = REPORT_TEXT) -> Report:
    return parse_report(text, "r.txt")


# ------------------------------------------------------------------ within the glossary


def test_a_term_related_to_itself_is_an_error():
    g = glossary(term("a", "两违", 3, related=("a",)))
    assert problems(_check_related, g) == [Problem(
        PATH, 3, "a term cannot relate to itself", "a", "related", "remove 'a' from related")]


def test_a_cross_reference_to_an_unknown_id_is_an_error():
    g = glossary(term("a", "两违", 3, related=("zz",)))
    assert problems(_check_related, g) == [Problem(
        PATH, 3, "cross-reference to unknown id 'zz'", "a", "related",
        "use the id of a term in this glossary", "error")]


def test_a_cross_reference_declared_from_both_ends_is_a_warning_at_the_second():
    g = glossary(term("a", "两违", 3, related=("b",)), term("b", "六稳", 7, related=("a",)))
    assert problems(_check_related, g) == [Problem(
        PATH, 7, "cross-reference with 'a' is declared twice (also at line 3)", "b", "related",
        "declare it once: it is shown from both ends", "warning")]


def test_a_duplicate_id_is_reported_at_each_later_term():
    g = glossary(term("a", "两违", 3), term("b", "六稳", 5), term("a", "四好", 7))
    assert problems(_check_unique, g) == [Problem(
        PATH, 7, "duplicate id 'a' (also at line 3)", "a", "id",
        "give each term its own id", "error")]


def test_a_part_item_the_definition_does_not_write_is_a_warning():
    t = term("a", "六稳", 3, definition="稳就业、稳金融",
             parts=(Part(None, ("稳就业", "稳外贸")),))
    assert problems(_check_parts, glossary(t), t) == [Problem(
        PATH, 3, "part item '稳外贸' does not occur in the definition", "a", "parts",
        "quote the item as the definition words it", "warning")]


# ------------------------------------------------------------------ pinyin


def test_a_syllable_count_that_differs_from_the_characters_is_an_error_for_each_term():
    g = glossary(term("a", "两违", 3, pinyin="liǎng"), term("b", "六稳", 7, pinyin="liù wěn bǎo"))
    fix = "write one syllable per character, separated by spaces"
    assert problems(_check_pinyin, g) == [
        Problem(PATH, 3, "1 syllable(s) for 2 character(s)", "a", "pinyin", fix, "error"),
        Problem(PATH, 7, "3 syllable(s) for 2 character(s)", "b", "pinyin", fix, "error")]


def test_readings_that_differ_from_pypinyin_are_one_warning_listing_each():
    g = glossary(term("a", "两违", 3, pinyin="liàng wèi"), term("b", "六稳", 7, pinyin="liù wěn"))
    assert problems(_check_pinyin, g) == [Problem(
        PATH, 3, "reading differs from pypinyin: 两 liàng (pypinyin: liǎng), "
                 "违 wèi (pypinyin: wéi)", "a", "pinyin",
        "correct it, or confirm it with pinyin_reviewed: {hanzi: syllable}", "warning")]


def test_readings_are_compared_with_the_import_reading_of_headword_and_definition():
    """The reading ``import`` suggests: the reviewed phrase list (藏区 zàng qū) and a
    slogan's character read as its definition reads it (三重: 重新 -> chóng)."""
    again = "道路重新铺设、房屋重新粉刷"
    g = glossary(term("a", "藏区", 3, pinyin="zàng qū"),
                 term("b", "三重", 5, pinyin="sān chóng", definition=again),
                 term("c", "三重", 7, pinyin="sān zhòng", definition=again),
                 term("d", "一个", 9, pinyin="yí gè"))  # sandhi: the same reading as yī
    assert problems(_check_pinyin, g) == [Problem(
        PATH, 7, "reading differs from pypinyin: 重 zhòng (pypinyin: chóng)", "c", "pinyin",
        "correct it, or confirm it with pinyin_reviewed: {hanzi: syllable}", "warning")]


def test_without_pypinyin_the_pinyin_check_is_skipped_with_a_warning(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # import pypinyin now fails
    g = glossary(term("a", "两违", 3, pinyin="liàng wèi"))
    assert problems(_check_pinyin, g) == [Problem(
        PATH, None, "pypinyin is not installed; pinyin not checked", None, None,
        "pip install pypinyin", "warning")]


# ------------------------------------------------------------------ against the report


def test_every_term_matched_to_its_note_and_used_in_the_body_is_clean():
    g = glossary(term("a", "两违", 3, note=1, definition="违法用地和违法建设。"),
                 term("b", "六稳", 7, note=2, printed="“六稳”", definition="稳就业、稳金融。"),
                 term("c", "四个不摘", 9, note=3, definition="摘帽不摘责任。"))
    found = problems(_check_against_report, g, report())
    # 四个不摘 is not in the body: the only finding
    assert found == [Problem(PATH, 9, "no form of the term occurs in the report body", "c",
                             "variants", "add the form the body uses as a variant", "warning")]


def test_a_variant_the_body_never_writes_is_an_error():
    g = glossary(term("a", "两违", 3, note=1, definition="违法用地和违法建设。",
                      variants=("两违建",)))
    found = problems(_check_against_report, g, report())
    assert Problem(PATH, 3, "variant '两违建' never occurs in the report body", "a", "variants",
                   "use a form the body actually writes, or remove it", "error") in found


def test_a_note_without_a_term_is_a_warning():
    g = glossary(term("a", "两违", 3, note=1, definition="违法用地和违法建设。"),
                 term("b", "六稳", 7, note=2, printed="“六稳”", definition="稳就业、稳金融。"))
    assert problems(_check_against_report, g, report()) == [Problem(
        PATH, None, "note 3 of the report (四个不摘) has no term", None, None,
        "add a term with note: 3", "warning")]


def test_an_unnumbered_note_without_a_term_is_named_by_its_headword():
    r = Report(Path("r.txt"), None, (), (Note(None, "两违", "违法用地和违法建设。", 7, "两违"),), ())
    found = problems(_check_against_report, glossary(), r)
    assert found == [Problem(
        PATH, None, "the unnumbered note of the report (两违) has no term", None, None,
        "add a term with term: 两违", "warning")]


def test_a_report_without_notes_is_a_warning_that_nothing_was_verified():
    text = "某市政府工作报告\n\n推进两违整治。\n"
    found = problems(_check_against_report, glossary(term("a", "两违", 3)), report(text))
    assert found == [Problem(
        PATH, None, "the report r.txt has no notes section (no 名词解释 heading followed by "
        "notes was found), so no definition was verified", None, None,
        "check that the report file has its notes", "warning")]


def test_a_note_number_the_report_lacks_is_an_error():
    g = glossary(term("a", "两违", 3, note=9))
    assert Problem(PATH, 3, "the report r.txt has no note 9", "a", "note",
                   "use the number of one of the report's notes", "error") \
        in problems(_check_against_report, g, report())


def test_a_term_without_a_number_is_matched_by_headword_or_warned_about():
    matched = glossary(term("a", "两违", 3, definition="违法用地和违法建设。"))
    assert [p for p in problems(_check_against_report, matched, report())
            if p.term == "a"] == []
    unmatched = glossary(term("x", "两违整治", 4))
    assert Problem(PATH, 4, "the term has no note in the report (no number, and no note with "
                   "this headword), so its definition was not verified", "x", "note",
                   "give the note's number, or its headword as term", "warning") \
        in problems(_check_against_report, unmatched, report())


def test_a_printed_form_that_differs_from_the_notes_is_an_error():
    g = glossary(term("a", "两违", 3, note=1, printed="“两违”", definition="违法用地和违法建设。"))
    assert Problem(
        PATH, 3, "printed form '“两违”' differs from note 1's headword '两违'", "a", "printed",
        "copy the headword as printed", "error") in problems(_check_against_report, g, report())


def test_a_correction_applied_a_different_number_of_times_is_an_error():
    r = Report(Path("r.txt"), None, (), (), (),
               corrections=(Correction("甲", "乙", "typo", count=2, line=4),))
    assert problems(_check_corrections, r, glossary()) == [Problem(
        "r.txt", 4, "correction '甲' applies 0 time(s), expected 2", None, None,
        "update the original text, or set count: to the number of places", "error")]


def test_problems_without_a_line_come_before_those_on_line_one(tmp_path):
    # the whole glossary on line 1: the cross-reference declared twice (found first) is on
    # line 1, the missing notes section (found later) on no line, so it sorts first
    (tmp_path / "r.txt").write_text("推进两违整治和雪亮工程建设。\n", encoding="utf-8")
    path = tmp_path / "k.yaml"
    path.write_text(
        "{terms: [{id: a, term: 两违, pinyin: liǎng wéi, definition: 违法用地。, related: [b]}, "
        "{id: b, term: 雪亮工程, pinyin: xuě liàng gōng chéng, definition: 视频监控。, "
        "related: [a]}], report: {path: r.txt}}\n", encoding="utf-8")
    found = run_checks(path, pinyin=False).problems
    assert [(p.line, p.field, p.severity) for p in found] == [
        (None, None, "warning"), (1, "related", "warning")]
