"""The library: add, reports, remove, and grep/show/trend across reports, counted exactly.

Synthetic reports are small collections written here, whose counts are worked out by hand
in the comments; the six local reports (../shared, skipped without it) are compared with a
plain scan written in this file, independent of the library's code.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from cngloss.text.years import parse_years

from cngloss.library import ingest, postings, queries
from cngloss.library.catalog import Filters
from cngloss.library.store import open_library
from cngloss.model import TrendSeries, YearPoint
from cngloss.text.hanzi import strip_quotes
from conftest import ROOT, run_cli, shared_dir

SHARED = shared_dir()
LOCAL = SHARED / "corpora" / "local-reports"
needs_shared = pytest.mark.skipif(not LOCAL.is_dir(), reason=f"{LOCAL} is not there")

# Paragraph texts; each report's body is its paragraphs, separated by blank lines.
A_2019 = ["做好“六稳”“六保”工作，推进乡村振兴，整治两违。",          # 六稳六保 1, 乡村振兴 1, 两违 1
          "乡村振兴取得成效，两违两违。"]                           # 乡村振兴 1, 两违 2
B_2020 = ["全面推进乡村振兴战略，乡村振兴，乡村振兴。",              # 乡村振兴 3
          "加强基础设施建设。"]
C_2022 = ["六稳六保是底线，“六稳六保”要落实。",                      # 六稳六保 2
          "没有那个词。"]
D_2022 = ["农业农村优先发展。", "推动“两违”清零。"]                   # 两违 1 (quoted)


def record(place, level, year, paragraphs, path):
    return {"place": place, "level": level, "year": year, "title": f"{place}政府工作报告",
            "path": path, "content": "\n\n".join(paragraphs) + "\n"}


RECORDS = [record("甲市", "city", 2019, A_2019, "a"),
           record("乙省", "province", 2020, B_2020, "b"),
           record("丙市", "city", 2022, C_2022, "c"),
           record("丁县", "county", 2022, D_2022, "d")]


def write_collection(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path):
    """A library of the four synthetic reports; returns its path."""
    lib = tmp_path / "lib.sqlite"
    result = queries.add(lib, [write_collection(tmp_path / "set.jsonl", RECORDS)])
    assert (result.added, result.replaced, result.unchanged, result.failures) == (4, 0, 0, [])
    return lib


@pytest.mark.parametrize("n,kind", [(1, b"r"), (12, b"r"), (13, b"z"), (500, b"z")])
def test_posting_lists_round_trip_raw_when_short_compressed_when_long(n, kind):
    ids = [7 * k + (k % 5) for k in range(n)]  # ascending, uneven gaps
    blob = postings.encode(ids)
    assert blob[:1] == kind
    assert list(postings.decode(blob)) == ids


@pytest.mark.parametrize("ids", [[2**31 + 5], [1, 2**31, 2**32 - 1], list(range(2**31, 2**31 + 20))])
def test_posting_lists_hold_any_uint32_paragraph_id(ids):
    # ids are stored as uint32 (module docstring): past 2**31 (a report id over 2**19) too
    assert list(postings.decode(postings.encode(ids))) == ids


def test_paragraph_ids_hold_their_report():
    pid = postings.paragraph_id(7, 4095)
    assert postings.report_of(pid) == 7 and postings.report_of(pid + 1) == 8
    assert postings.bigrams("两违两") == {"两违", "违两"}
    assert postings.bigrams("两") == set()


# --------------------------------------------------------------------------- add, reports, remove


def test_adding_the_same_content_again_changes_nothing(library, tmp_path):
    again = queries.add(library, [tmp_path / "set.jsonl"])
    assert (again.added, again.unchanged) == (0, 4)
    assert len(queries.reports(library)) == 4


def test_a_changed_record_replaces_its_old_version(library, tmp_path):
    changed = RECORDS[:3] + [record("丁县", "county", 2022, ["新的内容：雪亮工程。"], "d")]
    result = queries.add(library, [write_collection(tmp_path / "set.jsonl", changed)])
    assert (result.added, result.replaced, result.unchanged) == (1, 1, 3)
    assert len(queries.reports(library)) == 4
    assert queries.grep(library, "雪亮工程").hits == 1
    assert queries.grep(library, "两违").hits == 3          # 丁县's quoted 两违 is gone


def test_reports_lists_newest_first_with_filters(library):
    # newest first; in a year, by place name (code point order: 丁 U+4E01 before 丙 U+4E19)
    assert [r.place for r in queries.reports(library)] == ["丁县", "丙市", "乙省", "甲市"]
    years = Filters(years=parse_years("2020..2022"))
    assert [r.year for r in queries.reports(library, years)] == [2022, 2022, 2020]
    assert [r.place for r in queries.reports(library, Filters(level="city"))] == ["丙市", "甲市"]
    assert [r.place for r in queries.reports(library, Filters(place="乙"))] == ["乙省"]
    chars = {r.place: r.chars for r in queries.reports(library)}
    # quotes are not counted: the search text's length
    assert chars["丁县"] == len("农业农村优先发展。") + len("推动两违清零。")


@pytest.mark.parametrize("text,expected", [
    ("2021", (2021, 2021)), ("2019..2023", (2019, 2023)), ("2019..", (2019, None)),
    ("..2010", (None, 2010)), (None, None)])
def test_year_ranges(text, expected):
    assert parse_years(text) == expected


@pytest.mark.parametrize("text", ["", "..", "2023..2019", "19", "2019-2020", "2019 2020"])
def test_bad_year_ranges_are_usage_errors(text):
    from cngloss.errors import UsageError

    with pytest.raises(UsageError):
        parse_years(text)


def test_remove_by_id_path_and_filters(library, tmp_path):
    first = {r.place: r.id for r in queries.reports(library)}
    removed = queries.remove(library, [str(first["甲市"])], Filters())
    assert [r.place for r in removed] == ["甲市"]
    assert queries.grep(library, "两违").hits == 1          # only 丁县's left
    removed = queries.remove(library, [], Filters(years=(2022, 2022), level="county"))
    assert [r.place for r in removed] == ["丁县"]
    removed = queries.remove(library, [str(tmp_path / "set.jsonl")], Filters())
    assert sorted(r.place for r in removed) == ["丙市", "乙省"]
    assert queries.reports(library) == []
    empty = queries.grep(library, "乡村振兴")
    assert (empty.reports, empty.hits, str(empty.missing)) == (
        0, 0, "'乡村振兴' does not occur in the library's reports")


def test_remove_needs_a_selection(library):
    r = run_cli("--library", str(library), "remove")
    assert r.code == 2 and "name the reports to remove" in r.err
    r = run_cli("--library", str(library), "remove", "999")
    assert r.code == 1 and "no report in the library is '999'" in r.err
    r = run_cli("--library", str(library), "remove", "--place", "甲")
    assert (r.code, r.out) == (0, "removed 1 report\n")


def test_a_report_that_fails_is_named_and_the_rest_go_in(tmp_path):
    good = write_collection(tmp_path / "good.jsonl", RECORDS[:1])
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    lib = tmp_path / "lib.sqlite"
    r = run_cli("--library", str(lib), "add", str(good), str(bad), str(tmp_path / "missing.txt"))
    assert r.code == 3
    assert "bad.docx: not added:" in r.err and "missing.txt: not added: no such file" in r.err
    assert r.out.startswith("added 1 report (0 replacing an older version, 0 already there, "
                            "2 failed)")
    assert len(queries.reports(lib)) == 1


def test_add_prints_json_and_nothing_on_stderr_in_a_pipe(tmp_path):
    lib = tmp_path / "lib.sqlite"
    r = run_cli("--library", str(lib), "add", "--json",
                str(write_collection(tmp_path / "s.jsonl", RECORDS)))
    assert r.code == 0 and r.err == ""
    assert json.loads(r.out) == {"version": 2, "added": 4, "replaced": 0, "unchanged": 0, "failed": [],
                                "skipped": []}


def test_many_batches_through_the_process_pool_give_the_same_library(library, tmp_path):
    lib = tmp_path / "pool.sqlite"
    with open_library(lib, write=True) as opened:
        result = ingest.add(opened, [tmp_path / "set.jsonl"], batch_chars=1)  # one a batch
    assert result.added == 4
    for text in ("乡村振兴", "两违", "六稳六保", "建设"):
        assert queries.grep(lib, text).hits == queries.grep(library, text).hits
    with sqlite3.connect(lib) as db:
        assert db.execute("SELECT count(DISTINCT seg) FROM bigram").fetchone()[0] == 4


def test_an_interrupted_batch_leaves_the_library_as_before_it(tmp_path, monkeypatch):
    lib = tmp_path / "lib.sqlite"
    queries.add(lib, [write_collection(tmp_path / "one.jsonl", RECORDS[:1])])
    calls = []
    real = ingest.Library.next_segment

    def interrupt(self):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the second batch's writing
        return real(self)

    monkeypatch.setattr(ingest.Library, "next_segment", interrupt)
    with pytest.raises(KeyboardInterrupt):
        with open_library(lib, write=True) as opened:
            ingest.add(opened, [write_collection(tmp_path / "rest.jsonl", RECORDS[1:])],
                       batch_chars=1)
    with sqlite3.connect(lib) as db:
        places = sorted(p for (p,) in db.execute("SELECT place FROM report"))
        orphans = db.execute("SELECT count(*) FROM paragraph WHERE id >> 12 NOT IN "
                             "(SELECT id FROM report)").fetchone()[0]
    assert places == ["乙省", "甲市"]  # the first batch of the second add, not the second
    assert orphans == 0


# --------------------------------------------------------------------------- bad libraries


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    for args in (["reports"], ["add", str(tmp_path)], ["grep", "两违"]):
        r = run_cli("--library", str(junk), *args)
        assert r.code == 3, args
        assert "junk.sqlite: is not a usable library" in r.err and "Traceback" not in r.err


def test_a_foreign_sqlite_database_is_refused_and_left_alone(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t(x)")
    before = other.read_bytes()
    r = run_cli("--library", str(other), "add", str(tmp_path))
    assert r.code == 3 and "is an SQLite database, but not a cngloss library" in r.err
    assert other.read_bytes() == before


def test_a_missing_library_named_for_reading_is_a_usage_error(tmp_path):
    r = run_cli("--library", str(tmp_path / "none.sqlite"), "reports")
    assert r.code == 2 and "no library there" in r.err
    assert not (tmp_path / "none.sqlite").exists()


def test_the_environment_names_the_library(library):
    r = run_cli("reports", "--json", environ={"CNGLOSS_LIBRARY": str(library)})
    assert r.code == 0 and len(json.loads(r.out)["reports"]) == 4


@pytest.mark.skipif(hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0,
                    reason="root may write a read-only file")
def test_a_read_only_library_is_read_but_not_written(library, tmp_path):
    library.chmod(0o444)
    library.parent.chmod(0o555)
    try:
        assert run_cli("--library", str(library), "reports").code == 0
        r = run_cli("--library", str(library), "add", str(tmp_path / "set.jsonl"))
        assert r.code == 3 and "read-only" in r.err
    finally:
        library.parent.chmod(0o755)
        library.chmod(0o644)


# --------------------------------------------------------------------------- grep and show


@pytest.mark.parametrize("text,reports,paragraphs,hits", [
    ("乡村振兴", 2, 3, 5),      # 甲市 1 + 1, 乙省 3
    ("两违", 2, 3, 4),          # 甲市 1 + 2, 丁县 1 (quoted)
    ("六稳六保", 2, 2, 3),      # 甲市 “六稳”“六保”, 丙市 2
    ("“六稳六保”", 2, 2, 3),   # quotes typed are ignored too
    ("违", 2, 3, 4),            # one character: scanned
    ("底线", 1, 1, 1),
    ("不存在的词", 0, 0, 0),
])
def test_grep_counts_every_use_once(library, text, reports, paragraphs, hits):
    found = queries.grep(library, text)
    assert (found.reports, found.passages, found.hits) == (reports, paragraphs, hits)
    assert (found.missing is None) == bool(hits)


def test_grep_groups_by_report_newest_first_with_displayed_offsets(library):
    found = queries.grep(library, "六稳六保")
    assert [g.report.place for g in found.groups] == ["丙市", "甲市"]
    passage = found.groups[1].passages[0]
    assert passage.text == A_2019[0]
    (a, b), = passage.spans
    assert passage.text[a:b] == "六稳”“六保"
    other = found.groups[0].passages[0]
    assert [other.text[a:b] for a, b in other.spans] == ["六稳六保"] * 2


def test_limits_per_report_and_overall_with_what_is_left(library):
    found = queries.grep(library, "两违", per_report=1)
    assert [(g.report.place, len(g.passages), g.more) for g in found.groups] == \
        [("丁县", 1, 0), ("甲市", 1, 1)]
    found = queries.grep(library, "两违", limit=1)
    assert found.shown == 1 and found.passages == 3 and len(found.groups) == 1
    found = queries.grep(library, "两违", limit=0)
    assert found.shown == 0 and found.groups == []


def test_filters_narrow_grep(library):
    assert queries.grep(library, "两违", Filters(level="county")).hits == 1
    assert queries.grep(library, "两违", Filters(years=(None, 2019))).hits == 3
    assert queries.grep(library, "乡村振兴", Filters(place="甲")).hits == 2
    missing = queries.grep(library, "乡村振兴", Filters(place="丙")).missing
    assert "(with these filters)" in str(missing)


def test_grep_csv_one_row_a_use_with_offsets_into_the_text(library):
    r = run_cli("--library", str(library), "grep", "两违", "--csv")
    assert r.code == 0
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert len(rows) == 4
    for row in rows:
        assert row["text"][int(row["start"]):int(row["end"])] in ("两违", "两违")
        assert row["match"] == "两违"
    assert [row["place"] for row in rows] == ["丁县", "甲市", "甲市", "甲市"]
    assert rows[0]["year"] == "2022" and rows[0]["paragraph"] == "2"
    assert rows[0]["text"] == "推动“两违”清零。"


def test_grep_terminal_view_counts_and_says_what_is_left(library):
    r = run_cli("--library", str(library), "grep", "两违", "--per-report", "1", "--limit", "1",
                environ={"COLUMNS": "100"})
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == "4 uses in 3 paragraphs of 2 reports"
    assert lines[1].startswith("丁县 2022  county")
    assert "»两违«" in lines[3]
    assert lines[-1] == "… 2 more paragraphs in 1 more report (raise --limit to see them)"


def test_grep_json(library):
    data = json.loads(run_cli("--library", str(library), "grep", "乡村振兴", "--json").out)
    assert (data["reports"], data["passages"], data["uses"], data["shown"]) == (2, 3, 5, 3)
    assert data["groups"][0]["report"]["place"] == "乙省"


def test_show_uses_the_terms_forms_across_the_library(library):
    r = run_cli("--library", str(library), "show", "六稳六保", "--json")
    data = json.loads(r.out)
    assert data["term"]["term"] == "六稳六保"
    assert data["passages"]["uses"] == 3 and data["passages"]["reports"] == 2
    r = run_cli("--library", str(library), "show", "六稳六保", environ={"COLUMNS": "100"})
    assert "Passages in the library" in r.out and "丙市 2022" in r.out


def test_without_a_library_the_filters_apply_to_the_glossarys_own_report():
    # the bundled report is 连州市's of 2021, a city's: a library of one report
    r = run_cli("grep", "两违", "--place", "甲")
    assert r.code == 1 and "does not occur in the report body (with these filters)" in r.err
    for kept in (["--place", "连州"], ["--year", "2020..2021"], ["--level", "city"]):
        r = run_cli("grep", "两违", *kept)
        assert r.code == 0 and "¶31" in r.out, kept
    for dropped in (["--year", "2022.."], ["--level", "province"]):
        assert run_cli("grep", "两违", *dropped).code == 1, dropped
    r = run_cli("grep", "两违")
    assert r.code == 0 and "¶31" in r.out


# --------------------------------------------------------------------------- trend


def test_trend_series_per_year_with_zeros_and_gaps(library):
    (t,) = queries.trend(library, ["两违"])
    assert isinstance(t.series[0], TrendSeries)
    ding = len("农业农村优先发展。") + len("推动两违清零。")
    bing = sum(len(strip_quotes(p)) for p in C_2022)
    assert t.series[0].points == (
        YearPoint(2019, 1, 1, 3, sum(len(strip_quotes(p)) for p in A_2019)),
        YearPoint(2020, 1, 0, 0, sum(len(p) for p in B_2020)),   # a year without the term: 0
        YearPoint(2022, 2, 1, 1, ding + bing),                   # 2021: no reports, absent
    )
    assert (t.first_year, t.last_year, t.reports, t.occurrences) == (2019, 2022, 2, 4)
    assert t.top_places == [("甲市", 3, 1), ("丁县", 1, 1)]


def test_trend_by_level_splits_the_series(library):
    (t,) = queries.trend(library, ["乡村振兴"], by="level")
    assert {s.label: [(p.year, p.occurrences) for p in s.points] for s in t.series} == {
        "乡村振兴 · province": [(2020, 3)], "乡村振兴 · city": [(2019, 2), (2022, 0)]}


def test_trend_csv_and_json_rates(library):
    r = run_cli("--library", str(library), "trend", "两违", "乡村振兴", "--csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [(row["label"], row["year"]) for row in rows] == [
        ("两违", "2019"), ("两违", "2020"), ("两违", "2022"),
        ("乡村振兴", "2019"), ("乡村振兴", "2020"), ("乡村振兴", "2022")]
    first = rows[0]
    assert float(first["rate"]) == pytest.approx(3 * 100000 / int(first["characters"]), abs=1e-3)
    data = json.loads(run_cli("--library", str(library), "trend", "两违", "--json").out)
    assert data["terms"][0]["series"][0]["points"][1]["rate"] == 0.0


def test_trend_of_nothing_exits_1_and_a_bad_by_exits_2(library):
    assert run_cli("--library", str(library), "trend", "不存在").code == 1
    r = run_cli("--library", str(library), "trend", "两违", "--by", "colour")
    assert r.code == 2 and "--by" in r.err


# --------------------------------------------------------------------------- the local reports


QUOTE_CHARS = re.compile("[“”‘’\"'「」『』]")


def plain_counts(text: str) -> dict[str, int]:
    """Per report file: the uses of ``text`` in its parsed body, quotes dropped (independent
    of the library: the parser, then a regex and str.count)."""
    from cngloss.sources.report import load_report

    counts = {}
    for path in sorted(LOCAL.glob("*-government-work-report.txt")):
        body = [QUOTE_CHARS.sub("", p.text) for p in load_report(path).paragraphs]
        counts[path.name] = sum(p.count(text) for p in body)
    return counts


@needs_shared
def test_counts_on_the_local_reports_equal_a_plain_scan(tmp_path):
    lib = tmp_path / "local.sqlite"
    files = sorted(LOCAL.glob("*-government-work-report.txt"))
    assert queries.add(lib, files).added == 6
    for text in ("乡村振兴", "六稳六保", "两违", "高质量发展", "一带一路", "的"):
        expected = plain_counts(text)
        found = queries.grep(lib, text)
        per_file = {Path(g.report.source).name: 0 for g in found.groups}
        for g in found.groups:
            per_file[Path(g.report.source).name] += sum(len(p.spans) for p in g.passages)
        assert found.hits == sum(expected.values()), text
        assert {k: v for k, v in expected.items() if v} == per_file, text
        (t,) = queries.trend(lib, [text])
        assert sum(p.occurrences for p in t.series[0].points) == sum(expected.values())


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_on_a_terminal_stderr_only(tmp_path):
    from cngloss.cli import main
    from cngloss.output.environment import Environment

    source = write_collection(tmp_path / "s.jsonl", RECORDS)
    out, err = io.StringIO(), _Terminal()
    env = Environment(stdout=out, stderr=err, stdout_isatty=False, environ={})
    assert main(["--library", str(tmp_path / "lib.sqlite"), "add", str(source)], env=env) == 0
    assert "adding reports" in err.getvalue()
    assert re.search(r"100%.* 4 reports ", err.getvalue())  # an end, and what was done
    assert out.getvalue().startswith("added 4 reports")
    piped = run_cli("--library", str(tmp_path / "lib2.sqlite"), "add", str(source))
    assert piped.err == ""


def test_a_library_another_process_is_writing_is_read_and_a_second_writer_told_busy(
        library, tmp_path, monkeypatch):
    from cngloss.library import store

    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.1)
    writer = sqlite3.connect(library, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM report")  # not committed: readers do not see it
    try:
        assert len(queries.reports(library)) == 4
        r = run_cli("--library", str(library), "add",
                    str(write_collection(tmp_path / "new.jsonl",
                                         [record("戊市", "city", 2021, ["新报告。"], "e")])))
        assert r.code == 3 and "is busy: another cngloss is writing it" in r.err
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_changed_file_replaces_its_report_and_folders_skip_hidden_files(tmp_path):
    folder = tmp_path / "reports"
    (folder / ".hidden").mkdir(parents=True)
    report = folder / "a.txt"
    report.write_text("甲市人民政府工作报告\n\n整治两违。\n\n推进建设。\n", encoding="utf-8")
    (folder / ".hidden" / "b.txt").write_text("两违两违。\n", encoding="utf-8")
    lib = tmp_path / "lib.sqlite"
    first = queries.add(lib, [folder])
    assert (first.added, first.replaced) == (1, 0)
    assert queries.grep(lib, "两违").hits == 1                # not the hidden file's two
    report.write_text("甲市人民政府工作报告\n\n整治两违，两违。\n\n推进建设。\n", encoding="utf-8")
    second = queries.add(lib, [report])
    assert (second.added, second.replaced, second.unchanged) == (1, 1, 0)
    assert len(queries.reports(lib)) == 1
    assert queries.grep(lib, "两违").hits == 2
    assert [r.source for r in queries.remove(lib, [str(folder)], Filters())] == [str(report)]


def test_trend_on_a_terminal_prints_the_summary_and_the_chart(library):
    """The chart of the series the library gives (2019, 2020, a gap in 2021, 2022)."""
    out = run_cli("--library", str(library), "trend", "两违", environ={"COLUMNS": "80"}).out
    lines = out.splitlines()
    assert lines[0].startswith("两违  4 uses in 2 reports, 2019–2022")
    assert any(line.startswith("2021") and "no reports" in line for line in lines)
    assert any(line.startswith("2020") and line.rstrip().endswith(" 0") for line in lines)
    assert all(len(line) <= 80 for line in lines)


def test_trend_measure_and_image_options(library, tmp_path):
    reports = run_cli("--library", str(library), "trend", "两违", "--measure", "reports").out
    assert "Reports that use it, of each year's reports" in reports  # the measure's title
    bad = run_cli("--library", str(library), "trend", "两违", "--measure", "colour")
    assert bad.code == 2 and bad.err.startswith("cngloss: error: --measure must be one of")
    pytest.importorskip("matplotlib", reason="the chart extra is not installed")
    svg = tmp_path / "t.svg"
    result = run_cli("--library", str(library), "trend", "两违", "--svg", str(svg))
    assert result.code == 0 and f"wrote {svg}" in result.err
    assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    again = run_cli("--library", str(library), "trend", "两违", "--svg", str(svg))
    assert again.code == 2 and "already exists" in again.err


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError])
def test_a_write_failing_while_the_feeder_waits_for_a_slot_ends_the_pool_without_hanging(
        monkeypatch, failure):
    """The pool's feeder thread waits for a free slot while results are written; a failure
    then must still end the add (terminate() joins that thread), every time."""
    import threading

    monkeypatch.setattr(ingest, "_work", _identity)  # the forked workers inherit it
    outcome = []

    def fail(result):
        raise failure("stop")

    def add():
        try:
            ingest._run_pool(iter([[n] for n in range(40)]), fail)
        except BaseException as exc:  # noqa: BLE001 - the test looks at what ended it
            outcome.append(type(exc))

    for _ in range(5):
        outcome.clear()
        worker = threading.Thread(target=add, daemon=True)
        worker.start()
        worker.join(60)  # not a speed limit: a hang never ends
        assert not worker.is_alive(), "the add hung"
        assert outcome == [failure]


def _identity(batch):
    return batch


# --------------------------------------------------------------------------- show across the library


def test_show_finds_every_use_of_the_curated_term_the_query_names(library, corpus):
    from cngloss.library.glossary_queries import entry_with_passages

    # 两违 (curated id liangwei): 甲市 2019 uses it 3 times in two paragraphs, 丁县 2022 once
    # (quoted); by its pinyin, the same term
    shown, found = entry_with_passages(library, corpus, "liangwei")
    assert (shown.term.id, found.term.id, found.guess) == ("liangwei", "liangwei", None)
    assert (found.reports, found.passages, found.hits) == (2, 3, 4)
    assert [g.report.place for g in found.groups] == ["丁县", "甲市"]  # newest first
    _, only = entry_with_passages(library, corpus, "两违", Filters(place="甲"))
    assert (only.reports, only.passages, only.hits) == (1, 2, 3)
    _, first = entry_with_passages(library, corpus, "两违", per_report=1, limit=1)
    assert (first.shown, first.groups[0].more) == (1, 0)  # 丁县's one passage, nothing left


# --------------------------------------------------------------------------- messages and arguments


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    """The library of the four synthetic reports, read only by the tests that take it."""
    folder = tmp_path_factory.mktemp("four")
    lib = folder / "lib.sqlite"
    queries.add(lib, [write_collection(folder / "set.jsonl", RECORDS)])
    return lib


def test_a_backwards_year_range_says_how_to_write_it():
    from cngloss.errors import UsageError

    with pytest.raises(UsageError) as caught:
        parse_years("2023..2019")
    # the core's own words; the command line names its option (tests/test_cli_library.py)
    assert str(caught.value) == "the year '2023..2019': the range runs backwards (write 2019..2023)"


def test_trend_of_no_text_is_a_usage_error(four):
    from cngloss.errors import UsageError

    with pytest.raises(UsageError) as caught:
        queries.trend(four, [])
    assert str(caught.value) == "give at least one term or text"


def test_trend_by_level_lists_the_group_using_the_text_most_first(four):
    # 乡村振兴: 3 uses in the province's one report, 2 in the cities' (which have more text)
    (t,) = queries.trend(four, ["乡村振兴"], by="level")
    assert [s.label for s in t.series] == ["乡村振兴 · province", "乡村振兴 · city"]


def test_trend_counts_only_the_reports_the_filters_allow(four):
    (t,) = queries.trend(four, ["两违"], filters=Filters(level="city"))
    assert [(p.year, p.reports, p.occurrences) for p in t.series[0].points] == [
        (2019, 1, 3), (2022, 1, 0)]


def test_a_passage_of_a_report_without_headings_has_an_empty_section(four):
    found = queries.grep(four, "乡村振兴")
    assert {p.section for g in found.groups for p in g.passages} == {""}


def test_show_returns_the_term_it_was_given(four):
    from cngloss.model import Term

    term = Term(id="x", term="两违", pinyin="liǎng wéi", definition="")
    found = queries.show(four, term, "a guess")
    assert (found.term, found.guess, found.hits) == (term, "a guess", 4)


def test_add_all_reports_progress_and_counts_zero_for_glossaries_alone(tmp_path):
    from cngloss.library.ingest import AddResult

    calls = []
    lib = tmp_path / "lib.sqlite"
    queries.add_all(lib, [write_collection(tmp_path / "set.jsonl", RECORDS)],
                    lambda reports, done, total: calls.append(reports))
    assert calls[-1] == 4
    terms = tmp_path / "mine.yaml"
    terms.write_text("title: t\nterms:\n  - id: liangwei\n    term: 两违\n    pinyin: liǎng wéi\n"
                     "    definition: 违法建设和违法用地。\n", encoding="utf-8")
    result, glossaries = queries.add_all(lib, [terms])
    assert result == AddResult(0, 0, 0, [], []) and glossaries.added == 1


def test_remove_by_several_ids_takes_them_all(library):
    ids = {r.place: r.id for r in queries.reports(library)}
    removed = queries.remove(library, [str(ids["甲市"]), str(ids["丁县"])], Filters())
    assert sorted(r.place for r in removed) == ["丁县", "甲市"]


def test_removing_an_unknown_report_says_where_to_look(library):
    from cngloss.errors import NotFoundError

    with pytest.raises(NotFoundError) as caught:
        queries.remove(library, ["999"], Filters())
    assert str(caught.value) == "no report in the library is '999' (see: cngloss reports)"


def test_remove_by_a_folder_whose_name_ends_in_a_space(tmp_path):
    folder = tmp_path / "reports "
    folder.mkdir()
    write_collection(folder / "set.jsonl", RECORDS[:2])
    lib = tmp_path / "lib.sqlite"
    assert queries.add(lib, [folder]).added == 2
    removed = queries.remove(lib, [str(folder)], Filters())
    assert sorted(r.place for r in removed) == ["乙省", "甲市"]


# --------------------------------------------------------------------------- ingest details


def test_a_record_changed_only_in_its_year_or_title_replaces_the_old_one(library, tmp_path):
    changed = [dict(RECORDS[0], year=2018), dict(RECORDS[1], title="另一个标题")] + RECORDS[2:]
    result = queries.add(library, [write_collection(tmp_path / "set.jsonl", changed)])
    assert (result.added, result.replaced, result.unchanged) == (2, 2, 2)


def test_a_replaced_report_leaves_none_of_its_paragraphs(library, tmp_path):
    changed = RECORDS[:3] + [record("丁县", "county", 2022, ["新的内容。"], "d")]
    queries.add(library, [write_collection(tmp_path / "set.jsonl", changed)])
    with open_library(library) as lib:
        stored = lib.db.execute("SELECT count(*) FROM paragraph").fetchone()[0]
    assert stored == sum(r.paragraphs for r in queries.reports(library))


def line_ends(records) -> list[int]:
    """Where each record's line of a collection written by ``write_collection`` ends, in
    bytes: what the progress of an uncompressed collection counts."""
    ends, at = [], 0
    for r in records:
        at += len((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
        ends.append(at)
    return ends


def test_progress_counts_reports_and_the_bytes_read_of_the_input_s_size(tmp_path):
    lib = tmp_path / "lib.sqlite"
    path = write_collection(tmp_path / "set.jsonl", RECORDS)
    size = path.stat().st_size
    first, again, batches = [], [], []
    queries.add(lib, [path], lambda *reported: first.append(reported))
    assert first == [(0, 0, size), (4, size, size)]  # the total; one batch of four, written
    queries.add(lib, [path], lambda *reported: again.append(reported))
    assert again == [(0, 0, size)] + [(k + 1, end, size)
                                      for k, end in enumerate(line_ends(RECORDS))]
    with open_library(tmp_path / "lib2.sqlite", write=True) as fresh:
        ingest.add(fresh, [path], lambda *reported: batches.append(reported), batch_chars=1)
    assert batches == again  # a batch a report, each counted as it is written


def test_progress_of_a_gzip_collection_and_files_ends_at_their_total_size(tmp_path):
    import gzip

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("\n\n".join(A_2019) + "\n", encoding="utf-8")
    (folder / "notes.csv").write_text("not,a,report\n", encoding="utf-8")  # not counted
    packed = tmp_path / "set.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as out:
        out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS[1:]))
    total = (folder / "a.txt").stat().st_size + packed.stat().st_size
    calls = []
    with open_library(tmp_path / "lib.sqlite", write=True) as lib:
        ingest.add(lib, [folder, packed], lambda *reported: calls.append(reported),
                   batch_chars=1)
    assert [c[0] for c in calls] == [0, 1, 2, 3, 4] and {c[2] for c in calls} == {total}
    assert calls[:2] == [(0, 0, total), (1, (folder / "a.txt").stat().st_size, total)]
    done = [c[1] for c in calls]
    assert done == sorted(done) and done[-1] == total


def test_two_records_with_one_path_in_a_collection_the_later_replaces_the_earlier(tmp_path):
    earlier = record("甲市", "city", 2019, ["推进乡村振兴。"], "a")
    later = record("甲市", "city", 2019, ["整治两违。"], "a")
    path = write_collection(tmp_path / "set.jsonl", [earlier, RECORDS[1], later])
    r = run_cli("--library", str(tmp_path / "lib.sqlite"), "add", str(path))
    assert (r.code, r.err) == (0, "")
    assert r.out == (f"added 3 reports (1 replacing an older version, 0 already there, "
                     f"0 failed) to {tmp_path / 'lib.sqlite'}\n")
    lib = tmp_path / "lib.sqlite"
    assert sorted(x.source for x in queries.reports(lib)) == ["set.jsonl#a", "set.jsonl#b"]
    assert queries.grep(lib, "两违").hits == 1
    assert [g.report.source for g in queries.grep(lib, "乡村振兴").groups] == ["set.jsonl#b"]
    with open_library(tmp_path / "lib2.sqlite", write=True) as fresh:  # a batch a report
        result = ingest.add(fresh, [path], batch_chars=1)
    assert (result.added, result.replaced, result.unchanged) == (3, 1, 0)


def test_a_record_changed_and_then_changed_back_in_one_collection_ends_as_it_began(library,
                                                                                   tmp_path):
    changed = record("甲市", "city", 2019, ["整治两违。"], "a")
    write_collection(tmp_path / "set.jsonl", [changed, RECORDS[0], *RECORDS[1:]])
    result = queries.add(library, [tmp_path / "set.jsonl"])
    assert (result.added, result.replaced, result.unchanged) == (2, 2, 3)
    assert queries.grep(library, "两违").hits == 4  # A_2019's 3 and D_2022's 1, as before


def test_a_batch_whose_ids_another_writer_took_is_renumbered_with_its_postings(tmp_path):
    from cngloss.sources.readers import iter_documents

    path = write_collection(tmp_path / "set.jsonl", RECORDS[:2])
    items = [ingest._Item(rid, f"key{rid}", f"set.jsonl#{rid}", f"sha{rid}", document)
             for rid, document in zip((1, 2), iter_documents(path))]
    batch = ingest._work(items)
    assert ingest._renumbered(batch, 1) is batch  # no report yet: ids 1 and 2 are free
    moved = ingest._renumbered(batch, 5)  # ids 1-4 taken meanwhile: 1, 2 become 5, 6
    assert [rows.report[0] for rows in moved.reports] == [5, 6]
    assert [p[0] for rows in moved.reports for p in rows.paragraphs] == [
        5 << 12, 5 << 12 | 1, 6 << 12, 6 << 12 | 1]
    assert {rows.sections[0][0] for rows in moved.reports} == {5, 6}
    assert [p[4] for r in moved.reports for p in r.paragraphs] == [
        p[4] for r in batch.reports for p in r.paragraphs]  # the texts as they were
    lists = {gram: list(postings.decode(blob)) for gram, _, _, blob in moved.postings.rows(1)}
    assert lists["两违"] == [5 << 12, 5 << 12 | 1]   # A_2019's two paragraphs
    assert lists["战略"] == [6 << 12]                # B_2020's first


def test_a_report_with_too_many_paragraphs_fails_with_its_count(tmp_path, monkeypatch):
    from cngloss.sources.readers import iter_documents

    monkeypatch.setattr(ingest, "MAX_PARAGRAPHS", 2)
    path = write_collection(tmp_path / "set.jsonl", RECORDS[:1])
    document = next(iter_documents(path))
    out = ingest._work([ingest._Item(1, "key", "set.jsonl#a", "sha", document)])
    assert out.failures == [ingest.Failure(
        "set.jsonl#a", "ValueError: 2 paragraphs, more than a library report holds (1)")]
    assert out.reports == []
