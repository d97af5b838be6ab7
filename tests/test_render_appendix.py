"""Gathering an appendix (render/appendix.py) from a hand-made corpus: sort orders, the title
and source, the list separator, the choices it refuses and the files --all-formats writes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from cngloss.errors import ChoiceError
from cngloss.model import Glossary, Part, Term
from cngloss.render.appendix import (build_appendix, list_separator, listed_texts,
                                     render_appendix, write_all_formats)

ONE = Term("one", "一号", "yī hào", "第一。", note=1, variants=("一", "壹·号"))
ZERO = Term("zero", "零号", "líng hào", "第零。", note=0, related=("one",),
            parts=(Part("件", ("甲", "乙")),))


def corpus(title: str | None = "Report terms") -> NS:
    glossary = Glossary(Path("terms.yaml"), (ONE, ZERO), title=title)
    return NS(glossary=glossary, report=NS(path=Path("data/report.txt")),
              passages_for=lambda terms: {t.id: [] for t in terms})


def test_note_order_puts_note_zero_before_note_one():
    assert [e.term.id for e in build_appendix(corpus()).entries] == ["zero", "one"]


def test_the_title_source_and_separator_come_from_glossary_and_report():
    appendix = build_appendix(corpus())
    assert (appendix.title, appendix.source, appendix.separator) == \
        ("Report terms", "report.txt", " | ")  # a variant has the first mark, ·


def test_every_headword_variant_and_part_item_is_listed():
    assert listed_texts([ONE, ZERO]) == ["一号", "一", "壹·号", "零号", "甲", "乙"]


def test_when_every_mark_occurs_the_last_separator_is_used():
    assert list_separator(["a·b", "c|d", "e/f"]) == " ◆ "
    assert list_separator(["a·b", "c|d", "e/f", "g◆h"]) == " ◆ "


def test_an_appendix_for_a_document_names_it_and_counts_its_lines():
    document = NS(name="notes/memo.txt", terms=[NS(term=ONE, lines=(3, 9))])
    appendix = build_appendix(corpus(None), "appearance", document)
    assert appendix.title == "Glossary: the terms of memo.txt"
    assert appendix.source_note() == "Line numbers are lines of memo.txt."
    titled = build_appendix(corpus(), "appearance", document)
    assert titled.title == "Report terms: the terms of memo.txt"


def test_unknown_sorts_and_formats_are_refused_with_the_choices():
    with pytest.raises(ChoiceError) as caught:
        build_appendix(corpus(), "size")
    assert str(caught.value) == "the sort must be one of: note, pinyin (got 'size')"
    with pytest.raises(ChoiceError) as caught:
        build_appendix(corpus(), "size", NS(name="a.txt", terms=[]))
    assert str(caught.value) == "the sort must be one of: appearance, note, pinyin " \
        "(got 'size')"
    with pytest.raises(ChoiceError) as caught:
        render_appendix(corpus(), "pdf")
    assert str(caught.value) == "the format must be one of: md, html, tex, txt, json, csv, tbx, memoq-csv, anki, pleco " \
        "(got 'pdf')"


def test_a_document_appendix_is_in_order_of_appearance_by_default():
    document = NS(name="memo.txt", terms=[NS(term=ONE, lines=(3,)), NS(term=ZERO, lines=(5,))])
    text = render_appendix(corpus(), "json", document=document)
    assert text.index('"id": "one"') < text.index('"id": "zero"')


def test_all_formats_are_written_and_the_latex_is_a_whole_document(tmp_path):
    paths = write_all_formats(corpus(), tmp_path / "out")
    assert [p.name for p in paths] == ["appendix.md", "appendix.html", "appendix.tex",
                                       "appendix.txt", "appendix.json", "appendix.csv",
                                       "appendix.tbx", "appendix.memoq.csv",
                                       "appendix.anki.txt", "appendix.pleco.txt"]
    assert (tmp_path / "out" / "appendix.tex").read_text().startswith("\\documentclass")


def test_the_default_format_is_markdown():
    assert render_appendix(corpus()).startswith("# Report terms\n")
