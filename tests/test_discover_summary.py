"""The per-slogan summaries of library format 5 (library/slogan_summary.py): queries answered
from them print the same bytes as the computation over the stored uses; add, remove and a
replaced report keep them exact; a format-4 library is upgraded; a stale summary is never
used."""

import json
import sqlite3

import pytest

from cngloss.library.slogan_queries import computed_slogans, level_lags, library_slogans
from cngloss.library.store import SCHEMA_VERSION
from cngloss.model import Filters, RenderedTerms
from cngloss.output.json import dumps, versioned

# (level, place, year, body): written for these tests
REPORTS = [
    ("national", "全国", 2018, "坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。做好“六稳”工作。"
                             "落实“两个维护”。"),
    ("province", "湖北省", 2019, "打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。推进“六稳”工作。"
                              "做到“两个维护”。严格“两违”管控。"),
    ("province", "湖南省", 2020, "推进“六稳”工作。实施“十四五”规划。"),
    ("city", "武汉市", 2026, "打好汽车、钢铁、化工产业转型三大攻坚战。实施“十四五”规划。"),
    ("city", "南宁市", 2021, "实现四个率先。做好“六稳”工作。严格“两违”管控。"),
    ("city", "柳州市", 2021, "实现四个率先。做到“两个维护”。"),
]

# every query the summaries answer, and some they leave to the computation
QUERIES = [
    [], ["--new-in", "2018"], ["--by", "level"], ["--min-reports", "1"], ["--kind", "period"],
    ["--kind", "slogan", "--min-reports", "3"], ["--level", "city"],
    ["--level", "province", "--min-reports", "1"], ["--level", "national", "--min-reports", "1"],
    ["--level", "city", "--new-in", "2021", "--by", "level"], ["--place", "湖"],
    ["--year", "2019..2021"],
]


