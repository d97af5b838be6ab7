"""``cngloss check``: one small glossary per kind of problem, all reported at once."""

from __future__ import annotations

import json
import shlex

import pytest

from cngloss import run_checks
from conftest import run_cli

REPORT = """\
测试报告

一、工作回顾

严格“两违”^[1]管控，落实“四个不摘”^{〔2〕}要求。

名词解释

〔1〕 **“两违”**：指违法用地和违规建筑。

〔2〕 **“四个不摘”**：指脱贫摘帽后不摘责任、不摘政策、不摘帮扶、不摘监管。
"""

GOOD = """\
report: report.txt
terms:
  - id: liangwei
    note: 1
    term: 两违
    printed: “两违”
    pinyin: liǎng wéi
    definition: 指违法用地和违规建筑。
    parts:
      - name: 两违
        items: [违法用地, 违规建筑]
    related: [sige-buzhai]
  - id: sige-buzhai
    note: 2
    term: 四个不摘
    pinyin: sì gè bù zhāi
    definition: 指脱贫摘帽后不摘责任、不摘政策、不摘帮扶、不摘监管。
    parts:
      - name: 四个不摘
        items: [不摘责任, 不摘政策, 不摘帮扶, 不摘监管]
"""


@pytest.fixture
def check(write_glossary):
    """Write GOOD with one replacement applied, run every check, return the problems."""

    def run(old: str = "", new: str = "", corrections: str | None = None, report=REPORT):
        text = GOOD.replace(old, new, 1) if old else GOOD
        assert old == "" or text != GOOD, "the replacement did not apply"
        if corrections is not None:
            text = text.replace("report: report.txt",
                                "report:\n  path: report.txt\n  corrections: corrections.yaml")
        return run_checks(write_glossary(text, report=report, corrections=corrections))

    return run


def messages(result, severity="error"):
    return [str(p) for p in result.problems if p.severity == severity]


def test_a_correct_glossary_passes(check):
    result = check()
    assert result.problems == []
    assert result.terms == 2
    # the report it checked against: REPORT, with its two notes
    assert result.report.path.name == "report.txt"
    assert [n.number for n in result.report.notes] == [1, 2]


def test_yaml_syntax(check):
    [message] = messages(check("    term: 两违\n", "    term: [两违\n"))
    assert "YAML syntax error" in message and "terms.yaml:" in message


def test_schema(check):
    [message] = messages(check("    note: 2\n", "    note: two\n"))
    assert "term sige-buzhai: field note: expected an integer" in message


def test_duplicate_id_note_and_headword(check):
    result = check("id: sige-buzhai\n    note: 2\n    term: 四个不摘",
                   "id: liangwei\n    note: 1\n    term: 两违")
    found = " ".join(messages(result))
    for what in ("duplicate id 'liangwei'", "duplicate note 1", "duplicate term '两违'"):
        assert what in found


def test_dangling_cross_reference(check):
    [message] = messages(check("related: [sige-buzhai]", "related: [sige-buzhai, nowhere]"))
    assert "term liangwei: field related: cross-reference to unknown id 'nowhere'" in message


def test_a_cross_reference_declared_from_both_ends_is_a_warning(check):
    result = check("        items: [不摘责任, 不摘政策, 不摘帮扶, 不摘监管]\n",
                   "        items: [不摘责任, 不摘政策, 不摘帮扶, 不摘监管]\n"
                   "    related: [liangwei]\n")
    assert messages(result) == []
    assert "declared twice" in " ".join(messages(result, "warning"))


def test_definition_not_verbatim(check):
    [message] = messages(check("指违法用地和违规建筑。", "指违法用地和违章建筑。"))
    assert "term liangwei: field definition: definition differs from note 1" in message
    assert "character 8: '章建筑。' here, '规建筑。' in the report" in message
    assert "report.txt:9" in message  # where to copy it from


def test_printed_form_differs(check):
    [message] = messages(check("printed: “两违”", "printed: 两违"))
    assert "printed form '两违' differs from note 1's headword '“两违”'" in message


def test_a_note_the_report_does_not_have(check):
    [message] = messages(check("note: 2", "note: 9"))
    assert "the report report.txt has no note 9" in message


def test_variant_never_used_in_the_body(check):
    result = check("    pinyin: liǎng wéi\n", "    pinyin: liǎng wéi\n    variants: [两违建]\n")
    [message] = messages(result)
    assert "field variants: variant '两违建' never occurs in the report body" in message


def test_slogan_whose_parts_do_not_add_up(check):
    [message] = messages(check("[不摘责任, 不摘政策, 不摘帮扶, 不摘监管]",
                               "[不摘责任, 不摘政策, 不摘帮扶]"))
    assert "field parts: 四个不摘 has 3 item(s) but its numeral says 4" in message


def test_a_slogan_with_more_items_than_its_numeral_is_an_error_too(check):
    [message] = messages(check("[不摘责任, 不摘政策, 不摘帮扶, 不摘监管]",
                               "[不摘责任, 不摘政策, 不摘帮扶, 不摘监管, 不摘帽子]"))
    assert "field parts: 四个不摘 has 5 item(s) but its numeral says 4" in message


