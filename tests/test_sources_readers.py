"""The format readers: each format's text and metadata, encodings, sniffing, and one clear
error for every kind of bad input. Expected texts are written out by hand from the inputs
the tests make; the collection test counts records independently of the reader."""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

import pytest

from cngloss.errors import DocumentError, ExitCode, MissingExtraError, UsageError
from cngloss.sources.readers import Document, iter_documents, read_document
from cngloss.sources.readers.docx import chinese_numeral, format_number
from cngloss.sources.readers.encoding import MIN_HANZI_TO_JUDGE
from cngloss.sources.readers.radicals import RADICAL_TO_IDEOGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import shared_dir  # noqa: E402
from readers_make import (  # noqa: E402
    docx_bytes, footnote_ref, level, numbering, para, pdf_bytes, run,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
SHARED = shared_dir() / "corpora"
REPORT_LINES = "各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
BIG5_TEXT = "政府工作報告：過去一年，我們堅持穩中求進工作總基調，經濟運行總體平穩。"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def error_of(path: Path, **kwargs) -> str:
    with pytest.raises(DocumentError) as info:
        read_document(path, **kwargs)
    assert info.value.exit_code == ExitCode.BAD_DATA
    return str(info.value)


# --- text and encodings -----------------------------------------------------------------

@pytest.mark.parametrize("encoding,expected_name", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"),
    ("gbk", "gb18030"), ("gb2312", "gb18030"), ("utf-16", "utf-16")])
def test_a_text_file_reads_in_every_encoding_chinese_files_use(tmp_path, encoding,
                                                                expected_name):
    path = write(tmp_path, "report.txt", REPORT_LINES.encode(encoding))
    document = read_document(path)
    assert document == Document(REPORT_LINES, {"encoding": expected_name}, path, "text")


def test_text_keeps_front_matter_and_turns_crlf_into_lf(tmp_path):
    raw = "---\r\ntitle: 报告\r\n---\r\n\r\n各位代表：\r\n"
    document = read_document(write(tmp_path, "report.md", raw))
    assert document.text == "---\ntitle: 报告\n---\n\n各位代表：\n"


def test_a_named_encoding_is_used_as_given(tmp_path):
    path = write(tmp_path, "report.txt", BIG5_TEXT.encode("big5"))
    assert read_document(path, encoding="big5").text == BIG5_TEXT
    assert read_document(path, encoding="big5").metadata["encoding"] == "big5"


def test_a_wrong_named_encoding_says_so_with_the_line(tmp_path):
    path = write(tmp_path, "report.txt", ("第一行\n" + REPORT_LINES).encode("gb18030"))
    message = error_of(path, encoding="utf-8")
    assert "report.txt:1: is not valid utf-8 (byte 0xb5 at offset 0)" in message
    assert message.endswith(
        "(fix: name the file's real encoding with --encoding, or save it as UTF-8)")


def test_an_unknown_encoding_name_is_a_usage_error(tmp_path):
    path = write(tmp_path, "report.txt", REPORT_LINES)
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        read_document(path, encoding="klingon")


def test_big5_is_neither_utf8_nor_plausible_gb18030(tmp_path):
    data = ("第一行\n").encode("utf-8") + BIG5_TEXT.encode("big5")
    message = error_of(write(tmp_path, "report.txt", data))
    # The first byte that is not UTF-8 is the Big5 text's first, on line 2.
    assert f":2: is neither UTF-8 nor GB18030 text (byte 0x{BIG5_TEXT.encode('big5')[0]:02x}" \
        in message
    assert "save it as UTF-8, or name its encoding with --encoding" in message


def test_the_gb2312_share_is_judged_only_from_enough_hanzi(tmp_path):
    # 過 in Big5 is 0xB9 0x4C, which GB18030 reads as one rare (non-GB2312) hanzi, 筁.
    rare = "過".encode("big5")
    assert len(rare.decode("gb18030")) == 1
    below = write(tmp_path, "few.txt", rare * (MIN_HANZI_TO_JUDGE - 1))
    assert read_document(below).metadata["encoding"] == "gb18030"
    enough = write(tmp_path, "many.txt", rare * MIN_HANZI_TO_JUDGE)
    assert "neither UTF-8 nor GB18030" in error_of(enough)


