"""Glossaries in the library: the merge rule of headwords, the lexicon built from the notes
of the six local reports and Lianzhou, search and show across the glossaries, glossary files.

Expectations come from reading the notes sections of the reports (listed by hand from the
files in ../shared/corpora/local-reports and data/): 184 notes (27 东莞 2022 unnumbered, 25
佛山 2021, 28 海南 2026, 18 吉安 2016, 23 荆州 2020, 40 孝感 2023, 23 连州 2021); headwords
that more than one report defines, read from those lists: 六稳六保 (连州 1, 孝感 1), 三品一标
(荆州 7, 连州 14), 两不愁三保障 (荆州 16, 连州 8), 四上企业 (佛山 3 printed “四上”企业, 孝感 4),
四好农村公路 (连州 4; 荆州 10 as 四好农村路, a curated link), 四个不摘 (佛山 20, 连州 15; 荆州 17
as 四不摘, a curated link). So 184 - 7 = 177 entries.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cngloss.library import glossary_queries, queries
from cngloss.library.headwords import (canonical, definition_key, headword_key,
                                       load_variants, plain_key)
from cngloss.library.lexicon import is_glossary_path, load
from cngloss.library.catalog import Filters
from cngloss.library.store import open_library
from conftest import ROOT, report_with_notes, run_cli, shared_dir, write_collection

SHARED = shared_dir()
LOCAL = SHARED / "corpora" / "local-reports"
LIANZHOU = ROOT / "data" / "lianzhou-2021-government-work-report.txt"
needs_shared = pytest.mark.skipif(not LOCAL.is_dir(), reason=f"{LOCAL} is not there")


# --------------------------------------------------------------------------- the merge rule


@pytest.mark.parametrize("one, other", [
    ("“六稳”“六保”", "六稳六保"),           # quoted part by part (连州 2021 note 1)
    ("“六稳”、“六保”", "六稳六保"),         # and with a 、 between the parts
    ("六穩六保", "六稳六保"),               # traditional
    ("“四上”企业", "四上企业"),             # 佛山 2021 note 3 / 孝感 2023 note 4
    ("**四上企业**", "四上企业"),           # bold left on the headword
    ("两 违", "两违"),                      # a space
    ("ＥＳＩ", "esi"),                      # full-width Latin, any case
    ("“1＋5＋N”", "1+5+N"),                 # full-width plus
    ("﹝6﹞六稳六保", "六稳六保"),           # a note number the reader left on it
    ("［12］两新", "两新"),
    ("新时代“枫桥经验”", "新时代枫桥经验"),
])
def test_headwords_that_merge(one, other):
    assert headword_key(one) == headword_key(other)


@pytest.mark.parametrize("one, other", [
    ("四个一批", "三个一批"),                # 海南 2026 note 17 / 佛山 2021 note 17
    ("两新", "两新一重"),                    # 海南 2026 note 15 / 佛山 2021 note 11
    ("1+5+N", "“1+5+N”创新平台体系"),        # 海南 2026 note 8 / 佛山 2021 note 1
    ("五共", "五同"),                        # 孝感 2023 notes 36 and 25
    ("三资", "三资一促"),                    # 海南 2026 note 22 / 孝感 2023 note 2
    ("1.5倍", "15倍"),                       # a point between digits stays
    ("1,000", "1000"),                       # so does a comma
    ("2024新规", "新规"),                    # digits that are not a bracketed note number
    ("四不摘", "四个不摘"),                  # the key alone does not merge them (the list does)
])
def test_headwords_that_stay_apart(one, other):
    assert headword_key(one) != headword_key(other)


def test_key_steps():
    assert plain_key("“六穩”") == "六穩"          # plain_key does not convert
    assert headword_key("x", simplify=lambda t: t + "!") == "x!"
    assert plain_key("3.0") == "3.0" and plain_key(".5") == "5" and plain_key("5.") == "5"
    assert plain_key("a.b") == "ab"               # a point between letters goes
    assert plain_key("(3)三资") == "三资" and plain_key("【3】三资") == "三资"
    assert plain_key("(1234)三资") == "1234三资"  # four digits are not a note number
    assert plain_key("三资(3)") == "三资3"        # only at the start


def test_curated_links():
    links = load_variants()
    assert canonical(headword_key("四不摘"), links) == headword_key("四个不摘")
    assert canonical(headword_key("四好农村路"), links) == headword_key("四好农村公路")
    assert canonical(headword_key("四个一批"), links) == headword_key("四个一批")
    assert len(links) == 2


@pytest.mark.parametrize("text, message", [
    ("variants: 3\n", "has no 'variants' list"),
    ("- a\n", "has no 'variants' list"),
    ("variants:\n  - {variant: a, headword: b}\n", "needs variant, headword and reason"),
    ("variants:\n  - {variant: a, headword: 3, reason: r}\n", "needs variant"),
    ("variants: [\n", "cannot be read"),
])
def test_a_broken_links_file_is_one_error(tmp_path, text, message):
    from cngloss.errors import DataError

    path = tmp_path / "v.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_variants(path)


def test_definition_key_ignores_punctuation_quotes_and_spaces():
    assert definition_key("“六稳”指稳就业、稳金融。") == definition_key("六稳指稳就业，稳金融")
    assert definition_key("稳就业、稳金融") != definition_key("稳就业、稳外贸")
    assert definition_key("稳就业") != definition_key("稳就业和稳金融")


@pytest.mark.parametrize("one, other", [
    ("指建好、管好农村公路。", "建好、管好农村公路。"),
    ("即建好、管好农村公路。", "“建好、管好”农村公路"),
    ("是指建好、管好农村公路", "指：建好、管好农村公路。"),   # the colon is punctuation
    ("即指高耗能、高排放的项目。", "高耗能、高排放的项目。"),
    ("指的是绿色食品、有机农产品", "是绿色食品、有机农产品"),
    ("就是把税额退还给纳税人。", "即是指把税额退还给纳税人。"),  # one copula or several
    ("指指茶、食用菌。", "茶、食用菌。"),                      # a doubled 指
    ("指标准地址库。", "标准地址库。"),  # 指 before a word that 指 could begin (指标)
])
def test_a_leading_zhi_ji_or_shi_is_not_part_of_the_wording(one, other):
    assert definition_key(one) == definition_key(other)


@pytest.mark.parametrize("one, other", [
    ("是否纳入预算。", "否纳入预算。"),       # 是否: "whether", a word, not a copula
    ("指是否纳入预算。", "纳入预算。"),
    ("即建好、管好农村公路。", "建好、管好农村路。"),  # a word differs
    ("指把农村公路建好。", "指建好农村公路。"),       # 把 is not a copula
    ("指为企业提供服务。", "指企业提供服务。"),       # nor 为
    ("主要指规上企业。", "指规上企业。"),             # nor 主要指
    ("指建好农村公路。", "农村公路指建好。"),         # only a leading one
])
def test_wordings_that_stay_apart(one, other):
    assert definition_key(one) != definition_key(other)


def test_a_definition_that_is_a_copula_alone_keeps_it():
    assert definition_key("是。") == "是" and definition_key("即指") == "即指"


def test_glossary_paths_are_yaml_files():
    assert is_glossary_path(Path("a/terms.yaml")) and is_glossary_path(Path("T.YML"))
    assert not is_glossary_path(Path("report.txt"))
    assert not is_glossary_path(Path("set.jsonl"))


# --------------------------------------------------------------------------- a real library


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    if not LOCAL.is_dir():
        pytest.skip(f"{LOCAL} is not there")
    path = tmp_path_factory.mktemp("glossaries") / "lib.sqlite"
    result, glossaries = queries.add_all(path, [*sorted(LOCAL.glob("*.txt")), LIANZHOU])
    assert (result.added, result.failures, glossaries) == (7, [], None)
    return path


def _lexicon(path):
    with open_library(path) as lib:
        return load(lib)


def _row(path, corpus, query):
    rows = glossary_queries.find(path, corpus, query).rows
    return rows[0]


def _sources(definitions):
    return {(s.place, s.year, s.number) for d in definitions for s in d.sources}


@needs_shared
def test_every_note_is_an_entry_and_only_the_same_terms_merge(library):
    lexicon = _lexicon(library)
    assert len(lexicon.keys) == 177
    shared = {lexicon.glossary.terms[i].term for i in range(len(lexicon.keys))
              if len({s.report_id for s in lexicon.sources(i)}) > 1}
    assert shared == {"六稳六保", "三品一标", "两不愁三保障", "四上企业", "四好农村公路", "四个不摘"}


@needs_shared
def test_search_one_row_per_headword_with_its_reports_and_years(library, corpus):
    row = _row(library, corpus, "六稳六保")
    assert row.term.id == "liuwen-liubao" and row.curated and row.reviewed
    assert (row.reports, row.years) == (2, [2021, 2023])
    assert {(s.place, s.number) for s in row.sources} == {("连州市", 1), ("孝感市", 1)}
    # every query form still works: pinyin, initials, traditional, English
    for query in ("liuwen", "lwlb", "六穩六保", "stability on the six fronts"):
        assert _row(library, corpus, query).term.id == "liuwen-liubao", query


@needs_shared
def test_a_term_only_the_notes_define_is_found_and_not_reviewed(library, corpus):
    row = _row(library, corpus, "四上企业")
    assert (row.curated, row.reviewed, row.reports, row.years) == (False, False, 2, [2021, 2023])
    assert _row(library, corpus, "sishang qiye").term.term == "四上企业"  # pinyin from pypinyin
    apart = _row(library, corpus, "四个一批")
    assert (apart.term.term, apart.reports, apart.years) == ("四个一批", 1, [2026])


@needs_shared
def test_show_merges_identical_definitions_and_keeps_the_differing_ones(library, corpus):
    entry = glossary_queries.entry(library, corpus, "四不摘")
    assert entry.term.id == "sige-buzhai" and entry.curated
    # 荆州 2020 note 17 (四不摘) and 佛山 2021 note 20 say the same words: one wording, two
    # sources, oldest first; 连州 2021 note 15 is the curated wording.
    assert [[(s.place, s.year, s.number) for s in d.sources] for d in entry.definitions] == [
        [("荆州市", 2020, 17), ("佛山市", 2021, 20)], [("连州市", 2021, 15)]]
    assert [d.agrees for d in entry.definitions] == [False, True]
    assert "四不摘" in entry.definitions[0].headwords
    assert "四不摘" in entry.forms  # the passages look for every headword of the entry


@needs_shared
def test_a_note_contradicting_the_curated_definition_is_shown(library, corpus):
    entry = glossary_queries.entry(library, corpus, "六稳六保")
    assert _sources(entry.definitions) == {("连州市", 2021, 1), ("孝感市", 2023, 1)}
    assert [d.agrees for d in entry.definitions] == [True, False]  # 连州 2021 first: oldest


@needs_shared
def test_show_filters_narrow_the_notes(library, corpus):
    only = glossary_queries.entry(library, corpus, "六稳六保", Filters(place="孝感"))
    assert _sources(only.definitions) == {("孝感市", 2023, 1)}
    year = glossary_queries.entry(library, corpus, "四个不摘", Filters(years=(2021, 2021)))
    assert _sources(year.definitions) == {("佛山市", 2021, 20), ("连州市", 2021, 15)}
    none = glossary_queries.entry(library, corpus, "四个不摘", Filters(years=(2022, None)))
    assert none.definitions == [] and none.reports == 0


@needs_shared
def test_removing_a_report_removes_its_notes(library, corpus, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(library, copy)
    code = run_cli("--library", str(copy), "remove", "--place", "孝感")
    assert code.code == 0
    row = _row(copy, corpus, "六稳六保")
    assert (row.reports, row.years) == (1, [2021])
    assert len(_lexicon(copy).keys) == 177 - 40 + 2  # 孝感's 40 notes, two of them shared
    gone = run_cli("--library", str(copy), "show", "三资一促")  # 孝感 2023 note 2 only
    assert gone.code == 1 and "三资一促" in gone.err


# --------------------------------------------------------------------------- the command line


@needs_shared
def test_search_json_keeps_the_contract_and_adds_the_sources(library):
    out = run_cli("--library", str(library), "search", "四上企业", "--json")
    assert out.code == 0
    result = json.loads(out.out)["results"][0]
    for field in ("id", "note", "term", "printed", "pinyin", "english", "definition",
                  "variants", "parts", "tags", "related", "remark", "score", "matched"):
        assert field in result
    assert (result["term"], result["reviewed"], result["curated"], result["reports"],
            result["years"]) == ("四上企业", False, False, 2, [2021, 2023])
    assert sorted((s["place"], s["year"], s["note"]) for s in result["sources"]) == [
        ("佛山市", 2021, 3), ("孝感市", 2023, 4)]


@needs_shared
def test_show_prints_the_curated_entry_then_the_notes_then_the_passages(library):
    out = run_cli("--library", str(library), "show", "四个不摘", "--from", "荆州")
    assert out.code == 0, out.err
    text = out.out
    assert text.index("Definition") < text.index("In the reports' notes") \
        < text.index("Passages in the library")
    assert "荆州市 2020 note 17  as 四不摘  (differs from the curated definition)" in text
    assert "佛山市" not in text  # --from narrows notes and passages alike


@needs_shared
def test_show_json_lists_the_definitions(library):
    out = run_cli("--library", str(library), "show", "三品一标", "--json")
    data = json.loads(out.out)
    assert data["term"]["id"] == "sanpin-yibiao" and data["curated"] is True
    assert data["reports"] == 2
    assert sorted((s["place"], s["note"]) for d in data["definitions"]
                  for s in d["sources"]) == [("荆州市", 7), ("连州市", 14)]


@needs_shared
def test_glossary_files_join_the_library(library, tmp_path, write_glossary):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(library, copy)
    terms = write_glossary("""\
        title: test
        terms:
          - id: sishang-qiye
            term: 四上企业
            pinyin: sì shàng qǐ yè
            english: [{text: above-scale enterprises}]
            definition: 规模以上的四类企业。
        """, name="mine.yaml")
    added = run_cli("--library", str(copy), "add", str(terms))
    assert added.code == 0, added.err
    assert added.out.startswith("added 1 glossary (1 terms; 0 replacing")
    assert "report" not in added.out  # no report was given
    again = run_cli("--library", str(copy), "add", str(terms))
    assert again.code == 0 and "added 0 glossaries" in again.out and "1 already there" in again.out
    out = json.loads(run_cli("--library", str(copy), "search", "above-scale", "--json").out)
    row = out["results"][0]
    assert (row["term"], row["reviewed"], row["reports"]) == ("四上企业", True, 2)
    assert row["glossary"].endswith("mine.yaml")
    assert row["english"][0]["text"] == "above-scale enterprises"
    linked = write_glossary("""\
        terms:
          - {id: a-one, term: 甲一工程, pinyin: jiǎ yī gōng chéng, definition: 一。, related: [b-two]}
          - {id: b-two, term: 乙二工程, pinyin: yǐ èr gōng chéng, definition: 二。}
        """, name="linked.yaml")
    assert run_cli("--library", str(copy), "add", str(linked)).code == 0
    assert _related(copy, "甲一工程") == ["乙二工程"] and _related(copy, "乙二工程") == ["甲一工程"]
    removed = run_cli("--library", str(copy), "remove", str(terms))
    assert (removed.code, removed.out) == (0, "removed 1 glossary\n")
    row = json.loads(run_cli("--library", str(copy), "search", "四上企业", "--json").out)
    assert row["results"][0]["reviewed"] is False  # the notes alone again
    again = run_cli("--library", str(copy), "remove", str(terms))
    assert again.code == 1 and "no glossary in the library was added from" in again.err


@needs_shared
def test_a_yaml_that_is_not_a_glossary_adds_nothing(library, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(library, copy)
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: a mapping\n", encoding="utf-8")
    out = run_cli("--library", str(copy), "add", str(bad), str(LIANZHOU))
    assert out.code == 3 and out.out == ""
    assert len(out.err.strip().splitlines()) == 1 and "bad.yaml" in out.err
    # its two problems (an unknown field, no terms): the first, and how to see them all
    assert "is not a glossary cngloss can add" in out.err and "(and 1 more problem(s))" in out.err
    assert f"cngloss --glossary {bad} check" in out.err
    with open_library(copy) as lib:
        assert lib.db.execute("SELECT count(*) FROM glossary").fetchone()[0] == 0


def test_without_a_library_search_is_as_before():
    out = run_cli("search", "liuwen")
    assert out.code == 0 and "reports" not in out.out.splitlines()[0]


# --------------------------------------------------------------------------- list, appendix


@needs_shared
def test_list_selects_the_entries_of_one_place(library):
    out = run_cli("--library", str(library), "list", "--place", "荆州", "--json")
    terms = json.loads(out.out)["terms"]
    assert len(terms) == 23  # 荆州 2020 has 23 notes, each its own entry
    # its four curated terms come first (四好农村路, 两不愁三保障, 三品一标, 四不摘), in the
    # curated order, with 荆州's note as their only source
    assert [t["term"] for t in terms[:4]] == ["四好农村公路", "两不愁三保障", "三品一标", "四个不摘"]
    assert all(t["curated"] for t in terms[:4]) and not any(t["curated"] for t in terms[4:])
    assert {(s["place"], s["note"]) for s in terms[0]["sources"]} == {("荆州市", 10)}
    others = {t["term"] for t in terms[4:]}
    assert {"一芯两带三区", "三期叠加", "单一窗口"} <= others and "四不摘" not in others


@needs_shared
def test_list_reviewed_and_year(library):
    reviewed = json.loads(run_cli("--library", str(library), "list", "--reviewed",
                                  "--json").out)["terms"]
    assert len(reviewed) == 23 and all(t["curated"] for t in reviewed)  # the bundled 23
    year = json.loads(run_cli("--library", str(library), "list", "--year", "2026",
                              "--json").out)["terms"]
    assert len(year) == 28 and {t["years"][0] for t in year} == {2026}  # 海南 2026's 28 notes
    both = json.loads(run_cli("--library", str(library), "list", "--year", "2021",
                              "--reviewed", "--json").out)["terms"]
    # 2021: 佛山 and 连州; every curated term is one of 连州's notes
    assert len(both) == 23


@needs_shared
def test_list_with_nothing_selected_and_without_a_library(library):
    none = run_cli("--library", str(library), "list", "--place", "北京")
    assert none.code == 1 and none.out == "" and "no entry" in none.err
    alone = run_cli("list", "--reviewed")
    assert alone.code == 2 and "by place, year or review needs a library" in alone.err


@needs_shared
def test_appendix_of_one_place_says_where_each_entry_comes_from(library):
    out = run_cli("--library", str(library), "appendix", "--place", "佛山", "--format", "json")
    data = json.loads(out.out)
    assert data["title"] == "Glossary of the library: 佛山"
    assert len(data["terms"]) == 25
    entry = next(t for t in data["terms"] if t["term"] == "四上企业")
    # 佛山's own wording, not 孝感's newer one
    assert entry["definition"].startswith("规模以上工业企业、资质等级建筑业企业")
    assert "佛山市 2021 note 3" in entry["remark"] and "Not reviewed" in entry["remark"]
    curated = next(t for t in data["terms"] if t["term"] == "四个不摘")
    assert curated["remark"] is None or "Defined in" not in curated["remark"]


@pytest.mark.parametrize("printed, shown", [
    ("﹝5﹞四好农村路", "四好农村路"), ("[15]四好农村路", "四好农村路"),
    ("【三公经费】", "三公经费"), ("“四上”企业", "四上企业"), ("**两 违**", "两违"),
    ("（2024）新规", "（2024）新规"),   # four digits: part of the headword
    ("【1】", "【1】"),                  # nothing left: kept as printed
    ("三公【经费】", "三公【经费】"),    # brackets only around the whole
])
def test_the_headword_an_entry_shows(printed, shown):
    from cngloss.library.lexicon import _displayed

    assert _displayed(printed) == shown


# --------------------------------------------------------------------------- related


def _related(library, term, depth="1"):
    out = run_cli("--library", str(library), "related", term, "--depth", depth, "--json")
    assert out.code == 0, out.err
    return [child["term"] for child in json.loads(out.out)["related"]]


@needs_shared
def test_related_links_entries_whose_definitions_name_each_other(library):
    # 孝感 2023 note 37 三个闭环 names “情指勤舆” (note 14) in its definition: linked from both ends
    assert "情指勤舆" in _related(library, "三个闭环")
    assert "三个闭环" in _related(library, "情指勤舆")
    assert _related(library, "四上企业") == []  # its two definitions name no other headword


@needs_shared
def test_related_keeps_the_curated_links_first(library):
    assert _related(library, "两不愁三保障") == ["八有一超", "四个不摘"]
    out = run_cli("--library", str(library), "related", "两不愁三保障")
    plain = run_cli("related", "两不愁三保障")
    assert out.out == plain.out  # the README's tree: no note adds to it


# --------------------------------------------------------------------------- synthetic reports

NUMBERS = "一二三四五六七八九"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    named = "、".join(f"{n}号工程" for n in NUMBERS)
    first = [("总纲工程", f"包括{named}和两新。")] + \
        [(f"{n}号工程", f"指第{n}项。") for n in NUMBERS] + [("两新", "指新基建和新型城镇化。")]
    second = [("“九号”工程", "指第九项工作。"), ("甲乙丙", "指甲、乙、丙。"),
              ("丁戊己", "与甲乙丙并称。")]
    records = [report_with_notes("甲市", 2021, first), report_with_notes("乙市", 2022, second)]
    path = write_collection(folder, records)
    lib = folder / "lib.sqlite"
    result, _ = queries.add_all(lib, [path])
    assert (result.added, result.failures) == (2, [])
    return lib


def test_related_shows_at_most_eight_the_most_defined_first(synthetic):
    related = _related(synthetic, "总纲工程")
    # nine 号工程 named (three characters each), 两新 (two) not looked for; 九号工程 is
    # defined by both reports (乙市 prints it “九号”工程), so it comes first
    assert len(related) == 8 and related[0] == "九号工程" and "两新" not in related
    assert "总纲工程" in _related(synthetic, "九号工程")  # from the other end
    assert _related(synthetic, "两新") == []  # too short to be looked for, either way


def test_mentions_from_both_ends_in_one_report(synthetic):
    assert _related(synthetic, "丁戊己") == ["甲乙丙"]
    assert _related(synthetic, "甲乙丙") == ["丁戊己"]


def test_the_same_headword_in_two_reports_is_one_entry_with_two_wordings(synthetic, corpus):
    entry = glossary_queries.entry(synthetic, corpus, "九号工程")
    assert [(d.text, [s.place for s in d.sources]) for d in entry.definitions] == [
        ("指第九项。", ["甲市"]), ("指第九项工作。", ["乙市"])]
    assert [d.agrees for d in entry.definitions] == [None, None]  # nothing curated
    assert entry.definitions[1].headwords == ("“九号”工程",)
    assert (entry.curated, entry.reviewed, entry.reports) == (False, False, 2)


# --------------------------------------------------------------------------- the compiled lexicon


def _stored_state(path):
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT state FROM lexicon").fetchone()
    finally:
        db.close()


def test_a_damaged_lexicon_is_rebuilt_and_stored_again(synthetic, tmp_path, corpus):
    import sqlite3

    from cngloss.library import lexicon as lexicon_module

    copy = tmp_path / "copy.sqlite"
    shutil.copy(synthetic, copy)
    db = sqlite3.connect(copy)
    db.execute("UPDATE lexicon SET data = x'00'")
    db.commit()
    db.close()
    lexicon_module._LOADED.clear()
    with open_library(copy, write=True) as lib:
        assert "九号工程" in {t.term for t in load(lib).glossary.terms}
    with open_library(copy) as lib:
        data = lib.db.execute("SELECT data FROM lexicon").fetchone()[0]
    assert len(data) > 1000  # written again


def test_a_library_of_format_1_read_only_compiles_in_memory(synthetic, tmp_path, corpus):
    import sqlite3

    from cngloss.library import lexicon as lexicon_module

    copy = tmp_path / "old.sqlite"
    shutil.copy(synthetic, copy)
    db = sqlite3.connect(copy)
    db.executescript("DROP TABLE lexicon; DROP TABLE glossary; PRAGMA user_version = 1;")
    db.close()
    lexicon_module._LOADED.clear()
    row = glossary_queries.find(copy, corpus, "九号工程").rows[0]
    assert (row.term.term, row.reports) == ("九号工程", 2)


def test_an_add_that_changes_nothing_still_brings_a_stale_lexicon_up_to_date(synthetic, tmp_path):
    import sqlite3

    copy = tmp_path / "copy.sqlite"
    shutil.copy(synthetic, copy)
    db = sqlite3.connect(copy)
    db.execute("UPDATE lexicon SET state = 'old'")
    db.commit()
    db.close()
    result, _ = queries.add_all(copy, [])
    assert result.added == 0 and _stored_state(copy)[0] != "old"
    fresh = _stored_state(copy)
    queries.add_all(copy, [])
    assert _stored_state(copy) == fresh


@needs_shared
def test_show_across_the_glossaries_is_ambiguous_guesses_or_misses_as_before(library):
    tie = run_cli("--library", str(library), "show", "lw")
    assert tie.code == 1 and "fits 2 terms equally well" in tie.err
    assert "liuwen-liubao" in tie.err and "liangwei" in tie.err  # the candidates, by id
    guess = run_cli("--library", str(library), "show", "八有一抄", "--limit", "0")
    assert guess.code == 0 and "showing 八有一超 (bā yǒu yī chāo), the closest match" in guess.err
    miss = run_cli("--library", str(library), "search", "qqqq")
    assert miss.code == 1 and miss.out == "" and "no term matches 'qqqq'" in miss.err


def test_definition_key_makes_full_width_ascii():
    assert definition_key("ＤＲＧ付费") == definition_key("DRG付费")


# --------------------------------------------------------------------------- selection, ties


@pytest.fixture(scope="module")
def three_years(tmp_path_factory):
    """One headword, 共同工程, defined by a report a year in three words (2020, 2021, 2022);
    each report has two headwords of its own so that its notes section is read as one."""
    folder = tmp_path_factory.mktemp("three-years")
    records = [report_with_notes(place, year, [("共同工程", wording),
                                               (f"{place[0]}一工程", "指第一项。"),
                                               (f"{place[0]}二工程", "指第二项。")])
               for place, year, wording in (("甲市", 2020, "最早的说法。"),
                                            ("乙市", 2021, "中间的说法。"),
                                            ("丙市", 2022, "最新的说法。"))]
    lib = folder / "lib.sqlite"
    result, _ = queries.add_all(lib, [write_collection(folder, records)])
    assert (result.added, result.failures) == (3, [])
    return lib


def _selected(lib, corpus, filters=Filters()):
    return {row.term.term: row for row in glossary_queries.select(lib, corpus, filters)}


def test_an_unreviewed_entry_takes_the_newest_definition_of_the_notes_selected(three_years,
                                                                                 corpus):
    everything = _selected(three_years, corpus)["共同工程"]
    assert everything.term.definition == "最新的说法。"
    assert [s.year for s in everything.sources] == [2020, 2021, 2022]
    # up to 2021: 乙市's note is the newest of the two kept, not 甲市's (the one before it)
    early = _selected(three_years, corpus, Filters(years=(2020, 2021)))["共同工程"]
    assert early.term.definition == "中间的说法。"
    assert [s.place for s in early.sources] == ["甲市", "乙市"]
    only = _selected(three_years, corpus, Filters(place="甲"))
    assert only["共同工程"].term.definition == "最早的说法。"
    assert set(only) == {"共同工程", "甲一工程", "甲二工程"}  # no curated term is defined


def test_a_query_that_fits_two_terms_equally_is_ambiguous_and_names_both(three_years, corpus):
    # initials: lw are those of 六稳六保's liùwěn and of 两违's liǎngwéi alike
    with pytest.raises(glossary_queries.AmbiguousRows) as raised:
        glossary_queries.entry(three_years, corpus, "lw")
    ids = {"liuwen-liubao", "liangwei"}
    assert {t.id for t in raised.value.terms} == ids
    assert set(raised.value.candidates) == ids
    assert "fits 2 terms equally well" in str(raised.value)


# --------------------------------------------------------------------------- a small mixed library

FILE_GLOSSARY = """\
title: mine
terms:
  - id: geng-xiang
    term: 庚项工程
    pinyin: gēng xiàng gōng chéng
    english: [{text: project G}]
    definition: 指庚项。
    related: [xin-xiang, ren-xiang]
  - id: xin-xiang
    term: 辛项工程
    pinyin: xīn xiàng gōng chéng
    english: [{text: project H}]
    definition: 指辛项。
  - id: ren-xiang
    term: 壬项工程
    pinyin: rén xiàng gōng chéng
    english: [{text: project I}]
    definition: 指壬项。
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, corpus):
    """Three reports, added newest first (so report ids do not follow the years): 乙市 2022,
    丙市 without a year, 甲市 2021. 六稳六保 is curated: 甲市 gives its definition word for
    word, 乙市 another one (printing the headword “六稳”、“六保”). 甲项工程 only the notes
    define: 甲市 twice (two wordings of one definition, one headword quoted), 乙市 and 丙市
    in other words. A glossary file defines 庚项工程 (linked to 辛项 and 壬项工程)."""
    folder = tmp_path_factory.mktemp("mixed")
    curated = corpus.glossary.get("liuwen-liubao").definition
    second = report_with_notes("乙市", 2022, [("“六稳”、“六保”", "另一种说法。"),
                                              ("甲项工程", "指甲。"), ("乙项工程", "指乙。")])
    undated = report_with_notes("丙市", 2022, [("甲项工程", "指甲。"), ("丙项工程", "指丙。"),
                                               ("丁项工程", "指丁。")])
    undated["year"] = None
    first = report_with_notes("甲市", 2021, [("六稳六保", curated), ("甲项工程", "指甲项。"),
                                             ("“甲项”工程", "指甲项"), ("戊项工程", "指戊。")])
    terms = folder / "mine.yaml"
    terms.write_text(FILE_GLOSSARY, encoding="utf-8")
    lib = folder / "lib.sqlite"
    result, glossaries = queries.add_all(lib, [write_collection(folder, [second, undated, first]),
                                               terms])
    assert (result.added, result.failures, glossaries.added) == (3, [], 1)
    return lib


