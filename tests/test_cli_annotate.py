"""``cngloss annotate FILE|-`` and ``cngloss appendix --for FILE`` on real documents.

Expectations come from outside the code: a plain scan of each document written here (quotes
and footnote markers taken out with their own pattern, then at each position the longest
form that starts there, ``str.startswith``), and counts read from the documents by hand
(``grep -n`` of the report files: the line numbers are quoted in each test).
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from cngloss.sources.glossary import load_glossary

from conftest import DATA, REPORT, collection_records, shared_dir

LOCAL = shared_dir() / "corpora" / "local-reports"
NATIONAL = shared_dir() / "corpora" / "national-government-work-reports.jsonl"
COLLECTION = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"
LOCAL_REPORTS = sorted(LOCAL.glob("*-government-work-report.txt")) if LOCAL.is_dir() else []
needs_local = pytest.mark.skipif(not LOCAL_REPORTS, reason=f"{LOCAL} is not here")
QUOTES_AND_MARKERS = re.compile(r"[“”‘’\"'「」『』]|\^\{〔\d+〕\}|\^\[\d+\]|〔\d+〕|\[\d+\]")


def plain_scan(text: str, forms_by_term: dict[str, list[str]]) -> dict[str, int]:
    """Uses per term id: quotes and markers out, then left to right the longest form at each
    position (a use is not also counted inside a longer one)."""
    clean = QUOTES_AND_MARKERS.sub("", text)
    forms = sorted(((f, tid) for tid, fs in forms_by_term.items() for f in fs),
                   key=lambda pair: -len(pair[0]))
    counts: dict[str, int] = {}
    at = 0
    while at < len(clean):
        for form, tid in forms:
            if clean.startswith(form, at):
                counts[tid] = counts.get(tid, 0) + 1
                at += len(form)
                break
        else:
            at += 1
    return counts


@pytest.fixture(scope="module")
def forms():
    glossary = load_glossary(DATA / "terms.yaml")
    return {t.id: [t.term, *t.variants] for t in glossary.terms}


def annotate_json(cli, *args: str) -> dict:
    result = cli("annotate", *args, "--json")
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


# ------------------------------------------------------------------ real documents


@needs_local
@pytest.mark.parametrize("path", LOCAL_REPORTS + [REPORT], ids=lambda p: p.name[:12])
def test_every_use_a_plain_scan_finds_and_no_more(cli, forms, path):
    data = annotate_json(cli, str(path))
    counts = {t["id"]: t["count"] for t in data["terms"]}
    assert counts == plain_scan(path.read_text(encoding="utf-8"), forms)
    assert data["uses"] == sum(counts.values()) == len(data["occurrences"])


@needs_local
def test_offsets_lines_and_columns_point_at_the_use(cli):
    path = LOCAL / "jingzhou-2020-government-work-report.txt"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    data = annotate_json(cli, str(path))
    for o in data["occurrences"]:
        assert text[o["start"]:o["end"]] == o["text"]
        assert lines[o["line"] - 1][o["column"] - 1:].startswith(o["text"])
        assert QUOTES_AND_MARKERS.sub("", o["text"]) in (o["term"], "四好农村路")


@needs_local
def test_counts_and_lines_read_by_hand(cli):
    # grep -n 三品一标|四好农村|五位一体|两不愁三保障: lines 31 43 75 81 91 161 167 179
    data = annotate_json(cli, str(LOCAL / "jingzhou-2020-government-work-report.txt"))
    assert [(t["term"], t["lines"]) for t in data["terms"]] == [
        ("三品一标", [31, 91, 161]), ("四好农村公路", [43, 167]), ("五位一体", [75]),
        ("两不愁三保障", [81, 179])]
    # xiaogan line 19: “六稳六保〔1〕” (the marker inside the quotes), line 129 its note
    data = annotate_json(cli, str(LOCAL / "xiaogan-2023-government-work-report.txt"))
    first = data["occurrences"][0]
    assert (first["id"], first["line"], first["text"]) == ("liuwen-liubao", 19, "六稳六保")
    assert [t["lines"] for t in data["terms"] if t["id"] == "liuwen-liubao"] == [[19, 129]]


@pytest.mark.skipif(not NATIONAL.is_file(), reason=f"{NATIONAL} is not here")
def test_national_2021_report_has_exactly_the_plain_scans_uses(cli, forms, tmp_path):
    text = next(json.loads(line)["content"] for line in NATIONAL.open(encoding="utf-8")
                if str(json.loads(line).get("year")) == "2021")
    path = tmp_path / "national-2021.txt"
    path.write_text(text, encoding="utf-8")
    data = annotate_json(cli, str(path))
    plain = sum(QUOTES_AND_MARKERS.sub("", text).count(f) for fs in forms.values() for f in fs)
    assert data["uses"] == plain == 2  # 耕地“非农化”, “非粮化”: variants of one term
    assert {o["id"] for o in data["occurrences"]} == {"gengdi-feinonghua-feilianghua"}


def test_lianzhou_body_uses_the_glossary_with_quotes_and_markers(cli):
    # line 99: 推进“两水”^[16]改造 (a marker inside the term)
    data = annotate_json(cli, str(REPORT))
    uses = [o for o in data["occurrences"] if o["id"] == "liangshui-gaizao"]
    assert uses[0]["line"] == 99 and re.fullmatch(r"“两水”\^\[16\]改造", uses[0]["text"])


# ------------------------------------------------------------------ output


SAMPLE = "各位代表：\n围绕“六稳”“六保”，落实“两违”管控。\n\n兩不愁三保障。\n"


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "speech.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_pipe_output_is_the_text_marked_then_the_table(cli, sample):
    result = cli("annotate", str(sample))
    assert result.code == 0
    lines = result.out.split("\n")
    assert lines[:4] == ["各位代表：", "围绕»“六稳”“六保”«，落实»“两违”«管控。", "",
                         "»兩不愁三保障«。"]
    assert lines[5].startswith("3 uses of 3 terms in ")
    assert lines[6].split() == ["term", "count", "first", "line", "english"]
    assert [row.split()[:3] for row in lines[7:10]] == [
        ["六稳六保", "1", "2"], ["两违", "1", "2"], ["两不愁三保障", "1", "4"]]


def test_terms_option_prints_the_table_alone(cli, sample):
    out = cli("annotate", str(sample), "--terms").out
    assert "»" not in out and out.startswith("3 uses of 3 terms")


def test_terminal_output_colours_instead_of_marks(cli, sample):
    result = cli("annotate", str(sample), tty=True, width=100,
                 environ={"TERM": "xterm", "NO_COLOR": ""})
    assert "»" not in result.out and "\x1b[" in result.out


def test_json_contract(cli, sample):
    data = annotate_json(cli, str(sample))
    assert data["document"] == str(sample) and data["kind"] == "text"
    assert data["characters"] == len(SAMPLE) and data["uses"] == 3
    assert [t["id"] for t in data["terms"]] == ["liuwen-liubao", "liangwei",
                                                "liangbuchou-sanbaozhang"]
    assert data["terms"][0]["english"][0]["text"] and data["terms"][0]["first_line"] == 2
    assert data["occurrences"][0] == {"id": "liuwen-liubao", "term": "六稳六保",
                                      "text": "“六稳”“六保”", "start": 8, "end": 16, "line": 2,
                                      "column": 3, "part": None, "discovered": False}


def test_parts_option_reports_a_part_standing_alone(cli, tmp_path):
    path = tmp_path / "parts.txt"
    path.write_text("要稳就业、保居民就业。", encoding="utf-8")
    assert cli("annotate", str(path)).code == 1
    data = annotate_json(cli, str(path), "--parts")
    assert [(o["id"], o["part"]) for o in data["occurrences"]] == [
        ("liuwen-liubao", "稳就业"), ("liuwen-liubao", "保居民就业")]


def test_no_term_in_the_document_exits_1_after_printing(cli, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("今天天气很好。\n", encoding="utf-8")
    result = cli("annotate", str(path))
    assert result.code == 1
    assert result.out.startswith("今天天气很好。\n")
    assert "no glossary term occurs in it" in result.err


def test_stdin_is_read_as_text(script):
    result = script("annotate", "-", "--json", input="落实“两违”管控")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"] == "<stdin>" and data["occurrences"][0]["text"] == "“两违”"


def test_other_glossary(cli, write_glossary, tmp_path):
    path = write_glossary("""\
        terms:
          - id: shuangqu
            term: 双区
            pinyin: shuāng qū
            definition: 粤港澳大湾区和深圳先行示范区。
    """)
    doc = tmp_path / "doc.md"
    doc.write_text("# 标题\n\n参与“双区”建设，“双区”驱动。\n", encoding="utf-8")
    data = json.loads(cli("--glossary", str(path), "annotate", str(doc), "--json").out)
    assert [(o["line"], o["column"]) for o in data["occurrences"]] == [(3, 3), (3, 10)]


def test_html_document_is_read_by_the_html_reader(cli):
    page = Path(__file__).parent / "fixtures" / "readers" / "gov-report-page.html"
    data = annotate_json(cli, str(page))
    assert data["kind"] == "html"
    assert "liuwen-liubao" in {o["id"] for o in data["occurrences"]}


# ------------------------------------------------------------------ html


def test_html_page_escapes_the_document_and_marks_each_use(cli, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("<script>alert(1)</script>落实“两违”&管控\n", encoding="utf-8")
    page = cli("annotate", str(path), "--format", "html").out
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;管控" in page
    assert page.count('class="term"') == 1
    assert '<rt>liǎng wéi</rt>' in page and 'href="#g-liangwei"' in page
    assert 'id="g-liangwei"' in page and 'href="#line-1"' in page


class PageText(HTMLParser):
    """What a reader of an annotated page sees of the document: each line's text (by its id)
    without the boxes and the pinyin, and the text under each mark's pinyin, in order."""

    def __init__(self, page: str):
        super().__init__()
        self.lines: dict[str, str] = {}
        self.marked: list[str] = []
        self._line: str | None = None
        self._hidden = 0  # inside a box or a pinyin
        self._ruby = False
        self.feed(page[page.index('<article class="document">'):page.index("</article>")])

    def handle_starttag(self, tag, attrs):
        if tag == "br":  # no end tag
            return
        attrs = dict(attrs)
        if attrs.get("class") == "line":
            self._line = attrs["id"]
            self.lines[self._line] = ""
        elif self._hidden or attrs.get("class") == "tip" or tag == "rt":
            self._hidden += 1
        elif tag == "ruby":
            self._ruby = True
            self.marked.append("")

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden -= 1
        elif tag == "ruby":
            self._ruby = False
        elif tag in ("p", "h2", "h3", "h4", "h5", "h6"):
            self._line = None

    def handle_data(self, data):
        if self._line is not None and not self._hidden:
            self.lines[self._line] += data
            if self._ruby:
                self.marked[-1] += data


