"""The English snippet of a search hit: the rendering whose words hold the query's words."""

from __future__ import annotations

from pathlib import Path

from cngloss.lookup.index import SearchIndex
from cngloss.lookup.match_english import rendering_with
from cngloss.model import Glossary, Rendering, Term

TERM = Term("a", "两违", "liǎng wéi", "d",
            english=(Rendering("alpha beta"), Rendering("gamma delta")))
INDEX = SearchIndex(Glossary(Path("g.yaml"), (TERM,)))


def test_the_rendering_holding_the_query_words_is_the_snippet():
    assert rendering_with(INDEX, 0, ["gamma"])(TERM) == "gamma delta"
    assert rendering_with(INDEX, 0, ["alpha", "delta"])(TERM) == "alpha beta"  # a tie: first


def test_a_word_start_counts_only_with_prefix_last():
    assert rendering_with(INDEX, 0, ["gam"])(TERM) == "alpha beta"  # no word held: the first
    assert rendering_with(INDEX, 0, ["gam"], prefix_last=True)(TERM) == "gamma delta"
    assert rendering_with(INDEX, 0, ["alpha", "gam"], prefix_last=True)(TERM) == "alpha beta"
