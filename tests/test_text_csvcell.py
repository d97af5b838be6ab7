"""The one CSV policy (text/csvcell.py, docs/commands.md, "CSV"): a spreadsheet runs a cell that
starts with = + - @, a tab, a carriage return or a line feed as a formula (OWASP "CSV
Injection"), so such a text cell gets a leading apostrophe; a number cngloss computed is
written as it is; control characters are written visibly; a cell is quoted only when it
must be (RFC 4180) and a record ends in CRLF. Expected cells written out by hand."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cngloss.text.csvcell import cell, inert, offset_in_cell, record


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\n"])
def test_a_formula_lead_gets_an_apostrophe(lead):
    assert inert(f"{lead}1+1") == f"'{lead}1+1"


@pytest.mark.parametrize("value, text", [
    (None, ""),              # a missing value (a term without a note) is an empty cell
    ("", ""),
    (12, "12"),
    (-3, "-3"),              # a number cngloss computed stays a number
    (-0.5, "-0.5"),
    ("-3", "'-3"),           # the same characters as text are guarded
    ("a=b", "a=b"),          # only the first character counts
    ("六稳", "六稳"),
    ("\rx", "\\x0dx"),       # a carriage return is shown, so it never leads
    ("\x00", "\\x00"),
    (" =1", " =1"),          # a space before the formula: not a lead
    ("'=1", "'=1"),          # already an apostrophe first: left as it is
    ("=a,b", "\"'=a,b\""),   # guarded, then quoted (OWASP's own example: '=1+2";=1+2)
    ('=1+2";=1+2', '"\'=1+2"";=1+2"'),
    ("\n=1", "\"'\n=1\""),
])
def test_a_cell_as_written(value, text):
    assert cell(value) == text


@pytest.mark.parametrize("field,written", [
    ("plain", "plain"), ("", ""), (" a ", " a "), ("a\tb", "a\tb"),
    ("a,b", '"a,b"'), ('say "hi"', '"say ""hi"""'), ("a\nb", '"a\nb"'), ("a\rb", "a\\x0db"),
    (2021, "2021"), ("“六稳”", "“六稳”")])
def test_a_cell_is_quoted_only_when_it_must_be(field, written):
    assert record([field, "x"]) == written + ",x\r\n"


@given(st.lists(st.one_of(st.text(alphabet='ab,"\n\r “=-', max_size=6), st.integers()),
                min_size=2, max_size=5))
def test_a_record_reads_back_and_quotes_as_the_csv_module_does(fields):
    line = record(fields)
    (cells,) = list(csv.reader(io.StringIO(line, newline="")))
    for field, read in zip(fields, cells, strict=True):
        if isinstance(field, int):
            assert read == str(field)
        else:  # the text back: one guarding apostrophe off, the CR shown as \x0d put back
            text = field.replace("\r", "\\x0d")
            assert read == ("'" + text if text[:1] in "=-\n" and text else text)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    assert line == buffer.getvalue()


@pytest.mark.parametrize("text, index, expected", [
    ("两违", 0, 0), ("两违", 2, 2),
    ("=两违", 1, 2),          # the apostrophe before it
    ("\x1b两违", 1, 4),       # ESC written as \x1b: four characters
    ("-\x07两违", 2, 6),      # both: an apostrophe, "-", then \x07
])
def test_an_offset_into_the_text_is_moved_to_the_same_character_of_the_cell(text, index,
                                                                            expected):
    assert offset_in_cell(text, index) == expected
