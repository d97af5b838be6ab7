"""``annotate --discover``: the numbered slogans no glossary in use defines, marked apart
from the glossary's terms in every format (text, HTML, JSON), each with its expansion."""

import json

import pytest

# written for these tests: 八有一超 is a term of the bundled glossary, 两不愁三保障 too (a
# slogan inside a term's use is the term's); 三大攻坚战 and “十严格” are in no glossary
DOCUMENT = ("打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。\n"
            "实施“十严格”措施，做到八有一超和两不愁三保障。\n"
            "三大攻坚战取得决定性成就。\n")


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return str(path)


def test_json_marks_slogans_apart(cli, document):
    result = cli("annotate", document, "--discover", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {t["term"] for t in data["terms"]} == {"八有一超", "两不愁三保障"}
    slogans = {s["term"]: s for s in data["discovered"]}
    assert set(slogans) == {"三大攻坚战", "十严格"}
    battle = slogans["三大攻坚战"]
    assert (battle["discovered"], battle["kind"], battle["count"], battle["lines"]) \
        == (True, "slogan", 2, [1, 3])
    assert battle["expansion"]["items"] == ["防范化解重大风险", "精准脱贫", "污染防治"]
    assert battle["expansion"]["source"]["line"] == 1
    assert slogans["十严格"]["expansion"] is None
    uses = [o for o in data["occurrences"] if o["discovered"]]
    first = DOCUMENT.index("三大攻坚战")
    assert uses[0] == {"id": None, "term": "三大攻坚战", "text": "三大攻坚战", "start": first,
                       "end": first + 5, "line": 1, "column": first + 1, "part": None,
                       "discovered": True}
    second = DOCUMENT.index("十严格")
    assert (uses[1]["start"], uses[1]["line"], uses[1]["column"]) == (second, 2, 4)
    starts = [o["start"] for o in data["occurrences"]]
    assert starts == sorted(starts)  # one list, in the order of the text
    assert all(o["discovered"] is False for o in data["occurrences"] if o["id"])


def test_off_by_default(cli, document):
    data = json.loads(cli("annotate", document, "--json").out)
    assert data["discovered"] is None
    assert not any(o["discovered"] for o in data["occurrences"])
    assert "‹" not in cli("annotate", document).out


def test_text_marks(cli, document):
    out = cli("annotate", document, "--discover").out
    lines = out.splitlines()
    assert lines[0] == "打好防范化解重大风险、精准脱贫、污染防治‹三大攻坚战›。"
    assert lines[1] == "实施“‹十严格›”措施，做到»八有一超«和»两不愁三保障«。"
    assert "2 numbered slogans found in the text, not defined" in out
    row = next(line for line in lines if line.startswith("‹三大攻坚战› "))
    assert row.split() == ["‹三大攻坚战›", "slogan", "2", "1", "防范化解重大风险、精准脱贫、污染防治"]
    terms = cli("annotate", document, "--discover", "--terms").out
    assert "‹十严格›" in terms and "实施“" not in terms


def test_html_marks(cli, document):
    page = cli("annotate", document, "--discover", "--format", "html").out
    assert page.count('class="slogan"') == 3  # 三大攻坚战 twice, 十严格 once
    assert 'data-slogan="十严格"' in page and 'data-kind="slogan"' in page
    assert page.count('class="term"') == 2  # the glossary's, marked as before
    assert 'id="slogans"' in page and "防范化解重大风险、精准脱贫、污染防治" in page
    assert 'class="slogan"' not in cli("annotate", document, "--format", "html").out


def test_a_document_of_slogans_only(cli, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("实施“十严格”措施。\n", encoding="utf-8")
    assert cli("annotate", str(path)).code == 1  # no glossary term
    result = cli("annotate", str(path), "--discover", "--json")
    assert result.code == 0 and json.loads(result.out)["discovered"][0]["term"] == "十严格"
    none = tmp_path / "none.txt"
    none.write_text("今天天气很好。\n", encoding="utf-8")
    result = cli("annotate", str(none), "--discover")
    assert result.code == 1 and "no numbered slogan" in result.err
