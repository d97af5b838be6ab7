"""A discovered slogan gets the sourced English of its sense (issue 25: English wherever a
headword appears, discovered terms included), and only of its sense: where a report lists
the items beside a use, they decide it (武汉's 汽车、钢铁、化工产业转型三大攻坚战 is not the
national three critical battles); where no items are listed, a headword with one sense in
the file gets that sense's rendering, marked as not checked."""

import json
from pathlib import Path

import pytest

from conftest import library_of_bodies, run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "english" / "renderings.yaml"
ENVIRON = {"CNGLOSS_ENGLISH": str(FIXTURE)}  # hand-made renderings (example.org)

# (level, place, year, body): written for these tests
REPORTS = [
    ("city", "甲市", 2019, "坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。实现四个率先。"),
    ("city", "乙市", 2026, "继续打好汽车、钢铁、化工产业转型三大攻坚战。实现四个率先。"),
]


@pytest.fixture
def library(tmp_path):
    return library_of_bodies(tmp_path, REPORTS)


def shown(*args) -> dict:
    result = run_cli(*args, "--json", environ=ENVIRON)
    assert result.code == 0, result.err
    return json.loads(result.out)["discovered"]


def english(item: dict) -> list[str]:
    return [r["english"] for r in item["renderings"]]


def test_the_items_listed_give_the_national_sense_its_rendering(library):
    found = shown("--library", library, "show", "三大攻坚战", "--place", "甲")
    assert found["expansion"]["items"] == ["防范化解重大风险", "精准脱贫", "污染防治"]
    assert english(found) == ["three critical battles", "three tough battles"]
    first = found["renderings"][0]
    assert (first["outlet"], first["url"], first["kind"], first["sense"]) == (
        "Example Agency", "https://example.org/three-critical-battles", "official", "national")
    assert found["english_sense"] == {"sense": "national", "checked": True,
                                      "meaning": "防范化解重大风险、精准脱贫、污染防治"}


def test_other_items_are_another_sense_without_the_national_rendering(library):
    found = shown("--library", library, "show", "三大攻坚战", "--place", "乙")
    assert found["expansion"]["items"] == ["汽车", "钢铁", "化工产业转型"]
    assert found["renderings"] == [] and found["english_sense"] is None
    text = run_cli("--library", library, "show", "三大攻坚战", "--place", "乙",
                   environ=ENVIRON).out
    assert "English   no sourced English rendering" in text
    assert "three critical battles" not in text


def test_a_slogan_the_file_lacks_has_none(library):
    found = shown("--library", library, "show", "四个率先")
    assert found["renderings"] == [] and found["english_sense"] is None


def test_search_lists_discovered_slogans_with_their_english(library):
    result = run_cli("--library", library, "search", "攻坚战", "--json", environ=ENVIRON)
    assert result.code == 0, result.err
    terms = {t["term"]: t for t in json.loads(result.out)["discovered"]}
    # over both reports the two senses' items are grouped apart, the first (甲市 2019,
    # national) is the expansion shown: the national rendering, checked
    assert english(terms["三大攻坚战"]) == ["three critical battles", "three tough battles"]
    assert terms["三大攻坚战"]["english_sense"]["checked"] is True
    assert all("english_sense" in t for t in terms.values())


def test_no_items_listed_gives_the_one_sense_unchecked():
    # the bundled report uses 三大攻坚战 without listing its items; data/english.yaml's
    # rendering (China.org.cn) is shown, marked as not checked against listed items
    result = run_cli("show", "三大攻坚战", "--json")
    found = json.loads(result.out)["discovered"]
    assert found["expansion"] is None
    assert "three critical battles" in english(found)
    assert found["english_sense"]["checked"] is False
    text = run_cli("show", "三大攻坚战").out
    assert "three critical battles — China.org.cn, 2018-04-02" in text
    assert "the text lists no items beside a use to check the sense by" in text
