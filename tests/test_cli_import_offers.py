"""``import``'s offers: the numbered slogans a report uses that none of its notes defines,
as commented-out candidate entries after the terms (never mixed with them) and a summary
on stderr; ``check`` passes on the file written."""

import re

import pytest
import yaml

from cngloss import run_checks
from conftest import run_cli
from test_cli_import import SMALL

# SMALL's report, and a paragraph using two slogans none of its notes defines (“十严格”,
# 三大攻坚战); 六稳 and 六保 are parts of its note on “六稳”“六保”, 三园一区 is defined
REPORT = SMALL.replace("\n\n名词解释", "\n\n实施“十严格”措施，打好防范化解重大风险、精准脱贫、污染防治"
                       "三大攻坚战。\n\n名词解释")


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
