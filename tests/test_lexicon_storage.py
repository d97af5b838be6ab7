"""How the lexicon is stored (library/lexicon.py, ``Lexicon.to_bytes``): in sections, the
term rows, ids, keys and sources packed as UTF-8 text decoded on use, the search index
unpickled attribute by attribute (lookup/index.py). A stored lexicon must answer exactly as
the one compiled in memory; a damaged, cut or older blob is never read."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from array import array
from pathlib import Path

import pytest

from cngloss.library import glossary_queries, queries
from cngloss.library import lexicon as lexicon_module
from cngloss.library.lexicon import LEXICON_FORMAT, Lexicon, PackedStrings, build, load
from cngloss.library.store import open_library
from cngloss.lookup.index import SearchIndex
from cngloss.lookup.search import search
from cngloss.sources.cache import term_to_row
from conftest import report_with_notes, write_collection

# --------------------------------------------------------------------------- packed strings


def test_packed_strings_give_back_each_string_and_find_whole_ones_only():
    strings = ["六稳六保", "", "ab", "b", "四好农村路", "b"]
    packed = PackedStrings.of(strings)
    assert len(packed) == 6
    assert [packed[i] for i in range(6)] == strings
    assert list(packed) == strings
    assert packed[-1] == "b" and packed[1:3] == ["", "ab"]
    with pytest.raises(IndexError):
        packed[6]
    assert packed.index_of("b") == 3  # the first whole string, not the end of "ab"
    assert packed.index_of("四好农村路") == 4
    assert packed.index_of("六稳六保") == 0  # the first line
    assert packed.index_of("a") is None  # part of a string is not a string
    assert packed.index_of("稳六") is None
    assert packed.index_of("") is None  # never asked for: keys and ids are not empty
    assert packed.index_of("a\nb") is None


def test_packed_strings_refuse_a_newline_and_hold_nothing():
    with pytest.raises(ValueError, match="newline"):
        PackedStrings.of(["one", "two\nlines"])
    empty = PackedStrings.of([])
    assert len(empty) == 0 and list(empty) == [] and empty.index_of("x") is None


def test_packed_strings_survive_bytes_and_starts_alone():
    packed = PackedStrings.of(["甲", "乙丙", "丁"])
    starts = array("I")
    starts.frombytes(packed.starts.tobytes())
    again = PackedStrings(bytes(packed.text), starts)
    assert list(again) == ["甲", "乙丙", "丁"] and again.index_of("丁") == 2


# --------------------------------------------------------------------------- a small library

GLOSSARY = """\
title: test
terms:
  - id: liangxin
    term: 两新
    pinyin: liǎng xīn
    english: [{text: the two new drives}]
    definition: 新型基础设施建设和新型城镇化建设。
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Two reports of three notes each (one headword in both, printed differently; a
    notes section of fewer is not read as one) and a glossary file that defines another
    note's headword: five entries, one of them reviewed."""
    folder = tmp_path_factory.mktemp("lexicon")
    records = [report_with_notes("甲市", 2021, [("一号工程", "指第一项。"),
                                                ("“四上”企业", "四类企业。"),
                                                ("两新", "指新基建和新型城镇化。")]),
               report_with_notes("乙市", 2022, [("“一号”工程", "指第一项工作。"),
                                                ("三号工程", "指第三项。"),
                                                ("二号工程", "指第二项。")])]
    path = write_collection(folder, records)
    terms = folder / "mine.yaml"
    terms.write_text(GLOSSARY, encoding="utf-8")
    lib = folder / "lib.sqlite"
    result, glossaries = queries.add_all(lib, [path, terms])
    assert (result.added, result.failures, glossaries.added) == (2, [], 1)
    return lib


def _built_and_stored(path):
    with open_library(path) as lib:
        built = build(lib.db)
        stored = Lexicon.from_bytes(lib.db.execute("SELECT data FROM lexicon").fetchone()[0])
    return built, stored