def test_definitions_run_oldest_report_first_undated_last_one_wording_once(mixed, corpus):
    entry = glossary_queries.entry(mixed, corpus, "甲项工程")
    assert [(d.text, [(s.place, s.year) for s in d.sources], d.headwords)
            for d in entry.definitions] == [
        ("指甲项。", [("甲市", 2021), ("甲市", 2021)], ("甲项工程", "“甲项”工程")),
        ("指甲。", [("乙市", 2022), ("丙市", None)], ("甲项工程",))]
    assert (entry.curated, entry.reviewed, entry.origin) == (False, False, None)


def test_definitions_say_whether_they_agree_with_the_curated_one(mixed, corpus):
    entry = glossary_queries.entry(mixed, corpus, "六稳六保")
    assert [(s.place, d.agrees) for d in entry.definitions for s in d.sources] == [
        ("甲市", True), ("乙市", False)]
    assert entry.curated and "六稳、六保" in entry.forms and entry.forms[0] == "六稳六保"


def test_an_entry_by_id_and_with_filters(mixed, corpus):
    entry = glossary_queries.entry(mixed, corpus, "liuwen-liubao", Filters(place="乙"))
    assert [s.place for d in entry.definitions for s in d.sources] == ["乙市"]
    assert entry.term.id == "liuwen-liubao"


