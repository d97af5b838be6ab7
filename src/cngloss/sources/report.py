"""Report text -> paragraphs with section paths, footnote references and the notes section.

The text comes from a PDF extraction and keeps its scars: page breaks that cut a paragraph
(even a word, even a bold run) in two, spaces around and inside numbers, Markdown bold around
lead sentences, footnote markers in three styles. This module repairs them by rule; the few
errors no rule can repair are fixed by a reviewed corrections file (see ``corrections.py``),
and every correction applied is recorded on the result.

Nothing here knows this particular report: parts are found as heading-like lines, the notes
section as the part whose paragraphs open with a note marker, items by their enumerators.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ..errors import Problem, ReportError
from ..model import (
    AppliedCorrection,
    Correction,
    FootnoteRef,
    Lead,
    Note,
    Paragraph,
    Report,
    Section,
)
from ..text.numerals import NUMERAL_CHARS, numeral_value
from ..text.spacing import drop_spaces
from .files import read_text

# A paragraph that ends in one of these is complete; anything else was cut by a page break.
TERMINALS = "。！？：；…!?:;）)"
CLOSERS = "”’」』》"
# Punctuation that marks running text (a heading has none of it inside).
SENTENCE_PUNCT = "，。；！？：,;!?"
HEADING_MAX = 40

# Footnote markers: ^{〔1〕} (also ^{[1]}), ^[2], bare 〔6〕.
MARKER = re.compile(r"\^\{\s*[〔\[](\d+)[〕\]]\s*\}|\^\[(\d+)\]|〔(\d+)〕")
MARKER_STYLES = ("caret-brace", "caret-bracket", "bare")
_MARKUP = re.compile(r"\*\*|" + MARKER.pattern)
NOTE_START = re.compile(r"^\s*(?:\^\{\s*[〔\[](\d+)[〕\]]\s*\}|\^\[(\d+)\]|〔(\d+)〕|\[(\d+)\])\s*")
BOLD = "**"

# A part heading numbered like 一、 (the title lines above the first paragraph are not).
PART_ENUMERATOR = re.compile(rf"^[{NUMERAL_CHARS}]+、")
# Numbered items that open a paragraph: （一）… and 一要…
ITEM_START = re.compile(rf"^(?:[（(]([{NUMERAL_CHARS}]+)[）)]|([{NUMERAL_CHARS}]+)要)")
# Enumerated points inside a paragraph: 一是… 二是… (at the start of a sentence).
POINT = re.compile(rf"(?:^|(?<=[。！？；]))(?:\*\*)?([{NUMERAL_CHARS}]+)是")
SENTENCE_END = re.compile(r"[。！？!?]")
# A paragraph opening with the address to the audience closes the numbered item before it.
ADDRESS_OPENERS = ("各位代表",)


@dataclass
class _Block:
    """A run of non-blank source lines (one paragraph of the extraction, or part of one).

    ``origin`` holds, for every character of ``raw``, its offset in the source text: joins,
    corrections and the moved bold markers all keep it in step, so that a character of the
    cleaned paragraph can still say on which source line and column it stands.
    """

    raw: str
    line: int
    origin: list[int] = field(default_factory=list)
    kind: str = ""  # "title", "heading", "paragraph", "note"


# --------------------------------------------------------------------------- public API


def load_report(path: str | Path, corrections: tuple[Correction, ...] = ()) -> Report:
    """Read and parse a report file; a missing or undecodable file raises ReportError."""
    path = Path(path)
    text = read_text(path, ReportError, what="report")
    return parse_report(text, path=path, corrections=corrections)


def parse_report(
    text: str, path: str | Path = "<report>", corrections: tuple[Correction, ...] = ()
) -> Report:
    """Parse report text into paragraphs, sections and notes."""
    path = Path(path)
    blocks = _join_page_breaks(_split_blocks(text))
    applied_blocks = _apply_corrections(blocks, corrections)
    _classify(blocks)
    lines = _LineTable(text)
    if not any(b.kind == "paragraph" for b in blocks):
        raise ReportError(
            Problem(str(path), None, "no paragraphs found in the report",
                    fix="check that the file is the plain text of a report")
        )
    return _build(blocks, path, corrections, applied_blocks, lines)


def clean_inline(raw: str) -> tuple[str, list[tuple[int, int]], list[FootnoteRef]]:
    """Strip extraction markup from one paragraph.

    Returns the clean text, the spans of bold runs in it, and the footnote markers that were
    removed (with their positions in the clean text). Spaces are dropped unless they separate
    two Latin words: ``233 0 吨`` -> ``2330吨``, ``2020 年`` -> ``2020年``.
    """
    text, bold, refs, _ = _clean(raw)
    return text, bold, refs


def _clean(raw: str) -> tuple[str, list[tuple[int, int]], list[FootnoteRef], list[int]]:
    """``clean_inline``, plus where each clean character stands in ``raw`` (its index)."""
    pieces: list[str] = []
    kept: list[int] = []
    bold: list[tuple[int, int]] = []
    marks: list[tuple[int, int, str]] = []
    bold_open: int | None = None
    length = pos = 0
    for m in _MARKUP.finditer(raw):
        pieces.append(raw[pos:m.start()])
        kept.extend(range(pos, m.start()))
        length += m.start() - pos
        pos = m.end()
        if m.group() == BOLD:
            if bold_open is None:
                bold_open = length
            else:
                bold.append((bold_open, length))
                bold_open = None
        else:
            k = next(k for k in range(3) if m.group(k + 1))
            marks.append((int(m.group(k + 1)), length, MARKER_STYLES[k]))
    pieces.append(raw[pos:])
    kept.extend(range(pos, len(raw)))
    length += len(raw) - pos
    if bold_open is not None and bold_open < length:
        bold.append((bold_open, length))
    text, shift, survivors = drop_spaces("".join(pieces))
    spans = [(shift(a), shift(b)) for a, b in bold if shift(a) < shift(b)]
    refs = [FootnoteRef(note=n, offset=shift(at), style=s) for n, at, s in marks]
    return text, spans, refs, [kept[i] for i in survivors]


# --------------------------------------------------------------------------- blocks


def _split_blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    offset = 0
    for number, full in enumerate(text.splitlines(keepends=True), start=1):
        line = full.rstrip("\r\n")
        stripped = line.strip()
        if stripped:
            if current is None:
                current = _Block("", number)
            start = offset + len(line) - len(line.lstrip())
            current.raw += stripped
            current.origin.extend(range(start, start + len(stripped)))
        elif current is not None:
            blocks.append(current)
            current = None
        offset += len(full)
    if current is not None:
        blocks.append(current)
    return blocks


def _visible(raw: str) -> str:
    """The block's text without markup, for deciding how it ends."""
    return MARKER.sub("", raw).replace(BOLD, "").strip()


