"""search.completions (shell completion): headwords, then ids, that start with what was typed.

Expected lists are read off data/terms.yaml (glossary order)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cngloss import bundled_glossary_path, load_glossary
from cngloss.lookup.search import completions
from cngloss.model import Glossary, Term


@pytest.fixture(scope="module")
def bundled():
    return load_glossary(bundled_glossary_path())


def test_headwords_starting_with_the_typed_text_in_glossary_order(bundled):
    assert completions(bundled, "六") == ["六稳六保", "六统一管理"]
    assert completions(bundled, "四") == ["四好农村公路", "四方责任", "四个不摘"]


def test_ids_complete_too(bundled):
    assert completions(bundled, "liang") == [
        "liangge-budiyu-huo-gaoyu", "liangbuchou-sanbaozhang", "liangshui-gaizao", "liangwei"]


def test_at_most_limit_completions(bundled):
    assert completions(bundled, "四", limit=2) == ["四好农村公路", "四方责任"]
    assert len(completions(bundled, "")) == 2 * len(bundled.terms)  # every headword and id
    assert completions(bundled, "", limit=1) == ["六稳六保"]


def test_nothing_starts_with_it():
    glossary = Glossary(Path("g.yaml"), (Term("wifi", "WIFI", "", "d"),))
    assert completions(glossary, "x") == []


def test_a_headword_that_is_also_an_id_is_offered_once():
    glossary = Glossary(Path("g.yaml"), (Term("abc", "abc", "", "d"), Term("abd", "甲", "", "d")))
    assert completions(glossary, "ab") == ["abc", "abd"]
