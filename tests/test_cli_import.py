"""``cngloss import``: a glossary for the notes of a report, which ``check`` passes as it is."""

from __future__ import annotations

import shutil

import pytest
import yaml

from cngloss import run_checks
from cngloss.corpus.suggest import make_id, pinyin_of, suggest_parts, suggest_related
from cngloss.model import Note
from cngloss.sources.glossary import load_glossary
from conftest import REPORT, run_cli, shared_dir

LOCAL = shared_dir() / "corpora" / "local-reports"
LOCAL_NAMES = ["xiaogan-2023", "foshan-2021", "jian-2016", "jingzhou-2020", "dongguan-2022",
               "hainan-2026"]
NOTES = {"xiaogan-2023": 40, "foshan-2021": 25, "jian-2016": 18, "jingzhou-2020": 23,
         "dongguan-2022": 27, "hainan-2026": 28}  # SOURCES.md

SMALL = """\
某某市政府工作报告

——2023年1月5日在某某市第七届人民代表大会第三次会议上

市长 张三

各位代表：

一、工作

做好“六稳”“六保”〔1〕工作，推进“三园一区”〔2〕建设和“产城融合”〔3〕。

名词解释

〔1〕“六稳”“六保”：“六稳”指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期；“六保”指保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。

〔2〕三园一区：指甲园、乙园和丙区，与产城融合一道推进。

〔3〕产城融合：指产业与城市融合发展。
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_import_writes_a_glossary_that_check_passes(small, tmp_path):
    out = tmp_path / "terms.yaml"
    result = run_cli("import", str(small), "--output", str(out))
    assert result.code == 0, result.err
    assert f"imported {small}: 3 terms -> {out}" in result.err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["report"] == {"path": "report.txt"}
    assert data["title"] == "某某市2023年政府工作报告 名词解释"
    first, second, third = data["terms"]
    assert first["id"] == "liuwen-liubao" and first["note"] == 1
    assert (first["term"], first["printed"]) == ("六稳六保", "“六稳”“六保”")
    assert first["pinyin"] == "liù wěn liù bǎo"
    assert first["parts"] == [
        {"name": "六稳", "items": ["稳就业", "稳金融", "稳外贸", "稳外资", "稳投资", "稳预期"]},
        {"name": "六保", "items": ["保居民就业", "保基本民生", "保市场主体", "保粮食能源安全",
                                   "保产业链供应链稳定", "保基层运转"]}]
    assert first["unreviewed"] == ["pinyin", "parts"]
    assert first["english"] == []
    # 三园一区 names 产城融合 in its definition: related, declared once
    assert second["related"] == [third["id"]] and "related" not in third
    # 三园: a count of three, but the definition lists two 园 (甲园、乙园和丙区): no parts
    assert "parts" not in second
    assert second["remark"] == "三园 counts 3 but the definition lists 2 (no parts suggested: review)"
    assert "review: note 2 (三园一区): 三园 counts 3" in result.err
    checked = run_checks(out)
    assert checked.errors == [] and checked.warnings == []


def test_import_to_stdout_and_the_report_path_is_relative_to_the_output(small, tmp_path,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("import", "report.txt")
    assert result.code == 0
    assert yaml.safe_load(result.out)["report"] == {"path": "report.txt"}
    (tmp_path / "sub").mkdir()
    run_cli("import", "report.txt", "-o", "sub/terms.yaml")
    data = yaml.safe_load((tmp_path / "sub" / "terms.yaml").read_text(encoding="utf-8"))
    assert data["report"] == {"path": "../report.txt"}


def test_output_is_never_clobbered_without_force(small, tmp_path):
    out = tmp_path / "terms.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = run_cli("import", str(small), "-o", str(out))
    assert result.code == 2 and "already exists (use --force" in result.err
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert run_cli("import", str(small), "-o", str(out), "--force").code == 0
    assert "六稳六保" in out.read_text(encoding="utf-8")


def test_a_report_without_notes_is_exit_1_and_writes_nothing(tmp_path):
    report = tmp_path / "plain.txt"
    report.write_text("各位代表：\n\n我们完成了任务。\n\n1.稳增长：做好。\n\n2.促改革：做好。\n\n"
                      "3.惠民生：做好。\n", encoding="utf-8")
    out = tmp_path / "terms.yaml"
    result = run_cli("import", str(report), "-o", str(out))
    assert result.code == 1
    assert result.err.startswith(f"cngloss: error: {report}: no notes section found")
    assert not out.exists() and list(tmp_path.iterdir()) == [report]


def test_a_missing_report_is_exit_3(tmp_path):
    result = run_cli("import", str(tmp_path / "nope.txt"))
    assert result.code == 3 and "report file not found" in result.err


def test_several_reports_need_an_output_dir(small, tmp_path):
    result = run_cli("import", str(small), str(small))
    assert result.code == 2 and "--output-dir" in result.err
    result = run_cli("import", str(small), "-o", "x.yaml", "-d", str(tmp_path))
    assert result.code == 2 and "not both" in result.err
    result = run_cli("import", str(small), "-d", str(tmp_path / "missing"))
    assert result.code == 2 and "does not exist (create it first)" in result.err


def test_several_reports_one_glossary_each_and_failures_go_on(small, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SMALL.replace("张三", "李四"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("各位代表：\n\n我们完成了任务。\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("import", str(small), str(empty), str(other), "-d", str(out))
    assert result.code == 1
    assert sorted(p.name for p in out.iterdir()) == ["other.yaml", "report.yaml"]
    lines = [line for line in result.err.splitlines() if ": review: " not in line]
    assert lines[0] == f"imported {small}: 3 terms -> {out / 'report.yaml'}"
    assert lines[1].startswith(f"cngloss: error: {empty}: no notes section found")
    assert lines[2] == f"imported {other}: 3 terms -> {out / 'other.yaml'}"
    assert lines[-1] == "cngloss: error: 1 of 3 reports not imported (see above)"
    assert yaml.safe_load((out / "report.yaml").read_text(encoding="utf-8"))["report"] == \
        {"path": "../report.txt"}


def test_english_from_a_glossary_with_the_same_headword(small, tmp_path):
    result = run_cli("import", str(small), "--english-from", str(REPORT.parent / "terms.yaml"))
    data = yaml.safe_load(result.out)
    english = data["terms"][0]["english"]
    assert english[0]["text"] == "stability on the six fronts and security in the six areas"
    assert data["terms"][1]["english"] == []


@pytest.mark.skipif(not LOCAL.is_dir(), reason="../shared/corpora/local-reports is not here")
@pytest.mark.parametrize("name", LOCAL_NAMES)
def test_the_local_reports_import_and_pass_check(name, tmp_path):
    report = tmp_path / f"{name}.txt"
    shutil.copy(LOCAL / f"{name}-government-work-report.txt", report)
    out = tmp_path / "terms.yaml"
    assert run_cli("import", str(report), "-o", str(out)).code == 0
    glossary = load_glossary(out)
    assert len(glossary.terms) == NOTES[name]
    assert len({t.id for t in glossary.terms}) == NOTES[name]
    assert all(t.id.isascii() for t in glossary.terms)
    checked = run_checks(out)
    assert checked.errors == []


def test_lianzhou_imports_and_passes_check(tmp_path):
    out = tmp_path / "terms.yaml"
    assert run_cli("import", str(REPORT), "-o", str(out)).code == 0
    glossary = load_glossary(out)
    assert [t.note for t in glossary.terms] == list(range(1, 24))
    bundled = load_glossary(REPORT.parent / "terms.yaml")
    # definitions and printed headwords are exactly the curated ones
    assert [(t.definition, t.printed) for t in glossary.terms] == \
        [(t.definition, t.printed) for t in bundled.terms]
    assert run_checks(out).errors == []


# --------------------------------------------------------------------------- suggestions


@pytest.mark.parametrize("term,ident", [
    ("六稳六保", "liuwen-liubao"), ("两不愁三保障", "liangbuchou-sanbaozhang"),
    ("雪亮工程", "xueliang-gongcheng"), ("两违", "liangwei"), ("HPV", "hpv"),
    ("1+5+N创新平台体系", "1-5-n-chuangxin-pingtai-tixi"), ("、", "term"),
])
def test_make_id(term, ident):
    assert make_id(term, set()) == ident


def test_make_id_is_unique_and_bounded():
    taken: set[str] = set()
    assert [make_id("两违", taken) for _ in range(3)] == ["liangwei", "liangwei-2", "liangwei-3"]
    long = make_id("一二三四五六七八九十" * 5, set())
    assert len(long) <= 48 and not long.endswith("-")


def test_pinyin_one_syllable_per_hanzi_in_context():
    assert pinyin_of("重庆银行") == "chóng qìng yín háng"  # 重 read in its phrase
    assert pinyin_of("1+5+N创新") == "chuàng xīn"
    assert pinyin_of("HPV") == ""


@pytest.mark.parametrize("term,definition,parts", [
    ("四好农村公路", "指“建好、管好、护好、运营好”农村公路。",
     [{"name": "四好", "items": ["建好", "管好", "护好", "运营好"]}]),
    ("两不愁三保障", "两不愁即不愁吃、不愁穿；三保障即义务教育有保障、基本医疗有保障、住房安全有保障。",
     [{"name": "两不愁", "items": ["不愁吃", "不愁穿"]},
      {"name": "三保障", "items": ["义务教育有保障", "基本医疗有保障", "住房安全有保障"]}]),
    ("五个坚持", "指坚持甲、坚持乙、坚持丙、坚持丁、坚持戊。",
     [{"name": "五个坚持", "items": ["坚持甲", "坚持乙", "坚持丙", "坚持丁", "坚持戊"]}]),
    ("三区", "指东区、西区、南区。", [{"name": "三区", "items": ["东区", "西区", "南区"]}]),
    ("三个一", "指甲、乙、丙。", [{"name": "三个一", "items": ["甲", "乙", "丙"]}]),  # by size alone
    ("一超", "指超过标准、超过底线。", []),        # a lone count of one is not a slogan to split
    ("雪亮工程", "指甲、乙。", []),                 # no numeral
])
def test_suggest_parts(term, definition, parts):
    assert suggest_parts(term, definition)[0] == parts


def test_suggest_related_declares_each_link_once():
    notes = [Note(1, "甲乙", "与丙丁有关。", 1, "甲乙"), Note(2, "丙丁", "与甲乙有关。", 2, "丙丁"),
             Note(3, "戊", "与甲乙、戊有关。", 3, "戊")]
    # 甲乙 names 丙丁 (and 丙丁 names 甲乙: the same link, not declared again); 戊 names
    # 甲乙 but not itself
    assert suggest_related(notes, ["甲乙", "丙丁", "戊"]) == [[1], [], [0]]


# --------------------------------------------------------------------------- formats


def test_a_report_in_gb18030_imports_the_same_notes(tmp_path):
    """The notes of SMALL (three, written above) from a GB18030 file: the reader detects
    the encoding, and check reads the report again the same way."""
    report = tmp_path / "report.txt"
    report.write_bytes(SMALL.encode("gb18030"))
    out = tmp_path / "terms.yaml"
    result = run_cli("import", str(report), "-o", str(out))
    assert result.code == 0, result.err
    assert [t.term for t in load_glossary(out).terms] == ["六稳六保", "三园一区", "产城融合"]
    assert run_checks(out).errors == []


@pytest.mark.skipif(not LOCAL.is_dir(), reason="../shared/corpora/local-reports is not here")
def test_a_report_published_as_a_web_page_imports_its_notes(tmp_path):
    """Xiaogan 2023 as a page of <p> paragraphs: its 40 notes (SOURCES.md), as from the text."""
    text = (LOCAL / "xiaogan-2023-government-work-report.txt").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text  # front matter
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    report = tmp_path / "report.html"
    report.write_text("<html><head><meta charset='utf-8'><title>政府工作报告</title></head><body>"
                      + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>",
                      encoding="utf-8")
    out = tmp_path / "terms.yaml"
    result = run_cli("import", str(report), "-o", str(out))
    assert result.code == 0, result.err
    assert len(load_glossary(out).terms) == NOTES["xiaogan-2023"]
    assert run_checks(out).errors == []


def test_an_encoding_named_for_the_reports_overrides_detection(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SMALL.encode("gb18030"))
    wrong = run_cli("import", str(report), "--encoding", "big5")
    assert wrong.code == 3 and wrong.err.count("\n") == 1
    assert "is not valid big5" in wrong.err and "--encoding" in wrong.err
    right = run_cli("import", str(report), "--encoding", "gb18030")
    assert right.code == 0 and "六稳六保" in right.out


def test_an_unknown_encoding_name_is_a_usage_error(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(SMALL, encoding="utf-8")
    result = run_cli("import", str(report), "--encoding", "no-such-encoding")
    assert result.code == 2 and "unknown encoding 'no-such-encoding'" in result.err


def test_imported_headwords_are_the_curated_ones_for_the_bundled_report(tmp_path):
    """data/terms.yaml was curated by hand from the same notes: each imported headword is
    the curated one (no quotation marks: “两水”改造 is 两水改造), and printed keeps the note's."""
    out = tmp_path / "terms.yaml"
    assert run_cli("import", str(REPORT), "-o", str(out)).code == 0
    imported = {t.note: t for t in load_glossary(out).terms}
    curated = load_glossary(REPORT.parent / "terms.yaml").terms
    assert {t.note: t.term for t in curated} == {n: t.term for n, t in imported.items()}
    assert imported[16].printed == "“两水”改造"
