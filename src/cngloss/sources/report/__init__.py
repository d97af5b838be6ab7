"""Report text -> paragraphs with section paths, footnote references, notes and metadata.

Any layout: Markdown with YAML front matter, web text with one paragraph a line, a PDF
extraction with its scars (page breaks that cut a paragraph, even a word or a bold run, in
two; spaces around and inside numbers). The steps, each in its module:

1. ``metadata``: front matter blanked out (offsets kept) and kept, with the place, year,
   date, title and speaker the opening lines name.
2. ``notes``: the notes section, found by its heading, read note by note in any numbering;
   its lines are blanked out of the body, so notes are never passages.
3. ``paragraphs``: blocks (blank-line separated, or one a line); page breaks joined only in
   a PDF extraction. ``fixes``: the reviewed corrections file applied.
4. ``sections`` and ``inline``: the section tree, bold leads, and footnote markers
   (``markers``: in every style, told apart from enumerations) turned into references.

Nothing here knows a particular report. The few errors no rule can repair are fixed by a
reviewed corrections file (see ``corrections.py``), and every correction applied is
recorded on the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ...errors import Problem, ReportError
from ...model import AppliedCorrection, Correction, Note, Paragraph, Report
from ...text.lines import LineTable
from ..readers import Document, read_document
from .fixes import apply_corrections
from .inline import clean, clean_inline
from .lines import block_segments
from .markers import MarkerScanner, note_headwords
from .metadata import read_metadata, split_front_matter
from .note_lines import clean_headword, strip_bold
from .notes import NotesSection, find_notes
from .paragraphs import (
    NOTE_START,
    Block,
    has_blank_lines,
    is_pdf_extraction,
    join_page_breaks,
    split_blocks,
)
from .sections import TreeBuilder, classify, leads

__all__ = ["clean_inline", "load_document", "load_report", "parse_document", "parse_report"]


# What a file's format says about the report that the layout parser takes as metadata
# (a collection record's place, level, year; an HTML or docx title; a gov.cn page's date).
DOCUMENT_METADATA = ("place", "level", "year", "date", "title", "source")


def load_document(path: Path, encoding: str | None = None) -> Document:
    """The report in a file of any format the readers know (txt, md, html, docx, pdf, a
    one-record collection): the one place a report file is read."""
    return read_document(path, encoding)


def load_report(path: str | Path, corrections: tuple[Correction, ...] = (),
                metadata: Mapping[str, object] | None = None,
                encoding: str | None = None) -> Report:
    """Read and parse a report file; a missing, unreadable or undecodable file raises
    ReportError. What the caller gives in ``metadata`` wins over what the file's format
    says, which wins over what the text says."""
    path = Path(path)
    document = load_document(path, encoding)
    return parse_document(document, corrections, metadata)


def parse_document(document: Document, corrections: tuple[Correction, ...] = (),
                   metadata: Mapping[str, object] | None = None) -> Report:
    """Parse a Document (from ``sources.readers``): a PDF's text is an extraction, where a
    page break may cut a paragraph."""
    given = {k: v for k, v in document.metadata.items() if k in DOCUMENT_METADATA and v}
    return parse_report(document.text, path=document.path, corrections=corrections,
                        metadata={**given, **(metadata or {})},
                        page_breaks=True if document.kind == "pdf" else None)


def parse_report(
    text: str, path: str | Path = "<report>", corrections: tuple[Correction, ...] = (),
    metadata: Mapping[str, object] | None = None, page_breaks: bool | None = None,
) -> Report:
    """Parse report text into paragraphs, sections, notes and metadata.

    ``metadata`` overrides what the text says (place, level, year, date, title, speaker,
    speaker_role). ``page_breaks``: join paragraphs a page break cut (None: only when the
    text reads like a PDF extraction).
    """
    path = Path(path)
    text, front = split_front_matter(text)
    line_mode = not has_blank_lines(text)
    section = find_notes(text)
    body = _blank_lines(text, section.start, section.end) if section else text
    blocks = split_blocks(body, line_mode)
    if page_breaks is None:
        page_breaks = is_pdf_extraction(blocks)
    if page_breaks:
        blocks = join_page_breaks(blocks)
    applied_blocks = apply_corrections(blocks, corrections)
    classify(blocks)
    if not any(b.kind == "paragraph" for b in blocks):
        raise ReportError(
            Problem(str(path), None, "no paragraphs found in the report",
                    fix="check that the file is the plain text of a report")
        )
    notes = _notes(section, page_breaks) if section else None
    report = _build(blocks, path, corrections, applied_blocks, LineTable(text, any_break=True), notes,
                    circled=bool(section) and section.style == "circled")
    if section:
        report = report._replace(notes_title=section.heading)
    return report._replace(metadata=read_metadata(text, front, report.title, dict(metadata or {})))


def _blank_lines(text: str, first: int, last: int) -> str:
    """``text`` with lines ``first``..``last`` (1-based) turned into spaces (offsets kept)."""
    lines = text.splitlines(keepends=True)
    for i in range(first - 1, min(last, len(lines))):
        content = lines[i].rstrip("\r\n")
        lines[i] = " " * len(content) + lines[i][len(content):]
    return "".join(lines)


def _notes(section: NotesSection, pdf: bool) -> tuple[Note, ...]:
    """The section's notes as model notes: bold removed; in a PDF extraction the text is
    cleaned as the body is (markers removed, spaces around numbers dropped)."""
    out = []
    for found in section.notes:
        printed, definition = strip_bold(found.printed), strip_bold(found.definition)
        if pdf:
            printed = clean_inline(found.printed)[0]
            definition = clean_inline(found.definition)[0]
        out.append(Note(found.number, printed, definition, found.line,
                        clean_headword(printed) if printed else ""))
    return tuple(out)


# --------------------------------------------------------------------------- build


def _build(
    blocks: list[Block],
    path: Path,
    corrections: tuple[Correction, ...],
    applied_blocks: list[tuple[Correction, Block, int]],
    lines: LineTable,
    found_notes: tuple[Note, ...] | None,
    circled: bool = False,
) -> Report:
    paragraphs: list[Paragraph] = []
    notes: list[Note] = list(found_notes or ())
    number_of: dict[int, int] = {}
    title_lines = [clean_inline(b.raw)[0] for b in blocks if b.kind == "title"]
    notes_title = None
    tree = TreeBuilder()
    scanner = MarkerScanner(note_headwords((n.number, n.headword) for n in notes),
                            circled=circled)
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            if i + 1 < len(blocks) and blocks[i + 1].kind == "note":
                notes_title = clean_inline(block.raw)[0]
                tree.close_part()
            else:
                tree.open_part(clean_inline(block.raw)[0])
        elif block.kind == "note":
            if found_notes is None:
                note = _parse_note(block)
                if note:
                    notes.append(note)
        elif block.kind == "paragraph":
            text, bold, refs, kept = clean(block.raw, scanner)
            number = len(paragraphs) + 1
            number_of[id(block)] = number
            section = tree.paragraph(text, number)
            found = leads(text, bold)
            tree.leads(found, number)
            paragraphs.append(
                Paragraph(number, block.line, text, section, tuple(found), tuple(refs),
                          block_segments(lines, kept, block._origin, block.runs))
            )
    applied = tuple(
        AppliedCorrection(c, number_of.get(id(b)), lines.locate(at)[0])
        for c, b, at in applied_blocks
    )
    return Report(
        path=path,
        title=title_lines[0] if title_lines else None,
        paragraphs=tuple(paragraphs),
        notes=tuple(notes),
        sections=tree.sections(),
        notes_title=notes_title,
        corrections=corrections,
        applied=applied,
    )


def _parse_note(block: Block) -> Note | None:
    """A note of a notes part with no heading (a marker opens each of its blocks)."""
    m = NOTE_START.match(block.raw)
    if not m:
        return None
    number = int(next(g for g in m.groups() if g))
    text, _, _ = clean_inline(block.raw[m.end():])
    head, sep, definition = _split_note(text)
    if not sep:
        return Note(number, "", text, block.line)
    return Note(number, head, definition, block.line, clean_headword(head))


def _split_note(text: str) -> tuple[str, str, str]:
    """Split ``headword：definition`` at the first colon outside quotation marks."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘「『":
            depth += 1
        elif ch in "”’」』":
            depth = max(0, depth - 1)
        elif ch in "：:" and depth == 0:
            return text[:i], ch, text[i + 1:]
    return text, "", ""
