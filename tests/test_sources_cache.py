"""The compiled corpus cache: used when sound, never stale, never an error."""

from __future__ import annotations

import os

import pytest

import cngloss.sources.glossary
from cngloss import load_corpus, search
from cngloss.lookup.index import _INDEXES

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
    monkeypatch.setattr(cngloss.sources.glossary, "load_glossary",
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
    monkeypatch.setattr(cngloss.sources.glossary, "load_glossary",
                        lambda path: pytest.fail("parsed again"))
    result = cli("--glossary", str(glossary_file), "show", "两违")
    assert result.code == 0 and "严格“两违”管控。" in result.out


def test_an_entry_damaged_inside_is_ignored(glossary_file):
    load_corpus(glossary_file)
    folder = os.environ["CNGLOSS_CACHE_DIR"]
    [name] = entries()
    path = os.path.join(folder, name)
    data = bytearray(open(path, "rb").read())
    data[-40] ^= 0xFF  # still a file of the right shape, but not what was written
    open(path, "wb").write(bytes(data))
    corpus = load_corpus(glossary_file)
    assert [t.term for t in corpus.glossary.terms] == ["两违"]


def test_a_character_changed_inside_a_cached_term_row_is_detected(glossary_file):
    """The checksum covers the term rows: a definition altered in the entry (a valid
    character for another) is never served; the glossary is read again."""
    load_corpus(glossary_file)
    [name] = entries()
    path = os.path.join(os.environ["CNGLOSS_CACHE_DIR"], name)
    data = open(path, "rb").read()
    row = "指违法用地和违规建筑。".encode("utf-8")
    assert row in data  # the term's row comes first; the search index holds it again later
    open(path, "wb").write(data.replace(row, "指为法用地和违规建筑。".encode("utf-8"), 1))
    assert load_corpus(glossary_file).glossary.terms[0].definition == "指违法用地和违规建筑。"


def test_an_edited_corrections_file_is_never_answered_from_the_cache(write_glossary):
    report = "标题\n\n一、回顾\n\n严格“两为”管控。\n"
    path = write_glossary(
        "report:\n  path: report.txt\n  corrections: corrections.yaml\n" + TERMS, report=report,
        corrections="corrections:\n  - {original: 两为, corrected: 两违, reason: a typo}\n")
    first = load_corpus(path)
    assert [p.text for p in first.passages(first.glossary.terms[0])] == ["严格“两违”管控。"]
    (path.parent / "corrections.yaml").write_text(
        "corrections:\n  - {original: 两为”管控, corrected: 两违”整治, reason: a typo}\n",
        encoding="utf-8")
    again = load_corpus(path)
    assert [p.text for p in again.passages(again.glossary.terms[0])] == ["严格“两违”整治。"]


def test_two_links_to_one_glossary_keep_their_own_reports(tmp_path, cli):
    for name, text in (("a", "严格“两违”管控。"), ("b", "两违必须清零。")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.txt").write_text(f"标题\n\n一、回顾\n\n{text}\n",
                                                    encoding="utf-8")
    (tmp_path / "a" / "terms.yaml").write_text("report: report.txt\n" + TERMS, encoding="utf-8")
    (tmp_path / "b" / "terms.yaml").symlink_to(tmp_path / "a" / "terms.yaml")
    assert "两违必须清零" in cli("--glossary", str(tmp_path / "b" / "terms.yaml"), "show", "两违").out
    assert "严格“两违”管控" in cli("--glossary", str(tmp_path / "a" / "terms.yaml"), "show", "两违").out


def test_a_relative_glossary_path_is_checked_against_the_right_report(tmp_path, cli,
                                                                      monkeypatch):
    (tmp_path / "proj").mkdir()
    (tmp_path / "other").mkdir()
    for folder in ("proj", "other"):
        (tmp_path / folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "proj" / "terms.yaml").write_text("report: report.txt\n" + TERMS,
                                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path / "proj")
    assert "管控" in cli("--glossary", "terms.yaml", "show", "两违").out
    (tmp_path / "proj" / "report.txt").write_text(REPORT.replace("管控", "整治"), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "other")
    out = cli("--glossary", str(tmp_path / "proj" / "terms.yaml"), "show", "两违").out
    assert "严格“两违”整治。" in out


def test_old_entries_are_pruned(glossary_file):
    from cngloss.sources.cache import KEEP_ENTRIES

    for k in range(KEEP_ENTRIES + 3):
        glossary_file.write_text(glossary_file.read_text(encoding="utf-8") + f"# edit {k}\n",
                                 encoding="utf-8")
        load_corpus(glossary_file)
    assert len(entries()) == KEEP_ENTRIES


# --------------------------------------------------------------------------- term rows

import inspect  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from cngloss.model import Part, Rendering, Term  # noqa: E402
from cngloss.sources.cache import term_from_row, term_to_row  # noqa: E402

TEXT = st.text(max_size=12)
OPTIONAL = st.none() | TEXT
TERMS_ = st.builds(
    Term, id=TEXT, term=TEXT, pinyin=TEXT, definition=TEXT,
    note=st.none() | st.integers(-10**6, 10**6), printed=OPTIONAL,
    english=st.lists(st.builds(Rendering, TEXT, OPTIONAL, OPTIONAL), max_size=3).map(tuple),
    variants=st.lists(TEXT, max_size=3).map(tuple),
    parts=st.lists(st.builds(Part, OPTIONAL, st.lists(TEXT, max_size=3).map(tuple)),
                   max_size=3).map(tuple),
    tags=st.lists(TEXT, max_size=3).map(tuple), related=st.lists(TEXT, max_size=3).map(tuple),
    remark=OPTIONAL, pinyin_reviewed=st.dictionaries(TEXT, TEXT, max_size=3),
    line=st.none() | st.integers(1, 10**6))


@settings(max_examples=200, deadline=None)
@given(term=TERMS_)
def test_a_term_row_gives_back_every_field_of_the_term(term):
    """Whatever a term holds comes back from its cache row, every parameter of its
    constructor, with the same types (tuples stay tuples, renderings and parts their named
    tuples)."""
    back = term_from_row(term_to_row(term))
    for name in inspect.signature(Term).parameters:
        mine, theirs = getattr(term, name), getattr(back, name)
        assert theirs == mine, name
        assert type(theirs) is type(mine), name
    assert all(type(e) is Rendering for e in back.english)
    assert all(type(p) is Part and type(p.items) is tuple for p in back.parts)


def test_editing_a_module_of_any_sub_package_changes_the_code_fingerprint(tmp_path,
                                                                          monkeypatch):
    from cngloss.sources import cache

    package = tmp_path / "cngloss"
    (package / "sources").mkdir(parents=True)
    (package / "lookup" / "deep").mkdir(parents=True)
    (package / "sources" / "cache.py").write_text("# cache\n", encoding="utf-8")
    module = package / "lookup" / "deep" / "matcher.py"
    module.write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "sources" / "cache.py"))
    before = cache.code_fingerprint()
    module.write_text("x = 22\n", encoding="utf-8")
    assert cache.code_fingerprint() != before
    assert "lookup/deep/matcher.py" in before


def test_compiled_files_do_not_change_the_code_fingerprint(tmp_path, monkeypatch):
    from cngloss.sources import cache

    package = tmp_path / "cngloss"
    (package / "sources" / "__pycache__").mkdir(parents=True)
    (package / "sources" / "cache.py").write_text("# cache\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "sources" / "cache.py"))
    before = cache.code_fingerprint()
    (package / "sources" / "__pycache__" / "stray.py").write_text("x = 1\n", encoding="utf-8")
    (package / "notes.txt").write_text("not code\n", encoding="utf-8")
    assert cache.code_fingerprint() == before
    (package / "top.py").write_text("y = 2\n", encoding="utf-8")
    assert "top.py:" in cache.code_fingerprint()
