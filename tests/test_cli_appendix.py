"""``cngloss appendix``: order, verbatim definitions, escaping, read-back, atomic output."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from cngloss import load_corpus
from cngloss.render import formats as appendix_formats
from cngloss.render.appendix import FORMATS, render_appendix
from conftest import DATA, ROOT, json_term, run_cli

# Read off the curated pinyin (toneless syllables compared one by one), not from the code.
PINYIN_ORDER = [7, 20, 13, 3, 8, 6, 16, 17, 19, 1, 14, 21, 11, 15, 4, 5, 12, 18, 22, 23, 2, 9, 10]

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "specials": r"50% & $x_1$ #1 {a} ~^\ ",
    "markdown": "*bold* _it_ [link](javascript:alert(1)) `code` # head | pipe",
    "rich": "[bold red]red[/] [link=https://evil.example]x[/link]",
    "formula": "=HYPERLINK(\"http://evil.example\",\"x\")",
}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    terms = []
    for i, (key, text) in enumerate(HOSTILE.items(), start=1):
        quoted = json.dumps(text, ensure_ascii=False)
        terms.append(
            f"  - id: {key}\n    note: {i}\n    term: {quoted}\n    pinyin: x\n"
            f"    definition: {quoted}\n    english: [{{text: {quoted}, source: {quoted},"
            f" url: \"javascript:alert(1)\"}}]\n    tags: [{quoted}]\n"
            f"    parts: [{{name: {quoted}, items: [{quoted}]}}]\n    remark: {quoted}\n")
    path = folder / "hostile.yaml"
    path.write_text("title: " + json.dumps(HOSTILE["script"]) + "\nterms:\n" + "".join(terms),
                    encoding="utf-8")
    return load_corpus(path)


def notes_in(fmt: str, text: str) -> list[int]:
    if fmt == "json":
        return [t["note"] for t in json.loads(text)["terms"]]
    rows = list(csv.DictReader(io.StringIO(text)))
    return [int(r["note"]) for r in rows]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_note_order_and_pinyin_order(corpus, fmt):
    assert notes_in(fmt, render_appendix(corpus, fmt, "note")) == list(range(1, 24))
    assert notes_in(fmt, render_appendix(corpus, fmt, "pinyin")) == PINYIN_ORDER


@pytest.mark.parametrize("fmt", ["md", "html", "tex", "txt"])
def test_pinyin_order_in_the_text_formats(corpus, glossary, fmt):
    text = render_appendix(corpus, fmt, "pinyin", width=1000)
    by_note = {t.note: t for t in glossary.terms}
    positions = [text.index(by_note[n].pinyin) for n in PINYIN_ORDER]
    assert positions == sorted(positions)


def test_definitions_are_verbatim_in_every_format(corpus, glossary):
    from cngloss.render import html as h, latex, markdown

    escaped = {"md": markdown.escape, "html": h.escape, "tex": latex.escape, "txt": str}
    for fmt in ("md", "html", "tex", "txt"):
        text = render_appendix(corpus, fmt, width=100_000)
        for term in glossary.terms:
            assert escaped[fmt](term.definition) in text, (fmt, term.id)
    data = json.loads(render_appendix(corpus, "json"))
    rows = list(csv.DictReader(io.StringIO(render_appendix(corpus, "csv"))))
    for term, item, row in zip(glossary.terms, data["terms"], rows):
        assert item["definition"] == row["definition"] == term.definition


# 僵尸企业 as data/terms.yaml has it, and its one use: the report's line 29, paragraph 6.
JIANGSHI_QIYE = {
    "id": "jiangshi-qiye", "note": 3, "term": "僵尸企业", "printed": "僵尸企业",
    "pinyin": "jiāng shī qǐ yè",
    "english": [{"text": "zombie enterprises", "source": "China Daily, 2016-01-07",
                 "url": "https://www.chinadaily.com.cn/china/2016-01/07/content_22970288_3.htm"},
                {"text": "zombie companies", "source": "China Daily, 2016", "url": None}],
    "definition": "指已停产、半停产、连年亏损、资不抵债，主要靠政府补贴和银行续贷维持经营的企业。",
    "variants": [], "parts": [], "tags": ["enterprise-reform"], "related": [], "remark": None,
    "renderings": [],  # render_appendix is given no sourced English here
    "uses": [{"paragraph": 6, "line": 29, "section": ["2020年及“十三五”期间工作回顾"]}],
}


def test_json_and_csv_read_back_into_the_same_23_terms(corpus, glossary):
    raws = yaml.safe_load((DATA / "terms.yaml").read_text(encoding="utf-8"))["terms"]
    data = json.loads(render_appendix(corpus, "json"))
    assert (data["title"], data["source"]) == ("连州市2021年政府工作报告 名词解释",
                                               "lianzhou-2021-government-work-report.txt")
    assert len(data["terms"]) == len(raws) == 23
    assert data["terms"][2] == JIANGSHI_QIYE
    # 六稳六保 links to two terms and 一般债… back to it (declared once, at 六稳六保)
    assert [r["id"] for r in data["terms"][1]["related"]] == ["liuwen-liubao"]
    assert [u["paragraph"] for u in data["terms"][0]["uses"]] == [3, 24]
    for item, raw in zip(data["terms"], raws):
        uses = item.pop("uses")
        assert item.pop("renderings") == []  # no sourced English given to render_appendix
        assert item == json_term(raw, raws)
        assert [u["paragraph"] for u in uses] == sorted({u["paragraph"] for u in uses})
    rows = list(csv.DictReader(io.StringIO(render_appendix(corpus, "csv"))))
    assert [(r["id"], r["term"], r["pinyin"]) for r in rows] == \
        [(t.id, t.term, t.pinyin) for t in glossary.terms]
    assert rows[0]["parts"] == ("六稳: 稳就业 · 稳金融 · 稳外贸 · 稳外资 · 稳投资 · 稳预期; "
                                "六保: 保居民就业 · 保基本民生 · 保市场主体 · 保粮食能源安全 · 保产业链供应链稳定 · "
                                "保基层运转")


def test_every_entry_has_the_index_of_its_uses(corpus):
    text = render_appendix(corpus, "md")
    assert "Used in: ¶3 (2020年及“十三五”期间工作回顾); ¶24 (2021年工作安排)" in text
    assert "See also: [两不愁三保障](#liangbuchou-sanbaozhang)\u00a0· [四个不摘](#sige-buzhai)" in text


class StrictHTML(HTMLParser):
    """Collects problems: unbalanced tags, duplicate ids, links to missing anchors, scripts."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.links, self.tags, self.text = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "href" in attrs:
            self.links.append(attrs["href"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(text)
    parser.close()
    assert parser.stack == []
    return parser


def test_the_html_is_a_standalone_page_that_parses(corpus, glossary):
    text = render_appendix(corpus, "html")
    assert text.startswith("<!doctype html>\n<html lang=\"zh-Hans\">")
    assert '<meta charset="utf-8">' in text and "@media print" in text
    parsed = parse_html(text)
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {t.id for t in glossary.terms} <= set(parsed.ids)
    for href in parsed.links:
        if href.startswith("#"):
            assert href[1:] in parsed.ids
        else:
            assert href.startswith(("http://", "https://"))


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_text_comes_out_as_text_in_html(hostile_corpus, key):
    parsed = parse_html(render_appendix(hostile_corpus, "html"))
    assert "script" not in parsed.tags
    assert all(not href.startswith("javascript") for href in parsed.links)
    assert HOSTILE[key] in "".join(parsed.text)


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_text_comes_out_as_text_in_markdown(hostile_corpus, key):
    from markdown_it import MarkdownIt

    html_text = MarkdownIt("commonmark").render(render_appendix(hostile_corpus, "md"))
    parsed = parse_html(f"<div>{html_text}</div>")
    assert "script" not in parsed.tags and "code" not in parsed.tags
    assert all(not href.lower().startswith("javascript") for href in parsed.links)
    assert HOSTILE[key].strip() in "".join(parsed.text)


# Text that CommonMark would read as a block if it opened a line: each must come out as the
# same text, in no list, quote, heading, rule or code block (read by rendering it).
LINE_STARTS = ["2021. 年", "1) 第一", "12345678901. 大数", "- 减", "+ 加", "* 星", "> 引",
               "# 标题", "===", "---", "***", "    缩进代码", "```", "~~~", "<div>块</div>"]


@pytest.mark.parametrize("start", LINE_STARTS)
def test_a_line_start_construct_in_a_definition_renders_as_text(tmp_path, start):
    """The page has the same elements as for a plain second line, and shows the text."""
    from markdown_it import MarkdownIt

    def rendered(second_line: str) -> StrictHTML:
        path = tmp_path / "terms.yaml"
        definition = json.dumps(f"首行。\n{second_line}", ensure_ascii=False)
        path.write_text("terms:\n  - {id: t, term: 甲, pinyin: jiǎ, definition: "
                        + definition + "}\n", encoding="utf-8")
        md = render_appendix(load_corpus(path, cache=False), "md")
        return parse_html(f"<div>{MarkdownIt('commonmark').render(md)}</div>")

    parsed = rendered(start)
    assert sorted(parsed.tags) == sorted(rendered("普通的一行").tags)
    assert " ".join(start.split()) in " ".join("".join(parsed.text).split())
    assert "\\" not in "".join(parsed.text)  # no escape left visible


def test_quotes_in_pinyin_and_urls_stay_inside_their_html_attributes(write_glossary):
    """The index link's title (pinyin) and a rendering's href (URL) keep a ``"`` or ``'``
    as part of the attribute's value: nothing breaks out into a new attribute."""
    pinyin, url = 'jiǎ" onmouseover="x', "https://example.org/?q=\"'x"
    path = write_glossary("terms:\n  - id: a\n    term: 甲\n    pinyin: " + json.dumps(pinyin)
                          + "\n    definition: 甲。\n    english: [{text: first, url: "
                          + json.dumps(url) + "}]\n")

    class Attributes(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    parser = Attributes()
    parser.feed(render_appendix(load_corpus(path), "html"))
    titles = [a["title"] for tag, a in parser.found if tag == "a" and "title" in a]
    hrefs = [a["href"] for tag, a in parser.found if tag == "a" and "href" in a]
    assert titles == [pinyin]
    assert url in hrefs
    assert not any("onmouseover" in a for _, a in parser.found)


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t"])
def test_every_formula_lead_in_a_csv_cell_gets_an_apostrophe(write_glossary, lead):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: "
                          + json.dumps(lead + "1+1", ensure_ascii=False) + "}\n")
    rows = list(csv.DictReader(io.StringIO(render_appendix(load_corpus(path), "csv"))))
    assert rows[0]["definition"] == "'" + lead + "1+1"


def test_a_carriage_return_leading_a_csv_cell_is_written_visibly(write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: \"\\r=1\"}\n")
    rows = list(csv.DictReader(io.StringIO(render_appendix(load_corpus(path), "csv"))))
    assert rows[0]["definition"] == "\\x0d=1"


def test_a_cell_with_a_formula_lead_later_on_is_left_alone(write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: 'x=1+@2-3'}\n")
    rows = list(csv.DictReader(io.StringIO(render_appendix(load_corpus(path), "csv"))))
    assert rows[0]["definition"] == "x=1+@2-3"


def test_hostile_text_is_escaped_for_latex(hostile_corpus):
    text = render_appendix(hostile_corpus, "tex")
    assert r"50\% \& \$x\_1\$ \#1 \{a\} \textasciitilde{}\textasciicircum{}\textbackslash{}" in text
    body = text.split(r"\section*", 1)[1]
    for special in ("%", "&", "#", "_", "^", "~"):
        for i, ch in enumerate(body):
            if ch == special:
                assert body[i - 1] == "\\", (special, body[max(0, i - 20):i + 5])


def test_hostile_text_reads_back_from_csv_and_json(hostile_corpus):
    rows = list(csv.DictReader(io.StringIO(render_appendix(hostile_corpus, "csv"))))
    by_id = {r["id"]: r for r in rows}
    for key, text in HOSTILE.items():
        expected = "'" + text if text.startswith("=") else text
        assert by_id[key]["definition"] == expected
    data = json.loads(render_appendix(hostile_corpus, "json"))
    assert [t["definition"] for t in data["terms"]] == list(HOSTILE.values())


def test_control_characters_are_written_visibly_in_csv(write_glossary):
    path = write_glossary('terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: "甲\\0乙\\e"}\n')
    rows = list(csv.DictReader(io.StringIO(render_appendix(load_corpus(path), "csv"))))
    assert rows[0]["definition"] == "甲\\x00乙\\x1b"


def test_rich_markup_in_the_data_prints_as_written(hostile_corpus, cli, tmp_path):
    path = hostile_corpus.glossary.path
    result = cli("--glossary", str(path), "show", "rich", tty=True, width=120,
                 environ={"TERM": "xterm-256color"})
    assert "[bold red]red[/]" in result.out
    assert "[link=https://evil.example]x[/link]" in result.out


def test_txt_wraps_to_the_width_counting_cjk_as_two(corpus):
    from cngloss.text.width import width

    for columns in (40, 80):
        text = render_appendix(corpus, "txt", width=columns)
        assert max(width(line) for line in text.splitlines()) <= columns
    lines = render_appendix(corpus, "txt", width=40).splitlines()
    for line in lines:  # no 、。” at the start of a line, no “《 at its end
        assert not line.strip() or line.strip()[0] not in "，。、；：）》”"
        assert not line.strip() or line.strip()[-1] not in "“《（"
    start = lines.index(next(l for l in lines if l.startswith("  Definition: “六稳”")))
    joined = lines[start][len("  Definition: "):]
    for line in lines[start + 1:]:
        if not line.startswith("    "):
            break
        joined += line.strip()
    assert joined == "“六稳”指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作；“六保”指保居民就业、" \
        "保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。"


def test_tex_body_and_standalone(corpus):
    body = render_appendix(corpus, "tex")
    assert r"\documentclass" not in body and r"\providecommand{\hyperlink}[2]{#2}" in body
    full = render_appendix(corpus, "tex", standalone=True)
    assert full.startswith(r"\documentclass[UTF8,a4paper,zihao=-4]{ctexart}")
    assert full.rstrip().endswith(r"\end{document}")
    assert r"\hyperlink{cngloss-liangbuchou-sanbaozhang}{两不愁三保障}" in full


def _xelatex_with_ctex() -> bool:
    """xelatex, and the ctex class and the standard fonts hyperref needs (a partial TeX
    install has xelatex but not these)."""
    import subprocess

    if not shutil.which("xelatex") or not shutil.which("kpsewhich"):
        return False
    found = subprocess.run(["kpsewhich", "ctexart.cls", "pzdr.tfm"], capture_output=True,
                           text=True).stdout.split()
    return len(found) == 2


@pytest.mark.skipif(not _xelatex_with_ctex(),
                    reason="xelatex with ctex and the standard fonts is not installed")
def test_the_standalone_tex_compiles_with_xelatex(corpus, hostile_corpus, tmp_path):
    import subprocess

    for name, source in (("real", corpus), ("hostile", hostile_corpus)):
        (tmp_path / f"{name}.tex").write_text(render_appendix(source, "tex", standalone=True),
                                              encoding="utf-8")
        result = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error",
                                 f"{name}.tex"], cwd=tmp_path, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stdout[-2000:]
        assert (tmp_path / f"{name}.pdf").stat().st_size > 10_000


# --------------------------------------------------------------------------- the command


def test_default_is_markdown_on_stdout(cli):
    result = cli("appendix")
    assert result.code == 0
    assert result.out.startswith("# 连州市2021年政府工作报告 名词解释\n")


def test_output_writes_a_file_and_refuses_to_replace_it(cli, tmp_path):
    target = tmp_path / "glossary.html"
    first = cli("appendix", "--format", "html", "--output", str(target))
    assert first.code == 0 and target.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert f"wrote {target}" in first.err
    target.write_text("mine", encoding="utf-8")
    again = cli("appendix", "--format", "html", "--output", str(target))
    assert again.code == 2
    assert "already exists (use --force to replace it)" in again.err
    assert target.read_text(encoding="utf-8") == "mine"
    forced = cli("appendix", "--format", "html", "--output", str(target), "--force")
    assert forced.code == 0 and target.read_text(encoding="utf-8").startswith("<!doctype")
    assert sorted(os.listdir(tmp_path)) == ["glossary.html"]  # no temporary file left


def test_output_dash_is_stdout(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("appendix", "--format", "csv", "--output", "-")
    assert result.code == 0 and result.out.startswith("id,note,term")
    assert os.listdir(tmp_path) == []


def test_output_into_a_missing_folder_fails_clearly(cli, tmp_path):
    result = cli("appendix", "--output", str(tmp_path / "nope" / "a.md"))
    assert result.code == 2
    assert "folder" in result.err and "does not exist" in result.err
    assert not (tmp_path / "nope").exists()


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_output_onto_a_place_nobody_can_write_leaves_nothing(cli):
    result = cli("appendix", "--output", "/proc/cngloss-appendix.md")
    assert result.code == 2
    assert "cannot write /proc/cngloss-appendix.md" in result.err
    assert not Path("/proc/cngloss-appendix.md").exists()


def test_bad_format_and_sort_are_usage_errors(cli):
    assert cli("appendix", "--format", "docx").code == 2
    assert "--sort must be one of: note, pinyin" in cli("appendix", "--sort", "stroke").err


def test_all_formats_into_a_folder(cli, tmp_path):
    result = cli("appendix", "--all-formats", str(tmp_path))
    assert result.code == 0
    assert sorted(os.listdir(tmp_path)) == sorted(f"appendix{fmt.extension}" for fmt in appendix_formats.FORMATS)


def test_the_glossary_folder_is_not_stale(corpus):
    """glossary/ holds what the code renders now (with the bundled sourced English, as the
    command writes it): regenerate it with the README's command."""
    from cngloss.core import Workspace

    with Workspace() as workspace:
        english = workspace.english_of(corpus.glossary.terms)
    for fmt in FORMATS:
        path = ROOT / "glossary" / f"appendix{appendix_formats.get(fmt).extension}"
        expected = render_appendix(corpus, fmt, "note", 80, standalone=True, english=english)
        assert path.read_bytes().decode("utf-8") == expected, \
            f"{path} is stale: run `cngloss appendix --all-formats glossary --force`"


# --------------------------------------------------------------------------- lists, sources, print

# 六稳六保 is related to two terms; the first has 、 inside its headword.
LIUWEN_RELATED = ["一般债、专项债及特别国债", "促进就业九条"]


def test_list_separator_avoids_marks_that_occur_in_the_items():
    from cngloss.render.appendix import list_separator

    assert list_separator(["一般债、专项债及特别国债", "促进就业九条"]) == " · "
    assert list_separator(["马克思·恩格斯", "甲"]) == " | "
    assert list_separator(["a·b", "c|d"]) == " / "


def test_no_format_joins_related_terms_with_a_mark_found_inside_a_headword(corpus):
    """Before: 一般债、专项债及特别国债、促进就业九条 read as three terms."""
    for fmt in ("md", "html", "tex", "txt", "csv"):
        text = render_appendix(corpus, fmt, width=100_000)
        assert "一般债、专项债及特别国债、促进就业九条" not in text, fmt
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(render_appendix(corpus, "csv")))}
    assert rows["liuwen-liubao"]["related"].split(" · ") == LIUWEN_RELATED
    unnamed, named = rows["xueliang-gongcheng"]["parts"].split("; ")
    assert unnamed.split(" · ") == ["县、镇、村三级综治中心为指挥平台", "综治信息化为支撑",
                                    "网格化管理为基础", "公共安全视频监控联网应用为重点"]
    assert named == "三级综治中心: 县 · 镇 · 村"
    txt = render_appendix(corpus, "txt", width=100_000)
    assert "  See also: 一般债、专项债及特别国债 · 促进就业九条\n" in txt


