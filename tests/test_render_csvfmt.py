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
