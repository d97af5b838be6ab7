"""The compiled corpus cache: used when sound, never stale, never an error."""

from __future__ import annotations

import os

import pytest

import cngloss.glossary
from cngloss import load_corpus, search
from cngloss.search import _INDEXES

TERMS = "terms:\n  - {id: liangwei, term: 两违, pinyin: liǎng wéi, definition: 指违法用地和违规建筑。}\n"
REPORT = "标题\n\n一、回顾\n\n严格“两违”管控。\n"


@pytest.fixture
def glossary_file(write_glossary):
    return write_glossary("report: report.txt\n" + TERMS, report=REPORT)


def entries():
    folder = os.environ["CNGLOSS_CACHE_DIR"]
    return sorted(name for name in os.listdir(folder) if name.endswith(".pickle"))


def test_a_second_load_comes_from_the_cache(glossary_file, monkeypatch):
    first = load_corpus(glossary_file)
    assert len(entries()) == 1
    monkeypatch.setattr(cngloss.glossary, "load_glossary",
                        lambda path: pytest.fail("parsed again"))
    second = load_corpus(glossary_file)
    assert second is not first
    assert [t.id for t in second.glossary.terms] == ["liangwei"]
    assert [p.text for p in second.passages(second.glossary.terms[0])] == ["严格“两违”管控。"]


def test_the_cached_search_index_belongs_to_the_cached_glossary(glossary_file):
    load_corpus(glossary_file)
    corpus = load_corpus(glossary_file)
    [hit] = search(corpus.glossary, "liangwei")
    assert hit.term is corpus.glossary.terms[0]
    assert _INDEXES[corpus.glossary].glossary is corpus.glossary


def test_a_changed_glossary_is_never_answered_from_the_cache(glossary_file):
    load_corpus(glossary_file)
    glossary_file.write_text(glossary_file.read_text(encoding="utf-8").replace("两违", "两违建"),
                             encoding="utf-8")
    assert load_corpus(glossary_file).glossary.terms[0].term == "两违建"
    assert len(entries()) == 2


def test_a_changed_report_is_never_answered_from_the_cache(glossary_file):
    load_corpus(glossary_file)
    (glossary_file.parent / "report.txt").write_text(REPORT.replace("管控", "整治"),
                                                     encoding="utf-8")
    corpus = load_corpus(glossary_file)
    assert [p.text for p in corpus.passages(corpus.glossary.terms[0])] == ["严格“两违”整治。"]


def test_a_corrupt_entry_is_ignored_and_replaced(glossary_file):
    load_corpus(glossary_file)
    folder = os.environ["CNGLOSS_CACHE_DIR"]
    [name] = entries()
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(b"not a pickle")
    assert load_corpus(glossary_file).glossary.terms[0].id == "liangwei"
    with open(os.path.join(folder, name), "rb") as handle:
        assert handle.read(12) != b"not a pickle"


def test_an_unwritable_cache_is_ignored(glossary_file, monkeypatch):
    monkeypatch.setenv("CNGLOSS_CACHE_DIR", "/proc/cngloss-cache")
    assert load_corpus(glossary_file).glossary.terms[0].id == "liangwei"


def test_the_cache_can_be_turned_off(glossary_file, monkeypatch):
    monkeypatch.setenv("CNGLOSS_NO_CACHE", "1")
    load_corpus(glossary_file)
    assert entries() == []


def test_errors_are_still_reported_with_a_cache(write_glossary, cli):
    path = write_glossary("terms:\n  - {id: a, term: 甲}\n")
    assert cli("--glossary", str(path), "list").code == 3
    assert cli("--glossary", str(path), "list").code == 3  # nothing cached for a bad file
    assert entries() == []


def test_the_cli_uses_the_cache_between_runs(glossary_file, cli, monkeypatch):
    assert cli("--glossary", str(glossary_file), "show", "两违").code == 0
    monkeypatch.setattr(cngloss.glossary, "load_glossary",
                        lambda path: pytest.fail("parsed again"))
    result = cli("--glossary", str(glossary_file), "show", "两违")
    assert result.code == 0 and "严格“两违”管控。" in result.out
