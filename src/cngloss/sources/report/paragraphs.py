"""Report text -> blocks (paragraphs), and the repair of page breaks in PDF extractions.

Web and Markdown copies separate paragraphs by blank lines, or (web and spreadsheet copies)
put one paragraph on each line with no blank line anywhere. A PDF extraction (the Lianzhou
report) also breaks paragraphs where the page ended, even inside a word or a bold run;
joining those is right only there: in web text a heading without final punctuation is a
heading, and gluing it to the next paragraph would lose it. ``is_pdf_extraction`` tells the
two apart by what only a page break leaves: a block ending in a comma, or a bold run left
open.
"""

from __future__ import annotations

import re

from ...text.numerals import NUMERAL_CHARS, numeral_value

# A paragraph that ends in one of these is complete; anything else was cut by a page break.
TERMINALS = "。！？：；…!?:;）)"
CLOSERS = "”’」』》"
# Punctuation that marks running text (a heading has none of it inside).
SENTENCE_PUNCT = "，。；！？：,;!?"
HEADING_MAX = 40
BOLD = "**"
SENTENCE_END = re.compile(r"[。！？!?]")

# Markers as a PDF extraction writes them: ^{〔1〕} (also ^{[1]}), ^[2], bare 〔6〕; and a line
# that opens with a note marker (a note, not a heading).
PDF_MARKER = re.compile(r"\^\{\s*[〔\[](\d+)[〕\]]\s*\}|\^\[(\d+)\]|〔(\d+)〕")
NOTE_START = re.compile(r"^\s*(?:\^\{\s*[〔\[](\d+)[〕\]]\s*\}|\^\[(\d+)\]|〔(\d+)〕|\[(\d+)\])\s*")
# Enumerated points inside a paragraph: 一是… 二是… (at the start of a sentence).
POINT = re.compile(rf"(?:^|(?<=[。！？；]))(?:\*\*)?([{NUMERAL_CHARS}]+)是")

# Blocks that end mid-sentence in this way are page-break cuts; two of them make a PDF.
_CUT_ENDINGS = "，、,"
PDF_MIN_CUTS = 2
_FRAGMENT = re.compile(r"[。！？][\u4e00-\u9fff]{1,3}$")
_CARET = re.compile(r"\^\{\s*[〔\[]\d+[〕\]]\s*\}|\^\[\d+\]")


class Block:
    """A run of non-blank source lines (one paragraph of the text, or part of one).

    ``origin`` holds, for every character of ``raw``, its offset in the source text: joins,
    corrections and the moved bold markers all keep it in step, so that a character of the
    cleaned paragraph can still say on which source line and column it stands. As read,
    a block keeps only ``runs`` (where each source line starts: index in ``raw``, source
    offset); the per-character list is made the first time something changes the block,
    which most blocks of web text never need (BENCHMARKS.md, notes).
    """

    def __init__(self, raw: str, line: int, origin: list[int] | None = None,
                 kind: str = "", runs: list[tuple[int, int]] | None = None):
        self.raw = raw
        self.line = line
        self.kind = kind  # "title", "heading", "paragraph", "note"
        self._origin = origin
        self.runs = runs if origin is None else None

    @property
    def origin(self) -> list[int]:
        if self._origin is None:
            self._origin = []
            bounds = [a for a, _ in self.runs or ()] + [len(self.raw)]
            for (a, offset), b in zip(self.runs or (), bounds[1:]):
                self._origin.extend(range(offset, offset + b - a))
        return self._origin

    @origin.setter
    def origin(self, value: list[int]) -> None:
        self._origin = value
        self.runs = None


def has_blank_lines(text: str) -> bool:
    """Whether any blank line separates two non-blank lines (else: one paragraph a line)."""
    lines = text.splitlines()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return bool(filled) and any(not lines[i].strip() for i in range(filled[0], filled[-1]))


