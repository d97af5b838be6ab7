"""CSV cells: a spreadsheet runs a cell that starts with = + - @ (or a tab) as a formula
(OWASP "CSV injection"), so such a cell gets a leading apostrophe; nothing else changes."""

from __future__ import annotations

import pytest

from cngloss.render.csvfmt import cell


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t"])
def test_a_formula_lead_gets_an_apostrophe(lead):
    assert cell(f"{lead}1+1") == f"'{lead}1+1"


@pytest.mark.parametrize("value, text", [
    (None, ""),              # a missing value (a term without a note) is an empty cell
    ("", ""),
    (12, "12"),
    (-3, "'-3"),             # a negative number is a formula lead too
    ("a=b", "a=b"),          # only the first character counts
    ("六稳", "六稳"),
    ("\rx", "\\x0dx"),       # a carriage return is shown, so it never leads
    ("\x00", "\\x00"),
])
def test_other_cells_are_written_as_they_are(value, text):
    assert cell(value) == text


def test_a_row_names_named_parts_and_lists_unnamed_ones_bare():
    from cngloss.model import Part, Term
    from cngloss.render.appendix import Appendix, Entry
    from cngloss.render.csvfmt import render

    term = Term("a", "甲", "jiǎ", "甲。", parts=(Part("三保", ("保工资", "保运转")),
                                              Part(None, ("x", "y"))))
    assert render(Appendix("T", None, (Entry(term, (), ()),))) == (
        "id,note,term,pinyin,english,definition,parts,tags,related,uses\r\n"
        "a,,甲,jiǎ,,甲。,三保: 保工资 · 保运转; x · y,,,\r\n")
