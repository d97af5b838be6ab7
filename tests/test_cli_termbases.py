"""The termbase formats (`appendix --format tbx|memoq-csv|anki|pleco`) for every selection
the appendix takes (`--place`, `--year`, `--reviewed`, `--for FILE`, the library), and at
the edges: an empty selection is exit 1 and one line, an existing file is refused without
`--force`. Each file is read back the way its consumer reads it (docs/formats.md), and the
headwords it holds are compared with the ones each selection should give, written by hand
from the two reports below and the bundled glossary (23 curated terms)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from cngloss.errors import ExitCode
from conftest import FIXTURES, library_of_records, noted_report as record, run_cli, tbx_problems

FORMATS = ("tbx", "memoq-csv", "anki", "pleco")
ENGLISH = {"CNGLOSS_ENGLISH": str(FIXTURES / "english" / "renderings.yaml")}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def headwords(fmt: str, text: str) -> list[str]:
    """The headwords of a termbase, in file order, read as its format is documented."""
    if fmt == "tbx":
        root = ET.fromstring(text.encode("utf-8"))
        return [entry.find(f"langSet[@{XML_LANG}='zh']/tig/term").text
                for entry in root.iter("termEntry")]
    if fmt == "memoq-csv":
        assert text.startswith("\ufeff")
        rows = csv.DictReader(io.StringIO(text[1:]))
        return [row["Chinese_Simplified"].split("; ")[0] for row in rows]
    if fmt == "anki":
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        return [line.split("\t")[1] for line in lines]
    assert fmt == "pleco"
    return [line.split("\t")[0].split("[")[0] for line in text.splitlines()]


def english_of(fmt: str, text: str, headword: str) -> str:
    """Everything the termbase says in English of one headword, as one string."""
    if fmt == "tbx":
        root = ET.fromstring(text.encode("utf-8"))
        for entry in root.iter("termEntry"):
            if entry.find(f"langSet[@{XML_LANG}='zh']/tig/term").text == headword:
                en = entry.find(f"langSet[@{XML_LANG}='en']")
                return "" if en is None else " | ".join(
                    e.text for e in en.iter() if e.text and e.text.strip())
        raise AssertionError(headword)
    for line in text.splitlines():
        if headword in line:
            return line
    raise AssertionError(headword)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("termbase-library")
    return library_of_records(folder, [
        record("甲市", 2019, "坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。大力培育四上企业。",
               [("三大攻坚战", "防范化解重大风险、精准脱贫、污染防治。"),
                ("四上企业", "规模以上工业、限额以上批发零售业等四类企业。"),
                ("一网通办", "政务服务事项网上一次办理。")]),
        record("乙市", 2026, "建设双区。做好两新工作。全面推行河长制。",
               [("双区", "粤港澳大湾区和深圳先行示范区。"),
                ("两新", "新经济组织和新社会组织。"),
                ("河长制", "由各级党政负责人担任河长，负责河湖管理保护。")]),
    ], "library.sqlite")


def termbase(tmp_path, fmt, *args, library=None):
    out = tmp_path / f"out.{fmt}"
    where = ("--library", library) if library else ()
    result = run_cli(*where, "appendix", "--format", fmt, *args, "-o", str(out),
                     environ=ENGLISH)
    assert result.code == 0, result.err
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_place_gives_the_terms_of_its_reports_notes(fmt, library, tmp_path):
    text = termbase(tmp_path, fmt, "--place", "甲", library=library)
    assert sorted(headwords(fmt, text)) == sorted(["三大攻坚战", "四上企业", "一网通办"])
    # with its sourced English (the fixture file's), named with its source
    english = english_of(fmt, text, "三大攻坚战")
    assert "three critical battles" in english and "three tough battles" in english
    if fmt != "pleco":  # (a Pleco definition is one line: the words, no sources)
        assert "Example Agency, 2018-03-05" in english


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_year_gives_the_terms_of_that_years_notes(fmt, library, tmp_path):
    text = termbase(tmp_path, fmt, "--year", "2026", library=library)
    assert sorted(headwords(fmt, text)) == sorted(["双区", "两新", "河长制"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_reviewed_gives_the_curated_glossary_only(fmt, library, tmp_path):
    text = termbase(tmp_path, fmt, "--reviewed", library=library)
    found = headwords(fmt, text)
    assert len(found) == 23 and found[0] == "六稳六保"
    assert not {"三大攻坚战", "四上企业", "一网通办", "双区", "两新", "河长制"} & set(found)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_year_gives_every_reports_notes(fmt, library, tmp_path):
    # (no curated term is defined by these notes: none is selected; without any selection
    # the appendix is the curated glossary's, as docs/library.md says)
    found = headwords(fmt, termbase(tmp_path, fmt, "--year", "2019..", library=library))
    assert found == ["三大攻坚战", "四上企业", "一网通办", "双区", "两新", "河长制"]
    assert len(headwords(fmt, termbase(tmp_path, fmt, "--force", library=library))) == 23


@pytest.mark.parametrize("fmt", FORMATS)
def test_for_a_file_gives_the_terms_it_uses(fmt, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("严格两违管控。\n做好六稳六保工作。\n", encoding="utf-8")
    text = termbase(tmp_path, fmt, "--for", str(speech))
    assert headwords(fmt, text) == ["两违", "六稳六保"]  # in order of first use


@pytest.mark.parametrize("fmt", FORMATS)
def test_for_a_file_in_the_library_takes_the_notes_terms_too(fmt, library, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("打好三大攻坚战，做好六稳六保工作。\n", encoding="utf-8")
    text = termbase(tmp_path, fmt, "--for", str(speech), library=library)
    assert headwords(fmt, text) == ["三大攻坚战", "六稳六保"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_selection_is_exit_1_and_one_line(fmt, library, tmp_path):
    out = tmp_path / f"none.{fmt}"
    result = run_cli("--library", library, "appendix", "--format", fmt, "--place", "丙",
                     "-o", str(out))
    assert result.code == ExitCode.NOT_FOUND == 1
    assert result.out == "" and result.err.count("\n") == 1
    assert result.err == "cngloss: error: no entry of the glossaries in use is selected\n"
    assert not out.exists() and list(tmp_path.iterdir()) == []  # nothing half-written


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_that_uses_no_term_is_exit_1(fmt, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("今天天气很好。\n", encoding="utf-8")
    result = run_cli("appendix", "--format", fmt, "--for", str(speech))
    assert result.code == 1 and result.out == "" and result.err.count("\n") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_existing_file_is_refused_without_force(fmt, tmp_path):
    out = tmp_path / f"glossary.{fmt}"
    out.write_text("keep", encoding="utf-8")
    refused = run_cli("appendix", "--format", fmt, "-o", str(out))
    assert refused.code == ExitCode.USAGE == 2 and refused.err.count("\n") == 1
    assert "already exists" in refused.err and "--force" in refused.err
    assert out.read_text(encoding="utf-8") == "keep"
    forced = run_cli("appendix", "--format", fmt, "-o", str(out), "--force")
    assert forced.code == 0
    assert len(headwords(fmt, out.read_text(encoding="utf-8"))) == 23


@pytest.mark.parametrize("selection", [("--place", "甲"), ("--year", "2026"), ("--reviewed",)],
                         ids=["place", "year", "reviewed"])
def test_a_selections_tbx_is_valid_and_read_back_whole(selection, library, tmp_path,
                                                        tbx_validators):
    text = termbase(tmp_path, "tbx", *selection, library=library)
    assert tbx_problems(tbx_validators, text) == []
    reader = pytest.importorskip("translate.storage.tbx",
                                 reason="translate-toolkit (the test extra) is not installed")
    store = reader.tbxfile.parsestring(text.encode("utf-8"))
    assert [u.source for u in store.units] == headwords("tbx", text)

