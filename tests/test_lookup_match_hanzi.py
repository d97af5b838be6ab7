"""``lookup.match_hanzi``: the snippet shown for a match inside a definition."""

from __future__ import annotations

from cngloss.lookup.index import Lines
from cngloss.lookup.match_hanzi import _snippet

# one line, "abcdefgh", at text offsets 1..8 (the text is "\nabcdefgh\n")
LINES = Lines(["abcdefgh"])


def test_a_snippet_reaching_the_start_of_its_line_has_no_leading_ellipsis():
    # "c" at 3, two characters of context each side: from 1 (the line's start) to 6
    assert _snippet(LINES, 3, 1, 0, context=2) == "abcde…"


def test_a_snippet_cut_on_both_sides_has_an_ellipsis_on_both():
    # "e" at 5: from 3 to 8, the line ending at 9
    assert _snippet(LINES, 5, 1, 0, context=2) == "…cdefg…"


def test_a_snippet_reaching_the_end_of_its_line_has_no_trailing_ellipsis():
    # "g" at 7: from 5 to the line's end at 9
    assert _snippet(LINES, 7, 1, 0, context=2) == "…efgh"