def test_an_entry_of_a_glossary_file_names_the_file(mixed, corpus):
    entry = glossary_queries.entry(mixed, corpus, "庚项工程")
    assert (entry.curated, entry.reviewed, entry.definitions) == (False, True, [])
    assert entry.origin.endswith("mine.yaml")


def test_an_unknown_entry_is_the_curated_glossarys_miss(mixed, corpus):
    from cngloss.errors import NotFoundError
    from cngloss.lookup.resolve import not_found

    with pytest.raises(NotFoundError) as caught:
        glossary_queries.entry(mixed, corpus, "不存在的工程名")
    assert str(caught.value) == str(not_found(corpus.glossary, "不存在的工程名",
                                              report_uses=corpus.uses))
    found = glossary_queries.find(mixed, corpus, "不存在的工程名")
    assert found.rows == [] and str(found.missing) == str(caught.value)


def test_find_marks_the_curated_row_and_keeps_to_its_limit(mixed, corpus):
    row = glossary_queries.find(mixed, corpus, "六稳六保").rows[0]
    assert (row.term.id, row.curated, row.reviewed, row.origin) == (
        "liuwen-liubao", True, True, None)
    assert len(glossary_queries.find(mixed, corpus, "工程", limit=2).rows) == 2
    file_row = glossary_queries.find(mixed, corpus, "庚项工程").rows[0]
    assert (file_row.curated, file_row.reviewed) == (False, True)
    assert file_row.origin.endswith("mine.yaml")