def test_a_list_separator_never_starts_a_wrapped_line(corpus):
    for columns in (30, 40, 60):
        for line in render_appendix(corpus, "txt", width=columns).splitlines():
            assert not line.strip().startswith("·"), (columns, line)
    html_text = render_appendix(corpus, "html")
    assert '--separator: "\\a0 · "' in html_text  # a no-break space before the mark
    assert "&#160;· " in html_text


def test_txt_at_40_columns_starts_no_line_with_a_lone_closing_mark(corpus):
    """Before: the file name's final "." (and a URL's ">") stood alone on a line."""
    for line in render_appendix(corpus, "txt", width=40).splitlines():
        assert not line.strip() or line.strip()[0] not in ".,;:)>", line


def test_sources_urls_are_printed_where_links_cannot_be_followed(corpus, glossary):
    txt = render_appendix(corpus, "txt", width=100_000)
    tex = render_appendix(corpus, "tex").replace(r"\allowbreak{}", "")
    html_text = render_appendix(corpus, "html")
    from cngloss.render import latex

    urls = [r.url for t in glossary.terms for r in t.english if r.url]
    assert len(urls) >= 10
    for url in urls:
        assert f"<{url}>" in txt
        assert rf"\textless{{}}{latex.escape(url)}\textgreater{{}}" in tex
        assert f'<span class="url">&lt;{url}&gt;</span>' in html_text
    screen, printed = html_text.split("@media print", 1)
    assert ".url { display: none; }" in screen
    assert ".url { display: inline;" in printed


