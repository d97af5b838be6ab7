"""Markdown escaping, character by character: CommonMark escapes only ASCII punctuation, so a
line-start construct is escaped at its marker (``\\-``, ``\\>``), and an ordered-list number at
its delimiter (``2021\\.``); the indentation before it is kept as written."""

from __future__ import annotations

import pytest

from cngloss.render.markdown import escape


@pytest.mark.parametrize("text, escaped", [
    ("2021. 年", "2021\\. 年"),
    ("1) 第一", "1\\) 第一"),
    ("- 减", "\\- 减"),
    ("+ 加", "\\+ 加"),
    ("= 等", "\\= 等"),
    ("> 引", "\\> 引"),
    ("  - 减", "  \\- 减"),          # the indentation before the marker stays
    ("\t2021. 年", "&#32;\t2021\\. 年"),  # and a leading tab (a code block) is masked
    ("首行\n  3) 三", "首行\n  3\\) 三"),   # a construct after a newline too
    ("年份 2021. 年", "年份 2021. 年"),      # not at a line start: left alone
    ("a-b", "a-b"),
])
def test_a_line_start_construct_is_escaped_at_its_marker(text, escaped):
    assert escape(text) == escaped


@pytest.mark.parametrize("text, escaped", [
    ("a*b_c", "a\\*b\\_c"),
    ("[x](y)", "\\[x\\](y)"),
    ("<b>&", "\\<b\\>\\&"),
    ("`|~#\\", "\\`\\|\\~\\#\\\\"),
])
def test_inline_specials_are_backslash_escaped(text, escaped):
    assert escape(text) == escaped


def test_four_leading_spaces_do_not_make_a_code_block():
    """A space written as an entity opens the line: what follows is no longer indentation."""
    assert escape("    代码") == "&#32;    代码"
    assert escape("   三格") == "   三格"
