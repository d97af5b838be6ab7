"""`annotate` and `appendix --for` with a library: the glossaries of the library are looked
for too (its reports' notes), the curated glossary first for what it curates.

The library holds two reports written here, each with a notes section: 甲市 2021 defines
六稳六保 (a term the bundled glossary curates, id liuwen-liubao), 林长制 and 田长制; 乙市
2022 defines 河长制, 路长制 and 湖长制 (three notes each: fewer are not read as a notes
section). Of these only 六稳六保 is in the bundled glossary; the document uses 六稳六保,
林长制 and 河长制.
"""

from __future__ import annotations

import json

import pytest

from cngloss.library import queries
from conftest import report_with_notes as _report, write_collection


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annotate-library")
    records = [_report("甲市", 2021, [("六稳六保", "指稳就业等六个方面。"),
                                      ("林长制", "指由各级党政主要负责人担任林长。"),
                                      ("田长制", "指由各级党政主要负责人担任田长。")]),
               _report("乙市", 2022, [("河长制", "指由各级党政主要负责人担任河长。"),
                                      ("路长制", "指由各级党政主要负责人担任路长。"),
                                      ("湖长制", "指由各级党政主要负责人担任湖长。")])]
    source = write_collection(folder, records)
    path = folder / "lib.sqlite"
    result, _ = queries.add_all(path, [source])
    assert (result.added, result.failures) == (2, [])
    return path


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "speech.txt"
    # 六稳六保 at 2, 林长制 at 9, 河长制 at 13 (counted by hand); “六稳”“六保” at 20-28
    path.write_text("落实六稳六保，推进林长制和河长制。\n做好“六稳”“六保”。\n", encoding="utf-8")
    return path


def test_annotate_finds_the_notes_headwords_and_the_curated_term_first(cli, library, document):
    result = cli("--library", str(library), "annotate", str(document), "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [(t["term"], t["count"], t["first_line"]) for t in data["terms"]] == [
        ("六稳六保", 2, 1), ("林长制", 1, 1), ("河长制", 1, 1)]
    assert data["terms"][0]["id"] == "liuwen-liubao"  # the curated term, not the note
    assert [(o["start"], o["end"]) for o in data["occurrences"]] == [
        (2, 6), (9, 12), (13, 16), (20, 28)]


def test_without_a_library_only_the_curated_glossary(cli, document):
    data = json.loads(cli("annotate", str(document), "--json").out)
    assert [t["term"] for t in data["terms"]] == ["六稳六保"]


def test_appendix_for_a_document_takes_the_notes_headwords_too(cli, library, document):
    result = cli("--library", str(library), "appendix", "--for", str(document),
                 "--format", "csv")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 4  # the header and three terms
    assert [line.split(",")[2] for line in lines[1:]] == ["六稳六保", "林长制", "河长制"]
    assert "指由各级党政主要负责人担任河长" in lines[3]