def test_print_shows_full_index_entries_and_lets_long_entries_split(corpus):
    html_text = render_appendix(corpus, "html")
    style = html_text[html_text.index("<style>"):html_text.index("</style>")]
    screen, printed = style.split("@media print", 1)
    assert "text-overflow: clip" in printed and "white-space: normal" in printed
    entry_rule = screen[screen.index("article.entry {"):]
    entry_rule = entry_rule[:entry_rule.index("}")]
    assert "break-inside" not in entry_rule  # a whole entry may split...
    head_rule = screen[screen.index(".head {"):]
    assert "break-inside: avoid" in head_rule[:head_rule.index("}")]  # ...but not its heading


def test_a_source_with_its_own_parenthesis_is_not_doubled(write_glossary):
    """Before: "(common literal rendering (cngloss))"."""
    path = write_glossary('terms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: 甲。,\n'
                          '     english: [{text: first, source: literal rendering (cngloss)}]}\n')
    corpus = load_corpus(path)
    for fmt in ("md", "html", "tex", "txt"):
        text = render_appendix(corpus, fmt, width=100_000)
        assert "literal rendering (cngloss)" in text.replace("\\", ""), fmt
        assert "(cngloss))" not in text.replace("\\", "").replace("}", ""), fmt


@pytest.mark.skipif(not all(map(shutil.which, ("chromium", "pdftotext"))),
                    reason="chromium or pdftotext is not installed")