def test_select_lists_every_curated_term_then_the_others(mixed, corpus):
    from cngloss.lookup.search import Hit

    rows = glossary_queries.select(mixed, corpus)
    n = len(corpus.glossary.terms)
    assert [r.term for r in rows[:n]] == list(corpus.glossary.terms)
    assert rows[0].hit == Hit(rows[0].term, 100, "headword", "hanzi", "exact")
    rest = {r.term.term: r for r in rows[n:]}
    assert set(rest) == {"甲项工程", "乙项工程", "丙项工程", "丁项工程", "戊项工程",
                         "庚项工程", "辛项工程", "壬项工程"}
    assert sorted(s.place for s in rest["甲项工程"].sources) == ["丙市", "乙市", "甲市", "甲市"]
    assert rest["庚项工程"].origin.endswith("mine.yaml") and rest["甲项工程"].origin is None


def test_select_reviewed_keeps_curated_and_glossary_file_entries(mixed, corpus):
    rows = glossary_queries.select(mixed, corpus, reviewed=True)
    assert {r.term.term for r in rows[len(corpus.glossary.terms):]} == {
        "庚项工程", "辛项工程", "壬项工程"}


def test_select_with_filters_keeps_what_those_reports_define(mixed, corpus):
    rows = glossary_queries.select(mixed, corpus, Filters(place="乙"))
    assert {r.term.term: r.term.definition for r in rows} == {
        "六稳六保": corpus.glossary.get("liuwen-liubao").definition,
        "甲项工程": "指甲。", "乙项工程": "指乙。"}


