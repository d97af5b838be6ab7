"""Makers of test documents for the readers' tests: Word files written as XML (so every part
is known: numbering, footnotes) or with python-docx, and PDFs with reportlab's built-in CID
font (no font file). Nothing binary is committed: every file is made in the test."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def docx_bytes(body: str, numbering: str | None = None, footnotes: str | None = None) -> bytes:
    """A .docx whose document body is ``body`` (WordprocessingML, w: prefix), with optional
    numbering and footnotes parts (their inner XML)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml",
                         f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        if numbering is not None:
            archive.writestr("word/numbering.xml",
                             f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        if footnotes is not None:
            archive.writestr("word/footnotes.xml",
                             f'<w:footnotes xmlns:w="{W_NS}">{footnotes}</w:footnotes>')
    return buffer.getvalue()


def para(*runs: str, num: tuple[int, int] | None = None) -> str:
    props = (f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/>'
             f"</w:numPr></w:pPr>" if num else "")
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def footnote_ref(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbering(num_id: int, *levels: str) -> str:
    return (f'<w:abstractNum w:abstractNumId="{num_id}">{"".join(levels)}</w:abstractNum>'
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')


def pdf_bytes(pages: list[list[list[str]]], title: str | None = None,
              author: str | None = None, page_numbers: bool = True) -> bytes:
    """A PDF of ``pages``, each a list of paragraphs, each a list of lines, set in
    STSong-Light 12 pt: lines 16 pt apart, paragraphs 36 pt apart; ``- N -`` at the foot of
    each page if ``page_numbers``. An empty page list item makes a page with no text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for number, paragraphs in enumerate(pages, start=1):
        y = 780
        pdf.setFont("STSong-Light", 12)
        for paragraph in paragraphs:
            for line in paragraph:
                pdf.drawString(72, y, line)
                y -= 16
            y -= 20
        if not paragraphs:
            pdf.rect(100, 300, 300, 300, fill=1)  # a picture, and no text at all
        elif page_numbers:
            pdf.drawCentredString(297, 40, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
