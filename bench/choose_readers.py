"""The measurements behind the readers' library choices (docs/development.md, "Dependencies, and why").

Not part of bench/run: it needs the candidate libraries, which cngloss does not depend on.
Run it in a scratch venv:

    python -m venv /tmp/cand && /tmp/cand/bin/pip install -e . pdfminer.six pypdf pdfplumber \\
        reportlab python-docx docx2python beautifulsoup4 lxml selectolax trafilatura \\
        charset-normalizer chardet
    /tmp/cand/bin/python bench/choose_readers.py [encodings|html|docx|pdf]

Inputs are made here from the bundled Lianzhou report (and, for encodings, from the shared
collection when ../shared is there); each candidate's output is compared with the source's
hanzi and punctuation (whitespace ignored), and timed (median of 5).
"""

from __future__ import annotations

import gzip
import html
import io
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "data" / "lianzhou-2021-government-work-report.txt"
COLLECTION = ROOT.parent / "shared" / "corpora" / "government-work-reports.jsonl.gz"


def paragraphs() -> list[str]:
    text = re.sub(r"\^\{?\[?〔?\d+〕?\]?\}?", "", REPORT.read_text(encoding="utf-8"))
    return [re.sub(r"\s*\n\s*", "", p).replace("**", "") for p in text.split("\n\n") if p.strip()]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def timed(fn, *args, rounds: int = 5):
    times, out = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        out = fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def encodings() -> None:
    import charset_normalizer
    import chardet

    from cngloss.sources.readers.encoding import decode

    if COLLECTION.exists():
        with gzip.open(COLLECTION, "rt", encoding="utf-8") as lines:
            docs = [json.loads(line)["content"] for line in lines]
        random.seed(13)
        docs = random.sample(docs, 200)
    else:
        docs = ["\n\n".join(paragraphs())]
    snippets = [d.strip()[:30] for d in docs[:100]]
    candidates = {
        "ours": lambda b: decode(b, "x")[0],
        "charset-normalizer": lambda b: str(charset_normalizer.from_bytes(b).best()),
        "chardet": lambda b: b.decode(chardet.detect(b)["encoding"] or "ascii"),
    }
    print("| input | encoding | candidate | correct | ms per file |\n|---|---|---|---:|---:|")
    for label, texts in (("whole reports", docs), ("30-character snippets", snippets)):
        for encoding in ("utf-8", "utf-8-sig", "gb18030", "gbk"):
            data = [(t.encode(encoding, errors="replace"), t) for t in texts]
            data = [(b, b.decode(encoding).lstrip("\ufeff")) for b, _ in data]
            for name, fn in candidates.items():
                ok, start = 0, time.perf_counter()
                for raw, expected in data:
                    try:
                        ok += fn(raw).lstrip("\ufeff").replace("\r\n", "\n") == \
                            expected.replace("\r\n", "\n")
                    except Exception:
                        pass
                elapsed = (time.perf_counter() - start) / len(data) * 1000
                print(f"| {label} | {encoding} | {name} | {ok}/{len(data)} | {elapsed:.2f} |")


def gov_page(paras: list[str], copies: int) -> str:
    nav = "".join(f'<li><a href="/l{i}">栏目{i}</a></li>' for i in range(40))
    body = "".join(f"<p>　　{html.escape(p)}<sup>[{i % 23 + 1}]</sup></p>\n"
                   for _ in range(copies) for i, p in enumerate(paras))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>报告</title>"
            "<script>var a='脚本';</script><style>p{}</style></head><body>"
            f"<div class='header'><ul>{nav}</ul></div><div class='TRS_Editor'>{body}</div>"
            "<div class='footer'>版权所有</div></body></html>")