def test_the_stored_lexicon_is_the_one_compiled_in_memory(small):
    built, stored = _built_and_stored(small)
    n = len(built.keys)
    assert n == 5  # 两新 (file and note), 一号工程 (both reports), 四上企业, 三号, 二号
    assert len(stored.keys) == len(stored.glossary.terms) == n
    assert list(stored.keys) == list(built.keys)
    assert [t.term for t in stored.glossary.terms] == [t.term for t in built.glossary.terms]
    assert [term_to_row(t) for t in stored.glossary.terms] == \
        [term_to_row(t) for t in built.glossary.terms]  # every field (Term has no ==)
    assert list(stored.glossary.ids) == [t.id for t in built.glossary.terms]
    assert list(stored.reviewed) == list(built.reviewed) == \
        [t.term == "两新" for t in built.glossary.terms]
    assert [o is None for o in stored.origins] == [not r for r in built.reviewed]
    assert [o for o in stored.origins if o][0].endswith("mine.yaml")
    assert [stored.sources(i) for i in range(n)] == [built.sources(i) for i in range(n)]
    one = stored.position("一号工程")
    assert [(s.place, s.year) for s in stored.sources(one)] == [("甲市", 2021), ("乙市", 2022)]
    assert stored.glossary.terms[one].term == "一号工程"  # shown without the quotes
    assert stored.links == built.links


def test_the_stored_lexicon_finds_terms_by_key_id_and_headword(small):
    built, stored = _built_and_stored(small)
    for i, term in enumerate(built.glossary.terms):
        assert stored.position(built.keys[i]) == i
        assert stored.position_of_id(term.id) == i
        assert built.position_of_id(term.id) == i  # in memory: the glossary's own look-up
        assert stored.key_of(term.term) == built.key_of(term.term) == built.keys[i]
    assert stored.position("四号工程") is None and stored.position_of_id("nothing") is None
    assert stored.key_of("“四上”企業") == "四上企业"  # a character no key has: converted


@pytest.mark.parametrize("query", ["yihao", "一号工程", "四上", "two new", "新型城镇化"])
def test_a_search_of_the_stored_lexicon_is_the_search_of_the_built_one(small, query):
    built, stored = _built_and_stored(small)
    hits = [(h.term.id, h.score) for h in search(built.glossary, query)]
    assert hits and [(h.term.id, h.score) for h in search(stored.glossary, query)] == hits


def _blob(path):
    with open_library(path) as lib:
        return lib.db.execute("SELECT data FROM lexicon").fetchone()[0]


def test_a_damaged_cut_or_older_blob_is_refused(small):
    data = _blob(small)
    row = data.find("一号工程".encode("utf-8"))  # in a term's row
    assert row > 0
    flipped = data[:row] + bytes([data[row] ^ 1]) + data[row + 1:]
    for bad in (flipped, data[:-1], data[:len(data) // 3], b"", b"\x00",
                pickle.dumps(([], [], [], [], [], [], {}, b""))):  # format 1: one pickle
        with pytest.raises(Exception):
            Lexicon.from_bytes(bad)
    Lexicon.from_bytes(data)  # the blob itself is read


def test_sections_that_disagree_are_refused(small):
    built, _ = _built_and_stored(small)
    built.origins = built.origins[:-1]  # one term without its origin
    with pytest.raises(ValueError, match="disagree"):
        Lexicon.from_bytes(built.to_bytes())


def _set_blob(path, data, state=None):
    db = sqlite3.connect(path)
    if state is None:
        db.execute("UPDATE lexicon SET data = ?", (data,))
    else:
        db.execute("UPDATE lexicon SET data = ?, state = ?", (data, state))
    db.commit()
    db.close()


def test_a_damaged_blob_read_only_is_compiled_in_memory_and_left_alone(small, tmp_path, corpus):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small, copy)
    data = _blob(copy)
    damaged = data[:-10] + bytes(10)
    _set_blob(copy, damaged)
    lexicon_module._LOADED.clear()
    row = glossary_queries.find(copy, corpus, "一号工程").rows[0]
    assert (row.term.term, row.reports) == ("一号工程", 2)
    assert _blob(copy) == damaged  # a reader never writes


