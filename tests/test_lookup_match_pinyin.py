"""One typed letter: the terms whose first syllable starts with it, in three tiers
(match_pinyin._one_letter's docstring): the syllable alone is exact (90), the first of
several a prefix (80), any other first syllable an initial (78); a variant's key scores 2
less than the headword's. Terms made here; scores worked out by hand."""

from __future__ import annotations

from pathlib import Path

from cngloss.lookup.search import search
from cngloss.model import Glossary, Term

TERMS = (
    Term("t1", "儿童", "ér tóng", "d"),
    Term("t2", "饿", "è", "d"),
    Term("t3", "恶霸", "è bà", "d"),
    Term("t4", "额度", "é dù", "d", variants=("额",)),
    Term("t5", "两违", "liǎng wéi", "d"),
)
GLOSSARY = Glossary(Path("g.yaml"), TERMS)


def test_one_letter_ranks_exact_then_prefix_then_initial():
    hits = search(GLOSSARY, "e", limit=None)
    assert [(h.term.id, h.score, h.field, h.kind) for h in hits] == [
        ("t2", 90, "pinyin", "exact"),
        ("t4", 88, "pinyin", "exact"),  # its variant 额 is the syllable alone: 90 - 2
        ("t3", 80, "pinyin", "prefix"),
        ("t1", 78, "initials", "initials"),
    ]
    assert hits[0].snippet == "e"
