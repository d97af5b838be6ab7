"""Offsets to (line, column) (``text.lines``): lines ending at \\n, or at every line break
``str.splitlines`` knows (a report's source). Offsets counted by hand."""

from __future__ import annotations

from cngloss.text.lines import LineTable


def test_line_table():
    table = LineTable("ab\ncd\n\nef")
    assert [table.locate(i) for i in (0, 1, 3, 6, 7, 8)] == [
        (1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (4, 2)]


def test_a_text_opening_with_a_newline_starts_its_second_line_at_offset_one():
    table = LineTable("\nab")
    assert table.starts == [0, 1]
    assert table.locate(1) == (2, 1)



def test_only_a_newline_ends_a_line_of_a_document():
    # a 0, \r 1, b 2, \f 3, c 4
    table = LineTable("a\rb\x0cc")
    assert table.starts == [0]
    assert table.locate(4) == (1, 5)


def test_any_break_ends_a_line_of_a_report_source():
    # "a\r" (0-1), "b\f" (2-3), "c" (4): and the end of a text without a break starts a line
    table = LineTable("a\rb\x0cc", any_break=True)
    assert table.starts == [0, 2, 4, 5]
    assert [table.locate(i) for i in (0, 1, 2, 4, 5)] == [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1)]
    assert LineTable("a\r\nb\n", any_break=True).starts == [0, 3, 5]  # \r\n is one break
    assert LineTable("", any_break=True).starts == [0]


def test_lines_of_many_offsets():
    # ab\n (0-2), cd\n (3-5), \n (6), ef (7-8)
    table = LineTable("ab\ncd\n\nef")
    assert table.lines([0, 2, 3, 6, 7, 9]) == [1, 1, 2, 3, 4, 4]
    assert table.lines([]) == []
