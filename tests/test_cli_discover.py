"""``cngloss discover FILE...``: table, JSON, CSV, --kind, and bad input."""

import csv
import io
import json

WRITTEN = "我们打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。\n编制“十四五”规划，做好“六稳”工作。\n"


def test_table_lists_each_slogan_with_its_first_line(cli, tmp_path):
    doc = tmp_path / "speech.txt"
    doc.write_text(WRITTEN, encoding="utf-8")
    result = cli("discover", str(doc))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["term", "kind", "count", "line", "expansion"]
    assert lines[1].split() == ["三大攻坚战", "slogan", "1", "1", "防范化解重大风险、精准脱贫、污染防治"]
    assert lines[2].split() == ["十四五", "period", "1", "2", "-"]
    assert lines[3].split() == ["六稳", "slogan", "1", "2", "-"]


def test_json_shape(cli, tmp_path):
    doc = tmp_path / "speech.txt"
    doc.write_text(WRITTEN, encoding="utf-8")
    data = json.loads(cli("discover", str(doc), "--json").out)
    assert data["version"] == 2
    first = data["terms"][0]
    assert first == {
        "document": str(doc), "term": "三大攻坚战", "kind": "slogan", "count": 1, "lines": [1],
        "reports": None, "places": None, "first_year": None, "first_report": None,
        "first_by_level": None, "last_year": None, "years": None,
        "expansion": {"items": ["防范化解重大风险", "精准脱贫", "污染防治"],
                      "source": {"report": None, "line": 1, "text": WRITTEN.splitlines()[0]}},
        "senses": None, "defined": False}
    # the bundled glossary defines 六稳六保, not 六稳 alone
    assert [t["defined"] for t in data["terms"]] == [False, False, False]


def test_csv_and_kind(cli, tmp_path):
    doc = tmp_path / "speech.txt"
    doc.write_text(WRITTEN, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(cli("discover", str(doc), "--csv", "--kind", "period").out)))
    assert rows == [["document", "term", "kind", "count", "lines", "expansion", "expansion_line",
                     "defined"], [str(doc), "十四五", "period", "1", "2", "", "", "no"]]


def test_missing_file_is_bad_data_in_one_line(cli, tmp_path):
    result = cli("discover", str(tmp_path / "nope.txt"))
    assert result.code == 3
    assert len(result.err.strip().splitlines()) == 1 and "not found" in result.err


def test_a_document_without_slogans_exits_1(cli, tmp_path):
    doc = tmp_path / "plain.txt"
    doc.write_text("今年工期三个月，第一阶段已完成，还有一些问题。\n", encoding="utf-8")
    result = cli("discover", str(doc))
    assert result.code == 1 and "no numbered slogan" in result.err and result.out == ""


def test_unknown_kind_is_a_usage_error(cli, tmp_path):
    doc = tmp_path / "speech.txt"
    doc.write_text(WRITTEN, encoding="utf-8")
    result = cli("discover", str(doc), "--kind", "motto")
    assert result.code == 2 and "--kind" in result.err
