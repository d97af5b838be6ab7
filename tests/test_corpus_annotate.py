"""``corpus.annotate``: reading the document to annotate (a file, or standard input) and
finding the glossary's terms in it. Expectations are worked out from the strings by hand."""

from __future__ import annotations

import io

import pytest

from cngloss.corpus.annotate import annotate, read_source
from cngloss.errors import DocumentError, Problem
from cngloss.model import Term

FANG = Term("fangguanfu", "放管服改革", "", "definition of 放管服改革")


def test_an_annotated_file_is_named_by_its_path_and_keeps_the_readers_kind(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("深化放管服改革。\n", encoding="utf-8")
    found = annotate([FANG], path)
    assert found.name == str(path)
    assert found.kind == "text"
    assert found.text == "深化放管服改革。\n"
    assert [(o.start, o.end, o.term.id) for o in found.occurrences] == [(2, 7, "fangguanfu")]


def test_standard_input_is_named_stdin_and_read_as_text():
    found = annotate([FANG], "-", stdin=io.BytesIO("推进放管服改革\n".encode("utf-8")))
    assert found.name == "<stdin>"
    assert found.kind == "text"
    assert [(o.start, o.end) for o in found.occurrences] == [(2, 7)]


def test_reading_standard_input_gives_its_text():
    document = read_source("-", stdin=io.BytesIO("放管服改革\n".encode("utf-8")))
    assert document.text == "放管服改革\n"


def test_dash_without_standard_input_is_a_document_error_saying_how_to_fix_it():
    with pytest.raises(DocumentError) as caught:
        read_source("-")
    assert caught.value.problems == [Problem(
        "<stdin>", None, "no standard input to read",
        fix="give a file, or pipe the text in")]
