"""``cngloss grep``: any word or phrase of the report body, in context."""

from __future__ import annotations

import json

from conftest import passages_of


def test_grep_shows_each_use_in_context_under_its_section(cli):
    result = cli("grep", "扶贫")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[1] == "¶6  2020年及“十三五”期间工作回顾  (line 27)"
    assert sum(line.count("»扶贫«") for line in lines if line.startswith("  ")) == 5
    assert "¶30  2021年工作安排 › （四）全面实施乡村振兴战略，扎实推进强农美村富民 › 巩固提升脱贫成果" \
        in result.out


def test_grep_json_names_the_glossary_terms_in_each_sentence(cli):
    data = json.loads(cli("grep", "扶贫", "--json").out)
    assert data["query"] == "扶贫" and data["uses"] == 5
    with_terms = [p for p in passages_of(data) if p["terms"]]
    assert {t["term"] for p in with_terms for t in p["terms"]} == {"八有一超", "两不愁三保障",
                                                                 "四个不摘"}


def test_grep_matches_across_quotes(cli):
    assert cli("grep", "非农化非粮化").code == 1  # 、防止 stands between them
    assert cli("grep", "耕地非农化").code == 0


def test_grep_finds_text_across_a_sentence_end(cli):
    data = json.loads(cli("grep", "升级改造。进一步深化", "--json").out)
    [passage] = passages_of(data)
    [(start, end)] = passage["spans"]
    assert passage["text"][start:end] == "升级改造。进一步深化"
    assert passage["paragraph"] == 34


def test_grep_text_copied_with_the_extraction_spaces(cli):
    result = cli("grep", "12.3 万吨")
    assert result.code == 0 and "粮食总产量»12.3万吨«以上" in result.out


def test_grep_nothing_found_exits_1(cli):
    result = cli("grep", "火星基地")
    assert result.code == 1
    assert "'火星基地' does not occur in the report body" in result.err


def test_grep_without_a_report_is_a_usage_error(cli, write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: 甲。}\n")
    result = cli("--glossary", str(path), "grep", "甲")
    assert result.code == 2
    assert "names no report" in result.err
