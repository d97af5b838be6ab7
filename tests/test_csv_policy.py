"""Every CSV cngloss writes opens safely in a spreadsheet (docs/commands.md, "CSV"): a text cell that
begins with = + - @, a tab, a carriage return or a line feed gets a leading apostrophe
(OWASP, "CSV Injection"); a number cngloss computed stays a number; control characters are
written visibly; records end in CRLF. Checked on each command's real output, parsed back
with the csv module; the expected cells are written out here by hand."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cngloss.library import queries
from conftest import run_cli

LEADS = ("=", "+", "-", "@", "\t", "\r", "\n")

HYPERLINK = '=HYPERLINK("http://x","点击")两违一。'   # 两违 at offset 27
PARAGRAPHS = [HYPERLINK, "+两违二。", "-两违三。", "@两违四。",
              "普通的两违，段落。",                      # a comma: quoted, read back as it is
              "\x1b[2J两违。"]                         # ESC, written as \x1b (4 characters)
RECORDS = [
    {"place": "甲市", "level": "city", "year": 2020, "title": "甲市政府工作报告", "path": "a",
     "content": "\n\n".join(PARAGRAPHS) + "\n"},
    # metadata is taken as the collection gives it: a tab, a CR or a LF can lead there
    {"place": "\t=1+1", "level": "@county", "year": 2021, "title": "乙", "path": "b",
     "content": "两违乙。\n"},
    {"place": "\r+2", "level": "\n-3", "year": 2022, "title": "丙", "path": "c",
     "content": "两违丙。\n"},
]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv-library")
    collection = folder / "set.jsonl"
    collection.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                          encoding="utf-8")
    lib = folder / "lib.sqlite"
    assert queries.add(lib, [collection]).added == 3
    return lib


def rows_of(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out, newline="")))


def assert_nothing_leads_with_a_formula(out: str) -> None:
    cells = [c for row in csv.reader(io.StringIO(out, newline="")) for c in row]
    assert cells and [c for c in cells if c[:1] in LEADS] == []


def assert_records_end_in_crlf(out: str, records: int) -> None:
    # a CR or LF inside a quoted cell is data; the records' ends are the CRLFs counted here
    assert out.endswith("\r\n") and out.count("\r\n") == records


@pytest.mark.parametrize("command", [["grep", "两违"], ["show", "两违"]])
def test_passages_csv_guards_every_text_cell_and_keeps_the_offsets_in_the_cell(library,
                                                                                 command):
    r = run_cli("--library", str(library), *command, "--csv")
    assert r.code == 0
    assert_nothing_leads_with_a_formula(r.out)
    rows = rows_of(r.out)
    assert_records_end_in_crlf(r.out, 1 + len(rows))
    by_text = {row["text"]: row for row in rows}
    assert sorted(by_text) == sorted([
        "'" + HYPERLINK, "'+两违二。", "'-两违三。", "'@两违四。", "普通的两违，段落。",
        "\\x1b[2J两违。", "两违乙。", "两违丙。"])
    # start/end count in the text cell as written, so a slice of it is the use
    assert (by_text["'" + HYPERLINK]["start"], by_text["'" + HYPERLINK]["end"]) == ("28", "30")
    assert (by_text["'+两违二。"]["start"], by_text["'+两违二。"]["end"]) == ("2", "4")
    assert (by_text["\\x1b[2J两违。"]["start"], by_text["\\x1b[2J两违。"]["end"]) == ("7", "9")
    assert (by_text["普通的两违，段落。"]["start"], by_text["普通的两违，段落。"]["end"]) == ("3", "5")
    for row in rows:
        assert row["text"][int(row["start"]):int(row["end"])] == "两违" == row["match"]
    b, c = by_text["两违乙。"], by_text["两违丙。"]
    assert (b["place"], b["level"], b["year"]) == ("'\t=1+1", "'@county", "2021")
    assert (c["place"], c["level"], c["year"]) == ("\\x0d+2", "'\n-3", "2022")
    a = by_text["'-两违三。"]
    assert (a["place"], a["level"], a["year"], a["paragraph"], a["line"]) == (
        "甲市", "city", "2020", "3", "5")
    assert a["report"] == "set.jsonl#a"


def test_trend_csv_guards_the_labels_typed_and_keeps_the_numbers(library):
    r = run_cli("--library", str(library), "trend", "--csv", "--",
                "=HYPERLINK", "@两违", "+两违", "-两违")
    assert r.code == 0
    assert_nothing_leads_with_a_formula(r.out)
    rows = rows_of(r.out)
    assert_records_end_in_crlf(r.out, 1 + len(rows))
    assert [(row["label"], row["year"], row["occurrences"]) for row in rows] == [
        (label, year, "1" if year == "2020" else "0")
        for label in ("'=HYPERLINK", "'@两违", "'+两违", "'-两违")
        for year in ("2020", "2021", "2022")]
    for row in rows:  # the rate per 100,000 characters, rounded to 3 places
        assert float(row["rate"]) == round(int(row["occurrences"]) * 100000
                                           / int(row["characters"]), 3)
    assert rows[1]["characters"] == str(len("两违乙。"))
    # labels made of the term and a level start with the term: left as they are
    r = run_cli("--library", str(library), "trend", "两违", "--by", "level", "--csv")
    assert sorted(row["label"] for row in rows_of(r.out)) == [
        "两违 · \n-3", "两违 · @county", "两违 · city"]


def test_appendix_csv_guards_every_lead(write_glossary):
    terms = "".join(f"  - {{id: t{i}, term: 甲{i}, pinyin: jiǎ, definition: 甲。, tags: ["
                    + json.dumps(lead + "1+1") + "]}\n" for i, lead in enumerate(LEADS))
    r = run_cli("--glossary", str(write_glossary("terms:\n" + terms)), "appendix",
                "--format", "csv")
    assert r.code == 0
    assert_nothing_leads_with_a_formula(r.out)
    assert_records_end_in_crlf(r.out, 1 + len(LEADS))
    rows = {row["id"]: row for row in rows_of(r.out)}
    assert [rows[f"t{i}"]["tags"] for i in range(len(LEADS))] == [
        "'=1+1", "'+1+1", "'-1+1", "'@1+1", "'\t1+1", "\\x0d1+1", "'\n1+1"]
    assert (rows["t0"]["term"], rows["t0"]["pinyin"], rows["t0"]["definition"]) == (
        "甲0", "jiǎ", "甲。")
