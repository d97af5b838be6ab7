"""The appendix as CSV: one row a term (its cells follow the one CSV policy, tested in
test_text_csvcell.py and, on every command's output, test_csv_policy.py)."""

from __future__ import annotations


def test_a_row_names_named_parts_and_lists_unnamed_ones_bare():
    from cngloss.model import Part, Term
    from cngloss.render.appendix import Appendix, Entry
    from cngloss.render.csvfmt import render

    term = Term("a", "甲", "jiǎ", "甲。", parts=(Part("三保", ("保工资", "保运转")),
                                              Part(None, ("x", "y"))))
    assert render(Appendix("T", None, (Entry(term, (), ()),))) == (
        "id,note,term,pinyin,english,definition,parts,tags,related,uses\r\n"
        "a,,甲,jiǎ,,甲。,三保: 保工资 · 保运转; x · y,,,\r\n")