def test_the_appendix_remark_names_the_notes_and_says_unreviewed():
    from cngloss.library.lexicon import NoteSource
    from cngloss.lookup.search import Hit
    from cngloss.model import Term

    term = Term(id="jia", term="甲项工程", pinyin="jiǎ", definition="指甲。")
    sources = (NoteSource(1, 0, 3, 2021, "甲市", None), NoteSource(2, 1, None, None, None, None))
    hit = Hit(term, 100, "headword", "hanzi", "exact")
    rows = [glossary_queries.Row(term, hit, False, False, None, sources),
            glossary_queries.Row(term, hit, False, True, "g.yaml", sources[:1])]
    made = glossary_queries.selected_glossary(rows, "Terms")
    assert made.title == "Terms"
    assert [t.remark for t in made.terms] == [
        "Defined in the notes of: 甲市 2021 note 3; ? ? unnumbered note. Not reviewed: the "
        "pinyin (as `import` suggests it), the definition of the newest note.",
        "Defined in the notes of: 甲市 2021 note 3."]


def test_cross_references_of_a_curated_term_and_of_a_glossary_file_term(mixed, corpus):
    with open_library(mixed) as lib:
        refs = glossary_queries.CrossReferences(corpus, load(lib), lib.db)
        curated = corpus.glossary.get("liuwen-liubao")
        assert {t.id for t in refs.related(curated)} == {
            "cujin-jiuye-jiutiao", "yibanzhai-zhuanxiangzhai-tebie-guozhai"}
        lexicon = load(lib)
        own = lexicon.glossary.terms[lexicon.position("庚项工程")]
        assert {t.term for t in refs.related(own)} == {"辛项工程", "壬项工程"}


