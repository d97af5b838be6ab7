"""The Word reader's parts, called directly: numbering, footnotes, bold runs, core
properties and the errors of read_docx."""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cngloss.errors import DocumentError
from cngloss.sources.readers.docx import (
    _core, _footnotes, _Numbering, _paragraph_text, _run_text, format_number, read_docx,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readers_make import W_NS, docx_bytes, level, numbering, para, run  # noqa: E402

NS = f'xmlns:w="{W_NS}"'


def xml(text: str):
    return ElementTree.fromstring(text)


def paragraph(inner: str):
    return xml(f"<w:p {NS}>{inner}</w:p>")


def numbers(inner: str):
    return xml(f"<w:numbering {NS}>{inner}</w:numbering>")


def numbered(num_id: int, ilvl: int) -> str:
    return f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'


def message_of(data: bytes) -> str:
    with pytest.raises(DocumentError) as info:
        read_docx(Path("r.docx"), data)
    return str(info.value)


# --- errors -------------------------------------------------------------------------------

def test_a_zip_without_a_word_document_is_named_as_such():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert message_of(buffer.getvalue()) == (
        "r.docx: is a zip archive but not a Word document (no word/document.xml) "
        "(fix: save the report from Word as .docx)")


def test_a_damaged_part_names_the_file_and_the_fix():
    message = message_of(docx_bytes(para(run("正文")), numbering="<w:abstractNum"))
    assert message.startswith("r.docx: is a damaged .docx file (")
    assert message.endswith("(fix: open it in Word and save it again)")


def test_a_word_file_without_text_says_what_to_give():
    assert message_of(docx_bytes(para())) == (
        "r.docx: is empty (no text) (fix: give the file that holds the report)")


# --- runs and paragraphs ------------------------------------------------------------------

def test_an_empty_text_element_adds_nothing():
    assert _run_text(xml(f"<w:r {NS}><w:t/><w:t>正文</w:t></w:r>"), {}) == "正文"


def test_bold_switched_off_by_off_is_not_bold():
    body = paragraph('<w:r><w:rPr><w:b w:val="off"/></w:rPr><w:t>不粗</w:t></w:r>')
    assert _paragraph_text(body, _Numbering(None, None), {}) == "不粗"


def test_bold_runs_are_wrapped_in_double_asterisks():
    body = paragraph(run("粗", bold=True) + run("细"))
    assert _paragraph_text(body, _Numbering(None, None), {}) == "**粗**细"


def test_runs_after_a_text_box_stay_in_their_paragraph():
    box = ("<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p>"
           "</w:txbxContent></w:pict></w:r>")
    outer = paragraph(run("前") + box + run("后"))
    assert _paragraph_text(outer, _Numbering(None, None), {}) == "前后"


# --- footnotes and core properties --------------------------------------------------------

def test_footnotes_are_keyed_by_id_with_their_paragraphs_run_together():
    root = xml(f'<w:footnotes {NS}><w:footnote w:id="2"><w:p><w:r><w:t>第一段</w:t></w:r></w:p>'
               "<w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:footnote></w:footnotes>")
    assert _footnotes(root) == {"2": "第一段第二段"}


def test_a_footnote_without_an_id_is_keyed_by_the_empty_string():
    root = xml(f"<w:footnotes {NS}><w:footnote><w:p><w:r><w:t>无编号</w:t></w:r></w:p>"
               "</w:footnote></w:footnotes>")
    assert _footnotes(root) == {"": "无编号"}


def test_core_properties_keep_only_title_author_and_created_with_text():
    root = xml('<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="http://purl.org/dc/elements/1.1/">'
               "<dc:title>报告</dc:title><dc:creator/><dc:description>说明</dc:description>"
               "</cp:coreProperties>")
    assert _core(root) == {"title": "报告"}


# --- numbering ----------------------------------------------------------------------------

def labels(numbering_xml: str, *paragraphs: str, styles=None) -> list[str]:
    listing = _Numbering(numbers(numbering_xml), styles)
    return [listing.label(paragraph(p)) for p in paragraphs]


def test_a_level_without_ilvl_is_level_zero():
    abstract = xml(f'<w:abstractNum {NS}><w:lvl><w:numFmt w:val="upperRoman"/>'
                   '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>')
    assert _Numbering._levels(abstract) == {0: (1, "upperRoman", "%1.")}


def test_a_list_whose_abstract_definition_is_missing_counts_in_decimal():
    assert labels('<w:num w:numId="4"><w:abstractNumId w:val="9"/></w:num>',
                  numbered(4, 0), numbered(4, 0)) == ["1. ", "2. "]


def test_only_num_elements_define_lists():
    assert labels(numbering(1, level(0, "decimal", "%1.")) +
                  '<w:other w:numId="5"><w:abstractNumId w:val="1"/></w:other>',
                  numbered(5, 0)) == [""]


def test_an_undefined_level_counts_from_one_as_percent_level_plus_one():
    assert labels(numbering(1, level(0, "chineseCounting", "%1、")),
                  numbered(1, 1), numbered(1, 1)) == ["1. ", "2. "]


def test_a_bullet_level_has_no_label():
    assert labels(numbering(1, level(0, "bullet", "•")), numbered(1, 0)) == [""]


def test_a_shallower_level_not_yet_counted_shows_its_start():
    assert labels(numbering(1, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2", 1)),
                  numbered(1, 1)) == ["1.1 "]


def test_a_paragraph_style_with_a_val_less_reference_is_not_numbered():
    styles = xml(f"<w:styles {NS}><w:docDefaults><w:pPrDefault><w:pPr><w:numPr>"
                 '<w:numId w:val="1"/></w:numPr></w:pPr></w:pPrDefault></w:docDefaults>'
                 "</w:styles>")
    assert labels(numbering(1, level(0, "decimal", "%1.")), "<w:pPr><w:pStyle/></w:pPr>",
                  styles=styles) == [""]


# --- number formats -----------------------------------------------------------------------

@pytest.mark.parametrize("value,fmt,expected", [
    (12, "ideographDigital", "十二"), (12, "japaneseCounting", "十二"),
    (12, "taiwaneseCounting", "十二"), (1, "decimalEnclosedCircle", "①"),
    (2, "decimalEnclosedCircleChinese", "②"), (10, "ideographTraditional", "癸"),
    (11, "ideographTraditional", "11"), (2, "lowerLetter", "b"), (25, "lowerLetter", "y"),
    (26, "upperLetter", "Z"), (500, "upperRoman", "D"), (100, "upperRoman", "C"),
    (50, "upperRoman", "L"), (40, "upperRoman", "XL"), (49, "lowerRoman", "xlix"),
])
def test_word_number_formats_at_their_edges(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_a_list_referring_to_no_abstract_id_counts_in_decimal():
    assert labels('<w:num w:numId="3"><w:abstractNumId/></w:num>'
                  '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"/></w:abstractNum>',
                  numbered(3, 0)) == ["1. "]
