"""Collections (.jsonl) and iter_documents: exact error messages, the encoding passed on."""

from __future__ import annotations

from pathlib import Path

import pytest

from cngloss.errors import DocumentError
from cngloss.sources.readers import iter_documents
from cngloss.sources.readers.jsonl import iter_records


def message_of(path: Path) -> str:
    with pytest.raises(DocumentError) as info:
        list(iter_records(path))
    return str(info.value)


def test_a_missing_collection_says_it_cannot_be_read(tmp_path):
    path = tmp_path / "gone.jsonl"
    assert message_of(path) == (f"{path}: cannot be read: No such file or directory "
                                "(fix: check the path)")


def test_an_empty_collection_names_itself(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"")
    assert message_of(path) == (f"{path}: is empty (no records) "
                                "(fix: give a collection with one report a line)")


def test_a_record_without_content_names_its_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"title": "报告"}\n', encoding="utf-8")
    assert message_of(path) == (
        f"{path}:1: record has no content (no non-empty \"content\" string) "
        "(fix: give each record its report text in \"content\")")


def test_iter_documents_reads_a_single_file_in_the_encoding_given(tmp_path):
    text = "政府工作報告：過去一年，我們堅持穩中求進工作總基調，經濟運行總體平穩。\n"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert [document.text for document in iter_documents(path, "big5")] == [text]
