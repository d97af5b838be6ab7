"""Writing output files (sources/files.py): atomically, never over an existing file unless
forced, with the permissions a new file or the replaced one had, and every failure an
OutputError that says what went wrong and what to do."""

from __future__ import annotations

import os

import pytest

from cngloss.errors import OutputError
from cngloss.sources.files import make_folder, write_atomically, write_bytes_atomically


def message(excinfo) -> str:
    return str(excinfo.value)


def test_a_folder_is_not_made_where_a_file_of_that_name_exists(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputError) as excinfo:
        make_folder(tmp_path / "out")
    assert message(excinfo) == f"cannot create folder {tmp_path / 'out'}: a file of that " \
        "name exists"


def test_a_file_is_not_written_into_a_missing_folder(tmp_path):
    target = tmp_path / "missing" / "a.txt"
    with pytest.raises(OutputError) as excinfo:
        write_atomically(target, "x")
    assert message(excinfo) == f"cannot write {target}: folder {tmp_path / 'missing'} does " \
        "not exist (create it first)"


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(OutputError) as excinfo:
        write_bytes_atomically(target, b"new")
    assert message(excinfo) == f"{target} already exists (use --force to replace it)"
    assert target.read_text() == "old"
    write_bytes_atomically(target, b"new", force=True)
    assert target.read_text() == "new"


def test_text_is_written_as_utf8(tmp_path):
    target = write_atomically(tmp_path / "a.txt", "六稳\r\n")
    assert target.read_bytes() == "六稳\r\n".encode("utf-8")


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new", force=True)
    assert target.stat().st_mode & 0o7777 == 0o640


def test_a_new_file_gets_read_write_permissions_less_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        target = write_atomically(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o7777 == 0o640


def test_a_folder_that_refuses_a_temporary_file_is_reported(tmp_path, monkeypatch):
    def refuse(**_):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("cngloss.sources.files.tempfile.mkstemp", refuse)
    with pytest.raises(OutputError) as excinfo:
        write_atomically(tmp_path / "a.txt", "x")
    assert message(excinfo) == f"cannot write {tmp_path / 'a.txt'}: Permission denied " \
        "(choose a folder you can write to)"


def test_a_failed_write_is_reported_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(*_):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("cngloss.sources.files.os.replace", refuse)
    with pytest.raises(OutputError) as excinfo:
        write_atomically(tmp_path / "a.txt", "x")
    assert message(excinfo) == f"cannot write {tmp_path / 'a.txt'}: Permission denied " \
        "(choose a place you can write to)"
    assert list(tmp_path.iterdir()) == []
