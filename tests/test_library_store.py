"""Opening a library file: the exact problem reported for each kind of file that is not one."""

from __future__ import annotations

import sqlite3

import pytest

from cngloss.errors import DataError, Problem
from cngloss.library import store
from cngloss.library.store import APPLICATION_ID, SCHEMA_VERSION, open_library


def _problem(path, write: bool) -> Problem:
    with pytest.raises(DataError) as caught:
        open_library(path, write=write)
    return caught.value.problems[0]


def test_a_folder_is_not_a_library_file(tmp_path):
    assert _problem(tmp_path, write=False) == Problem(
        str(tmp_path), None, "is a folder, not a library file",
        fix="name a file, e.g. library.sqlite")


def test_a_library_whose_folder_cannot_be_made_says_why(tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    path = blocker / "sub" / "library.sqlite"
    assert _problem(path, write=True) == Problem(
        str(path), None, "cannot create its folder (Not a directory)",
        fix="choose another --library path")


def test_a_library_that_cannot_be_written_is_refused_for_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_can_write", lambda path: False)
    path = tmp_path / "library.sqlite"
    assert _problem(path, write=True) == Problem(
        str(path), None, "is read-only: the library can be read but not changed",
        fix="copy it somewhere writable, or choose another --library path")


def test_a_foreign_database_names_the_way_out(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    assert _problem(path, write=False) == Problem(
        str(path), None, "is an SQLite database, but not a cngloss library",
        fix="choose another --library path")


def test_an_empty_database_read_is_not_a_library_yet(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    assert _problem(path, write=False) == Problem(
        str(path), None, "is an empty database, not a cngloss library yet",
        fix="create it with: cngloss add REPORT...")


def test_a_library_from_a_newer_cngloss_asks_for_an_upgrade(tmp_path):
    path = tmp_path / "newer.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    assert _problem(path, write=False) == Problem(
        str(path), None, f"was written by a newer cngloss (library format {SCHEMA_VERSION + 1})",
        fix="upgrade cngloss")


def test_a_read_only_librarys_catalogue_is_kept_until_another_connection_changes_it(tmp_path):
    from conftest import run_cli
    from test_library import RECORDS, write_collection

    from cngloss.model import Filters

    lib = tmp_path / "lib.sqlite"
    added = run_cli("--library", str(lib), "add",
                    str(write_collection(tmp_path / "set.jsonl", RECORDS)))
    assert added.code == 0, added.err
    reader = open_library(lib)
    try:
        assert [r.place for r in reader.reports().values()] == ["丁县", "丙市", "乙省", "甲市"]
        assert [r.year for r in reader.reports(Filters(level="city")).values()] == [2022, 2019]
        kept = reader.catalog_cache[Filters()]
        reader.reports().clear()  # a caller's copy: the kept catalogue is untouched
        assert reader.catalog_cache[Filters()] is kept and len(kept[1]) == 4
        removed = run_cli("--library", str(lib), "remove", "--place", "乙省")
        assert removed.code == 0, removed.err
        assert [r.place for r in reader.reports().values()] == ["丁县", "丙市", "甲市"]
    finally:
        reader.close()


def test_a_reading_connection_maps_the_library_a_writing_one_does_not(tmp_path):
    # store.READ_MAP_BYTES: reads from the OS cache in place (serve's warm queries)
    from cngloss.library.store import READ_MAP_BYTES

    lib = tmp_path / "lib.sqlite"
    with open_library(lib, write=True) as library:
        assert library.db.execute("PRAGMA mmap_size").fetchone()[0] == 0
    with open_library(lib) as library:
        assert library.db.execute("PRAGMA mmap_size").fetchone()[0] == READ_MAP_BYTES > 0
