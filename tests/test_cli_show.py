"""``cngloss show``: a term, its fields, its passages; what a typo or a non-term gets."""

from __future__ import annotations

import json

from conftest import passages_of

import pytest


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
    term = data["term"]
    assert term["id"] == "liuwen-liubao" and term["note"] == 1
    assert term["parts"][0] == {"name": "六稳",
                                "items": ["稳就业", "稳金融", "稳外贸", "稳外资", "稳投资", "稳预期"]}
    assert {"id": "cujin-jiuye-jiutiao", "note": 20, "term": "促进就业九条"} in term["related"]
    passages = passages_of(data["passages"])
    assert [p["paragraph"] for p in passages] == [3, 24]
    for passage in passages:
        [(start, end)] = passage["spans"]
        assert passage["text"][start:end] == "“六稳”“六保”"
        assert set(passage) == {"text", "section", "paragraph", "line", "column", "spans",
                                "locations", "terms", "sense", "expansion"}
        assert (passage["sense"], passage["expansion"]) == (None, [])  # 六稳六保 has no senses
    assert passages[0]["section"] == ["2020年及“十三五”期间工作回顾"]
    # the bundled report, as a library of one report would list it
    [group] = data["passages"]["groups"]
    assert (group["report"]["place"], group["report"]["year"], group["report"]["id"]) == \
        ("连州市", 2021, None)
    # its one definition: the curated one, from note 1 of that report
    [definition] = data["definitions"]
    assert definition["agrees"] is True and definition["sources"][0]["note"] == 1


def test_show_paragraph_context(cli):
    data = json.loads(cli("show", "八有一超", "--json", "--context", "paragraph").out)
    [passage] = passages_of(data["passages"])
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
    assert json.loads(result.out)["term"]["term"] == "八有一超"
    assert "the closest match to '八有一朝'" in result.err


@pytest.mark.parametrize("query", ["八有一超", "“八有一超”", "bayou-yichao", "bayouyichao",
                                   "byyc", "bā yǒu", "eight haves"])
def test_what_was_typed_shows_without_a_note(cli, query):
    result = cli("show", query)
    assert result.code == 0 and result.out.startswith("八有一超")
    assert result.err == ""


def test_a_word_the_report_uses_is_not_a_term_and_grep_finds_it(cli):
    # 招商推介 is used in the report body but defined nowhere in the glossary, and is no
    # numbered slogan (双区, used as “双区”建设, is: shown as found in the text,
    # tests/test_discovered_terms.py)
    result = cli("show", "招商推介")
    assert result.code == 1 and result.out == ""
    assert result.err == ("cngloss: error: '招商推介' is not a glossary term\n"
                          "the report uses it: cngloss grep 招商推介\n")
    assert cli("grep", "招商推介").code == 0
    assert cli("show", "双区").out.startswith("‹双区›  found in the text, not defined")


def test_search_points_to_grep_for_a_word_the_report_uses(cli):
    result = cli("search", "招商推介")
    assert result.code == 1
    assert result.err == ("cngloss: error: '招商推介' is not a glossary term\n"
                          "the report uses it: cngloss grep 招商推介\n")


def test_the_grep_pointer_quotes_what_a_shell_would_split():
    from cngloss.text.escape import shell_word

    assert shell_word("双区") == "双区"
    assert shell_word("双区 建设") == "'双区 建设'"