def _is_heading_like(raw: str) -> bool:
    text = _visible(raw)
    return (
        0 < len(text.replace(" ", "")) <= HEADING_MAX
        and raw.count(BOLD) % 2 == 0
        and not any(ch in SENTENCE_PUNCT for ch in text)
        and not NOTE_START.match(raw)
    )


def _is_complete(raw: str) -> bool:
    if raw.count(BOLD) % 2:
        return False
    text = _visible(raw).rstrip(CLOSERS)
    return bool(text) and text[-1] in TERMINALS


def _points(raw: str) -> list[tuple[int, int]]:
    """The 一是/二是 enumerators in a block: (ordinal, position)."""
    found = []
    text = _visible(raw)
    for m in POINT.finditer(text):
        value = numeral_value(m.group(1))
        if value:
            found.append((value, m.start()))
    return found


def _continues_points(prev: str, nxt: str) -> bool:
    """True when ``nxt`` carries on an inline enumeration of ``prev`` (二是 … | 三是 …).

    A page break that falls between two sentences leaves both blocks complete; the only sign
    that they are one paragraph is the enumeration running on, inline, on both sides.
    """
    before, after = _points(prev), _points(nxt)
    if not before or not after or after[0][1] != 0:
        return False
    last = before[-1]
    inline_before = last[1] > 0
    inline_after = len(after) > 1
    return after[0][0] == last[0] + 1 and inline_before and inline_after


def _join_page_breaks(blocks: list[_Block]) -> list[_Block]:
    joined: list[_Block] = []
    for block in blocks:
        if joined:
            prev = joined[-1]
            cut = not _is_complete(prev.raw) and not _is_heading_like(prev.raw)
            if prev.raw.count(BOLD) % 2 or (cut and not _is_heading_like(block.raw)) or (
                _continues_points(prev.raw, block.raw)
            ):
                raw, origin = _carry_bold(prev, block.raw, block.origin)
                prev.raw += raw
                prev.origin += origin
                continue
        joined.append(_Block(block.raw, block.line, list(block.origin)))
    return joined


