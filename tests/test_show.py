"""``cngloss show``, ``grep`` and ``related``: a term, how the report uses it, its neighbours."""

from __future__ import annotations

import json
import os

import pytest

from conftest import run_script


def test_show_prints_everything_about_a_term(cli):
    result = cli("show", "八有一超")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("八有一超  bā yǒu yī chāo  note 7\n")
    assert "\nPrinted   “八有一超”\n" in out
    assert "\nEnglish   eight haves and one exceed" in out
    # the definition, verbatim (ASCII comma included)
    assert "有收入来源或最低生活保障,家庭年人均纯收入超过国家扶贫标准。" in out
    # the parts as a tree with their counts
    assert "  八有 · 8\n    ├ 有稳固住房\n" in out
    assert "    └ 有收入来源或最低生活保障\n  一超 · 1\n    └ 家庭年人均纯收入超过国家扶贫标准\n" in out
    assert "\nTags      poverty-alleviation\n" in out
    assert "\nRelated   两不愁三保障 (8)\n          四个不摘 (15)\n" in out
    assert "Passages (1)  in lianzhou-2021-government-work-report.txt" in out
    assert "1. ¶11  2020年及“十三五”期间工作回顾 › 四是脱贫攻坚全面完成  (line 45)" in out
    assert "实现贫困户“八有一超”和“两不愁三保障”" in out
    for raw in ("^{", "^[", "**", "\x1b["):
        assert raw not in out


def test_related_terms_show_from_the_other_end(cli):
    # 八有一超 declares the link; 两不愁三保障 shows it too.
    assert "Related   八有一超 (7)\n          四个不摘 (15)\n" in cli("show", "两不愁三保障").out


@pytest.mark.parametrize("query", ["bayou-yichao", "bayouyichao", "byyc", "eight haves",
                                   "八有一抄", "“八有一超”"])
def test_show_accepts_whatever_search_accepts(cli, query):
    result = cli("show", query)
    assert result.code == 0, result.err
    assert result.out.startswith("八有一超")


def test_show_ambiguous_lists_the_candidates_and_exits_1(cli):
    result = cli("show", "lw")
    assert result.code == 1
    assert result.out == ""
    assert "'lw' fits 2 terms equally well" in result.err
    assert "六稳六保" in result.err and "两违" in result.err
    assert "liuwen-liubao" in result.err and "liangwei" in result.err


def test_show_unknown_suggests_the_closest_terms(cli):
    result = cli("show", "八无")
    assert result.code == 1
    assert "no term matches '八无'" in result.err
    assert "did you mean: 八有一超?" in result.err


def test_show_json_has_the_term_and_passages_with_spans(cli):
    data = json.loads(cli("show", "六稳六保", "--json").out)
    assert data["id"] == "liuwen-liubao" and data["note"] == 1
    assert data["parts"][0] == {"name": "六稳",
                                "items": ["稳就业", "稳金融", "稳外贸", "稳外资", "稳投资", "稳预期"]}
    assert {"id": "cujin-jiuye-jiutiao", "note": 20, "term": "促进就业九条"} in data["related"]
    assert [p["paragraph"] for p in data["passages"]] == [3, 24]
    for passage in data["passages"]:
        [(start, end)] = passage["spans"]
        assert passage["text"][start:end] == "“六稳”“六保”"
        assert set(passage) == {"text", "section", "paragraph", "line", "column", "spans",
                                "locations"}
    assert data["passages"][0]["section"] == ["2020年及“十三五”期间工作回顾"]


def test_show_paragraph_context(cli):
    data = json.loads(cli("show", "八有一超", "--json", "--context", "paragraph").out)
    [passage] = data["passages"]
    assert passage["text"].startswith("各位代表，由于突发疫情")


def test_show_bad_context_is_a_usage_error(cli):
    result = cli("show", "八有一超", "--context", "page")
    assert result.code == 2
    assert "--context must be one of: sentence, paragraph" in result.err


def test_show_on_a_terminal_uses_colour_but_never_raw_markup(cli):
    result = cli("show", "八有一超", tty=True, environ={"TERM": "xterm-256color"}, width=100)
    assert "\x1b[" in result.out
    assert "八有一超" in result.out and "**" not in result.out


def test_no_colour_with_no_color_or_a_dumb_terminal(cli):
    for environ in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        result = cli("show", "八有一超", tty=True, environ=environ, width=100)
        assert "\x1b[" not in result.out
        assert "八有一超" in result.out


