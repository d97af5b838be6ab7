"""The library's bigram index as ``add`` builds it (whole-array inversion), its storage
keyed by segment, the reading side's batched steps (edits, sections, spans, CSV lines), and
which files of a folder ``add`` takes as reports.

The inversion is compared with a plain loop written here (every distinct pair of adjacent
characters of each paragraph, the paragraphs in order) packed by ``postings.encode``, the
format's definition; hand-worked cases pin the boundaries.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from cngloss.library import catalog, ingest, inverted, postings, queries, text_search
from cngloss.library.store import SCHEMA_VERSION, open_library
from conftest import run_cli, shared_dir

LOCAL = shared_dir() / "corpora" / "local-reports"
needs_local = pytest.mark.skipif(not LOCAL.is_dir(), reason=f"{LOCAL} is not there")


def plain_postings(ids, texts):
    """(gram, ids, blob) per bigram in gram order, by a loop over every position."""
    lists = defaultdict(list)
    for pid, text in zip(ids, texts):
        for gram in sorted({text[k:k + 2] for k in range(len(text) - 1)}):
            lists[gram].append(pid)
    return [(gram, lists[gram], postings.encode(lists[gram])) for gram in sorted(lists)]


def rows_of(packed, segment=1):
    return [(gram, n, blob) for gram, seg, n, blob in packed.rows(segment)]


# --------------------------------------------------------------------------- inversion


def test_a_hand_worked_batch():
    packed = inverted.invert([5, 9, 4096], ["两违两违", "违两", "两"])
    # 两违 in 5; 违两 in 5 and 9 (once each, though twice in 5); "两" alone has no bigram
    # and "违两"+"两" across the boundary of 9 and 4096 is no pair.
    assert packed.grams == "两违违两"
    assert list(packed.counts) == [1, 2]
    assert [list(postings.decode(blob)) for _, _, blob in rows_of(packed)] == [[5], [5, 9]]
    assert len(packed) == 2


def test_no_pair_across_paragraphs_even_around_empty_and_one_character_ones():
    packed = inverted.invert([1, 2, 3, 4, 5], ["甲乙", "", "丙", "", "丁戊"])
    assert [gram for gram, _, _ in rows_of(packed)] == ["丁戊", "甲乙"]


@pytest.mark.parametrize("texts", [[], [""], ["两"], ["", "两", ""]])
def test_paragraphs_without_pairs_give_no_postings(texts):
    packed = inverted.invert(list(range(1, len(texts) + 1)), texts)
    assert (packed.grams, len(packed), packed.blobs) == ("", 0, b"")
    assert list(packed.rows(3)) == []


@pytest.mark.parametrize("n,kind", [(postings.RAW_LIMIT, b"r"), (postings.RAW_LIMIT + 1, b"z")])
def test_a_list_is_raw_up_to_the_limit_and_compressed_past_it(n, kind):
    ids = [postings.paragraph_id(r, 4095) for r in range(1, n + 1)]  # deltas over 4096
    packed = inverted.invert(ids, ["两违"] * n)
    ((gram, count, blob),) = rows_of(packed)
    assert (gram, count, blob[:1]) == ("两违", n, kind)
    assert list(postings.decode(blob)) == ids
    assert blob == postings.encode(ids)


def test_characters_beyond_the_basic_plane_newlines_and_lone_surrogates():
    texts = ["𠮷野家\n乡", "a\ud800b", "𠮷𠮷"]
    packed = inverted.invert([1, 2, 3], texts)
    assert rows_of(packed) == [(g, len(i), b) for g, i, b in plain_postings([1, 2, 3], texts)]
    assert "𠮷𠮷" in [g for g, _, _ in rows_of(packed)]


def test_the_highest_code_points_do_not_collide_with_their_neighbours():
    top = "\U0010ffff"  # 21 bits: a pair of these must not alias any other pair
    texts = [top + top, "\U0010fffe" + top, top + "\U000ffffe", "a" + top]
    packed = inverted.invert([1, 2, 3, 4], texts)
    assert rows_of(packed) == [(g, len(i), b) for g, i, b in plain_postings([1, 2, 3, 4], texts)]
    assert len(packed) == 4


def test_a_large_batch_keeps_each_lists_ids_ascending():
    # Thousands of paragraphs sharing few bigrams: the sort must keep paragraph order within
    # a bigram (numpy sorts short arrays stably whatever the method; long ones only if asked).
    import random

    rng = random.Random(14)
    texts = ["".join(rng.choice("两违乡村") for _ in range(rng.randint(0, 9)))
             for _ in range(3000)]
    ids = [postings.paragraph_id(1 + k // 100, k % 100) for k in range(len(texts))]
    packed = inverted.invert(ids, texts)
    assert rows_of(packed) == [(g, len(i), b) for g, i, b in plain_postings(ids, texts)]


def test_ids_up_to_the_top_of_uint32():
    top = 2 ** 32 - 1
    packed = inverted.invert([1, top], ["两违", "两违"])
    assert list(postings.decode(rows_of(packed)[0][2])) == [1, top]


def test_ids_and_texts_must_pair_up():
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        inverted.invert([1, 2], ["两违"])


def test_rows_carry_the_segment_and_end_where_the_next_begins():
    packed = inverted.invert([1, 2], ["甲乙丙", "乙丙丁"])
    rows = list(packed.rows(7))
    assert [(g, s, n) for g, s, n, _ in rows] == [("丙丁", 7, 1), ("乙丙", 7, 2), ("甲乙", 7, 1)]
    assert b"".join(blob for *_, blob in rows) == packed.blobs


@given(st.lists(st.text(alphabet="两违乡村振兴“”\n a𠮷", max_size=12), max_size=12))
def test_the_inversion_equals_a_plain_loop(texts):
    ids = [postings.paragraph_id(1 + k // 3, k % 3) for k in range(len(texts))]
    expected = plain_postings(ids, texts)
    packed = inverted.invert(ids, texts)
    assert rows_of(packed) == [(gram, len(i), blob) for gram, i, blob in expected]


# --------------------------------------------------------------------------- storage


def _library(tmp_path: Path, paragraphs_by_report) -> Path:
    source = tmp_path / "set.jsonl"
    source.write_text("".join(json.dumps({"place": f"{k}市", "level": "city", "year": 2020 + k,
                                          "path": str(k),
                                          "content": "\n\n".join(ps) + "\n"},
                                         ensure_ascii=False) + "\n"
                              for k, ps in enumerate(paragraphs_by_report)), encoding="utf-8")
    lib = tmp_path / "lib.sqlite"
    with open_library(lib, write=True) as opened:
        ingest.add(opened, [source], batch_chars=1)  # a segment per report
    return lib


def _key_of_bigram(db) -> str:
    return db.execute("SELECT sql FROM sqlite_master WHERE name = 'bigram'").fetchone()[0]


def test_postings_are_keyed_by_segment_then_gram_and_found_in_every_segment(tmp_path):
    lib = _library(tmp_path, [["乡村振兴。"], ["没有。"], ["乡村振兴，乡村。"]])
    with sqlite3.connect(lib) as db:
        assert "PRIMARY KEY(seg, gram)" in _key_of_bigram(db)
        assert text_search._segment_count(db) == 3
        assert [len(text_search.candidates(db, t)) for t in ("乡村振兴", "乡村", "没有", "无词")] \
            == [2, 2, 1, 0]
    assert queries.grep(lib, "乡村").hits == 3


def test_an_empty_library_has_no_segments(tmp_path):
    with open_library(tmp_path / "new.sqlite", write=True) as opened:
        assert text_search._segment_count(opened.db) == 0
        assert text_search.candidates(opened.db, "乡村") == []


OLD_KEY = """
    CREATE TABLE old(gram TEXT NOT NULL, seg INTEGER NOT NULL, n INTEGER NOT NULL,
        ids BLOB NOT NULL, PRIMARY KEY(gram, seg)) WITHOUT ROWID;
    INSERT INTO old SELECT gram, seg, n, ids FROM bigram;
    DROP TABLE bigram; ALTER TABLE old RENAME TO bigram;"""
NO_GLOSSARIES = "DROP TABLE lexicon; DROP TABLE glossary;"


@pytest.mark.parametrize("version, script", [
    (1, OLD_KEY + NO_GLOSSARIES),  # as cngloss 0.1 wrote it
    (2, OLD_KEY),                  # format 2 with the glossaries, postings still by gram
    (2, NO_GLOSSARIES),            # format 2 with the new key, no glossaries yet
])
def test_an_older_library_is_read_as_it_is_and_brought_to_the_current_format_by_add(
        tmp_path, version, script):
    lib = _library(tmp_path, [["乡村振兴。"], ["乡村振兴，两违。"]])
    with sqlite3.connect(lib, isolation_level=None) as db:
        db.executescript(script + f"PRAGMA user_version = {version};")
        rows = db.execute("SELECT * FROM bigram ORDER BY seg, gram").fetchall()
    assert queries.grep(lib, "乡村振兴").hits == 2  # read without a change
    with sqlite3.connect(lib) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == version
    more = tmp_path / "more.txt"
    more.write_text("丙市政府工作报告\n\n乡村振兴。\n", encoding="utf-8")
    assert queries.add(lib, [more]).added == 1
    with sqlite3.connect(lib) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert "PRIMARY KEY(seg, gram)" in _key_of_bigram(db)
        assert db.execute("SELECT * FROM bigram WHERE seg <= 2 ORDER BY seg, gram").fetchall() \
            == rows
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        assert {"glossary", "lexicon", "slogan", "slogan_term", "slogan_stale"} <= tables
    assert queries.grep(lib, "乡村振兴").hits == 3
    assert queries.grep(lib, "两违").hits == 1


# --------------------------------------------------------------------------- reading


def test_sections_are_found_for_the_keys_asked_and_empty_for_unknown_ones(tmp_path):
    lib = _library(tmp_path, [["# 一、回顾", "甲。", "## （一）经济", "乙。"], ["# 二、安排", "丙。"]])
    with sqlite3.connect(lib) as db:
        every = {(r, s): p for r, s, p in db.execute("SELECT report_id, seq, path FROM section")}
        assert len(every) >= 3
        keys = list(every) + [(1, 999), (999, 0)]
        assert catalog.sections(db, keys + keys[:1]) == {**every, (1, 999): "", (999, 0): ""}
        assert catalog.sections(db, []) == {}


def test_matches_are_the_same_whatever_the_chunk(tmp_path, monkeypatch):
    lib = _library(tmp_path, [["“乡村”振兴。", "乡村振兴。", "无。"], ["乡村“振兴”，乡村振兴。"]])
    with sqlite3.connect(lib) as db:
        whole = list(text_search.matches(db, ["乡村振兴"], None))
        monkeypatch.setattr(text_search, "CHUNK", 1)
        assert list(text_search.matches(db, ["乡村振兴"], None)) == whole
    assert [len(m.spans) for m in whole] == [1, 1, 2]
    assert [m.edits for m in whole] == [[[0, "“"], [2, "”"]], [], [[2, "“"], [4, "”"]]]


# --------------------------------------------------------------------------- folders


@pytest.mark.parametrize("name,report", [
    ("a.txt", True), ("a.MD", True), ("a.markdown", True), ("a.text", True), ("a.html", True),
    ("a.htm", True), ("a.xhtml", True), ("a.shtml", True), ("a.docx", True), ("a.pdf", True),
    ("a.jsonl", True), ("a.ndjson", True), ("a.jsonl.gz", True), ("a.NDJSON.GZ", True),
    ("a.csv", False), ("a.png", False), ("a.gz", False), ("LICENSE", False), ("a.doc", False)])
def test_report_names(name, report):
    assert ingest.is_report_name(Path(name)) is report


@pytest.mark.parametrize("text,why", [
    ("", "no Chinese text"),
    ("README: how to build it", "no Chinese text"),
    ("两违" + "ab", None),                                      # as many hanzi as letters
    ("两违" + "abc", "only 40% of its letters are Chinese"),     # one letter more
    ("1234，。“”", "no Chinese text"),                         # digits, punctuation: no letters
    ("政府工作报告 2023 GDP", None),
    ("㐀豈", None),                                              # extension A, compatibility
])
def test_what_reads_as_a_report(text, why):
    assert ingest.not_a_report(text) == why


def test_a_folder_takes_its_reports_and_skips_the_rest_with_a_reason(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("甲市政府工作报告\n\n整治两违。\n", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("乙市政府工作报告\n\n两违。\n", encoding="utf-8")
    (folder / "README.md").write_text("# Reports\n\nThe 2023 reports, from gov.cn.\n",
                                      encoding="utf-8")
    (folder / "list.csv").write_text("甲市,2023\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    lib = tmp_path / "lib.sqlite"
    r = run_cli("--library", str(lib), "add", str(folder))
    assert r.code == 0
    assert r.out == (f"added 2 reports (0 replacing an older version, 0 already there, "
                     f"0 failed, 3 not reports) to {lib}\n")
    assert r.err.splitlines() == [
        f"cngloss: skipped {folder / 'README.md'}: not a report (no Chinese text)",
        f"cngloss: skipped {folder / 'empty.txt'}: not a report (an empty file)",
        f"cngloss: skipped {folder / 'list.csv'}: not a report (.csv is not a report format)"]
    assert sorted(Path(x.source).name for x in queries.reports(lib)) == ["a.txt", "b.md"]
    named = run_cli("--library", str(lib), "add", "--json", str(folder / "README.md"))
    assert (named.code, named.err) == (0, "")
    assert json.loads(named.out) == {"version": 2, "added": 1, "replaced": 0, "unchanged": 0, "failed": [],
                                     "skipped": []}


def test_a_file_without_an_extension_in_a_folder_is_skipped_and_counted_once(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "LICENSE").write_text("甲市政府工作报告。\n", encoding="utf-8")
    r = run_cli("--library", str(tmp_path / "lib.sqlite"), "add", "--json", str(folder))
    assert json.loads(r.out)["skipped"] == [
        {"source": str(folder / "LICENSE"),
         "reason": "not a report (a file without an extension is not a report format)"}]
    assert "1 not a report)" in run_cli("--library", str(tmp_path / "lib.sqlite"), "add",
                                        str(folder)).out


@needs_local
def test_the_local_reports_folder_gives_its_six_reports_and_skips_sources_md(tmp_path):
    lib = tmp_path / "lib.sqlite"
    r = run_cli("--library", str(lib), "add", "--json", str(LOCAL))
    assert r.code == 0
    found = json.loads(r.out)
    assert (found["added"], found["failed"]) == (6, [])
    assert [(Path(s["source"]).name, s["reason"].split(" (")[0]) for s in found["skipped"]] \
        == [("SOURCES.md", "not a report")]
    assert "% of its letters are Chinese" in found["skipped"][0]["reason"]
    assert sorted(Path(x.source).name for x in queries.reports(lib)) == sorted(
        p.name for p in LOCAL.glob("*-government-work-report.txt"))


# --------------------------------------------------------------------------- CSV


# (a cell and a record: tests/test_text_csvcell.py; every command's CSV: test_csv_policy.py)


# --------------------------------------------------------------------------- the collector


@pytest.mark.parametrize("before", [True, False])
def test_a_query_pauses_the_garbage_collector_and_gives_it_back_as_it_was(tmp_path,
                                                                          monkeypatch, before):
    import gc

    from cngloss.errors import DataError

    lib = _library(tmp_path, [["乡村振兴。"]])
    seen = []
    real, real_uses = text_search.matches, text_search.uses_by_report

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    def spy_uses(*args):  # trend's count
        seen.append(gc.isenabled())
        return real_uses(*args)

    def broken(*args):
        seen.append(gc.isenabled())
        raise sqlite3.DatabaseError("database disk image is malformed")

    (gc.enable if before else gc.disable)()
    try:
        monkeypatch.setattr(text_search, "matches", spy)
        monkeypatch.setattr(text_search, "uses_by_report", spy_uses)
        assert queries.grep(lib, "乡村振兴").hits == 1
        assert gc.isenabled() is before
        assert queries.trend(lib, ["乡村振兴"])[0].occurrences == 1
        assert gc.isenabled() is before
        monkeypatch.setattr(text_search, "matches", broken)
        with pytest.raises(DataError, match="is not a usable library"):
            queries.grep(lib, "乡村振兴")
        assert gc.isenabled() is before
        assert seen == [False, False, False]
    finally:
        gc.enable()


def test_a_file_named_on_the_command_line_is_tried_whatever_its_name_or_size(tmp_path):
    listed = tmp_path / "report.csv"  # not a report extension, but named: read as text
    listed.write_text("甲市政府工作报告\n\n整治两违。\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    lib = tmp_path / "lib.sqlite"
    r = run_cli("--library", str(lib), "add", "--json", str(listed), str(empty))
    assert r.code == 3
    found = json.loads(r.out)
    assert (found["added"], found["skipped"]) == (1, [])
    assert [f["source"] for f in found["failed"]] == [str(empty)]
    assert "is empty (no text)" in found["failed"][0]["reason"]
    assert queries.grep(lib, "两违").hits == 1


def test_the_passages_csv_is_what_the_csv_module_writes_for_the_same_rows():
    """Cells with commas, quotes, line breaks and missing values, several reports, several
    uses in one paragraph: every row as csv.writer writes the cells stated here, one row a
    use."""
    import csv
    import io

    from cngloss.model import FoundPassage, Passages, ReportInfo, ReportPassages
    from cngloss.output.tables import PASSAGE_COLUMNS, write_passages_csv

    first = ReportInfo(1, "甲,市", "city", 2021, "t", "a/b,c.txt", 3, 30, "now")
    second = ReportInfo(2, None, None, None, None, 'q"uote.jsonl#7', 1, 9, "now")
    p1 = FoundPassage(4, 12, ("一、回顾", "（一）"), "推进“乡村振兴”,\n再推进乡村振兴。",
                      ((3, 7), (13, 17)))
    p2 = FoundPassage(1, 2, ('sec"tion',), '乡村振兴\r"x"', ((0, 4),))
    found = Passages("乡村振兴", ("乡村振兴",),
                            [ReportPassages(first, [p1], 0), ReportPassages(second, [p2], 0)],
                            2, 2, 3, None)
    ours = io.StringIO()
    write_passages_csv(found, ours)
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(PASSAGE_COLUMNS)
    text = "推进“乡村振兴”,\n再推进乡村振兴。"
    writer.writerow(["a/b,c.txt", "甲,市", 2021, "city", "一、回顾 › （一）", 4, 12, text, 3, 7,
                     "乡村振兴"])
    writer.writerow(["a/b,c.txt", "甲,市", 2021, "city", "一、回顾 › （一）", 4, 12, text, 13, 17,
                     "乡村振兴"])
    writer.writerow(['q"uote.jsonl#7', "", "", "", 'sec"tion', 1, 2, '乡村振兴\\x0d"x"', 0, 4,
                     "乡村振兴"])  # the carriage return written visibly
    assert ours.getvalue() == expected.getvalue()
    rows = list(csv.reader(io.StringIO(ours.getvalue())))
    assert len(rows) == 1 + 3 and rows[1][1] == "甲,市" and rows[2][10] == "乡村振兴"


# --------------------------------------------------------------------------- what a bad library says


def _problem(call):
    from cngloss.errors import DataError

    with pytest.raises(DataError) as raised:
        call()
    (problem,) = raised.value.problems
    return problem.path, problem.message, problem.fix


def test_a_file_that_is_not_a_library_says_what_it_is_and_what_to_do(tmp_path):
    assert _problem(lambda: open_library(tmp_path)) == (
        str(tmp_path), "is a folder, not a library file", "name a file, e.g. library.sqlite")
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t(x)")
    db.close()
    assert _problem(lambda: open_library(other)) == (
        str(other), "is an SQLite database, but not a cngloss library",
        "choose another --library path")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert _problem(lambda: open_library(empty)) == (
        str(empty), "is an empty database, not a cngloss library yet",
        "create it with: cngloss add REPORT...")


def test_a_library_of_a_newer_cngloss_asks_for_an_upgrade(tmp_path):
    lib = tmp_path / "lib.sqlite"
    open_library(lib, write=True).close()
    db = sqlite3.connect(lib)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    assert _problem(lambda: open_library(lib)) == (
        str(lib), f"was written by a newer cngloss (library format {SCHEMA_VERSION + 1})",
        "upgrade cngloss")


@pytest.mark.parametrize("error, message, fix", [
    ("database is locked", "is busy: another cngloss is writing it",
     "try again when that command has finished"),
    ("file is not a database", "is not a usable library (file is not a database)",
     "choose another --library path, or move the damaged file away and add the reports again"),
    ("disk I/O error", "cannot be opened (disk I/O error)", "check the file and its folder"),
])
def test_a_database_error_becomes_one_line_naming_the_library(tmp_path, error, message, fix):
    from cngloss.library.store import describe_error

    lib = tmp_path / "lib.sqlite"
    (problem,) = describe_error(lib, sqlite3.OperationalError(error)).problems
    assert (problem.path, problem.message, problem.fix) == (str(lib), message, fix)


def test_trend_counts_each_reports_uses_in_sql_as_the_matches_count_them(tmp_path):
    # uses_by_report counts by length and replace in SQL: non-overlapping runs, leftmost
    # first, in the search text (quotes out); a single character is scanned, not looked up
    lib = _library(tmp_path, [["哈哈哈哈哈。", "“哈哈”哈。"], ["没有。"], ["哈哈，哈。"],
                              ["abab，ab。"]])
    with open_library(lib) as opened:
        ids = {info.place: rid for rid, info in catalog.reports(opened.db).items()}
        first, none, third, latin = (ids[f"{k}市"] for k in range(4))
        db = opened.db
        assert text_search.uses_by_report(db, "哈哈", None) == {first: 3, third: 1}
        assert text_search.uses_by_report(db, "哈", None) == {first: 8, third: 3}
        assert text_search.uses_by_report(db, "哈哈", [third, none]) == {third: 1}
        assert text_search.uses_by_report(db, "哈", [none]) == {}
        assert text_search.uses_by_report(db, "ab", None) == {latin: 3}
        assert text_search.uses_by_report(db, "ba", None) == {latin: 1}
        assert text_search.uses_by_report(db, "无词", None) == {}
        assert text_search.uses_by_report(db, "", None) == {}
    assert [t.occurrences for t in queries.trend(lib, ["哈哈", "“哈哈”", "哈"])] == [4, 4, 11]
    # SQLite's length() of a text stops at a NUL (no reader keeps one; put in by hand):
    # the count is of bytes, so a use past it counts
    with sqlite3.connect(lib) as db:
        db.execute("UPDATE paragraph SET text = 'ab' || char(0) || text "
                   "WHERE text = 'abab，ab。'")
    with open_library(lib) as opened:
        assert text_search.uses_by_report(opened.db, "ab", None) == {latin: 4}
        assert sum(len(m.spans) for m in text_search.matches(opened.db, ["ab"], None)) == 4


@given(st.text(alphabet="甲乙“”‘’「」\"'", max_size=30), st.data())
def test_a_passage_as_displayed_is_its_text_with_the_spans_offset_map_gives(text, data):
    # _displayed walks the runs itself; the map (text.matching.OffsetMap) says where to
    from cngloss.text.matching import OffsetMap, SearchText, set_aside

    search, edits = set_aside(text)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(search)), max_size=6)))
    spans = tuple((a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b)
    match = text_search.Match(1, 1, 1, 0, search, [list(e) for e in edits], spans)
    shown = queries._displayed(match, "")
    assert shown.text == text and (shown.search, shown.edits) == (search, match.edits)
    assert shown.spans == OffsetMap(edits).spans(spans)
    known, made = SearchText.known(text, search, edits), SearchText(text)
    assert (known.text, known.places, known.shifts) == (made.text, made.places, made.shifts)
