"""Two writers on one library, as two real processes (docs/library.md, "The report library",
Errors): a second ``add`` while a long one runs goes in between its batches and both are
kept whole; a second writer that finds the library locked waits up to the busy timeout
(``CNGLOSS_BUSY_TIMEOUT``) and then exits 3 ("busy"), having changed nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from cngloss.library import queries
from cngloss.library.store import open_library
from conftest import run_script, write_collection

HERE = Path(__file__).resolve().parent
# One word a report, found nowhere else: each report's paragraphs must be found by it.
PLACES = {"甲市": "甲一号工程", "乙市": "乙二号工程", "丙市": "丙三号工程", "丁市": "丁四号工程",
          "戊市": "戊五号工程", "己市": "己六号工程"}
SECOND = ("庚县", "庚七号工程")


def record(place: str, word: str) -> dict:
    return {"place": place, "level": "city", "year": 2021, "title": f"{place}政府工作报告",
            "path": place, "content": f"{place}政府工作报告\n\n今年推进{word}建设。\n"}


def one_report(tmp_path: Path) -> Path:
    path = tmp_path / "one-report.txt"
    path.write_text(f"{SECOND[0]}政府工作报告\n\n今年推进{SECOND[1]}建设。\n", encoding="utf-8")
    return path


def wait_for(path: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.01)


def places_found(library: Path) -> dict[str, list[str]]:
    """For each report's own word, the places of the paragraphs the index finds it in."""
    found = {}
    for place, word in [*PLACES.items(), SECOND]:
        result = queries.grep(library, word)
        found[word] = [Path(group.report.source).name
                       for group in result.groups for _ in group.passages]
    return found


def test_a_second_add_between_two_batches_of_a_long_one_loses_nothing(tmp_path):
    library = tmp_path / "lib.sqlite"
    collection = write_collection(tmp_path, [record(p, w) for p, w in PLACES.items()])
    paused, go = tmp_path / "paused", tmp_path / "go"
    first = subprocess.Popen([sys.executable, str(HERE / "writers_pause.py"), str(library),
                              str(collection), str(paused), str(go)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(paused, first)  # one report written, five read and waiting
        second = run_script("--library", str(library), "add", str(one_report(tmp_path)))
        assert (second.returncode, second.stderr) == (0, "")
        assert second.stdout.startswith("added 1 report (0 replacing")
        go.touch()
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert (first.returncode, err, out) == (0, "", "6 0 0 0\n")
    reports = queries.reports(library)
    assert len(reports) == 7 and len({r.id for r in reports}) == 7
    assert places_found(library) == {word: [f"set.jsonl#{place}"] for place, word in
                                     PLACES.items()} | {SECOND[1]: ["one-report.txt"]}


def locked(library: Path) -> sqlite3.Connection:
    """Another writer holding the library: a connection in a write transaction."""
    holder = sqlite3.connect(library, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT OR REPLACE INTO meta VALUES('held', 1)")
    return holder


def test_a_second_writer_on_a_locked_library_waits_its_timeout_then_says_busy(tmp_path):
    library = tmp_path / "lib.sqlite"
    queries.add(library, [write_collection(tmp_path, [record("甲市", PLACES["甲市"])])])
    holder = locked(library)
    try:
        started = time.monotonic()
        second = run_script("--library", str(library), "add", str(one_report(tmp_path)),
                            env={"CNGLOSS_BUSY_TIMEOUT": "0.2"})
        took = time.monotonic() - started
        holder.execute("COMMIT")
    finally:
        holder.close()
    assert second.returncode == 3 and second.stdout == ""
    assert second.stderr == (f"cngloss: error: {library}: is busy: another cngloss is writing "
                             "it (fix: try again when that command has finished)\n")
    assert took < 4.5  # 0.2 s, not the default 5 s (start-up included, on a loaded machine)
    assert [r.place for r in queries.reports(library)] == ["甲市"]  # the first one's only
    with open_library(library) as lib:
        assert lib.db.execute("SELECT value FROM meta WHERE key = 'held'").fetchone() == (1,)


def test_a_second_writer_waits_for_the_first_to_finish_and_then_adds(tmp_path):
    library = tmp_path / "lib.sqlite"
    queries.add(library, [write_collection(tmp_path, [record("甲市", PLACES["甲市"])])])
    holder = locked(library)
    try:
        second = subprocess.Popen(
            [sys.executable, "-m", "cngloss", "--library", str(library), "add",
             str(one_report(tmp_path))], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", env=dict(os.environ, CNGLOSS_BUSY_TIMEOUT="60"))
        time.sleep(1.0)  # the second has started and (usually) reached the lock by now
        assert second.poll() is None  # it waits: it cannot have written
        holder.execute("COMMIT")
    finally:
        holder.close()
    out, err = second.communicate(timeout=60)
    assert (second.returncode, err) == (0, "") and out.startswith("added 1 report")
    assert sorted(Path(r.source).name for r in queries.reports(library)) == [
        "one-report.txt", "set.jsonl#甲市"]


def test_the_busy_timeout_is_five_seconds_unless_set(tmp_path, monkeypatch):
    library = tmp_path / "lib.sqlite"
    with open_library(library, write=True) as lib:
        assert lib.db.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    monkeypatch.setenv("CNGLOSS_BUSY_TIMEOUT", "0.25")
    with open_library(library, write=True) as lib:
        assert lib.db.execute("PRAGMA busy_timeout").fetchone() == (250,)


def test_a_busy_timeout_that_is_not_a_number_of_seconds_is_a_usage_error(tmp_path):
    for value in ("soon", "-1", "nan"):
        r = run_script("--library", str(tmp_path / "lib.sqlite"), "add",
                       str(one_report(tmp_path)), env={"CNGLOSS_BUSY_TIMEOUT": value})
        assert (r.returncode, r.stdout) == (2, "")
        assert r.stderr == (f"cngloss: error: CNGLOSS_BUSY_TIMEOUT={value!r}: give the "
                            "seconds a second writer waits for the library (e.g. 5)\n")
    assert not (tmp_path / "lib.sqlite").exists()
