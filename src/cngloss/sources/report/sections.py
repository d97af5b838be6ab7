"""The section tree of a report body: parts (heading lines, 一、…), numbered items that open a
paragraph (（一）…, 一要…) and lead sentences (bold runs, and 一是… points even where the bold
was lost). A paragraph opening with 各位代表 closes the numbered item before it."""

from __future__ import annotations

import re

from ...model import Lead, Section
from ...text.numerals import NUMERAL_CHARS, numeral_value
from .paragraphs import NOTE_START, POINT, SENTENCE_END, Block, is_heading_like, visible

# A part heading numbered like 一、 (the title lines above the first paragraph are not).
PART_ENUMERATOR = re.compile(rf"^[{NUMERAL_CHARS}]+、")
# Numbered items that open a paragraph: （一）… and 一要…
ITEM_START = re.compile(rf"^(?:[（(]([{NUMERAL_CHARS}]+)[）)]|([{NUMERAL_CHARS}]+)要)")
# A paragraph opening with the address to the audience closes the numbered item before it.
ADDRESS_OPENERS = ("各位代表",)


def classify(blocks: list[Block]) -> None:
    """Mark each block a title (heading-like, before the first paragraph), a heading, a
    paragraph or a note (a block that opens with a note marker, and those after it)."""
    seen_paragraph = False
    in_notes = False
    for block in blocks:
        if not seen_paragraph and block.kind == "" and is_heading_like(block.raw) and \
                PART_ENUMERATOR.match(visible(block.raw)):
            seen_paragraph = True  # "一、…" opens the first part even before any paragraph
        if in_notes or NOTE_START.match(block.raw):
            if not NOTE_START.match(block.raw) and is_heading_like(block.raw):
                block.kind = "heading"  # a heading after the notes ends them
                in_notes = False
                continue
            in_notes = True
            block.kind = "note"
        elif is_heading_like(block.raw):
            block.kind = "heading" if seen_paragraph else "title"
        else:
            block.kind = "paragraph"
            seen_paragraph = True


def first_sentence(text: str, start: int = 0) -> tuple[int, str]:
    """End offset and text (without its final punctuation) of the sentence at ``start``."""
    m = SENTENCE_END.search(text, start)
    end = m.end() if m else len(text)
    return end, text[start:end].rstrip("。！？!?：:")


def leads(text: str, bold: list[tuple[int, int]]) -> list[Lead]:
    """Run-in headings: bold runs, and inline 一是/二是 points where they are not bold."""
    found = [Lead(a, b, text[a:b].rstrip("。！？!?：:，,")) for a, b in bold]
    points = [(value, m.start()) for m in POINT.finditer(text)
              if (value := numeral_value(m.group(1)))]
    # Only a real enumeration counts: 一是, 二是, ... in order.
    sequence = []
    for value, pos in points:
        if value == len(sequence) + 1:
            sequence.append(pos)
    if len(sequence) >= 2:
        starts = {lead.start for lead in found}
        for pos in sequence:
            if pos not in starts:
                end, title = first_sentence(text, pos)
                found.append(Lead(pos, end, title))
    return sorted(found, key=lambda lead: lead.start)


class TreeBuilder:
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
            _, title = first_sentence(text)
            self._item = {"title": title, "kind": "item", "paragraph": number, "children": []}
            self._part["children"].append(self._item)
        elif text.startswith(ADDRESS_OPENERS):
            self._item = None
        path = (self._part["title"],)
        return path + ((self._item["title"],) if self._item else ())

    def leads(self, found: list[Lead], number: int) -> None:
        parent = self._item or self._part
        if parent is None:
            return
        for lead in found:
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