def test_the_printed_html_fills_its_first_page(corpus, tmp_path):
    """Before: entry 2 could not split, so it moved whole to page 2 and left page 1 a third
    empty. Printed with headless Chromium, page 1 now holds entry 2's heading."""
    import subprocess

    page = tmp_path / "a.html"
    page.write_text(render_appendix(corpus, "html"), encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--print-to-pdf={tmp_path / 'a.pdf'}", "--no-pdf-header-footer",
                    page.as_uri()], capture_output=True, timeout=120, check=True)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "a.pdf"), "-"],
                           capture_output=True, text=True, timeout=60, check=True).stdout
    assert "一般债、专项债及特别国债" in first.split("六稳六保", 2)[-1]  # after entry 1
    assert "…" not in first


# --------------------------------------------------------------------------- the command, again


def test_format_and_sort_complete_in_the_shell(script):
    env = {"_CNGLOSS_COMPLETE": "complete_bash", "COMP_WORDS": "cngloss appendix --format ",
           "COMP_CWORD": "3"}
    assert script(env=env).stdout.split() == ["md", "html", "tex", "txt", "json", "csv", "tbx", "memoq-csv", "anki", "pleco"]
    env.update(COMP_WORDS="cngloss appendix --format t")
    assert script(env=env).stdout.split() == ["tex", "txt", "tbx"]
    env.update(COMP_WORDS="cngloss appendix --sort p")
    assert script(env=env).stdout.split() == ["pinyin"]