def _carry_bold(prev: _Block, continuation: str, origin: list[int]
                ) -> tuple[str, list[int]]:
    """Carry a bold run that a page break closed early over to the end of its sentence.

    Extraction closes bold at the foot of a page: ``**构建“内**`` | ``外畅通”的交通路网。``.
    The lead sentence is the whole ``构建“内外畅通”的交通路网。``, so the closing ``**`` moves
    to the first sentence end of the continuation. Returns the continuation and its origins.
    """
    if not prev.raw.endswith(BOLD) or prev.raw.count(BOLD) % 2:
        return continuation, list(origin)
    run = prev.raw[: -len(BOLD)].rsplit(BOLD, 1)[-1]
    end = SENTENCE_END.search(continuation)
    if _visible(run)[-1:] in TERMINALS or not end or BOLD in continuation[: end.end()]:
        return continuation, list(origin)
    moved = prev.origin[-len(BOLD):]
    prev.raw = prev.raw[: -len(BOLD)]
    prev.origin = prev.origin[: -len(BOLD)]
    cut = end.end()
    return (continuation[:cut] + BOLD + continuation[cut:],
            origin[:cut] + moved + origin[cut:])


def _apply_corrections(
    blocks: list[_Block], corrections: tuple[Correction, ...]
) -> list[tuple[Correction, _Block, int]]:
    """Apply each correction to every block; return (correction, block, source offset) for
    each place it was applied."""
    applied = []
    for correction in corrections:
        for block in blocks:
            if correction.original and correction.original in block.raw:
                applied.extend((correction, block, at) for at in _replace(block, correction))
    return applied


def _replace(block: _Block, correction: Correction) -> list[int]:
    """Replace every occurrence of the correction's original in the block, keeping origins:
    the characters the correction keeps keep theirs, new ones take the one they replace."""
    old, new = correction.original, correction.corrected
    mapping = _alignment(old, new)
    raw, origin, places = [], [], []
    pos = 0
    while (at := block.raw.find(old, pos)) >= 0:
        raw.append(block.raw[pos:at] + new)
        origin += block.origin[pos:at] + [block.origin[at + k] for k in mapping]
        places.append(block.origin[at])
        pos = at + len(old)
    block.raw = "".join(raw) + block.raw[pos:]
    block.origin = origin + block.origin[pos:]
    return places


def _alignment(old: str, new: str) -> list[int]:
    """For each character of ``new``, the index of the character of ``old`` it stands for."""
    out: list[int] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(range(a1, a2))
        elif op != "delete":
            last = max(0, min(a2, len(old)) - 1) if a2 > a1 else max(0, min(a1, len(old) - 1))
            out.extend(min(a1 + k, last) for k in range(b2 - b1))
    return out


def _classify(blocks: list[_Block]) -> None:
    seen_paragraph = False
    in_notes = False
    for i, block in enumerate(blocks):
        if not seen_paragraph and block.kind == "" and _is_heading_like(block.raw) and \
                PART_ENUMERATOR.match(_visible(block.raw)):
            seen_paragraph = True  # "一、…" opens the first part even before any paragraph
        if in_notes or NOTE_START.match(block.raw):
            if not NOTE_START.match(block.raw) and _is_heading_like(block.raw):
                block.kind = "heading"  # a heading after the notes ends them
                in_notes = False
                continue
            in_notes = True
            block.kind = "note"
        elif _is_heading_like(block.raw):
            block.kind = "heading" if seen_paragraph else "title"
        else:
            block.kind = "paragraph"
            seen_paragraph = True


# --------------------------------------------------------------------------- build