def test_gb18030_with_a_few_rare_hanzi_is_still_accepted(tmp_path):
    # 9 rare in 100 hanzi: 91% in GB2312, above the 90% floor; 11 rare: below it.
    common, rare = "报告" * 50, "鎔"
    ok = write(tmp_path, "ok.txt", (rare * 9 + common[:91]).encode("gb18030"))
    assert read_document(ok).metadata["encoding"] == "gb18030"
    bad = write(tmp_path, "bad.txt", (rare * 11 + common[:89]).encode("gb18030"))
    assert "neither UTF-8 nor GB18030" in error_of(bad)


def test_gb18030_with_exactly_the_gb2312_floor_is_accepted(tmp_path):
    # 2 rare in 20 hanzi: 90% in GB2312, the floor itself ("at least 90%")
    text = "鎔" * 2 + ("报告" * 9)
    assert len(text) == MIN_HANZI_TO_JUDGE == 20
    path = write(tmp_path, "floor.txt", text.encode("gb18030"))
    assert read_document(path).metadata["encoding"] == "gb18030"


@pytest.mark.parametrize("data", [b"", b"   \n\n \t\n", "\ufeff\n".encode("utf-8")])
def test_an_empty_file_is_refused(tmp_path, data):
    message = error_of(write(tmp_path, "report.txt", data))
    assert "report.txt: is empty (no text)" in message


def test_a_binary_file_is_refused(tmp_path):
    message = error_of(write(tmp_path, "report.txt", b"\x00\x01\x02ELF" * 10))
    assert "is a binary file, not text" in message


def test_a_missing_file_and_a_folder_are_clear_errors(tmp_path):
    assert "report file not found (fix: check the path)" in error_of(tmp_path / "no.txt")
    assert "is a directory, not a file" in error_of(tmp_path)


# --- sniffing -----------------------------------------------------------------------------

def test_content_beats_a_wrong_or_missing_extension(tmp_path):
    pdf = write(tmp_path, "report.txt", pdf_bytes([[["各位代表：第一段。"]]]))
    assert read_document(pdf).kind == "pdf"
    word = write(tmp_path, "report", docx_bytes(para(run("各位代表：" + "报告" * 10))))
    assert read_document(word).kind == "docx"
    page = write(tmp_path, "report.txt", (FIXTURES / "gov-report-page.html").read_bytes())
    assert read_document(page).kind == "html"


@pytest.mark.parametrize("data,expected", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "is an image (PNG): no text layer; run OCR first"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "is an image (JPEG)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "is an old Word (.doc)"),
])
def test_formats_no_reader_takes_are_named(tmp_path, data, expected):
    assert expected in error_of(write(tmp_path, "report.doc", data))


