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


def _markdown(tmp_path, entry: str) -> str:
    from cngloss import load_corpus
    from cngloss.render.appendix import render_appendix

    path = tmp_path / "terms.yaml"
    path.write_text("terms:\n  - {id: t, term: 甲, pinyin: jiǎ, definition: 甲。" + entry + "}\n",
                    encoding="utf-8")
    return render_appendix(load_corpus(path, cache=False), "md")


def test_a_term_without_a_note_has_no_note_line(tmp_path):
    """No note and no other forms: nothing between the pinyin line and the definition."""
    lines = _markdown(tmp_path, "").splitlines()
    head = lines.index("**jiǎ**")
    assert lines[head + 1:head + 3] == ["", "> 甲。"]
    assert "note" not in "\n".join(lines[head:])


def test_a_link_destination_has_its_angle_bracket_percent_encoded(tmp_path):
    """CommonMark's ``<...>`` destination ends at the first ``>``: a ``>`` in the URL is
    written %3E (RFC 3986 percent-encoding, upper-case hex)."""
    md = _markdown(tmp_path, ", english: [{text: first, url: 'https://example.org/a>b'}]")
    assert "[first](<https://example.org/a%3Eb>)" in md


def test_the_document_ends_with_the_last_line_whole(tmp_path):
    """Only blank lines are trimmed at the end: a last definition ending in a letter keeps it."""
    assert _markdown(tmp_path, "X").endswith("> 甲。X\n")
