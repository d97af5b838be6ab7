"""``import``'s offers: the numbered slogans a report uses that none of its notes defines,
as commented-out candidate entries after the terms (never mixed with them) and a summary
on stderr; ``check`` passes on the file written."""

import re

import pytest
import yaml

from cngloss import run_checks
from conftest import run_cli

# written for these tests: 六稳 and 六保 are parts of the note on “六稳”“六保”, 三园一区 is
# defined; “十严格” and 三大攻坚战 are used and defined by no note
REPORT = """\
某某市政府工作报告

——2023年1月5日在某某市第七届人民代表大会第三次会议上

市长 张三

各位代表：

一、工作

做好“六稳”“六保”〔1〕工作，推进“三园一区”〔2〕建设和“产城融合”〔3〕。

实施“十严格”措施，打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。

名词解释

〔1〕“六稳”“六保”：“六稳”指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期；“六保”指保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。

〔2〕三园一区：指甲园、乙园和丙区，与产城融合一道推进。

〔3〕产城融合：指产业与城市融合发展。
"""


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def offered_block(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Offered for review"))
    return lines[start:]


def test_offers_are_commented_out_after_the_terms(report, tmp_path):
    out = tmp_path / "terms.yaml"
    result = run_cli("import", str(report), "--output", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert [t["term"] for t in data["terms"]] == ["六稳六保", "三园一区", "产城融合"]
    block = offered_block(text)
    assert block[0] == "# Offered for review: 2 numbered slogans the report uses that none " \
                       "of its notes"
    assert all(line == "" or line.startswith("#") for line in block)
    terms = [re.sub(r"^#\s+term: ", "", line) for line in block if "  term: " in line]
    assert terms == ["十严格", "三大攻坚战"]
    assert "#         items: [防范化解重大风险, 精准脱贫, 污染防治]" in block
    assert not run_checks(out).errors


def test_an_offer_taken_reads_as_a_term(report, tmp_path):
    out = tmp_path / "terms.yaml"
    assert run_cli("import", str(report), "--output", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    # a reviewer uncomments the offers and writes a definition for each
    head, _, offers = text.partition("# Offered for review")
    taken = "\n".join(line[2:] if line.startswith("# ") else line
                      for line in offers.splitlines()[4:])
    taken = taken.replace("definition: ''", "definition: 指一项措施。")
    out.write_text(head + taken + "\n", encoding="utf-8")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    battle = data["terms"][-1]
    assert battle["term"] == "三大攻坚战"
    assert battle["parts"] == [{"name": "三大攻坚战",
                                "items": ["防范化解重大风险", "精准脱贫", "污染防治"]}]
    assert battle["unreviewed"] == ["pinyin", "parts"]
    assert not run_checks(out).errors


def test_summary_on_stderr_and_no_offers(report, tmp_path):
    result = run_cli("import", str(report))
    assert result.code == 0
    err = result.err.splitlines()
    assert f"{report}: offered for review: 2 numbered slogans the report uses that no note " \
           "defines (commented out after the terms)" in err
    assert "  三大攻坚战  slogan, 1 use, line 13  防范化解重大风险、精准脱贫、污染防治" in err
    assert "# Offered for review" in result.out  # stdout: the glossary, offers commented
    plain = run_cli("import", str(report), "--no-offers")
    assert "Offered" not in plain.out and "offered" not in plain.err