def test_all_formats_creates_its_folder_but_not_missing_parents(cli, tmp_path):
    result = cli("appendix", "--all-formats", str(tmp_path / "new"))
    assert result.code == 0, result.err
    assert sorted(os.listdir(tmp_path / "new")) == sorted(f"appendix{fmt.extension}" for fmt in appendix_formats.FORMATS)
    deep = cli("appendix", "--all-formats", str(tmp_path / "a" / "b"))
    assert deep.code == 2
    assert f"folder {tmp_path / 'a'} does not exist" in deep.err
    assert not (tmp_path / "a").exists()


# --------------------------------------------------------------------------- data


def test_related_links_join_terms_of_one_field(glossary):
    """双重预防机制 (work safety) is not related to 雪亮工程 (public-security video)."""
    safety = glossary.get("shuangchong-yufang-jizhi")
    assert "xueliang-gongcheng" not in [t.id for t in glossary.related(safety)]


def test_english_renderings_read_as_english_and_say_where_they_come_from(glossary):
    texts = {r.text for t in glossary.terms for r in t.english}
    assert "eight haves and one exceed" not in texts
    assert not any("four good" in t.lower() for t in texts)
    assert "four no-removals" not in texts
    for term in glossary.terms:
        for rendering in term.english:
            assert rendering.source, (term.id, rendering.text)
            assert "term lists" not in rendering.source


@pytest.mark.parametrize("fmt,line", [("md", "1 term. Line numbers are lines of speech.txt."),
                                      ("txt", "1 term. Line numbers are lines of speech.txt."),
                                      ("html", "1 term. Line numbers are lines of speech.txt."),
                                      ("tex", "1 term. Line numbers are lines of speech.txt.")])
def test_an_appendix_of_one_term_says_1_term(fmt, line, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("严格两违管控。\n", encoding="utf-8")
    out = run_cli("appendix", "--format", fmt, "--for", str(speech)).out
    assert line in out and "1 terms" not in out
    assert "23 terms." in run_cli("appendix", "--format", fmt).out