def _build(
    blocks: list[_Block],
    path: Path,
    corrections: tuple[Correction, ...],
    applied_blocks: list[tuple[Correction, _Block, int]],
    lines: "_LineTable",
) -> Report:
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []
    number_of: dict[int, int] = {}
    title_lines = [_clean_heading(b.raw) for b in blocks if b.kind == "title"]
    notes_title = None
    tree = _TreeBuilder()
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            if i + 1 < len(blocks) and blocks[i + 1].kind == "note":
                notes_title = _clean_heading(block.raw)
                tree.close_part()
            else:
                tree.open_part(_clean_heading(block.raw))
        elif block.kind == "note":
            note = _parse_note(block)
            if note:
                notes.append(note)
        elif block.kind == "paragraph":
            text, bold, refs, kept = _clean(block.raw)
            number = len(paragraphs) + 1
            number_of[id(block)] = number
            section = tree.paragraph(text, number)
            leads = _leads(text, bold)
            tree.leads(leads, number)
            paragraphs.append(
                Paragraph(number, block.line, text, section, tuple(leads), tuple(refs),
                          lines.segments([block.origin[i] for i in kept]))
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


def _clean_heading(raw: str) -> str:
    return clean_inline(raw)[0]


def _first_sentence(text: str, start: int = 0) -> tuple[int, str]:
    """End offset and text (without its final punctuation) of the sentence at ``start``."""
    m = SENTENCE_END.search(text, start)
    end = m.end() if m else len(text)
    return end, text[start:end].rstrip("。！？!?：:")


def _leads(text: str, bold: list[tuple[int, int]]) -> list[Lead]:
    """Run-in headings: bold runs, and inline 一是/二是 points where they are not bold."""
    leads = [Lead(a, b, text[a:b].rstrip("。！？!?：:，,")) for a, b in bold]
    points = [
        (numeral_value(m.group(1)), m.start())
        for m in POINT.finditer(text)
        if numeral_value(m.group(1))
    ]
    # Only a real enumeration counts: 一是, 二是, ... in order.
    sequence = []
    for value, pos in points:
        if value == len(sequence) + 1:
            sequence.append(pos)
    if len(sequence) >= 2:
        starts = {lead.start for lead in leads}
        for pos in sequence:
            if pos not in starts:
                end, title = _first_sentence(text, pos)
                leads.append(Lead(pos, end, title))
    return sorted(leads, key=lambda lead: lead.start)


def _parse_note(block: _Block) -> Note | None:
    m = NOTE_START.match(block.raw)
    if not m:
        return None
    number = int(next(g for g in m.groups() if g))
    text, _, _ = clean_inline(block.raw[m.end():])
    head, sep, definition = _split_note(text)
    if not sep:
        return Note(number, "", text, block.line)
    return Note(number, head, definition, block.line)


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


class _TreeBuilder:
    """Tracks the current part and numbered item while paragraphs stream past."""

    def __init__(self) -> None:
        self._parts: list[dict] = []
        self._part: dict | None = None
        self._item: dict | None = None

    def open_part(self, title: str) -> None:
        self._part = {"title": title, "kind": "part", "paragraph": None, "children": []}
        self._parts.append(self._part)
        self._item = None

    def close_part(self) -> None:
        self._part = None
        self._item = None

    def paragraph(self, text: str, number: int) -> tuple[str, ...]:
        """Register a paragraph; return its section path (part, then numbered item)."""
        if self._part is None:
            return ()
        if self._part["paragraph"] is None:
            self._part["paragraph"] = number
        m = ITEM_START.match(text)
        if m and numeral_value(m.group(1) or m.group(2)):
            _, title = _first_sentence(text)
            self._item = {"title": title, "kind": "item", "paragraph": number, "children": []}
            self._part["children"].append(self._item)
        elif text.startswith(ADDRESS_OPENERS):
            self._item = None
        path = (self._part["title"],)
        return path + ((self._item["title"],) if self._item else ())

    def leads(self, leads: list[Lead], number: int) -> None:
        parent = self._item or self._part
        if parent is None:
            return
        for lead in leads:
            parent["children"].append(
                {"title": lead.title, "kind": "lead", "paragraph": number, "children": []}
            )

    def sections(self) -> tuple[Section, ...]:
        def freeze(node: dict) -> Section:
            return Section(
                node["title"], node["kind"], node["paragraph"],
                tuple(freeze(c) for c in node["children"]),
            )

        return tuple(freeze(p) for p in self._parts)


class _LineTable:
    """Source offsets -> (line, column), both counted from 1, columns in characters."""

    def __init__(self, text: str):
        self._starts = [0]
        for line in text.splitlines(keepends=True):
            self._starts.append(self._starts[-1] + len(line))

    def locate(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k + 1, offset - self._starts[k] + 1

    def segments(self, origins: list[int]) -> tuple[tuple[int, int, int], ...]:
        """Compress per-character source offsets into runs: (clean offset, line, column) where
        a run of consecutive source characters starts (see ``Paragraph.locate``)."""
        out = []
        previous = None
        for i, offset in enumerate(origins):
            if previous is None or offset != previous + 1:
                out.append((i, *self.locate(offset)))
            previous = offset
        return tuple(out)