def test_a_broken_links_file_names_itself_and_the_fix(tmp_path):
    from cngloss.errors import DataError, Problem

    path = tmp_path / "v.yaml"
    path.write_text("variants: 3\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_variants(path)
    assert caught.value.problems == [Problem(
        str(path), None, "has no 'variants' list",
        fix="write variants: [{variant, headword, reason}, ...]")]
    path.write_text("variants:\n  - {variant: a, headword: b}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_variants(path)
    assert caught.value.problems == [Problem(
        str(path), None, "entry {'variant': 'a', 'headword': 'b'} needs variant, headword and "
        "reason", fix="complete the entry")]


def test_a_note_on_a_statement_is_a_note_but_no_entry_of_the_merged_glossary(tmp_path):
    # 丙市 explains a figure of its report (新增普通学校5所) and a remark on its targets
    # beside two terms: the library keeps all four notes, its glossary the two terms only
    records = [report_with_notes("丙市", 2023, [
        ("甲乙工程", "指甲和乙两项工程。"), ("新增普通学校5所", "分别是一校、二校、三校、四校、五校。"),
        ("主要指标完成情况", "八项指标完成七项。"), ("丙丁", "指丙和丁。")])]
    lib = tmp_path / "lib.sqlite"
    queries.add_all(lib, [write_collection(tmp_path, records)])
    with open_library(lib) as opened:
        assert opened.db.execute("SELECT count(*) FROM note").fetchone()[0] == 4
        terms = [t.term for t in load(opened).glossary.terms]
    assert sorted(terms) == sorted(["甲乙工程", "丙丁"])