def split_blocks(text: str, line_per_paragraph: bool | None = None) -> list[Block]:
    """Blank-line separated blocks, or one block per line where the text has no blank line
    between paragraphs (``line_per_paragraph`` None: decide from the text)."""
    if line_per_paragraph is None:
        line_per_paragraph = not has_blank_lines(text)
    blocks: list[Block] = []
    current: Block | None = None
    offset = 0
    for number, full in enumerate(text.splitlines(keepends=True), start=1):
        line = full.rstrip("\r\n")
        stripped = line.strip()
        if stripped:
            if current is None:
                current = Block("", number, runs=[])
            start = offset + len(line) - len(line.lstrip())
            current.runs.append((len(current.raw), start))  # type: ignore[union-attr]
            current.raw += stripped
            if line_per_paragraph:
                blocks.append(current)
                current = None
        elif current is not None:
            blocks.append(current)
            current = None
        offset += len(full)
    if current is not None:
        blocks.append(current)
    return blocks


def visible(raw: str) -> str:
    """The block's text without markup, for deciding how it ends."""
    return PDF_MARKER.sub("", raw).replace(BOLD, "").strip()


def is_heading_like(raw: str) -> bool:
    text = visible(raw)
    return (
        0 < len(text.replace(" ", "")) <= HEADING_MAX
        and raw.count(BOLD) % 2 == 0
        and not any(ch in SENTENCE_PUNCT for ch in text)
        and not NOTE_START.match(raw)
    )


def is_complete(raw: str) -> bool:
    if raw.count(BOLD) % 2:
        return False
    text = visible(raw).rstrip(CLOSERS)
    return bool(text) and text[-1] in TERMINALS


def is_pdf_extraction(blocks: list[Block]) -> bool:
    """Whether the blocks read like a PDF extraction: at least ``PDF_MIN_CUTS`` blocks end
    in a comma or a bold run left open, which no paragraph of web text does; or one block
    ends in a fragment of one to three hanzi after a full stop (``完成改造。进``); or the text
    has the caret markers (``^{〔1〕}``, ``^[2]``) that only the PDF converter writes."""
    cuts = 0
    for block in blocks:
        text = visible(block.raw)
        if _CARET.search(block.raw) or _FRAGMENT.search(text):
            return True
        cuts += bool(block.raw.count(BOLD) % 2 or text[-1:] in _CUT_ENDINGS)
    return cuts >= PDF_MIN_CUTS


def _points(raw: str) -> list[tuple[int, int]]:
    """The 一是/二是 enumerators in a block: (ordinal, position)."""
    found = []
    text = visible(raw)
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


def join_page_breaks(blocks: list[Block]) -> list[Block]:
    """Join the blocks a page break cut (PDF extractions only; see the module docstring)."""
    joined: list[Block] = []
    for block in blocks:
        if joined:
            prev = joined[-1]
            cut = not is_complete(prev.raw) and not is_heading_like(prev.raw)
            if prev.raw.count(BOLD) % 2 or (cut and not is_heading_like(block.raw)) or (
                _continues_points(prev.raw, block.raw)
            ):
                raw, origin = _carry_bold(prev, block.raw, block.origin)
                prev.raw += raw
                prev.origin += origin
                continue
        joined.append(Block(block.raw, block.line, list(block.origin)))
    return joined


def _carry_bold(prev: Block, continuation: str, origin: list[int]) -> tuple[str, list[int]]:
    """Carry a bold run that a page break closed early over to the end of its sentence.

    Extraction closes bold at the foot of a page: ``**构建“内**`` | ``外畅通”的交通路网。``.
    The lead sentence is the whole ``构建“内外畅通”的交通路网。``, so the closing ``**`` moves
    to the first sentence end of the continuation. Returns the continuation and its origins.
    """
    if not prev.raw.endswith(BOLD) or prev.raw.count(BOLD) % 2:
        return continuation, list(origin)
    run = prev.raw[: -len(BOLD)].rsplit(BOLD, 1)[-1]
    end = SENTENCE_END.search(continuation)
    if visible(run)[-1:] in TERMINALS or not end or BOLD in continuation[: end.end()]:
        return continuation, list(origin)
    moved = prev.origin[-len(BOLD):]
    prev.raw = prev.raw[: -len(BOLD)]
    prev.origin = prev.origin[: -len(BOLD)]
    cut = end.end()
    return (continuation[:cut] + BOLD + continuation[cut:],
            origin[:cut] + moved + origin[cut:])