def test_a_definition_that_lost_the_reports_quotes_is_not_verbatim(write_glossary):
    """Quotes are ignored when matching the body, never when comparing a definition."""
    report = REPORT.replace("指违法用地和违规建筑。", "指“违法用地”和违规建筑。")
    [message] = messages(run_checks(write_glossary(GOOD, report=report)))
    assert "term liangwei: field definition: definition differs from note 1" in message


def test_a_part_item_missing_from_the_definition_is_a_warning(check):
    result = check("[违法用地, 违规建筑]", "[违法用地, 违章建筑]")
    assert "part item '违章建筑' does not occur in the definition" in \
        " ".join(messages(result, "warning"))


def test_pinyin_that_disagrees_with_pypinyin_is_a_warning(check):
    result = check("pinyin: sì gè bù zhāi", "pinyin: sì gè bù zhái")
    assert messages(result) == []
    [warning] = messages(result, "warning")
    assert "field pinyin: reading differs from pypinyin: 摘 zhái (pypinyin: zhāi)" in warning


def test_a_reviewed_reading_is_not_warned_about(check):
    result = check("pinyin: sì gè bù zhāi",
                   "pinyin: sì gè bù zhái\n    pinyin_reviewed: {摘: zhái}")
    assert result.problems == []


def test_tone_sandhi_of_yi_and_bu_is_not_a_disagreement(check):
    assert check("pinyin: sì gè bù zhāi", "pinyin: sì gè bú zhāi").problems == []


def test_a_syllable_count_that_does_not_fit_the_headword(check):
    [message] = messages(check("pinyin: sì gè bù zhāi", "pinyin: sìgè bùzhāi"))
    assert "2 syllable(s) for 4 character(s)" in message


def test_a_correction_that_no_longer_applies(check):
    corrections = ("corrections:\n  - original: 严格“两违”^[1]管控\n    corrected: 严格“两违”管控\n"
                   "    reason: test\n  - original: 不在报告里\n    corrected: x\n    reason: test\n")
    result = check(corrections=corrections)
    [message] = messages(result)
    assert "corrections.yaml:5: error: correction '不在报告里' applies 0 time(s), expected 1" \
        in message


def test_a_missing_report_is_an_error(check):
    [message] = messages(check("report: report.txt", "report: gone.txt"))
    assert "gone.txt: error: report file not found" in message


def test_every_problem_is_reported_at_once(check):
    result = check("指违法用地和违规建筑。", "指违法用地和违章建筑。")
    more = run_checks(result.glossary_path)  # same file: stable
    assert len(more.errors) == 1
    text = (result.glossary_path.read_text(encoding="utf-8")
            .replace("related: [sige-buzhai]", "related: [nowhere]")
            .replace("[不摘责任, 不摘政策, 不摘帮扶, 不摘监管]", "[不摘责任]"))
    result.glossary_path.write_text(text, encoding="utf-8")
    assert len(run_checks(result.glossary_path).errors) == 3


def test_the_command_exits_3_and_prints_every_problem_on_stderr(cli, check):
    path = check("指违法用地和违规建筑。", "指违法用地和违章建筑。").glossary_path
    result = cli("--glossary", str(path), "check")
    assert result.code == 3
    assert "field definition: definition differs from note 1" in result.err
    assert "FAILED: 2 terms checked against report.txt" in result.out


def test_the_command_passes_with_warnings_unless_strict(cli, check):
    path = check("pinyin: sì gè bù zhāi", "pinyin: sì gè bù zhái").glossary_path
    assert cli("--glossary", str(path), "check").code == 0
    assert cli("--glossary", str(path), "check", "--strict").code == 3


def test_the_command_reports_json(cli, check):
    path = check("related: [sige-buzhai]", "related: [nowhere]").glossary_path
    result = cli("--glossary", str(path), "check", "--json")
    data = json.loads(result.out)
    assert result.code == 3
    assert data["errors"] == 1 and data["terms"] == 2
    [problem] = data["problems"]
    assert (problem["term"], problem["field"], problem["severity"]) == \
        ("liangwei", "related", "error")
    assert problem["line"] == 3


def test_the_bundled_data_is_clean(cli):
    result = cli("check")
    assert result.code == 0, result.err
    assert result.err == ""
    assert "ok: 23 terms checked against lianzhou-2021-government-work-report.txt " \
           "(37 paragraphs, 23 notes): 0 error(s), 0 warning(s)" in result.out
    assert result.out.count("corrected ") == 3


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_hint_of_a_schema_error_names_the_command_that_checks_that_file(write_glossary, how):
    path = write_glossary("terms:\n  - id: a\n    note: one\n    term: 甲\n    pinyin: jiǎ\n"
                          "    definition: 甲。\n    colour: red\n", name="my terms.yaml")
    if how == "option":
        result = run_cli("--glossary", str(path), "list")
    else:
        result = run_cli("list", environ={"CNGLOSS_GLOSSARY": str(path)})
    assert result.code == 3
    hint = result.err.rstrip("\n").split("to see them all, run: ", 1)[1]
    assert hint.endswith("]")
    command = shlex.split(hint[:-1])
    assert command == ["cngloss", "--glossary", str(path), "check"]
    checked = run_cli(*command[1:])
    assert "field note" in checked.err and "field colour" in checked.err