# --------------------------------------------------------------------------- grep


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
    assert data["query"] == "扶贫" and data["count"] == 5
    with_terms = [p for p in data["passages"] if p["terms"]]
    assert {t["term"] for p in with_terms for t in p["terms"]} == {"八有一超", "两不愁三保障",
                                                                 "四个不摘"}


def test_grep_matches_across_quotes(cli):
    assert cli("grep", "非农化非粮化").code == 1  # 、防止 stands between them
    assert cli("grep", "耕地非农化").code == 0


def test_grep_finds_text_across_a_sentence_end(cli):
    data = json.loads(cli("grep", "升级改造。进一步深化", "--json").out)
    [passage] = data["passages"]
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


# --------------------------------------------------------------------------- related


def test_related_draws_the_neighbourhood_as_a_tree(cli):
    result = cli("related", "八有一超")
    assert result.code == 0
    assert result.out == (
        "八有一超 (7)  poverty-alleviation\n"
        "├── 两不愁三保障 (8)  poverty-alleviation\n"
        "│   └── 四个不摘 (15)  poverty-alleviation\n"
        "└── 四个不摘 (15)  poverty-alleviation\n"
        "    └── 两不愁三保障 (8)  poverty-alleviation\n")


def test_related_json_and_depth(cli):
    data = json.loads(cli("related", "六稳六保", "--depth", "1", "--json").out)
    assert data["term"] == "六稳六保"
    assert [c["term"] for c in data["related"]] == ["一般债、专项债及特别国债", "促进就业九条"]
    assert all(c["related"] == [] for c in data["related"])


def test_related_of_a_term_without_links(cli):
    result = cli("related", "僵尸企业")
    assert result.out.splitlines() == ["僵尸企业 (3)  enterprise-reform", "(no cross-references)"]


# --------------------------------------------------------------------------- list


def test_list_prints_every_term_with_its_passage_count(cli):
    result = cli("list")
    lines = result.out.splitlines()
    assert lines[0].split() == ["note", "term", "pinyin", "english", "passages"]
    assert len(lines) == 24
    first = lines[1]
    assert first.startswith("1     六稳六保") and first.endswith("2")


def test_list_columns_are_aligned_by_display_width(cli):
    lines = cli("list").out.splitlines()
    from cngloss.textwidth import width

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


# --------------------------------------------------------------------------- completion


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


# --------------------------------------------------------------------------- typed, or guessed


@pytest.mark.parametrize("query", ["八有一朝", "八有一抄"])  # a wrong character, a homophone
def test_show_names_the_term_it_shows_instead_of_a_typo(cli, query):
    result = cli("show", query)
    assert result.code == 0
    assert result.out == cli("show", "八有一超").out
    assert result.err == (f"cngloss: showing 八有一超 (bā yǒu yī chāo), the closest match to "
                          f"'{query}'\n")


def test_the_note_keeps_json_stdout_clean(cli):
    result = cli("show", "八有一朝", "--json")
    assert result.code == 0
    assert json.loads(result.out)["term"] == "八有一超"
    assert "the closest match to '八有一朝'" in result.err


@pytest.mark.parametrize("query", ["八有一超", "“八有一超”", "bayou-yichao", "bayouyichao",
                                   "byyc", "bā yǒu", "eight haves"])
def test_what_was_typed_shows_without_a_note(cli, query):
    result = cli("show", query)
    assert result.code == 0 and result.out.startswith("八有一超")
    assert result.err == ""


def test_a_word_the_report_uses_is_not_a_term_and_grep_finds_it(cli):
    # 双区 is used in the report body (“双区”建设) but defined nowhere in the glossary.
    result = cli("show", "双区")
    assert result.code == 1 and result.out == ""
    assert result.err == ("cngloss: error: '双区' is not a glossary term\n"
                          "the report uses it: cngloss grep 双区\n")
    assert cli("grep", "双区").code == 0


def test_search_points_to_grep_for_a_word_the_report_uses(cli):
    result = cli("search", "双区")
    assert result.code == 1
    assert result.err == ("cngloss: '双区' is not a glossary term; "
                          "the report uses it: cngloss grep 双区\n")


def test_the_grep_pointer_quotes_what_a_shell_would_split():
    from cngloss.lookup import shell_word

    assert shell_word("双区") == "双区"
    assert shell_word("双区 建设") == "'双区 建设'"
