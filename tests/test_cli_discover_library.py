"""``cngloss discover`` without FILEs: the slogans stored at add time, dated, placed, with
their senses; filters, --new-in, --by level, --min-reports and bad input."""

import csv
import io
import json
import sqlite3

import pytest

from conftest import library_of_bodies

from cngloss.library.store import SCHEMA_VERSION

# (level, place, year, body): written for these tests
REPORTS = [
    ("national", "全国", 2018, "坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。做好“六稳”工作。"),
    ("province", "湖北省", 2019, "打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。推进“六稳”工作。"),
    ("city", "武汉市", 2026, "打好汽车、钢铁、化工产业转型三大攻坚战。"),
    ("city", "南宁市", 2021, "实现四个率先。做好“六稳”工作。"),
    ("city", "柳州市", 2021, "实现四个率先。"),
]


@pytest.fixture
def library(tmp_path):
    return library_of_bodies(tmp_path, REPORTS)


def terms(cli, library, *args):
    result = cli("--library", library, "discover", "--json", *args)
    assert result.code == 0, result.err
    return {t["term"]: t for t in json.loads(result.out)["terms"]}


def test_dates_places_and_levels(cli, library):
    found = terms(cli, library)
    assert set(found) == {"三大攻坚战", "六稳", "四个率先"}
    battle = found["三大攻坚战"]
    assert (battle["reports"], battle["places"], battle["first_year"], battle["last_year"]) \
        == (3, 3, 2018, 2026)
    assert battle["first_report"]["place"] == "全国"
    assert {k: v and v["year"] for k, v in battle["first_by_level"].items()} == {
        "national": 2018, "province": 2019, "city": 2026}
    assert battle["years"] == {"2018": {"reports": 1, "places": 1},
                               "2019": {"reports": 1, "places": 1},
                               "2026": {"reports": 1, "places": 1}}
    assert found["四个率先"]["first_by_level"]["national"] is None
    assert battle["document"] is None and battle["lines"] is None


def test_senses_are_kept_apart(cli, library):
    senses = terms(cli, library)["三大攻坚战"]["senses"]
    assert [s["expansion"]["items"] for s in senses] == [
        ["防范化解重大风险", "精准脱贫", "污染防治"], ["汽车", "钢铁", "化工产业转型"]]
    assert [len(s["reports"]) for s in senses] == [2, 1]
    assert senses[1]["expansion"]["source"]["text"] == REPORTS[2][3]


def test_filters_kind_new_in_and_min_reports(cli, library):
    # the city reports: 四个率先 twice, 六稳 and 三大攻坚战 once each (under 2 reports)
    assert set(terms(cli, library, "--level", "city")) == {"四个率先"}
    assert set(terms(cli, library, "--year", "2021")) == {"四个率先"}
    assert set(terms(cli, library, "--place", "市")) == {"四个率先"}
    assert set(terms(cli, library, "--level", "city", "--min-reports", "1")) == {
        "四个率先", "六稳", "三大攻坚战"}
    assert set(terms(cli, library, "--new-in", "2021")) == {"四个率先"}
    assert set(terms(cli, library, "--min-reports", "3")) == {"三大攻坚战", "六稳"}
    assert set(terms(cli, library, "--kind", "slogan")) == {"三大攻坚战", "六稳", "四个率先"}
    result = cli("--library", library, "discover", "--kind", "period")
    assert result.code == 1 and "no numbered slogan of kind period" in result.err


def test_by_level_lags_and_chart(cli, library):
    result = cli("--library", library, "discover", "--by", "level", "--json")
    lags = json.loads(result.out)["lags"]
    # 三大攻坚战: national 2018, province 2019, city 2026; 六稳: 2018, 2019, 2021
    assert lags == {"province": {"1": 2}, "city": {"3": 1, "8": 1}}
    table = cli("--library", library, "discover", "--by", "level").out
    assert "first city use, years after the national report (2 slogans)" in table
    assert "█" in table


def test_csv(cli, library):
    rows = list(csv.DictReader(io.StringIO(cli("--library", library, "discover", "--csv").out)))
    battle = next(r for r in rows if r["term"] == "三大攻坚战")
    assert (battle["national"], battle["province"], battle["city"], battle["senses"]) == (
        "2018", "2019", "2026", "2")


@pytest.mark.parametrize("args, code, words", [
    (["--kind", "motto"], 2, "--kind must be one of"),
    (["--new-in", "abc"], 2, "--new-in"),
    (["--by", "year"], 2, "--by must be one of"),
    (["--min-reports", "0"], 2, "--min-reports"),
])
def test_bad_options(cli, library, args, code, words):
    result = cli("--library", library, "discover", *args)
    assert result.code == code and words in result.err and "Traceback" not in result.err


def test_library_options_with_files_are_refused(cli, library, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("做好“六稳”工作。\n", encoding="utf-8")
    result = cli("--library", library, "discover", str(doc), "--new-in", "2018")
    assert result.code == 2 and "leave out the FILEs" in result.err


def test_no_library_says_pass_files_or_add(cli, tmp_path):
    result = cli("discover")
    assert result.code == 2 and "pass FILEs" in result.err and "cngloss add" in result.err
    result = cli("--library", str(tmp_path / "none.sqlite"), "discover")
    assert result.code == 2 and "pass FILEs" in result.err


def test_an_older_library_is_refused_read_only_and_upgraded_when_written(cli, library,
                                                                          tmp_path):
    db = sqlite3.connect(library)
    db.execute("DROP TABLE slogan")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    import os
    os.chmod(library, 0o444)
    try:
        result = cli("--library", library, "discover")
        assert result.code == 3 and "library format 3" in result.err
    finally:
        os.chmod(library, 0o644)
    other = tmp_path / "b.txt"
    other.write_text("某市2020年政府工作报告\n\n推进“六稳”工作。\n", encoding="utf-8")
    assert cli("--library", library, "add", str(other)).code == 0  # upgrades, then adds
    assert sqlite3.connect(library).execute("PRAGMA user_version").fetchone()[0] \
        == SCHEMA_VERSION
    found = terms(cli, library)
    assert found["六稳"]["reports"] == 4 and found["三大攻坚战"]["reports"] == 3