def _collection(path, reports, start=0):
    with path.open("w", encoding="utf-8") as out:
        for i, (level, place, year, body) in enumerate(reports, start):
            out.write(json.dumps({"place": place, "level": level, "year": year,
                                  "title": f"{place}{year}年政府工作报告", "path": f"r{i}.txt",
                                  "content": f"{place}{year}年政府工作报告\n\n{body}\n"},
                                 ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def library(cli, tmp_path):
    path = tmp_path / "lib.sqlite"
    assert cli("--library", str(path), "add",
               str(_collection(tmp_path / "reports.jsonl", REPORTS))).code == 0
    return path


def _options(args):
    """The core's arguments for a CLI query's options."""
    get = dict(zip(args[::2], args[1::2]))
    years = None
    if "--year" in get:
        low, high = get["--year"].split("..")
        years = (int(low), int(high))
    filters = Filters(place=get.get("--place"), years=years, level=get.get("--level"))
    new_in = int(get["--new-in"]) if "--new-in" in get else None
    return filters, get.get("--kind"), new_in, int(get.get("--min-reports", 2)), \
        get.get("--by")


def _computed_json(path, args):
    """What discover --json printed before the summaries: the computation over the rows,
    encoded by the one JSON encoder."""
    filters, kind, new_in, least, by = _options(args)
    db = sqlite3.connect(path)
    terms = computed_slogans(db, filters, kind, new_in, least)
    out = {"terms": terms}
    if by:
        out["lags"] = level_lags(terms)
    return dumps(versioned(out)) + "\n"


def _answers(cli, path):
    out = {}
    for args in QUERIES:
        result = cli("--library", str(path), "discover", "--json", *args)
        assert result.code in (0, 1), result.err
        out[tuple(args)] = result.out
    return out


def _summary(path, term, level=""):
    row = sqlite3.connect(path).execute(
        "SELECT reports, n, first_year, national, province, city, coalesce(json, (SELECT "
        "json FROM slogan_term WHERE term = ? AND level = '' AND scope = '')) FROM "
        "slogan_term WHERE term = ? AND level = ? AND scope = ''", (term, term, level)
    ).fetchone()
    return row and (*row[:6], json.loads(row[6]))


def _from_summaries(db, path, filters):
    """Whether the query was answered from slogan_term (the rows' answer is rendered too)."""
    seen = []
    db.set_trace_callback(seen.append)
    library_slogans(db, path, filters)
    db.set_trace_callback(None)
    return any("FROM slogan_term" in sql for sql in seen)


def _check_same_as_computed(cli, path):
    for args, printed in _answers(cli, path).items():
        assert printed == _computed_json(path, list(args)), args


def test_summaries_stated_by_hand(library):
    # 六稳: national 2018, 湖北 2019, 湖南 2020, 南宁 2021; one use each
    assert _summary(library, "六稳")[:6] == (4, 4, 2018, 2018, 2019, 2021)
    assert _summary(library, "六稳", "province")[:6] == (2, 2, 2019, None, 2019, None)
    assert _summary(library, "六稳", "national")[:6] == (1, 1, 2018, 2018, None, None)
    assert _summary(library, "四个率先", "province") is None  # no province uses it
    item = _summary(library, "三大攻坚战")[6]
    assert [s["expansion"]["items"] for s in item["senses"]] == [
        ["防范化解重大风险", "精准脱贫", "污染防治"], ["汽车", "钢铁", "化工产业转型"]]
    assert item["senses"][1]["expansion"]["source"]["text"] == REPORTS[3][3]  # its paragraph
    assert sqlite3.connect(library).execute("PRAGMA user_version").fetchone()[0] == 5


def test_queries_from_the_summaries_print_what_the_computation_printed(cli, library):
    db = sqlite3.connect(library)
    assert isinstance(library_slogans(db, library), RenderedTerms)
    assert isinstance(library_slogans(db, library, Filters(level="city")), RenderedTerms)
    # --place and --year: computed from the rows selected (slogan_selected.py), rendered
    assert not _from_summaries(db, library, Filters(place="湖"))
    _check_same_as_computed(cli, library)
    found = json.loads(cli("--library", str(library), "discover", "--json").out)["terms"]
    # most reports first, then most uses, then the term (三 U+4E09 before 两 U+4E24)
    assert [(t["term"], t["reports"]) for t in found] == [
        ("六稳", 4), ("三大攻坚战", 3), ("两个维护", 3), ("两违", 2), ("十四五", 2), ("四个率先", 2)]


def test_the_real_process_writes_the_same_bytes(script, library):
    result = script("--library", str(library), "discover", "--json", "--by", "level")
    assert result.returncode == 0
    assert result.stdout == _computed_json(library, ["--by", "level"])


def test_csv_and_table_read_the_summaries(cli, library):
    csv = cli("--library", str(library), "discover", "--csv").out.splitlines()
    assert csv[1] == "六稳,slogan,4,4,4,2018,全国,2018,2019,2021,2021,,0,no"
    table = cli("--library", str(library), "discover").out
    assert "六稳" in table and "四个率先" in table


def test_remove_updates_the_summaries(cli, library):
    ids = {r["place"]: r["id"] for r in json.loads(
        cli("--library", str(library), "reports", "--json").out)["reports"]}
    assert cli("--library", str(library), "remove", str(ids["南宁市"])).code == 0
    # 六稳 loses its one city report; 四个率先 and 两违 are left with one report each
    assert _summary(library, "六稳")[:6] == (3, 3, 2018, 2018, 2019, None)
    assert _summary(library, "六稳", "city") is None
    assert _summary(library, "四个率先")[:3] == (1, 1, 2021)
    terms = json.loads(cli("--library", str(library), "discover", "--json").out)["terms"]
    assert "四个率先" not in {t["term"] for t in terms}
    _check_same_as_computed(cli, library)
    assert cli("--library", str(library), "remove", str(ids["柳州市"])).code == 0
    assert _summary(library, "四个率先") is None  # no report uses it any more
    _check_same_as_computed(cli, library)


def test_add_and_a_replaced_report_update_the_summaries(cli, library, tmp_path):
    more = _collection(tmp_path / "more.jsonl", [
        ("city", "桂林市", 2022, "实现四个率先。推进“六稳”工作。")], start=len(REPORTS))
    assert cli("--library", str(library), "add", str(more)).code == 0
    assert _summary(library, "四个率先")[:3] == (3, 3, 2021)
    assert _summary(library, "六稳", "city")[:6] == (2, 2, 2021, None, None, 2021)
    _check_same_as_computed(cli, library)
    # the same record changed: it replaces the report it gave, 六稳 goes with the old text
    changed = _collection(tmp_path / "more.jsonl", [
        ("city", "桂林市", 2022, "实现四个率先。")], start=len(REPORTS))
    assert cli("--library", str(library), "add", str(changed)).code == 0
    assert _summary(library, "六稳", "city")[:3] == (1, 1, 2021)
    _check_same_as_computed(cli, library)


def test_defined_follows_the_notes_of_a_report_added(cli, library, tmp_path):
    assert _summary(library, "两违")[6]["defined"] is False
    notes = tmp_path / "notes.md"
    notes.write_text("某市2022年政府工作报告\n\n严格“两违”管控。\n\n注释\n\n"
                     "1. “两违”：指违法用地和违规建筑。\n2. “三农”：指农业、农村、农民。\n"
                     "3. “六稳”：指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n",
                     encoding="utf-8")
    assert cli("--library", str(library), "add", str(notes)).code == 0
    assert _summary(library, "两违")[6]["defined"] is True
    _check_same_as_computed(cli, library)


def test_a_format_4_library_is_upgraded_and_read_from_rows_until_then(cli, library, tmp_path):
    before = _answers(cli, library)
    db = sqlite3.connect(library)
    db.execute("DROP TABLE slogan_term")
    db.execute("DROP TABLE slogan_stale")
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.close()
    assert _answers(cli, library) == before  # format 4, read: from the rows
    other = tmp_path / "b.txt"
    other.write_text("某市2020年政府工作报告\n\n推进“六稳”工作。\n", encoding="utf-8")
    assert cli("--library", str(library), "add", str(other)).code == 0  # upgrades, then adds
    assert sqlite3.connect(library).execute("PRAGMA user_version").fetchone()[0] \
        == SCHEMA_VERSION == 5
    assert _summary(library, "六稳")[0] == 5
    _check_same_as_computed(cli, library)


def test_a_stale_summary_is_not_used(cli, library):
    db = sqlite3.connect(library)
    # as an add interrupted between its batches and its refresh leaves it: rows written,
    # summaries not yet made again
    db.execute("DELETE FROM slogan WHERE term = '六稳' AND report_id = "
               "(SELECT id FROM report WHERE place = '南宁市')")
    db.execute("INSERT INTO slogan_stale VALUES('六稳')")
    db.commit()
    assert not _from_summaries(db, library, Filters())
    found = {t["term"]: t for t in json.loads(
        cli("--library", str(library), "discover", "--json").out)["terms"]}
    assert found["六稳"]["reports"] == 3
    _check_same_as_computed(cli, library)


# --year and --place, with every other option: the rows of the terms used by enough of the
# reports selected, read by the term, rendered without the json module
SELECTIONS = [
    ["--year", "2018..2018"], ["--year", "2019..2021"], ["--year", "2021..2026"],
    ["--year", "1990..2000"], ["--place", "湖"], ["--place", "南宁市"], ["--place", "无此地"],
    ["--place", "市", "--year", "2021..2021"], ["--place", "湖", "--min-reports", "1"],
    ["--year", "2018..2021", "--min-reports", "3"],
    ["--year", "2018..2026", "--kind", "slogan"], ["--year", "2018..2026", "--kind", "period"],
    ["--place", "市", "--kind", "period", "--min-reports", "1"],
    ["--year", "2018..2026", "--new-in", "2019", "--min-reports", "1"],
    ["--place", "湖", "--by", "level", "--min-reports", "1"],
    ["--level", "city", "--year", "2021..2021"], ["--level", "province", "--place", "湖北"],
]


@pytest.mark.parametrize("args", SELECTIONS, ids=" ".join)
def test_a_selection_prints_what_the_computation_printed(cli, library, args):
    db = sqlite3.connect(library)
    filters = _options(args)[0]
    assert not _from_summaries(db, library, filters)
    assert isinstance(library_slogans(db, library, filters), RenderedTerms)
    result = cli("--library", str(library), "discover", "--json", *args)
    assert result.code in (0, 1), result.err
    assert result.out == _computed_json(library, args), args


def test_a_selection_stated_by_hand(cli, library):
    # 2019..2021: 六稳 in 湖北 2019, 湖南 2020, 南宁 2021; 四个率先 in 南宁 and 柳州 2021;
    # 两违 in 湖北 and 南宁; 两个维护 in 湖北 and 柳州; 十四五 in 湖南 only (and 武汉 2026)
    found = json.loads(cli("--library", str(library), "discover", "--json", "--year",
                           "2019..2021").out)["terms"]
    assert [(t["term"], t["reports"], t["first_year"]) for t in found] == [
        ("六稳", 3, 2019), ("两个维护", 2, 2019), ("两违", 2, 2019), ("四个率先", 2, 2021)]
    assert found[0]["years"] == {"2019": {"reports": 1, "places": 1},
                                 "2020": {"reports": 1, "places": 1},
                                 "2021": {"reports": 1, "places": 1}}
    city = json.loads(cli("--library", str(library), "discover", "--json", "--place", "市",
                          "--min-reports", "1").out)["terms"]
    attack = next(t for t in city if t["term"] == "三大攻坚战")
    assert attack["reports"] == 1 and attack["expansion"]["items"] == ["汽车", "钢铁", "化工产业转型"]
    assert attack["expansion"]["source"]["text"] == REPORTS[3][3]
