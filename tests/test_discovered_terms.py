"""``search`` and ``show`` find a discovered term: a numbered slogan the texts use that no
glossary in use defines, marked as found in the text, with its expansion and dates; over the
bundled report (no library), a small library built here, and the whole library (skipped
without it). A defined term keeps priority: a discovered one never hides or outranks it."""

import json
import os
from pathlib import Path

import pytest

from conftest import library_of_bodies

FULL = Path(os.environ.get("CNGLOSS_FULL_LIBRARY", "/work/lib/full.sqlite"))

# (level, place, year, body): written for these tests; 八有一超 is a bundled glossary term
REPORTS = [
    ("province", "广西壮族自治区", 2021, "实施“十严格”措施。实现四个率先。"),
    ("city", "南宁市", 2021, "实施“十严格”，做到八有一超。实现四个率先。"),
    ("city", "柳州市", 2022, "实施“十严格”措施。坚持“两个毫不动摇”，即毫不动摇巩固公有制经济、"
                            "毫不动摇鼓励非公有制经济。"),
]


@pytest.fixture
def library(tmp_path):
    return library_of_bodies(tmp_path, REPORTS)


def as_json(cli, *args, code=0):
    result = cli(*args, "--json")
    assert result.code == code, result.err
    return json.loads(result.out)


# --------------------------------------------------------------------------- bundled report


def test_show_a_slogan_of_the_bundled_report(cli):
    # the report: 促进旅游人数和旅游综合收入双增长 (line 105), no note or glossary term
    data = as_json(cli, "show", "双增长")
    found = data["discovered"]
    assert found["term"] == "双增长" and found["defined"] is False
    assert found["expansion"]["items"] == ["旅游人数", "旅游综合收入"]
    assert found["expansion"]["source"]["line"] == 105
    assert (found["reports"], found["first_year"], found["last_year"]) == (1, 2021, 2021)
    assert found["first_report"]["place"] == "连州市"
    assert found["first_by_level"]["city"] == {"year": 2021, "report": None}
    assert data["term"]["term"] == "双增长" and data["term"]["id"] is None
    assert data["curated"] is False and data["definitions"] == []
    assert data["passages"]["passages"] == 1
    text = data["passages"]["groups"][0]["passages"][0]["text"]
    assert "旅游综合收入双增长" in text


def test_show_says_found_in_the_text(cli):
    result = cli("show", "双增长")
    assert result.code == 0, result.err
    first = result.out.splitlines()[0]
    assert first.startswith("‹双增长›") and "found in the text, not defined" in first
    assert "旅游人数、旅游综合收入" in result.out
    assert "Used by   1 report, 1 place; last 2021" in result.out


def test_a_defined_term_is_shown_as_defined(cli):
    data = as_json(cli, "show", "八有一超")
    assert data["discovered"] is None and data["curated"] is True


def test_unknown_and_filtered_out(cli):
    assert cli("show", "九九归一").code == 1
    assert cli("show", "双增长", "--year", "2019").code == 1  # the report is of 2021


def test_search_lists_slogans_after_the_glossary(cli):
    data = as_json(cli, "search", "三条")  # no glossary term holds it
    assert data["results"] == []
    assert [t["term"] for t in data["discovered"]] == ["三条底线"]  # 三条控制线 is no longer cut to 三条控
    assert data["discovered"][0]["expansion"]["items"] == ["坚守项目落地安全", "环保", "效益"]
    result = cli("search", "三条")
    assert result.code == 0
    assert "Found in the text, not defined (1)" in result.out and "‹三条底线›" in result.out


def test_search_never_lists_a_defined_term_as_discovered(cli):
    data = as_json(cli, "search", "八有一超")
    assert data["results"][0]["term"] == "八有一超"
    assert "八有一超" not in [t["term"] for t in data["discovered"]]
    data = as_json(cli, "search", "liuwen")  # pinyin: no slogan is looked for
    assert data["discovered"] == []


# --------------------------------------------------------------------------- a library


