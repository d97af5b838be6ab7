"""``corpus.load.Corpus``: a glossary with the report it annotates."""

from __future__ import annotations

from pathlib import Path

from cngloss.corpus.load import Corpus
from cngloss.model import Glossary, Term
from cngloss.sources.report import parse_report

LIANGWEI = Term("liangwei", "两违", "", "definition of 两违")
SIFANG = Term("sifang", "四方责任", "", "definition of 四方责任")
ABSENT = Term("absent", "放管服改革", "", "definition of 放管服改革")


def glossary() -> Glossary:
    return Glossary(Path("g.yaml"), (LIANGWEI, SIFANG, ABSENT))


def test_passage_counts_count_the_passages_of_each_term_in_the_report():
    report = parse_report("严格两违管控。推进两违整治。\n\n落实四方责任。\n")
    # 两违 is in both sentences of the first paragraph, 四方责任 in the second, 放管服 nowhere
    assert Corpus(glossary(), report).passage_counts() == {
        "liangwei": 2, "sifang": 1, "absent": 0}


def test_passage_counts_are_none_for_every_term_without_a_report():
    assert Corpus(glossary(), None).passage_counts() == {
        "liangwei": None, "sifang": None, "absent": None}