def test_a_blob_of_the_format_before_is_stale_and_rebuilt_when_written(small, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small, copy)
    with open_library(copy) as lib:
        now = lexicon_module.state(lib.db)
    assert now.startswith(f"{LEXICON_FORMAT}:") and LEXICON_FORMAT == 3
    old_state = "2" + now[len(str(LEXICON_FORMAT)):]  # 3: notes that name no term left out
    old = pickle.dumps(([], [], [], [], [], [], {}, b""))
    _set_blob(copy, old, old_state)
    lexicon_module._LOADED.clear()
    with open_library(copy) as lib:  # read-only: compiled in memory, nothing written
        assert len(load(lib).keys) == 5
    assert _blob(copy) == old
    lexicon_module._LOADED.clear()
    with open_library(copy, write=True) as lib:
        assert len(load(lib).keys) == 5
    with open_library(copy) as lib:
        assert lib.db.execute("SELECT state FROM lexicon").fetchone()[0] == now
    assert Lexicon.from_bytes(_blob(copy)).keys[0]


# --------------------------------------------------------------------------- the lazy index


def test_an_unpickled_index_reads_only_the_tables_it_is_asked_for(small):
    built, _ = _built_and_stored(small)
    index = SearchIndex(built.glossary)
    copy = pickle.loads(pickle.dumps(index))
    assert "definitions" not in copy.__dict__ and "definitions" in copy._packed
    assert copy.forms.text == index.forms.text  # unpickled now
    assert "forms" in copy.__dict__ and "forms" not in copy._packed
    assert "definitions" not in copy.__dict__
    assert copy.headwords == index.headwords and copy.size == index.size
    # pickled again half read: every table is there
    again = pickle.loads(pickle.dumps(copy))
    assert again.forms.text == index.forms.text
    assert again.definitions.text == index.definitions.text
    assert again.postings == index.postings and again.vocabulary == index.vocabulary
    assert "glossary" not in again._packed and "_known_set" in again._packed
    with pytest.raises(AttributeError):
        again.no_such_table
    with pytest.raises(AttributeError):
        SearchIndex.__new__(SearchIndex).forms  # nothing packed at all


def test_a_damaged_table_of_an_unpickled_index_is_built_afresh(small):
    built, _ = _built_and_stored(small)
    index = SearchIndex(built.glossary)
    copy = pickle.loads(pickle.dumps(index))
    copy.glossary = built.glossary  # as index_for gives it
    copy._packed["forms"] = b"\x80\x05damaged"
    assert copy.forms.text == index.forms.text
    assert copy.definitions.text == index.definitions.text and not copy._packed


# --------------------------------------------------------------------------- removing a glossary file


