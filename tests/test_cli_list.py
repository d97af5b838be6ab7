"""``cngloss list``, choosing the glossary, shell completion and the installed script."""

from __future__ import annotations

import json
import os

from conftest import run_script

def test_list_prints_every_term_with_its_passage_count(cli):
    result = cli("list")
    lines = result.out.splitlines()
    assert lines[0].split() == ["note", "term", "pinyin", "english", "passages"]
    assert len(lines) == 24
    first = lines[1]
    assert first.startswith("1     六稳六保") and first.endswith("2")


def test_list_columns_are_aligned_by_display_width(cli):
    lines = cli("list").out.splitlines()
    from cngloss.text.width import width

    pinyin_column = {width(line[: line.index(p)]) for line, p in
                     zip(lines[1:], ("liù", "yī", "jiāng"))}
    assert len(pinyin_column) == 1


def test_list_json_is_the_contract(cli):
    data = json.loads(cli("list", "--json").out)
    terms = data["terms"]
    assert len(terms) == 23
    for term in terms:
        assert {"id", "note", "term", "pinyin", "english", "definition", "variants", "parts",
                "tags", "related", "passages"} <= set(term)
        assert all(set(p) == {"name", "items"} for p in term["parts"])
        assert all(set(r) == {"id", "note", "term"} for r in term["related"])
    by_term = {t["term"]: t for t in terms}
    assert by_term["四好农村公路"]["passages"] == 2
    assert by_term["四好农村公路"]["variants"] == ["四好农村路"]


def test_list_without_a_report_has_no_counts(cli, write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: 甲。}\n")
    data = json.loads(cli("--glossary", str(path), "list", "--json").out)
    assert data["terms"][0]["passages"] is None


def test_the_environment_variable_selects_the_glossary(cli, write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: 甲。}\n")
    result = cli("list", environ={"CNGLOSS_GLOSSARY": str(path)})
    assert "甲" in result.out and "六稳六保" not in result.out


def test_a_broken_glossary_exits_3_with_one_line(cli, write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ}\n")
    result = cli("--glossary", str(path), "list")
    assert result.code == 3
    assert result.err == (f"cngloss: error: {path}:2: term a: field definition: "
                          "missing required field 'definition' (fix: add definition: ...)\n")


def test_shell_completion_completes_headwords_and_ids():
    env = {"_CNGLOSS_COMPLETE": "complete_bash", "COMP_WORDS": "cngloss show 八", "COMP_CWORD": "2"}
    result = run_script(env=env)
    assert result.stdout.split() == ["八有一超"]
    env = {"_CNGLOSS_COMPLETE": "complete_bash", "COMP_WORDS": "cngloss show liu",
           "COMP_CWORD": "2"}
    assert run_script(env=env).stdout.split() == ["liuwen-liubao", "liutongyi-guanli"]


def test_the_installed_script_runs_from_any_directory(tmp_path):
    result = run_script("show", "八有一超", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("八有一超")
    assert os.listdir(tmp_path) == []
