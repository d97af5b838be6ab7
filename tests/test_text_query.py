"""Cleaning a query: each rule of ``clean_query``'s docstring, checked on input whose cleaned
form is worked out by hand (which characters are controls, format characters, surrogates)."""

from __future__ import annotations

import pytest

from cngloss.errors import UsageError
from cngloss.text.query import MAX_QUERY, clean_query


@pytest.mark.parametrize("raw, cleaned", [
    ("六稳", "六稳"),
    ("  六稳  ", "六稳"),                 # outer whitespace goes
    ("six   stabilities", "six stabilities"),  # inner runs collapse to one space
    ("六\u3000稳", "六 稳"),              # an ideographic space is whitespace too
    ("liu\x1b[31mwen", "liu[31mwen"),     # ESC (Cc) goes; the printable rest stays
    ("a\u200bb\u202ec", "abc"),           # zero-width space and RLO are format (Cf)
    ("a\x7fb", "ab"),                     # DEL is a control
    ("e\u0301", "\u00e9"),                # NFC composes e + combining acute
    ("ＡＢ１", "ＡＢ１"),                 # full-width stays without compatibility
])
def test_a_query_is_normalised_and_stripped_of_controls(raw, cleaned):
    assert clean_query(raw) == cleaned


def test_compatibility_folds_full_width_letters_and_digits():
    assert clean_query("ＡＢ１", compatibility=True) == "AB1"
    assert clean_query("e\u0301", compatibility=True) == "\u00e9"


@pytest.mark.parametrize("raw, cleaned", [
    ("六\ud800稳", "六\ufffd稳"),         # first surrogate
    ("六\udfff稳", "六\ufffd稳"),         # last surrogate
    ("六\udc80", "六\ufffd"),
    ("\ud7ff", "\ud7ff"),                 # just below the surrogates: kept
    ("\ue000", "\ue000"),                 # just above (private use): kept
])
def test_lone_surrogates_become_the_replacement_character(raw, cleaned):
    assert clean_query(raw) == cleaned


@pytest.mark.parametrize("raw", ["", "   ", "\x1b", "\u200b\u202e", "\t\n"])
def test_a_query_with_nothing_left_is_refused(raw):
    with pytest.raises(UsageError) as refused:
        clean_query(raw)
    assert str(refused.value) == "the query is empty; give a term, pinyin or English words"


def test_the_longest_query_is_256_characters():
    assert MAX_QUERY == 256
    assert clean_query("稳" * 256) == "稳" * 256
    with pytest.raises(UsageError) as refused:
        clean_query("稳" * 257)
    assert str(refused.value) == ("the query is 257 characters long; at most 256 are searched "
                                  "(shorten it)")