def _copy_with_two_files(small, tmp_path):
    """A copy of the small library with a second glossary file (甲乙工程) added; returns the
    copy and the two files, as they were added."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small, copy)
    first = small.parent / "mine.yaml"
    second = tmp_path / "other.yaml"
    second.write_text(GLOSSARY.replace("liangxin", "jiayi-gongcheng").replace("两新", "甲乙工程"),
                      encoding="utf-8")
    queries.add_all(copy, [second])
    return copy, first, second


def _files_and_reviewed(path):
    with open_library(path) as lib:
        files = sorted(s for (s,) in lib.db.execute("SELECT source FROM glossary"))
        lexicon = load(lib)
        reviewed = {t.term for t, r in zip(lexicon.glossary.terms, lexicon.reviewed) if r}
    return [p.rpartition("/")[2] for p in files], reviewed


def test_removing_a_glossary_file_takes_its_terms_out_of_the_lexicon(small, tmp_path):
    copy, first, second = _copy_with_two_files(small, tmp_path)
    assert _files_and_reviewed(copy) == (["mine.yaml", "other.yaml"], {"两新", "甲乙工程"})
    assert queries.remove_glossaries(copy, [str(first)]) == 1
    # 两新 stays an entry (a note defines it) but is no longer reviewed; 甲乙工程 is kept
    files, reviewed = _files_and_reviewed(copy)
    assert (files, reviewed) == (["other.yaml"], {"甲乙工程"})
    with open_library(copy) as lib:
        assert "两新" in {t.term for t in load(lib).glossary.terms}


def test_a_glossary_file_is_named_by_its_path_from_the_current_folder(small, tmp_path,
                                                                     monkeypatch):
    copy, _, second = _copy_with_two_files(small, tmp_path)
    monkeypatch.chdir(second.parent)
    assert queries.remove_glossaries(copy, ["other.yaml"]) == 1
    assert _files_and_reviewed(copy)[0] == ["mine.yaml"]


def test_removing_a_glossary_file_never_added_removes_nothing(small, tmp_path):
    from cngloss.errors import NotFoundError

    copy, first, _ = _copy_with_two_files(small, tmp_path)
    never = tmp_path / "never.yaml"
    with pytest.raises(NotFoundError, match="no glossary in the library was added from .*never"):
        queries.remove_glossaries(copy, [str(first), str(never)])
    assert _files_and_reviewed(copy)[0] == ["mine.yaml", "other.yaml"]  # all or none


# --------------------------------------------------------------------------- messages and reuse


def test_a_blob_without_the_magic_or_with_a_bad_checksum_says_which(small):
    data = _blob(small)
    with pytest.raises(ValueError) as caught:
        Lexicon.from_bytes(b"x" + data[1:])
    assert str(caught.value) == "not a lexicon of this format"
    row = data.find("一号工程".encode("utf-8"))
    flipped = data[:row] + bytes([data[row] ^ 1]) + data[row + 1:]
    with pytest.raises(ValueError) as caught:
        Lexicon.from_bytes(flipped)
    assert str(caught.value) == "the lexicon is damaged"


def _read_error(problems, path=Path("my terms.yaml")):
    from cngloss.errors import DataError, GlossaryError

    def loader(p):
        raise DataError(problems)

    with pytest.raises(GlossaryError) as caught:
        lexicon_module._read(path, loader)
    return caught.value.problems


def test_a_bad_glossary_file_is_one_line_its_first_problem_and_how_many_more():
    from cngloss.errors import Problem

    problems = [Problem("my terms.yaml", 4, "bad x"), Problem("my terms.yaml", 9, "bad y"),
                Problem("my terms.yaml", 12, "bad z")]
    assert _read_error(problems) == [Problem(
        "my terms.yaml:4", None, "is not a glossary cngloss can add: bad x (and 2 more problem(s))",
        fix="see them all with: cngloss --glossary 'my terms.yaml' check")]


def test_a_bad_glossary_file_with_one_problem_and_no_line_names_just_the_file():
    from cngloss.errors import Problem

    assert _read_error([Problem("g.yaml", None, "not YAML")], Path("g.yaml")) == [Problem(
        "g.yaml", None, "is not a glossary cngloss can add: not YAML",
        fix="see them all with: cngloss --glossary g.yaml check")]


def test_a_bad_glossary_file_without_problems_is_named_with_the_error_text():
    from cngloss.errors import Problem

    assert _read_error([], Path("g.yaml")) == [Problem(
        "g.yaml", None, "is not a glossary cngloss can add: bad data",
        fix="see them all with: cngloss --glossary g.yaml check")]


def test_an_up_to_date_stored_lexicon_is_read_not_built_and_then_kept(small, monkeypatch):
    def no_build(db):
        raise AssertionError("built although the stored lexicon is up to date")

    lexicon_module._LOADED.clear()
    monkeypatch.setattr(lexicon_module, "build", no_build)
    with open_library(small) as lib:
        first = load(lib)
        assert len(first.keys) == 5
        assert load(lib) is first  # the same object: not read again


def test_the_same_glossary_file_again_is_counted_unchanged_and_a_new_one_dated_in_utc(
        small, tmp_path):
    from cngloss.library.lexicon import GlossaryAdded, add_glossaries

    copy = tmp_path / "copy.sqlite"
    shutil.copy(small, copy)
    other = tmp_path / "other.yaml"
    other.write_text(GLOSSARY.replace("liangxin", "jiayi").replace("两新", "甲乙"),
                     encoding="utf-8")
    with open_library(copy, write=True) as lib:
        assert add_glossaries(lib, [small.parent / "mine.yaml", other]) == \
            GlossaryAdded(added=1, replaced=0, unchanged=1, terms=1)
        dates = [d for (d,) in lib.db.execute("SELECT added_at FROM glossary")]
    assert len(dates) == 2 and all(d.endswith("+00:00") for d in dates)


# --------------------------------------------------------------------------- merging headwords


def _group(headwords, base=None):
    from collections import Counter

    from cngloss.library.lexicon import NoteSource, _Group

    found = _Group()
    found.base = base
    found.headwords = Counter(headwords)
    found.notes = [(NoteSource(1, 0, 1, 2021, "甲市", None), "指第一项。")]
    return found


def test_a_note_entry_shows_the_headword_of_its_own_key_most_printed_first():
    from cngloss.library.lexicon import _compile

    # 丙工程 is printed most, but only a curated link brings it under 一号工程
    found = _group({"一号工程": 1, "一號工程": 3, "丙工程": 5})
    term = _compile({"一号工程": found}, {"丙工程": "一号工程"}).glossary.terms[0]
    assert (term.term, term.variants) == ("一號工程", ("一号工程", "丙工程"))


def test_a_reviewed_entry_gains_only_the_printed_headwords_it_does_not_list():
    from cngloss.library.lexicon import _compile
    from cngloss.model import Term

    base = Term(id="jia", term="甲工程", pinyin="jiǎ gōng chéng", definition="指甲。",
                variants=("甲项工程",))
    found = _group({"甲工程": 4, "甲项工程": 2, "甲號工程": 1}, base)
    term = _compile({"甲工程": found}, {}).glossary.terms[0]
    assert (term.term, term.variants) == ("甲工程", ("甲项工程", "甲號工程"))


def test_the_state_counts_the_glossary_files_and_names_the_newest(small, tmp_path):
    from cngloss.library.lexicon import state

    copy, first, _ = _copy_with_two_files(small, tmp_path)
    queries.remove_glossaries(copy, [str(first)])
    with open_library(copy) as lib:
        assert state(lib.db).split(":")[3:5] == ["1", "2"]  # one file left, of id 2


def test_a_note_entry_shows_the_headword_the_notes_print_most(tmp_path):
    records = [report_with_notes("甲市", 2021, [("十號工程", "指十。"), ("十一工程", "指十一。"),
                                                ("十二工程", "指十二。")]),
               report_with_notes("乙市", 2022, [("十号工程", "指十。"), ("十三工程", "指十三。"),
                                                ("十四工程", "指十四。")]),
               report_with_notes("丙市", 2023, [("十号工程", "指十。"), ("十五工程", "指十五。"),
                                                ("十六工程", "指十六。")])]
    lib = tmp_path / "lib.sqlite"
    queries.add_all(lib, [write_collection(tmp_path, records)])
    with open_library(lib) as opened:
        built = build(opened.db, {})
    term = built.glossary.terms[built.position("十号工程")]
    assert (term.term, term.variants) == ("十号工程", ("十號工程",))