def test_a_zip_that_is_not_word_is_refused(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "is a zip archive, not a report" in error_of(path)


# --- HTML ---------------------------------------------------------------------------------

PAGE_PARAGRAPHS = [
    "2021年政府工作报告",
    "发布日期：2021-02-10 来源：连州市人民政府办公室",
    "——2021年2月3日在连州市十五届人民代表大会第七次会议上",
    "连州市人民政府市长 唐庆卫",
    "各位代表：",
    "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
    "一、2020年工作回顾",
    "刚刚过去的2020年是极不平凡的一年。在市委的坚强领导下，市政府统筹推进疫情防控和经济社会发展，"
    "围绕“六稳”“六保”[1]任务，乘势而为，攻坚克难，促进经济社会发展行稳致远。",
    "**实施城市提质行动。**推进城市路网新（扩）建、“两水”[16]改造、背街小巷改造和景观亮化工程。"
    "深化城市治理全域覆盖，严格“两违”[17]管控，抓好规范停车、精细环卫、有序农贸市场。",
    "新建公园绿地约1.2km²，人均公园绿地面积稳步提高，城乡面貌持续改善。",
    "全年新增城镇就业岗位，就业形势总体稳定，群众获得感明显增强。",
    "各位代表，成绩来之不易，这是全市上下团结奋斗的结果。",
    "指标", "2020年", "地区生产总值（亿元）", "161.2",
    "我们也清醒地看到，经济发展的基础还不够牢固，产业结构仍需优化，民生领域还有不少短板，"
    "政府自身建设仍需加强。我们将采取有力措施，认真加以解决。",
    "名词解释",
    "1. “六稳”“六保”：“六稳”指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作；“六保”指保居民"
    "就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。",
    "16. “两水”：指城市的污水和雨水分流改造工程。",
    "17. **“两违”**：指违法用地和违规建筑。",
]


def test_a_gov_report_page_gives_its_paragraphs_markers_notes_and_no_boilerplate():
    document = read_document(FIXTURES / "gov-report-page.html")
    assert document.kind == "html"
    assert document.text.split("\n\n") == PAGE_PARAGRAPHS[:-1] + [PAGE_PARAGRAPHS[-1] + "\n"]
    for boilerplate in ("脚本", "首页", "政务公开", "当前位置", "上一篇", "版权所有", "text-indent"):
        assert boilerplate not in document.text


def test_a_page_gives_its_title_date_and_source():
    metadata = read_document(FIXTURES / "gov-report-page.html").metadata
    assert metadata == {"encoding": "utf-8",
                        "title": "2021年连州市政府工作报告_政务公开_连州市人民政府门户网站",
                        "date": "2021-02-10 09:30", "source": "连州市人民政府办公室"}


@pytest.mark.parametrize("declared", ["gb2312", "GBK", "gb18030"])
def test_a_page_declared_gb2312_or_gbk_is_read_as_gb18030(tmp_path, declared):
    page = (FIXTURES / "gov-report-page.html").read_text(encoding="utf-8")
    page = page.replace("charset=utf-8", f"charset={declared}")
    document = read_document(write(tmp_path, "page.html", page.encode("gb18030")))
    assert document.text.split("\n\n")[:5] == PAGE_PARAGRAPHS[:5]
    assert document.metadata["encoding"] == "gb18030"


def test_a_page_is_decoded_as_its_declared_charset_and_errors_name_the_page(tmp_path):
    data = (b'<html><head><meta charset="gb2312"></head><body><p>' + "报告".encode("gb18030")
            + b"\x80</p></body></html>")  # 0x80 alone is no GB18030 character
    message = error_of(write(tmp_path, "page.html", data))
    assert "page.html:1: is not valid gb18030 (byte 0x80 at offset 55)" in message


def test_an_empty_page_says_it_is_empty():
    from cngloss.sources.readers.html import read_html

    with pytest.raises(DocumentError) as info:
        read_html(Path("e.html"), b"  \n")
    assert str(info.value) == "e.html: is empty (no text) (fix: give the file that holds the report)"


def test_page_meta_fields_without_content_are_not_recorded():
    from cngloss.sources.readers.html import _ReportParser

    parser = _ReportParser()
    parser.feed('<meta name="ArticleTitle"><meta name="PubDate" content=" 2021-02-10 ">'
                '<meta content="无名">')
    assert parser.metadata == {"date": "2021-02-10"}


def test_a_page_without_a_report_is_refused(tmp_path):
    page = ("<html><head><title>首页</title></head><body><p>欢迎访问连州市人民政府门户网站。</p>"
            + "<p>" + "通知公告" * 50 + "</p></body></html>")  # 215 hanzi: below 300
    message = error_of(write(tmp_path, "index.html", page))
    assert "index.html: is not a report page: 215 Chinese characters of text" in message


def test_a_page_just_long_enough_is_read(tmp_path):
    page = "<html><body><p>" + "报告" * 150 + "</p></body></html>"  # exactly 300 hanzi
    assert read_document(write(tmp_path, "page.html", page)).text == "报告" * 150 + "\n"


@pytest.mark.parametrize("fragment,expected", [
    ("面积1.2km<sup>2</sup>增加", "面积1.2km²增加"),
    ("面积3m<sup>3</sup>增加", "面积3m³增加"),
    ("“两违”<sup>2</sup>管控", "“两违”[2]管控"),
    ("“两违”<sup>〔12〕</sup>管控", "“两违”[12]管控"),
    ("“两违”<sup>注释说明</sup>管控", "“两违”注释说明管控"),
    ("文字<sup>1、2</sup>后面", "文字1、2后面"),
])
def test_sup_markers_become_bracketed_numbers_and_units_stay_units(tmp_path, fragment,
                                                                     expected):
    page = f"<html><body><p>{fragment}</p><p>{'报告' * 150}</p></body></html>"
    assert read_document(write(tmp_path, "page.html", page)).text.split("\n\n")[0] == expected


def test_lists_tables_br_and_unclosed_tags(tmp_path):
    page = ("<html><body><ul><li>甲项</li><li>乙项</li></ul><ol><li>一项<li>二项</ol>"
            "<p>第一段<br>第二段<p>第三段，没有结束标签<div><b> </b>第四段</div>"
            f"<table><tr><th>表头</th><td>单元格</td></tr></table><p>{'报告' * 150}</p>")
    paragraphs = read_document(write(tmp_path, "page.html", page)).text.split("\n\n")
    assert paragraphs[:9] == ["甲项", "乙项", "1. 一项", "2. 二项", "第一段", "第二段",
                              "第三段，没有结束标签", "第四段", "表头"]
    assert paragraphs[9] == "单元格"


def test_a_menu_of_links_is_dropped_but_a_paragraph_with_a_link_is_kept(tmp_path):
    page = ("<html><body><div><a href='/a'>政务公开栏目</a><a href='/b'>办事服务栏目</a></div>"
            "<p>详见<a href='/c'>附件</a>，本段文字较长，链接只占一小部分。</p>"
            f"<p>{'报告' * 150}</p></body></html>")
    paragraphs = read_document(write(tmp_path, "page.html", page)).text.split("\n\n")
    assert paragraphs[0] == "详见附件，本段文字较长，链接只占一小部分。"


def test_an_empty_page_is_refused(tmp_path):
    assert "is empty (no text)" in error_of(write(tmp_path, "page.html", b"  \n"))


# --- Word ---------------------------------------------------------------------------------

def test_a_word_file_made_by_python_docx(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "连州市政府工作报告"
    document.core_properties.author = "连州市人民政府"
    document.add_heading("政府工作报告", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("实施城市提质行动。").bold = True
    paragraph.add_run("推进城市路网建设。")
    document.add_paragraph("稳就业", style="List Number")
    document.add_paragraph("稳金融", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "161.2"
    path = tmp_path / "report.docx"
    document.save(path)
    read = read_document(path)
    assert read.kind == "docx"
    assert read.text == ("政府工作报告\n\n**实施城市提质行动。**推进城市路网建设。\n\n"
                         "1. 稳就业\n\n2. 稳金融\n\n指标\n\n161.2\n")
    assert read.metadata["title"] == "连州市政府工作报告"
    assert read.metadata["author"] == "连州市人民政府"
    assert str(read.metadata["created"])[:2] == "20"


def test_word_numbering_in_chinese_styles_and_nested_levels(tmp_path):
    numbers = numbering(1, level(0, "chineseCounting", "%1、"),
                        level(1, "chineseCounting", "（%2）"),
                        level(2, "decimal", "%3."))
    numbers += numbering(2, level(0, "decimalEnclosedCircle", "%1", start=9))
    body = "".join([
        para(run("总体要求"), num=(1, 0)), para(run("稳增长"), num=(1, 1)),
        para(run("稳就业"), num=(1, 1)), para(run("细项"), num=(1, 2)),
        para(run("工作安排"), num=(1, 0)), para(run("抓项目"), num=(1, 1)),
        para(run("第九条"), num=(2, 0)), para(run("第十条"), num=(2, 0)),
        para(run("不编号"), num=(0, 0)),
    ])
    read = read_document(write(tmp_path, "r.docx", docx_bytes(body, numbering=numbers)))
    assert read.text.split("\n\n") == ["一、总体要求", "（一）稳增长", "（二）稳就业", "1. 细项",
                                       "二、工作安排", "（一）抓项目", "⑨第九条", "⑩第十条",
                                       "不编号\n"]


def test_word_footnotes_become_markers_and_a_notes_section(tmp_path):
    body = (para(run("围绕“六稳”"), footnote_ref(5), run("任务，严格“两违”"), footnote_ref(2),
                 run("管控。")) + para(run("又见“六稳”"), footnote_ref(5), run("。")))
    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>分隔</w:t></w:r></w:p>'
             '</w:footnote>'
             '<w:footnote w:id="2"><w:p><w:r><w:t>“两违”：指违法用地</w:t></w:r>'
             '<w:r><w:t>和违规建筑。</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="5"><w:p><w:r><w:t>“六稳”：指稳就业等。</w:t></w:r></w:p>'
             '</w:footnote>')
    read = read_document(write(tmp_path, "r.docx", docx_bytes(body, footnotes=notes)))
    assert read.text == ("围绕“六稳”[1]任务，严格“两违”[2]管控。\n\n又见“六稳”[1]。\n\n注释\n\n"
                         "[1] “六稳”：指稳就业等。\n\n[2] “两违”：指违法用地和违规建筑。\n")
    assert read.metadata["footnotes"] == 2


def test_word_bold_runs_merge_and_line_breaks_split(tmp_path):
    body = para(run("一是", bold=True), run("稳就业。", bold=True), run("正文"),
                '<w:r><w:br/><w:t>下一段</w:t></w:r>',
                '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不粗</w:t></w:r>')
    read = read_document(write(tmp_path, "r.docx", docx_bytes(body)))
    assert read.text == "**一是稳就业。**正文\n\n下一段不粗\n"


@pytest.mark.parametrize("value,fmt,expected", [
    (1, "chineseCounting", "一"), (9, "chineseCounting", "九"), (10, "chineseCounting", "十"),
    (11, "chineseCountingThousand", "十一"), (20, "chineseCounting", "二十"),
    (21, "chineseCounting", "二十一"), (99, "chineseCounting", "九十九"),
    (100, "chineseCounting", "100"), (20, "decimalEnclosedCircle", "⑳"),
    (21, "decimalEnclosedCircle", "21"), (3, "ideographTraditional", "丙"),
    (1, "lowerLetter", "a"), (27, "upperLetter", "AA"), (4, "lowerRoman", "iv"),
    (1994, "upperRoman", "MCMXCIV"), (12, "decimalFullWidth", "１２"), (7, "decimal", "7"),
])
def test_word_number_formats(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_chinese_numeral_zero_is_a_ling():
    assert chinese_numeral(0) == "〇"


@pytest.mark.parametrize("data,expected", [
    (b"PK\x03\x04 not really a zip", "is a zip archive, not a report"),
])
def test_a_broken_word_file_is_refused(tmp_path, data, expected):
    assert expected in error_of(write(tmp_path, "r.docx", data))


def test_a_word_file_with_broken_xml_is_refused(tmp_path):
    data = docx_bytes(para(run("正文")))
    broken = tmp_path / "r.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        with zipfile.ZipFile(__import__("io").BytesIO(data)) as source:
            for name in source.namelist():
                archive.writestr(name, source.read(name)[:-20] if name.endswith("document.xml")
                                 else source.read(name))
    assert "is a damaged .docx file" in error_of(broken)


def test_an_empty_word_file_is_refused(tmp_path):
    assert "is empty (no text)" in error_of(write(tmp_path, "r.docx", docx_bytes(para())))


# --- PDF ----------------------------------------------------------------------------------

pdf_libraries = pytest.mark.skipif(
    not all(__import__("importlib").util.find_spec(m) for m in ("pdfminer", "reportlab")),
    reason="the pdf and test extras are not installed")


@pdf_libraries
def test_a_two_page_pdf_gives_paragraphs_in_order_without_spaces_or_page_numbers(tmp_path):
    pages = [[["刚刚过去的2020年是极不平凡的一年。在市委的坚强领导下，", "市政府统筹推进疫情防控和经济社会发展。"],
              ["各位代表："]],
             [["第二页的段落，地区生产总值增长", "3.3%，GDP", "growth 也在这里。"]]]
    read = read_document(write(tmp_path, "r.pdf", pdf_bytes(pages, title="连州市政府工作报告",
                                                            author="连州市人民政府")))
    assert read.kind == "pdf"
    assert read.text == ("刚刚过去的2020年是极不平凡的一年。在市委的坚强领导下，市政府统筹推进疫情防控和经济社会发展。"
                         "\n\n各位代表：\n\n第二页的段落，地区生产总值增长3.3%，GDP growth 也在这里。\n")
    assert read.metadata["title"] == "连州市政府工作报告"
    assert read.metadata["author"] == "连州市人民政府"
    assert read.metadata["pages"] == 2
    assert len(str(read.metadata["created"])) == 10  # YYYY-MM-DD


@pdf_libraries
def test_a_pdf_without_text_asks_for_ocr(tmp_path):
    message = error_of(write(tmp_path, "scan.pdf", pdf_bytes([[], []])))
    assert "scan.pdf: has no text layer (2 page(s) of images: a scan?)" in message
    assert "no text layer; run OCR first" in message


@pdf_libraries
def test_a_broken_pdf_is_refused(tmp_path):
    message = error_of(write(tmp_path, "r.pdf", b"%PDF-1.4\n" + b"garbage " * 40))
    assert "is not a readable PDF" in message
    assert message.endswith("(fix: save it again as PDF, or give its text)")


@pdf_libraries
@pytest.mark.parametrize("error", ["PDFPasswordIncorrect", "PDFEncryptionError"])
def test_a_pdf_refused_for_its_password_or_encryption_is_called_encrypted(tmp_path, monkeypatch,
                                                                          error):
    import pdfminer.pdfdocument

    def refuse(*args, **kwargs):
        raise getattr(pdfminer.pdfdocument, error)("refused")

    monkeypatch.setattr(pdfminer.pdfdocument, "PDFDocument", refuse)
    message = error_of(write(tmp_path, "locked.pdf", pdf_bytes([[["正文"]]])))
    assert "locked.pdf: is an encrypted PDF" in message
    assert message.endswith("(fix: save an unprotected copy)")


@pdf_libraries
def test_pdf_info_strings_are_decoded_and_empty_fields_skipped():
    from types import SimpleNamespace

    from cngloss.sources.readers.pdf import _info

    info = {"Title": b"  ", "Author": b"\xfe\xff" + "连州市人民政府".encode("utf-16-be"),
            "Subject": b"\xef\xbb\xbf" + "报告".encode("utf-8"), "Creator": b"Word",
            "CreationDate": b"D:20210115093000+08'00'", "ModDate": b"D:2021"}
    assert _info(SimpleNamespace(info=[info])) == {
        "author": "连州市人民政府", "subject": "报告", "creator": "Word",
        "created": "2021-01-15", "modified": "2021"}


def test_pdf_strings_in_utf16_replace_what_they_cannot_decode():
    from cngloss.sources.readers.pdf import _decode_pdf_string

    assert _decode_pdf_string(b"\xff\xfe" + "连州".encode("utf-16-le")) == "连州"
    # a lone high surrogate, then "A"
    assert _decode_pdf_string(b"\xfe\xff\xd8\x00\x00A") == "\ufffdA"
    assert _decode_pdf_string(b"caf\xe9") == "café"  # PDFDocEncoding, as Latin-1


@pytest.mark.parametrize("page_number", ["- 3 -", "—12—", "第3页", "第 3 页 共 9 页", "7", "3/9"])
def test_page_numbers_are_recognised(page_number):
    from cngloss.sources.readers.pdf import PAGE_NUMBER

    assert PAGE_NUMBER.match(page_number)


@pytest.mark.parametrize("text", ["2020年", "第3页的说明文字", "3.3%", "- 3 - 段落"])
def test_short_paragraphs_are_not_page_numbers(text):
    from cngloss.sources.readers.pdf import PAGE_NUMBER

    assert not PAGE_NUMBER.match(text)


@pytest.mark.parametrize("raw,expected", [
    ("增长\n3.3%", "增长3.3%"), ("GDP\n增长", "GDP增长"), ("GDP\ngrowth", "GDP growth"),
    ("“六稳”\n“六保”", "“六稳”“六保”"), ("一行\r\n二行", "一行二行"),
])
def test_pdf_lines_join_without_a_space_beside_cjk(raw, expected):
    from cngloss.sources.readers.pdf import _box_text

    assert _box_text(raw) == expected


def test_radicals_fonts_put_for_ideographs_are_mapped_back():
    assert "⼯作⻓期⺠⽣⸺".translate(RADICAL_TO_IDEOGRAPH) == "工作长期民生——"
    assert "工作".translate(RADICAL_TO_IDEOGRAPH) == "工作"


def test_a_missing_pdf_extra_names_the_pip_command(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfminer", None)
    monkeypatch.setitem(sys.modules, "pdfminer.layout", None)
    path = write(tmp_path, "r.pdf", b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(MissingExtraError) as info:
        read_document(path)
    assert str(info.value) == "reading PDF needs pdfminer.six: pip install 'cngloss[pdf]'"
    assert info.value.exit_code == ExitCode.USAGE


# --- collections --------------------------------------------------------------------------

RECORDS = [
    {"place": "连州市", "level": "city", "collection": "测试", "year": 2021, "title": "报告甲",
     "source": None, "path": "a/2021.md", "content": "各位代表：\r\n甲"},
    {"place": "广东省", "level": "province", "year": 2022, "title": None,
     "path": "b/2022.md", "content": "乙", "extra": "ignored"},
]


def collection(tmp_path: Path, lines: list[str], name: str = "reports.jsonl") -> Path:
    data = "\n".join(lines).encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize("name", ["reports.jsonl", "reports.jsonl.gz", "reports.data"])
def test_a_collection_gives_one_document_per_record_with_its_fields(tmp_path, name):
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    if name == "reports.data":  # gzip found by its magic bytes, whatever the name
        path = tmp_path / name
        path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    else:
        path = collection(tmp_path, [lines[0], "", lines[1]], name)
    documents = list(iter_documents(path))
    assert [d.kind for d in documents] == ["record", "record"]
    assert documents[0].text == "各位代表：\n甲"
    assert documents[0].metadata == {"place": "连州市", "level": "city", "collection": "测试",
                                     "year": 2021, "title": "报告甲", "path": "a/2021.md",
                                     "line": 1}
    assert documents[1].metadata == {"place": "广东省", "level": "province", "year": 2022,
                                     "path": "b/2022.md",
                                     "line": 2 if name == "reports.data" else 3}


def test_a_collection_is_streamed(tmp_path):
    path = collection(tmp_path, [json.dumps(RECORDS[1]), "{not json"])
    documents = iter_documents(path)
    assert next(documents).text == "乙"  # read before the bad line is reached
    with pytest.raises(DocumentError, match=r"reports.jsonl:2: line is not JSON"):
        next(documents)


@pytest.mark.parametrize("line,expected", [
    ("{not json", ":3: line is not JSON (Expecting property name enclosed in double quotes "
     "at column 2) (fix: write one JSON object a line)"),
    ('["a list"]', ":3: line is JSON but not an object (a list)"),
    ('{"content": ""}', ":3: record has no content"),
    ('{"content": 5}', ":3: record has no content"),
    ('{"title": "无正文"}', ":3: record has no content"),
])
def test_a_bad_record_names_its_line(tmp_path, line, expected):
    good = json.dumps(RECORDS[1])
    path = collection(tmp_path, [good, good, line, good])
    with pytest.raises(DocumentError) as info:
        list(iter_documents(path))
    assert expected in str(info.value)


def test_a_record_in_another_encoding_names_its_line(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_bytes(json.dumps(RECORDS[1]).encode() + b"\n" +
                     '{"content": "报告"}'.encode("gb18030"))
    assert ":2: record is not valid utf-8" in error_of(path)


def test_an_empty_collection_is_refused(tmp_path):
    assert "is empty (no records)" in error_of(collection(tmp_path, []))


def test_read_document_takes_a_collection_of_one_and_refuses_more(tmp_path):
    one = collection(tmp_path, [json.dumps(RECORDS[1])], "one.jsonl")
    assert read_document(one).text == "乙"
    two = collection(tmp_path, [json.dumps(RECORDS[1])] * 2, "two.jsonl")
    assert "is a collection of several reports" in error_of(two)


def test_a_single_file_is_one_document_of_iter_documents():
    documents = list(iter_documents(FIXTURES / "gov-report-page.html"))
    assert [d.kind for d in documents] == ["html"]


@pytest.mark.skipif(not (SHARED / "government-work-reports.jsonl.gz").exists(),
                    reason="../shared/corpora is not beside the repository")
def test_the_shared_collection_streams_all_3004_reports_with_fields_mapped():
    path = SHARED / "government-work-reports.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:  # counted without the reader
        expected = sum(1 for line in lines if line.strip())
    count, levels, characters = 0, set(), 0
    for document in iter_documents(path):
        count += 1
        levels.add(document.metadata["level"])
        assert isinstance(document.metadata["year"], int) and document.metadata["place"]
        characters += len(document.text)
    assert count == expected == 3004
    assert levels == {"national", "province", "city"}
    assert characters > 50_000_000