@pytest.fixture(scope="module")
def markdown_reports(tmp_path_factory) -> dict[str, Path]:
    """Three Markdown reports of the collection, as .md files: 郑州 2021 (the report of the
    issue: bold section headings), 广州 2020 (a term inside bold, a table with <br>), the
    national report of 2021 (## headings)."""
    if not COLLECTION.is_file():
        pytest.skip(f"{COLLECTION} is not here")
    keys = {("郑州市", 2021), ("广州市", 2020), ("国务院", 2021)}
    folder = tmp_path_factory.mktemp("markdown")
    paths = {}
    for (place, year), record in collection_records(COLLECTION, keys).items():
        paths[place] = folder / f"{place}-{year}.md"
        paths[place].write_text(record["content"], encoding="utf-8")
    return paths


@pytest.mark.parametrize("place", ["郑州市", "广州市", "国务院"])
def test_a_real_markdown_report_shows_bold_and_headings_not_markdown(
        cli, forms, markdown_reports, place):
    path = markdown_reports[place]
    source = path.read_text(encoding="utf-8").split("\n")
    result = cli("annotate", str(path), "--format", "html")
    assert result.code == 0, result.err
    page = result.out
    body = page[page.index('<article class="document">'):page.index("</article>")]
    assert "**" not in body
    seen = PageText(page)
    # every line shows its text less the markup: these reports pair their ** on each line
    assert all(line.count("**") % 2 == 0 for line in source)
    assert seen.lines == {f"line-{n}": re.sub(r"^#{2} ", "", line).replace("**", "")
                          for n, line in enumerate(source, 1)
                          if line.strip() and line.strip("*#")}
    # every use marked, on the characters the JSON's offsets give
    counts = plain_scan("\n".join(source), forms)
    assert page.count('<span class="term"') == sum(counts.values())
    uses = annotate_json(cli, str(path))["occurrences"]
    assert seen.marked == [o["text"].replace("**", "") for o in uses]