def test_library_show_dates_and_places(cli, library):
    data = as_json(cli, "--library", library, "show", "十严格")
    found = data["discovered"]
    assert (found["reports"], found["places"], found["first_year"], found["last_year"]) \
        == (3, 3, 2021, 2022)
    assert {k: v and v["year"] for k, v in found["first_by_level"].items()} == {
        "national": None, "province": 2021, "city": 2021}
    assert data["passages"]["reports"] == 3


def test_library_expansion_and_one_report(cli, library):
    # a slogan one report uses: shown under its name (the list needs 2 reports)
    found = as_json(cli, "--library", library, "show", "两个毫不动摇")["discovered"]
    assert found["reports"] == 1 and found["first_report"]["place"] == "柳州市"
    assert found["expansion"]["items"] == ["毫不动摇巩固公有制经济", "毫不动摇鼓励非公有制经济"]
    result = cli("--library", library, "show", "两个毫不动摇")
    assert "found in the text, not defined" in result.out
    assert "毫不动摇巩固公有制经济、毫不动摇鼓励非公有制经济" in result.out


def test_library_search_by_part_and_priority(cli, library):
    data = as_json(cli, "--library", library, "search", "率先")
    assert [t["term"] for t in data["discovered"]] == ["四个率先"]
    assert data["discovered"][0]["reports"] == 2
    data = as_json(cli, "--library", library, "search", "八有一超")
    assert data["results"][0]["term"] == "八有一超"  # the glossary's, first
    assert "八有一超" not in [t["term"] for t in data["discovered"]]
    # a slogan of one report is not listed by a part of it, only by its name
    assert as_json(cli, "--library", library, "search", "毫不动摇", code=1)["discovered"] == []


def test_library_show_of_a_defined_term_is_not_discovered(cli, library):
    data = as_json(cli, "--library", library, "show", "八有一超")
    assert data["discovered"] is None and data["term"]["id"]


# --------------------------------------------------------------------------- the whole library


@pytest.fixture
def full():
    if not FULL.exists():
        pytest.skip(f"the whole library is not at {FULL} (set CNGLOSS_FULL_LIBRARY)")
    return str(FULL)


def test_full_library_search_and_show(cli, full):
    # issue 24: 南宁 2021 uses 十严格 and 四个率先, which no report's notes define
    data = as_json(cli, "--library", full, "search", "十严格")
    assert data["results"], "the glossaries' near matches come first"
    found = {t["term"]: t for t in data["discovered"]}
    assert found["十严格"]["first_year"] == 2021 and found["十严格"]["reports"] >= 2
    shown = as_json(cli, "--library", full, "show", "四个率先")["discovered"]
    assert shown["defined"] is False and shown["reports"] >= 2
    assert shown["first_year"] <= 2021 <= shown["last_year"]
    # a note defines 两个维护: shown as defined, never as discovered
    assert as_json(cli, "--library", full, "show", "两个维护")["discovered"] is None


def test_slogans_holding_a_text_are_the_same_from_summaries_and_from_rows(library):
    """``search`` lists the slogans holding its text from the summaries where they are up
    to date, else from the stored uses (an ``add`` under way or interrupted): both give the
    terms of two reports or more, most reports first, and the one named whatever its count."""
    import sqlite3

    from cngloss.library.slogan_lookup import _holding
    from cngloss.library.slogan_queries import has_summaries

    db = sqlite3.connect(library)
    expected = {("严格", 2): ["十严格"], ("严格", 4): [], ("十严格", 9): ["十严格"],
                ("个", 2): ["四个率先"], ("两个毫不动摇", 2): ["两个毫不动摇"],
                ("毫不动摇", 2): []}
    assert has_summaries(db)
    fresh = {(text, least): _holding(db, text, least) for text, least in expected}
    db.execute("INSERT INTO slogan_stale VALUES('十严格')")  # as a write leaves it
    assert not has_summaries(db)
    stale = {(text, least): _holding(db, text, least) for text, least in expected}
    assert fresh == stale == expected
