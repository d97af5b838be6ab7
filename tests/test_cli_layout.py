"""Terminal layout: wrapping by CJK rules, tables on narrow terminals, fields in columns.

Widths are set the way a terminal sets them ($COLUMNS); ``tty=True`` takes the terminal
path (rich), NO_COLOR keeps escape codes out so lines can be measured.
"""

from __future__ import annotations

import pytest

from cngloss.text.width import width, wrap_spans

NO_LINE_START = "、。，”"
NO_LINE_END = "“《"


def terminal(cli, *args, columns: int):
    result = cli(*args, tty=True, environ={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.code == 0, result.err
    assert "\x1b[" not in result.out
    return result.out.splitlines()


def test_wrap_spans_keeps_styles_and_the_cjk_rules():
    spans = [("推进", None), ("“雪亮工程”", "match"), ("建设，重点打击 the rest", None)]
    for columns in range(10, 30):
        lines = wrap_spans(spans, columns, indent=2, hang=4)
        texts = ["".join(t for t, _ in line) for line in lines]
        assert texts[0].startswith("  推进") and all(t.startswith("    ") for t in texts[1:])
        assert all(width(t) <= columns for t in texts)
        assert not any(t.strip()[0] in NO_LINE_START for t in texts), texts
        assert "".join(texts).replace(" ", "") == "推进“雪亮工程”建设，重点打击therest"
        marked = "".join(t for line in lines for t, style in line if style == "match")
        assert marked == "“雪亮工程”"


@pytest.mark.parametrize("columns", [60, 100, 120])
def test_show_wraps_every_term_within_the_width_by_the_cjk_rules(cli, glossary, columns):
    for term in glossary.terms:
        for line in terminal(cli, "show", term.id, columns=columns):
            assert width(line) <= columns, line
            body = line.strip()
            assert not body[:1] or body[0] not in NO_LINE_START, (term.term, line)
            assert not body or body[-1] not in NO_LINE_END, (term.term, line)


def test_show_at_100_columns_never_starts_a_line_with_a_comma(cli):
    lines = terminal(cli, "show", "雪亮工程", columns=100)
    assert not any(line.lstrip().startswith("，") for line in lines)
    assert any(line.lstrip().startswith("设，重点打击") for line in lines)  # 建 moved on


def test_show_keeps_wrapped_values_in_their_column(cli):
    lines = terminal(cli, "show", "六稳六保", columns=60)
    start = next(i for i, line in enumerate(lines) if line.startswith("English   "))
    end = lines.index("", start)
    english = lines[start:end]
    assert len(english) > 2  # two renderings, the first with its long source, wrapped
    assert all(line.startswith(" " * 10) and line[10] != " " or line.startswith(" " * 12)
               for line in english[1:])
    assert english[1].startswith(" " * 12)  # the first rendering wraps, further in
    assert any(line.startswith(" " * 12) and "— Xinhua" in line for line in english)
    assert any(line.startswith(" " * 10 + "six stabilities") for line in english)


def test_a_wrapped_section_path_lines_up_under_its_start(cli):
    lines = terminal(cli, "show", "两违", columns=60)
    head = next(i for i, line in enumerate(lines) if line.startswith("  1. ¶31  "))
    column = len("  1. ¶31  ")
    assert lines[head + 1].startswith(" " * column) and lines[head + 1][column] != " "
    assert lines[head + 1].endswith("(line 99)")


def test_labels_are_capitalised_alike_and_the_remark_is_its_own_block(cli):
    out = cli("show", "五位一体").out
    lines = out.splitlines()
    labels = [line.split()[0] for line in lines[1:] if line and not line.startswith(" ")]
    assert labels and all(label[0].isupper() for label in labels), labels
    remark = lines.index("Remark")
    assert lines[remark - 1] == "" and lines[remark + 1].startswith("  A local mechanism")
    definition = lines.index("Definition")
    assert "Remark" not in " ".join(lines[definition:remark - 1])


def test_items_of_named_and_unnamed_parts_share_one_indent(cli):
    lines = cli("show", "雪亮工程").out.splitlines()
    items = [line for line in lines if line.lstrip().startswith(("├ ", "└ "))]
    assert len(items) == 7
    assert {len(line) - len(line.lstrip()) for line in items} == {4}


def test_related_terms_are_one_a_line_not_joined_by_a_mark_the_data_uses(cli):
    for tty in (False, True):
        result = cli("show", "六稳六保", tty=tty, environ={"COLUMNS": "100", "NO_COLOR": "1"})
        lines = result.out.splitlines()
        i = next(i for i, line in enumerate(lines) if line.startswith("Related"))
        assert lines[i] == "Related   一般债、专项债及特别国债 (2)"
        assert lines[i + 1] == "          促进就业九条 (20)"


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_list_stays_a_table_from_80_columns(cli, columns):
    lines = terminal(cli, "list", columns=columns)
    assert lines[0].split() == ["note", "term", "pinyin", "english", "passages"]
    assert all(width(line) <= columns for line in lines)
    assert len(lines) < 80  # 23 terms and a header, some rows on two or three lines
    assert sum(line.split()[0].isdigit() for line in lines[2:] if line[:1] != " ") == 23


def test_list_falls_back_to_records_when_too_narrow(cli):
    lines = terminal(cli, "list", columns=60)
    assert lines[0] == "1" and lines[1].split() == ["term", "六稳六保"]


@pytest.mark.parametrize("query,words", [("fengqiao", "english (partial): … Fengqiao …"),
                                         ("rural roads", "english (partial): rural roads …")])
def test_search_shows_a_table_with_only_the_matched_words(cli, query, words):
    lines = terminal(cli, "search", query, columns=120)
    assert lines[0].split()[:3] == ["term", "pinyin", "english"]
    assert any(words in line for line in lines)
    assert all(width(line) <= 120 for line in lines)
    assert len(lines) <= 6


def test_grep_counts_and_marks_every_use_one_line_a_sentence(cli):
    lines = cli("grep", "两不愁三保障").out.splitlines()
    assert lines[0] == "2 uses in 2 sentences of 2 paragraphs"
    assert [line.count("»“两不愁三保障”«") for line in lines[1:] if line.startswith("  ")] == [1, 1]
    lines = cli("grep", "扶贫").out.splitlines()
    assert lines[0] == "5 uses in 3 sentences of 3 paragraphs"
    kwic = [line for line in lines if line.startswith("  ")]
    assert [line.count("»扶贫«") for line in kwic] == [2, 1, 2]


def test_grep_marks_uses_on_a_terminal_without_colour_but_not_with_it(cli):
    plain = terminal(cli, "grep", "雪亮工程", columns=100)
    assert "»“雪亮工程”«" in "\n".join(plain)
    coloured = cli("grep", "雪亮工程", tty=True, environ={"COLUMNS": "100"}).out
    assert "»" not in coloured and "\x1b[" in coloured
