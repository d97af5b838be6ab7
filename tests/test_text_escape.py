"""Making data safe to print: each kind of unsafe character shown as its escape, written out
by hand from the code point (ESC is 0x1b, RLO U+202E)."""

from __future__ import annotations

import shlex

import pytest

from cngloss.text.escape import safe, shell_word


@pytest.mark.parametrize("raw, shown", [
    ("a\x1bb", "a\\x1bb"),
    ("\x00", "\\x00"),
    ("\r", "\\x0d"),
    ("\x7f", "\\x7f"),
    ("\x85", "\\x85"),           # a C1 control
    ("\u202e", "\\u202e"),       # right-to-left override
    ("\u2066", "\\u2066"),
    ("\udc80", "\\udc80"),       # a lone surrogate (undecodable byte 0x80)
    ("\ud800x\udfff", "\\ud800x\\udfff"),
    ("\ud800", "\\ud800"),      # the first surrogate alone
    ("a\udfff", "a\\udfff"),    # the last surrogate alone
    ("六稳\n\tok", "六稳\n\tok"),   # newline and tab are kept
    ("\ud7ff\ue000", "\ud7ff\ue000"),  # the neighbours of the surrogates are not escaped
])
def test_unsafe_characters_are_shown_not_obeyed(raw, shown):
    assert safe(raw) == shown
    safe(raw).encode("utf-8")  # always encodable


@pytest.mark.parametrize("word", ["双区", "liuwen", "a_b1", "a@b", "a%b", "a+b", "a=b", "a:b",
                                  "a,b", "a.b", "a/b", "a-b"])
def test_a_safe_word_is_left_as_typed(word):
    assert shell_word(word) == word


@pytest.mark.parametrize("word", ["两 违", "a'b", "a;b", "$x", "a*b", ""])
def test_anything_else_is_quoted_for_the_shell(word):
    quoted = shell_word(word)
    assert quoted != word
    assert shlex.split(quoted) == [word]


def test_every_character_safe_rewrites_is_one_isprintable_refuses():
    """``safe`` lets a text ``str.isprintable`` accepts through unread: sound only while each
    character it rewrites is one that isprintable refuses (checked over all of Unicode)."""
    rewritten = [c for c in range(0x110000) if safe(chr(c)) != chr(c)]
    # C0 but tab and line feed, DEL, C1, nine bidirectional controls, the surrogates
    assert len(rewritten) == 0x20 - 2 + 1 + 0x20 + 9 + 0x800
    assert [c for c in rewritten if chr(c).isprintable()] == []
