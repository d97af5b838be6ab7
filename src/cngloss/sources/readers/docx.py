"""Word reports (.docx): the paragraphs of the body (table cells included) with their list
numbering worked out from numbering.xml (``1.``, ``（一）``, ``①``, as Word shows them),
``**bold**`` runs, footnote references as ``[N]``, and the footnotes appended after the body
under a ``注释`` heading, one ``[N] text`` paragraph each, so the layout parser finds them as a
notes section. The core properties (title, author, created) become metadata.

Read with the standard library (zipfile and ElementTree): python-docx exposes neither
footnotes nor list labels, docx2python is slower and pulls in lxml (docs/development.md, "Dependencies,
and why"). Endnotes, comments and tracked deletions are not read; a text box is a paragraph of its
own after the paragraph that anchors it.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from ...text.numerals import chinese_numeral
from .document import Document, fail, join_paragraphs
from .inflate import read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORE = {"{http://purl.org/dc/elements/1.1/}title": "title",
        "{http://purl.org/dc/elements/1.1/}creator": "author",
        "{http://purl.org/dc/terms/}created": "created"}
NOTES_HEADING = "注释"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def read_docx(path: Path, data: bytes, encoding: str | None = None) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise fail(path, "is not a readable .docx file (not a zip archive)",
                   "save the report from Word as .docx") from None
    if "word/document.xml" not in names:
        raise fail(path, "is a zip archive but not a Word document (no word/document.xml)",
                   "save the report from Word as .docx")
    try:
        document = _xml(archive, path, "word/document.xml")
        numbering = _Numbering(_xml(archive, path, "word/numbering.xml", names),
                               _xml(archive, path, "word/styles.xml", names))
        footnotes = _footnotes(_xml(archive, path, "word/footnotes.xml", names))
        metadata = _core(_xml(archive, path, "docProps/core.xml", names))
    except (ElementTree.ParseError, KeyError, zipfile.BadZipFile, ValueError,
            zlib.error) as exc:
        raise fail(path, f"is a damaged .docx file ({exc})",
                   "open it in Word and save it again") from None
    order: dict[str, int] = {}  # footnote id -> the number shown, in order of reference
    body = document.find(f"{W}body")
    paragraphs = [_paragraph_text(p, numbering, order)
                  for p in (body.iter(f"{W}p") if body is not None else ())]
    if order:
        paragraphs.append(NOTES_HEADING)
        for note_id, number in sorted(order.items(), key=lambda item: item[1]):
            paragraphs.append(f"[{number}] {footnotes.get(note_id, '').strip()}")
        metadata["footnotes"] = len(order)
    text = join_paragraphs(paragraphs)
    if not text.strip():
        raise fail(path, "is empty (no text)", "give the file that holds the report")
    return Document(text, metadata, path, "docx")


def _xml(archive: zipfile.ZipFile, path: Path, name: str, names: set[str] | None = None):
    """Part ``name`` parsed, within the limits of ``inflate`` (a zip bomb is refused before
    it is read)."""
    if names is not None and name not in names:
        return None
    return ElementTree.fromstring(read_member(archive, name, path))


def _paragraph_text(paragraph, numbering: "_Numbering", order: dict[str, int]) -> str:
    label = numbering.label(paragraph)
    pieces: list[str] = []
    bold_open = False
    nested = {id(run) for inner in paragraph.iter(f"{W}p") if inner is not paragraph
              for run in inner.iter(f"{W}r")}  # a text box's runs: a paragraph of their own
    for run in paragraph.iter(f"{W}r"):
        if id(run) in nested:
            continue
        text = _run_text(run, order)
        if not text:
            continue
        bold = _is_bold(run) and bool(text.strip())
        if bold != bold_open:
            pieces.append("**")
            bold_open = bold
        pieces.append(text)
    if bold_open:
        pieces.append("**")
    return label + "".join(pieces).strip()


def _run_text(run, order: dict[str, int]) -> str:
    out = []
    for child in run:
        if child.tag == f"{W}t":
            out.append(child.text or "")
        elif child.tag == f"{W}tab":
            out.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            out.append("\n\n")
        elif child.tag == f"{W}footnoteReference":
            note_id = child.get(f"{W}id", "")
            order.setdefault(note_id, len(order) + 1)
            out.append(f"[{order[note_id]}]")
    return "".join(out)


def _is_bold(run) -> bool:
    bold = run.find(f"{W}rPr/{W}b")
    return bold is not None and bold.get(f"{W}val", "true") not in ("0", "false", "off")


def _footnotes(root) -> dict[str, str]:
    if root is None:
        return {}
    notes = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator",
                                    "continuationNotice"):
            continue
        texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p")]
        notes[note.get(f"{W}id", "")] = "".join(texts)
    return notes


def _core(root) -> dict[str, object]:
    if root is None:
        return {}
    found: dict[str, object] = {}
    for element in root:
        key = CORE.get(element.tag)
        if key and (element.text or "").strip():
            found[key] = element.text.strip()
    return found


class _Numbering:
    """List labels as Word shows them: each list (numId) counts per level, a deeper level
    restarts when a shallower one moves on, and the label is the level's lvlText with %N
    replaced by level N's counter in its numFmt."""

    def __init__(self, numbering, styles) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> ...
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        if numbering is not None:
            abstract = {a.get(f"{W}abstractNumId"): self._levels(a)
                        for a in numbering.iter(f"{W}abstractNum")}
            for num in numbering.iter(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                if ref is not None:
                    self.levels[num.get(f"{W}numId")] = abstract.get(ref.get(f"{W}val"), {})
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                num_id = style.find(f"{W}pPr/{W}numPr/{W}numId")
                if num_id is not None:
                    level = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
                    self.style_numbering[style.get(f"{W}styleId")] = (
                        num_id.get(f"{W}val"), int(level.get(f"{W}val")) if level is not None
                        else 0)

    @staticmethod
    def _levels(abstract) -> dict[int, tuple[int, str, str]]:
        levels = {}
        for lvl in abstract.iter(f"{W}lvl"):
            start = lvl.find(f"{W}start")
            fmt = lvl.find(f"{W}numFmt")
            text = lvl.find(f"{W}lvlText")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                int(start.get(f"{W}val")) if start is not None else 1,
                fmt.get(f"{W}val") if fmt is not None else "decimal",
                text.get(f"{W}val") if text is not None else "")
        return levels

    def label(self, paragraph) -> str:
        num_id, level = self._numbering_of(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        counters = self.counters.setdefault(num_id, {})
        start = levels.get(level, (1, "decimal", ""))[0]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        _, fmt, template = levels.get(level, (1, "decimal", f"%{level + 1}."))
        if fmt in ("bullet", "none") or not template:
            return ""
        label = template
        for lvl in range(level, -1, -1):
            lvl_start, lvl_fmt, _ = levels.get(lvl, (1, "decimal", ""))
            value = counters.get(lvl, lvl_start)
            label = label.replace(f"%{lvl + 1}", format_number(value, lvl_fmt))
        return label + " " if label[-1:].isascii() else label

    def _numbering_of(self, paragraph) -> tuple[str | None, int]:
        props = paragraph.find(f"{W}pPr")
        if props is None:
            return None, 0
        num_pr = props.find(f"{W}numPr")
        if num_pr is not None and num_pr.find(f"{W}numId") is not None:
            level = num_pr.find(f"{W}ilvl")
            return (num_pr.find(f"{W}numId").get(f"{W}val"),
                    int(level.get(f"{W}val")) if level is not None else 0)
        style = props.find(f"{W}pStyle")
        if style is not None and style.get(f"{W}val") in self.style_numbering:
            return self.style_numbering[style.get(f"{W}val")]
        return None, 0


def format_number(value: int, fmt: str) -> str:
    """``value`` in a Word numFmt; formats not listed here fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return chinese_numeral(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and \
            1 <= value <= len(CIRCLED):
        return CIRCLED[value - 1]
    if fmt in ("ideographTraditional",) and 1 <= value <= len(HEAVENLY_STEMS):
        return HEAVENLY_STEMS[value - 1]
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value >= 1:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                            (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