def test_the_reports_bold_and_headings_read_by_hand(cli, markdown_reports):
    # grep -n: 郑州 line 12 **一、2020年和“十三五”工作回顾**, and 20 bold runs (40 **)
    page = cli("annotate", str(markdown_reports["郑州市"]), "-f", "html").out
    assert '<p class="line" id="line-12"><strong>一、2020年和“十三五”工作回顾</strong></p>' \
        in page.split("\n")
    assert page.count("<strong>") == 20
    # 广州 line 112: **（一）共克时艰共渡难关，扎实做好“六稳”“六保”工作。**政府…
    page_guangzhou = cli("annotate", str(markdown_reports["广州市"]), "-f", "html").out
    line = next(l for l in page_guangzhou.split("\n")
                if l.startswith('<p class="line" id="line-112">'))
    assert line.startswith('<p class="line" id="line-112"><strong>（一）共克时艰共渡难关，扎实做好'
                           '</strong><span class="term" tabindex="0" data-term="liuwen-liubao"')
    assert "<ruby><strong>“六稳”“六保”</strong><rt>" in line
    assert "</span></span><strong>工作。</strong>政府" in line
    # line 206, a table row: | 1 | 交通领域 | …<br>… (HTML in the Markdown stays text)
    line = next(l for l in page_guangzhou.split("\n")
                if l.startswith('<p class="line" id="line-206">'))
    assert "&lt;br&gt;" in line and "<br>" not in line
    # the national report of 2021: ## at lines 10, 44, 72
    page = cli("annotate", str(markdown_reports["国务院"]), "-f", "html").out
    assert re.findall(r'<h3 class="line" id="line-(\d+)">', page) == ["10", "44", "72"]
    assert '<h3 class="line" id="line-10">一、2020年工作回顾</h3>' in page