def html_candidates():
    def ours(page):
        from cngloss.sources.readers.html import _ReportParser

        parser = _ReportParser()
        parser.feed(page)
        return "\n".join(parser.paragraphs())

    def bs4_lxml(page):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(page, "lxml")
        return "\n".join(p.get_text() for p in soup.find_all("p"))

    def bs4_stdlib(page):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(page, "html.parser")
        return "\n".join(p.get_text() for p in soup.find_all("p"))

    def selectolax(page):
        from selectolax.lexbor import LexborHTMLParser

        return "\n".join(p.text() for p in LexborHTMLParser(page).css("p"))

    def lxml_html(page):
        import lxml.html

        return "\n".join(p.text_content() for p in lxml.html.fromstring(page).iter("p"))

    def trafilatura(page):
        import trafilatura

        return trafilatura.extract(page, include_comments=False) or ""

    return {"stdlib html.parser (ours)": ours, "BeautifulSoup + lxml": bs4_lxml,
            "BeautifulSoup + html.parser": bs4_stdlib, "selectolax": selectolax,
            "lxml.html": lxml_html, "trafilatura": trafilatura}


def html_choice() -> None:
    paras = paragraphs()
    page = gov_page(paras, 10)
    expected = squeeze("".join(p + f"[{i % 23 + 1}]" for _ in range(10)
                               for i, p in enumerate(paras)))
    print(f"page: {len(page):,} characters, {len(paras) * 10} paragraphs\n")
    print("| candidate | median | text and [N] markers exact | markers kept |\n|---|---:|---|---:|")
    for name, fn in html_candidates().items():
        elapsed, out = timed(fn, page)
        markers = len(re.findall(r"\[\d+\]", out))
        print(f"| {name} | {elapsed * 1000:.0f} ms | {squeeze(out) == expected} | {markers} |")


def docx_choice() -> None:
    import docx

    paras = paragraphs() * 5
    document = docx.Document()
    for p in paras:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    expected = squeeze("".join(paras))
    with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as file:
        file.write(data)

    def ours(raw):
        from cngloss.sources.readers.docx import read_docx

        return read_docx(Path(file.name), raw).text

    def python_docx(raw):
        return "\n\n".join(p.text for p in docx.Document(io.BytesIO(raw)).paragraphs)

    def docx2python(raw):
        from docx2python import docx2python as d2p

        with d2p(io.BytesIO(raw)) as result:
            return result.text

    print(f"document: {len(paras)} paragraphs, {len(data):,} bytes\n")
    print("| candidate | median | text exact |\n|---|---:|---|")
    for name, fn in (("stdlib zipfile + ElementTree (ours)", ours), ("python-docx", python_docx),
                     ("docx2python", docx2python)):
        elapsed, out = timed(fn, data)
        print(f"| {name} | {elapsed * 1000:.0f} ms | {squeeze(out) == expected} |")


def pdf_choice() -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    paras = paragraphs()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16,
                           wordWrap="CJK", spaceAfter=8)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(html.escape(p), style) for p in paras])
    inputs = {"reportlab STSong-Light": buffer.getvalue()}
    extra = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if extra:  # e.g. the report printed to PDF by Chromium with Noto Serif CJK
        inputs[extra.name] = extra.read_bytes()
    expected = squeeze("".join(paras))

    def pdfminer(raw):
        from pdfminer.high_level import extract_text

        return extract_text(io.BytesIO(raw))

    def pypdf(raw):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages)

    def pdfplumber(raw):
        import pdfplumber

        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)

    print("| input | candidate | median | same characters | han-space-han | radicals |")
    print("|---|---|---:|---|---:|---:|")
    for label, raw in inputs.items():
        for name, fn in (("pdfminer.six", pdfminer), ("pypdf", pypdf),
                         ("pdfplumber", pdfplumber)):
            elapsed, out = timed(fn, raw, rounds=3)
            spaced = len(re.findall(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", out))
            radicals = len(re.findall(r"[\u2e80-\u2fdf]", out))
            print(f"| {label} | {name} | {elapsed * 1000:.0f} ms | {squeeze(out) == expected} "
                  f"| {spaced} | {radicals} |")


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    for name, fn in (("encodings", encodings), ("html", html_choice), ("docx", docx_choice),
                     ("pdf", pdf_choice)):
        if which in (name, "all"):
            print(f"\n## {name}\n")
            fn()
