"""The plain-text appendix, rendered directly from an Appendix built by hand.

Expected lines are written out from the module's description (fields as ``  Label: text``,
lists wrapped so that a separator ends a line and never starts one, widths in terminal
columns with a CJK character two), with columns counted by hand."""

from __future__ import annotations

from cngloss.render.appendix import Appendix, Entry, Use
from cngloss.render.text import render
from cngloss.text.width import width as columns

from render_terms import BUCHOU, PLAIN, SIHAO


def test_a_full_entry_lays_out_every_field_one_a_line():
    entry = Entry(SIHAO, (BUCHOU, PLAIN), (Use(None, 12, ()), Use(None, 15, ())))
    text = render(Appendix("Glossary", "report.txt", (entry,)))
    assert text == "\n".join([
        "Glossary",
        "========",
        "",
        "1 term. ¶ numbers are paragraphs of report.txt.",
        "",
        "四好农村路  sìhǎo nóngcūnlù  〔3〕",
        "  English: Four Good Rural Roads — Xinhua <https://x.cn/a_b>",
        "  English: good roads",
        "  Printed: “四好”农村路",
        "  Also written: 四好农村公路 · 四好路",
        "  Definition: 建好、管好、护好、运营好农村公路。",
        "  Remark: 50% & more",
        "  四好 (2): 建好 · 管好",
        "  Parts: 甲",
        "  Tags: transport, rural",
        "  See also: 两不愁 · 甲",
        "  Used in: line 12；line 15",
    ]) + "\n"


def test_a_bare_entry_has_only_its_head_and_definition():
    text = render(Appendix("词汇表", None, (Entry(PLAIN, (), ()), Entry(BUCHOU, (), ()))))
    assert text == "\n".join([
        "词汇表",
        "======",  # the title is 6 columns wide
        "",
        "2 terms.",
        "",
        "甲  jiǎ",
        "  Definition: 定义",
        "",
        "两不愁  liǎng bù chóu",
        "  Definition: 不愁吃、不愁穿。",
    ]) + "\n"


def test_the_underline_is_never_wider_than_the_page():
    text = render(Appendix("A glossary title that is rather long", None, ()), width=20)
    lines = text.split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith("="))
    # "A glossary title" (16) / "that is rather long" (19): as wide as the widest line
    assert lines[:at] == ["A glossary title", "that is rather long"]
    assert lines[at] == "=" * 19
    assert all(columns(l) <= 20 for l in lines)


def test_a_width_under_twenty_columns_counts_as_twenty():
    appendix = Appendix("Glossary", "report.txt", (Entry(SIHAO, (BUCHOU,), ()),))
    assert render(appendix, width=5) == render(appendix, width=20)
    assert render(appendix, width=5) != render(appendix, width=21)


def test_a_list_wraps_between_items_and_fills_a_line_to_its_last_column():
    term = PLAIN.replace(variants=("甲乙丙丁", "戊己庚辛", "子丑a"))
    lines = render(Appendix("G", None, (Entry(term, (), ()),)), width=20).split("\n")
    start = lines.index("  Also written:")  # 15 columns + " 甲乙丙丁 ·" would be 26
    assert lines[start:start + 3] == [
        "  Also written:",
        "    甲乙丙丁 ·",
        "    戊己庚辛 · 子丑a",  # exactly 20 columns
    ]


def test_a_list_item_longer_than_a_line_wraps_and_no_line_starts_with_the_separator():
    items = ("一二三四五六七八九十壹贰", "甲乙丙丁戊己庚辛壬癸子丑", "寅")
    term = PLAIN.replace(variants=items)
    lines = render(Appendix("G", None, (Entry(term, (), ()),)), width=20).split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("  Also written:"))
    end = next(i for i, l in enumerate(lines) if l.startswith("  Definition:"))
    listed = lines[start:end]
    assert all(columns(l) <= 20 for l in listed)
    assert all(l.startswith("    ") for l in listed[1:])
    assert not any(l.strip().startswith("·") for l in listed)
    assert "".join(listed).count("·") == 2  # after each item but the last
    joined = "".join(l.strip() for l in listed).removeprefix("Also written:")
    assert joined.replace("·", "").replace(" ", "") == "".join(items)


def test_a_long_item_wrapped_onto_three_lines_keeps_its_mark_on_its_last_line():
    # "  Also written: 一二" fills 20 columns, the next line takes 8 characters (4 + 16),
    # the last "壹贰叁" leaves room for " ·" and then for " 寅"
    term = PLAIN.replace(variants=("一二三四五六七八九十壹贰叁", "寅"))
    lines = render(Appendix("G", None, (Entry(term, (), ()),)), width=20).split("\n")
    start = lines.index("  Also written: 一二")
    assert lines[start:start + 4] == [
        "  Also written: 一二",
        "    三四五六七八九十",
        "    壹贰叁 · 寅",
        "  Definition: 定义",
    ]