def test_text_output_keeps_the_markdown_as_the_document_writes_it(cli, tmp_path):
    path = tmp_path / "report.md"
    path.write_text("## 一、总体要求\n\n**坚持“六稳”“六保”**，落实。\n", encoding="utf-8")
    assert cli("annotate", str(path)).out.split("\n")[:3] == [
        "## 一、总体要求", "", "**坚持»“六稳”“六保”«**，落实。"]


def test_a_word_documents_bold_is_bold_on_the_page(cli, tmp_path):
    from readers_make import docx_bytes, para, run

    path = tmp_path / "speech.docx"
    path.write_bytes(docx_bytes(para(run("一、坚持“六稳”“六保”", bold=True), run("，落实&lt;b&gt;。"))))
    page = cli("annotate", str(path), "-f", "html").out
    line = next(l for l in page.split("\n") if l.startswith('<p class="line"'))
    assert line.startswith('<p class="line" id="line-1"><strong>一、坚持</strong><span class="term"')
    assert "<ruby><strong>“六稳”“六保”</strong><rt>" in line and line.endswith("，落实&lt;b&gt;。</p>")


def test_html_format_writes_a_file_atomically(cli, sample, tmp_path):
    target = tmp_path / "out.html"
    assert cli("annotate", str(sample), "-f", "html", "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert cli("annotate", str(sample), "-f", "html", "-o", str(target)).code == 2


def test_unknown_format_is_a_usage_error(cli, sample):
    result = cli("annotate", str(sample), "--format", "pdf")
    assert result.code == 2 and "--format must be one of: text, html" in result.err


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("content, message", [
    (b"", "is empty (no text)"),
    (b"  \n\n", "is empty (no text)"),
    (b"\x00\x01\x02binary\x00" * 50, "is a binary file"),
])
def test_bad_documents_are_one_line_and_exit_3(cli, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = cli("annotate", str(path))
    assert result.code == 3 and result.out == ""
    assert message in result.err and len(result.err.strip().splitlines()) == 1


def test_missing_and_unreadable_documents(cli, tmp_path):
    result = cli("annotate", str(tmp_path / "nope.txt"))
    assert result.code == 3 and "file not found" in result.err
    result = cli("annotate", str(tmp_path))
    assert result.code == 3 and "is a directory" in result.err


def test_empty_stdin_is_an_empty_document(script):
    result = script("annotate", "-", input="")
    assert result.returncode == 3 and "<stdin>: is empty (no text)" in result.stderr


# ------------------------------------------------------------------ appendix --for


@needs_local
@pytest.mark.parametrize("fmt", ["md", "html", "tex", "txt", "json", "csv"])
def test_appendix_for_has_only_the_terms_used_in_order_of_first_use(cli, fmt):
    path = LOCAL / "jingzhou-2020-government-work-report.txt"
    result = cli("appendix", "--for", str(path), "--format", fmt)
    assert result.code == 0, result.err
    order = ["三品一标", "四好农村公路", "五位一体", "两不愁三保障"]
    positions = [result.out.find(headword) for headword in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "六稳六保" not in result.out and "雪亮工程" not in result.out


@needs_local
def test_appendix_for_gives_the_lines_of_the_document(cli):
    path = LOCAL / "jingzhou-2020-government-work-report.txt"
    data = json.loads(cli("appendix", "--for", str(path), "--format", "json").out)
    assert data["source"] == path.name
    assert [(t["term"], [u["line"] for u in t["uses"]]) for t in data["terms"]] == [
        ("三品一标", [31, 91, 161]), ("四好农村公路", [43, 167]), ("五位一体", [75]),
        ("两不愁三保障", [81, 179])]
    assert all(u["paragraph"] is None for t in data["terms"] for u in t["uses"])
    rows = list(csv.DictReader(io.StringIO(
        cli("appendix", "--for", str(path), "--format", "csv").out)))
    assert rows[0]["uses"] == "line 31; line 91; line 161"
    md = cli("appendix", "--for", str(path)).out
    assert f"4 terms. Line numbers are lines of {path.name}." in md


@needs_local
def test_appendix_for_sorted_by_pinyin_or_note(cli):
    path = LOCAL / "jingzhou-2020-government-work-report.txt"
    by_pinyin = json.loads(cli("appendix", "--for", str(path), "-f", "json", "--sort",
                               "pinyin").out)
    # liang bu chou, san pin, si hao, wu wei
    assert [t["term"] for t in by_pinyin["terms"]] == ["两不愁三保障", "三品一标", "四好农村公路",
                                                       "五位一体"]
    by_note = json.loads(cli("appendix", "--for", str(path), "-f", "json", "--sort",
                             "note").out)
    assert [t["note"] for t in by_note["terms"]] == sorted(t["note"] for t in by_note["terms"])


def test_appendix_for_keeps_see_also_inside_the_appendix(cli, tmp_path):
    # 两不愁三保障 is related to 八有一超 and 四个不摘, which this document does not use
    path = tmp_path / "doc.txt"
    path.write_text("实现两不愁三保障，落实四个不摘。\n", encoding="utf-8")
    data = json.loads(cli("appendix", "--for", str(path), "-f", "json").out)
    assert [t["term"] for t in data["terms"]] == ["两不愁三保障", "四个不摘"]
    html = cli("appendix", "--for", str(path), "-f", "html").out
    assert 'href="#bayou-yichao"' not in html and 'href="#sige-buzhai"' in html


def test_appendix_for_a_document_without_terms_writes_nothing(cli, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("今天天气很好。\n", encoding="utf-8")
    target = tmp_path / "glossary.md"
    result = cli("appendix", "--for", str(path), "-o", str(target))
    assert result.code == 1 and not target.exists()


def test_appendix_appearance_sort_needs_for(cli):
    result = cli("appendix", "--sort", "appearance")
    assert result.code == 2 and "--sort must be one of: note, pinyin" in result.err


def test_appendix_for_and_all_formats_do_not_mix(cli, tmp_path):
    result = cli("appendix", "--for", str(REPORT), "--all-formats", str(tmp_path / "x"))
    assert result.code == 2


def test_appendix_without_for_is_the_bundled_reports(cli):
    # Without --for: every term of data/terms.yaml, in note order, with the ¶ numbers of the
    # bundled report (六稳六保 is used in its paragraphs 3 and 24).
    raws = yaml.safe_load((DATA / "terms.yaml").read_text(encoding="utf-8"))["terms"]
    out = cli("appendix").out
    assert out.startswith("# 连州市2021年政府工作报告 名词解释\n\n23 terms. ¶ numbers are "
                          "paragraphs of lianzhou-2021-government-work-report.txt.\n\n")
    assert re.findall(r'^## <a id="([^"]+)"></a>(.+)$', out, flags=re.M) == \
        [(t["id"], t["term"]) for t in sorted(raws, key=lambda t: t["note"])]
    assert "Used in: ¶3 (2020年及“十三五”期间工作回顾); ¶24 (2021年工作安排)\n" in out


def test_text_output_to_a_file_is_plain_with_marks(cli, sample, tmp_path):
    target = tmp_path / "marked.txt"
    result = cli("annotate", str(sample), "-o", str(target), tty=True)
    assert result.code == 0 and f"wrote {target}" in result.err
    written = target.read_text(encoding="utf-8")
    assert written.startswith("各位代表：\n围绕»“六稳”“六保”«") and "\x1b[" not in written


def test_output_dash_is_stdout(cli, sample):
    result = cli("annotate", str(sample), "--json", "-o", "-")
    assert json.loads(result.out)["uses"] == 3


def test_appendix_encoding_goes_with_for(cli, tmp_path):
    result = cli("appendix", "--encoding", "gb18030")
    assert result.code == 2 and "--encoding goes with --for FILE" in result.err
    document = tmp_path / "gb.txt"
    document.write_bytes("落实“两违”管控。".encode("gb18030"))
    data = json.loads(cli("appendix", "--for", str(document), "--encoding", "gb18030",
                          "-f", "json").out)
    assert [t["term"] for t in data["terms"]] == ["两违"]


def test_the_html_page_is_titled_by_the_documents_file_name_not_its_folders(cli, tmp_path):
    folder = tmp_path / "deep" / "folder"
    folder.mkdir(parents=True)
    document = folder / "speech.txt"
    document.write_text("我们坚持“六稳”“六保”。\n", encoding="utf-8")
    result = cli("annotate", str(document), "--format", "html")
    assert result.code == 0
    assert "<title>speech.txt: annotated</title>" in result.out
    assert "<h1>speech.txt: annotated</h1>" in result.out
    assert "deep/folder" not in result.out
