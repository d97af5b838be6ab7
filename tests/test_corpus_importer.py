"""`cngloss import` without the command line: the glossary data made from a report's notes,
and where each glossary goes. Expectations are read off the short reports written here."""

from __future__ import annotations

from pathlib import Path

from cngloss.corpus.importer import _glossary_data, build_glossary, output_paths
from cngloss.sources.report import parse_report

BODY = "某市政府工作报告\n\n推进两违整治和雪亮工程建设。\n\n名词解释\n\n"


def data(notes: str, **metadata):
    return _glossary_data(parse_report(BODY + notes, "a/r.txt", metadata=metadata or None), {})


def test_a_repeated_headword_is_flagged_and_the_notes_after_it_still_imported():
    glossary, flags = data("1.两违：违法用地和违法建设。\n\n2.两违：重复。\n\n3.雪亮工程：视频监控。\n"
                           "\n4.四好农村路：公路。\n")
    assert [t["term"] for t in glossary["terms"]] == ["两违", "雪亮工程", "四好农村路"]
    assert "note 2: headword 两违 repeats an earlier note; not imported" in flags


def test_a_number_given_twice_goes_to_the_first_note_only():
    glossary, flags = data("1.两违：违法用地和违法建设。\n\n2.雪亮工程：视频监控。\n\n"
                           "2.四好农村路：公路。\n")
    first, second, third = glossary["terms"]
    assert (first["note"], second["note"]) == (1, 2) and "note" not in third
    assert flags == ["note 2 is numbered twice; the second (四好农村路) is matched by its headword"]


def test_each_term_has_its_pinyin_marked_for_review():
    glossary, flags = data("1.两违：违法用地和违法建设。\n\n2.雪亮工程：视频监控。\n\n"
                           "3.四好农村路：公路。\n")
    assert glossary["terms"][1] == {
        "id": "xueliang-gongcheng", "note": 2, "term": "雪亮工程", "printed": "雪亮工程",
        "pinyin": "xuě liàng gōng chéng", "english": [], "definition": "视频监控。",
        "unreviewed": ["pinyin"]}
    # 两违's two items are listed: its parts are a suggestion too
    assert glossary["terms"][0]["parts"] == [{"name": "两违", "items": ["违法用地", "违法建设"]}]
    assert glossary["terms"][0]["unreviewed"] == ["pinyin", "parts"]
    assert flags == []


def test_the_title_names_place_and_year_or_the_reports_own_title():
    notes = "1.两违：违法用地和违法建设。\n\n2.雪亮工程：视频监控。\n\n3.四好农村路：公路。\n"
    assert data(notes, place="某市", year=2021)[0]["title"] == "某市2021年政府工作报告 名词解释"
    assert data(notes, place="某市")[0]["title"] == "某市政府工作报告 名词解释"
    assert data(notes, year=2021)[0]["title"] == "2021年政府工作报告 名词解释"
    assert data(notes, title="某某报告")[0]["title"] == "某某报告 名词解释"


def test_several_reports_of_one_name_get_numbered_files():
    out = output_paths([Path("a/r.txt"), Path("b/r.txt")], None, Path("d"))
    assert out == [Path("d/r.yaml"), Path("d/r-2.yaml")]


def test_one_report_goes_to_the_output_file_or_to_stdout():
    assert output_paths([Path("r.txt")], Path("x.yaml"), None) == [Path("x.yaml")]
    assert output_paths([Path("r.txt")], Path("-"), None) == [None]
    assert output_paths([Path("r.txt")], None, None) == [None]


def test_a_note_without_headword_is_flagged_and_the_notes_after_it_still_imported():
    glossary, flags = data("1.：视频监控。\n\n2.雪亮工程：视频监控。\n\n3.两违：违法用地和违法建设。\n")
    assert [t["term"] for t in glossary["terms"]] == ["雪亮工程", "两违"]
    assert flags == ["note 1 has no headword; not imported"]


def test_every_slogan_that_does_not_add_up_is_named_in_the_remark():
    glossary, flags = data("1.三稳两保：三稳指稳就业、稳金融；两保指保民生、保就业、保运转。\n\n"
                           "2.雪亮工程：视频监控。\n\n3.两违：违法用地和违法建设。\n")
    # 三稳 lists two items for three, 两保 three for two: no parts, both named
    assert "parts" not in glossary["terms"][0]
    assert glossary["terms"][0]["remark"] == (
        "三稳 counts 3 but the definition lists 2; 两保 counts 2 but the definition lists 3"
        " (no parts suggested: review)")


def test_the_imported_yaml_opens_with_a_header_naming_the_report(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(BODY + "1.两违：违法用地和违法建设。\n\n2.雪亮工程：视频监控。\n\n"
                      "3.四好农村路：公路。\n", encoding="utf-8")
    imported = build_glossary(report)
    assert "Imported by `cngloss import` from r.txt (3 notes)." in \
        imported.text.splitlines()[0]
    assert imported.terms == 3


def test_a_note_on_a_statement_is_imported_and_flagged_as_no_term():
    glossary, flags = data("1.两违：违法用地和违法建设。\n\n2.新增普通学校5所：一校、二校、三校、四校、五校。\n\n"
                           "3.雪亮工程：视频监控。\n")
    assert [t["term"] for t in glossary["terms"]] == ["两违", "新增普通学校5所", "雪亮工程"]
    assert glossary["terms"][1]["remark"] == "the headword reads as a statement, not a term: review"
    assert flags == ["note 2 (新增普通学校5所): the headword reads as a statement, not a term "
                     "(the library's glossary leaves it out): review"]
    assert "remark" not in glossary["terms"][0]
