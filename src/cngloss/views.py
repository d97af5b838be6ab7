"""What the commands show people, as plain blocks of styled text.

A view is a list of blocks (``Line``, ``Table``, ``Blank``) whose text carries style
names, not terminal codes. ``console.py`` prints a view with rich on a terminal, and as
plain aligned text everywhere else, so each command's layout is written once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence, Union

from .model import Glossary, Passage, Term
from .numerals import leading_count

if TYPE_CHECKING:  # pragma: no cover
    from .checks import CheckResult

Span = tuple[str, Union[str, None]]  # (text, style name or None)
SECTION_SEP = " › "


class Line(NamedTuple):
    spans: list[Span]
    indent: int = 0


class Table(NamedTuple):
    headers: list[str]
    rows: list[list[list[Span]]]


class Blank(NamedTuple):
    pass


Block = Union[Line, Table, Blank]


def line(*spans: Span | str, indent: int = 0) -> Line:
    return Line([(s, None) if isinstance(s, str) else s for s in spans], indent)


def highlighted(text: str, spans: Iterable[tuple[int, int]], style: str = "match") -> list[Span]:
    """``text`` cut into spans, with the given [start, end) ranges in ``style``."""
    out: list[Span] = []
    pos = 0
    for a, b in spans:
        if a > pos:
            out.append((text[pos:a], None))
        out.append((text[a:b], style))
        pos = b
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def section_text(section: Sequence[str]) -> str:
    return SECTION_SEP.join(section) if section else "(opening)"


# --------------------------------------------------------------------------- list


def list_view(glossary: Glossary, counts: dict[str, int | None]) -> list[Block]:
    table = Table(["note", "term", "pinyin", "english", "passages"], [])
    for term in glossary.terms:
        count = counts.get(term.id)
        table.rows.append([
            [(str(term.note) if term.note is not None else "", "number")],
            [(term.term, "headword")],
            [(term.pinyin, "pinyin")],
            [(term.english[0].text if term.english else "", "english")],
            [(str(count) if count is not None else "-", "number")],
        ])
    return [table]


# --------------------------------------------------------------------------- show


def term_view(term: Term, glossary: Glossary, passages: list[Passage] | None,
              report_name: str | None = None) -> list[Block]:
    """Everything about one term: header, definition, parts, related, passages."""
    blocks: list[Block] = []
    head: list[Span] = [(term.term, "headword"), ("  ", None), (term.pinyin, "pinyin")]
    if term.note is not None:
        head += [("  ", None), (f"note {term.note}", "dim")]
    blocks.append(Line(head))
    if term.printed and term.printed != term.term:
        blocks.append(line(("printed ", "label"), term.printed))
    if term.variants:
        blocks.append(line(("variants ", "label"), "、".join(term.variants)))
    for rendering in term.english:
        spans: list[Span] = [("english ", "label"), (rendering.text, "english")]
        if rendering.source:
            spans.append((f" — {rendering.source}", "dim"))
        blocks.append(Line(spans))
    blocks += [Blank(), line(("Definition", "heading")), line(term.definition, indent=2)]
    if term.remark:
        blocks.append(line(("Remark: ", "label"), term.remark, indent=2))
    if term.parts:
        blocks += [Blank(), line(("Parts", "heading"))]
        blocks += parts_blocks(term)
    if term.tags:
        blocks += [Blank(), line(("Tags ", "label"), ", ".join(term.tags))]
    related = glossary.related(term)
    if related:
        spans = [("Related ", "label")]
        for i, other in enumerate(related):
            if i:
                spans.append(("、", None))
            spans.append((other.term, "headword"))
            if other.note is not None:
                spans.append((f" ({other.note})", "dim"))
        blocks.append(Line(spans))
    if passages is not None:
        blocks += [Blank(), line((f"Passages ({len(passages)})", "heading"),
                                 (f"  in {report_name}" if report_name else "", "dim"))]
        blocks += passage_blocks(passages)
    return blocks


def parts_blocks(term: Term) -> list[Block]:
    blocks: list[Block] = []
    for part in term.parts:
        indent = 2
        if part.name:
            count = leading_count(part.name)
            label = f" · {len(part.items)}" if count is not None else ""
            blocks.append(line((part.name, "headword"), (label, "number"), indent=2))
            indent = 4
        for i, item in enumerate(part.items):
            branch = "└ " if i == len(part.items) - 1 else "├ "
            blocks.append(line((branch, "dim"), item, indent=indent))
    return blocks


def passage_blocks(passages: list[Passage]) -> list[Block]:
    blocks: list[Block] = []
    for i, passage in enumerate(passages, start=1):
        blocks.append(line((f"{i}. ", "number"), (f"¶{passage.paragraph}", "number"),
                           ("  ", None), (section_text(passage.section), "section"),
                           (f"  (line {passage.line})", "dim"), indent=2))
        blocks.append(Line(highlighted(passage.text, passage.spans), indent=5))
    return blocks


# --------------------------------------------------------------------------- check


def check_view(result: "CheckResult") -> list[Block]:
    """The summary ``check`` prints to stdout (the problems themselves go to stderr)."""
    blocks: list[Block] = []
    report = result.report
    if report is not None:
        for applied in report.applied:
            where = f"paragraph {applied.paragraph}" if applied.paragraph else "notes"
            blocks.append(line(("corrected ", "label"),
                               f"{applied.correction.original!r} -> "
                               f"{applied.correction.corrected!r} ({where}, line {applied.line})"))
    errors, warnings = len(result.errors), len(result.warnings)
    against = f" against {report.path.name} ({len(report.paragraphs)} paragraphs, " \
        f"{len(report.notes)} notes)" if report else ""
    status = ("ok", "ok") if not errors else ("FAILED", "error")
    blocks.append(line((status[0], status[1]),
                       f": {result.terms} terms checked{against}: "
                       f"{errors} error(s), {warnings} warning(s)"))
    return blocks


# --------------------------------------------------------------------------- search


def search_view(hits: list, describe) -> list[Block]:
    """Search results: headword, pinyin, English, what matched, score."""
    table = Table(["term", "pinyin", "english", "matched on", "score"], [])
    for hit in hits:
        matched: list[Span] = [(describe(hit), None)]
        if hit.snippet and hit.field in ("definition", "part", "english"):
            matched.append((f": {hit.snippet}", "dim"))
        table.rows.append([
            [(hit.term.term, "headword")],
            [(hit.term.pinyin, "pinyin")],
            [(hit.term.english[0].text if hit.term.english else "", "english")],
            matched,
            [(str(hit.score), "number")],
        ])
    return [table]


def candidates_view(terms: list[Term]) -> list[Block]:
    """The terms an ambiguous query fits, for stderr."""
    table = Table(["term", "pinyin", "id"], [])
    for term in terms:
        table.rows.append([[(term.term, "headword")], [(term.pinyin, "pinyin")],
                           [(term.id, "dim")]])
    return [table]


# --------------------------------------------------------------------------- grep


def grep_view(passages: list[Passage], term_spans, width: int) -> list[Block]:
    """Keyword in context: one line per use, the match centred, glossary terms marked."""
    blocks: list[Block] = []
    for passage in passages:
        blocks.append(line((f"¶{passage.paragraph}", "number"), "  ",
                           (section_text(passage.section), "section"),
                           (f"  (line {passage.line})", "dim")))
        terms = term_spans(passage.text)
        for a, b in passage.spans:
            blocks.append(Line(kwic(passage.text, a, b, terms, width), indent=2))
    return blocks


def kwic(text: str, start: int, end: int, terms: list[tuple[int, int]],
         width: int) -> list[Span]:
    """One keyword-in-context line: up to ``width`` columns around text[start:end]."""
    from .textwidth import width as columns

    side = max(6, (width - columns(text[start:end])) // 2 - 2)
    left_start = start
    while left_start > 0 and columns(text[left_start - 1:start]) < side:
        left_start -= 1
    right_end = end
    while right_end < len(text) and columns(text[end:right_end + 1]) < side:
        right_end += 1
    spans: list[Span] = [("…" if left_start > 0 else "", "dim")]
    marks = sorted(
        [(a, b, "headword") for a, b in terms if b <= start or a >= end] +
        [(start, end, "match")]
    )
    pos = left_start
    for a, b, style in marks:
        a, b = max(a, left_start), min(b, right_end)
        if a >= b or a < pos:
            continue
        spans.append((text[pos:a], None))
        spans.append((text[a:b], style))
        pos = b
    spans.append((text[pos:right_end], None))
    spans.append(("…" if right_end < len(text) else "", "dim"))
    return [s for s in spans if s[0]]


# --------------------------------------------------------------------------- related


def related_view(tree: dict) -> list[Block]:
    """A cross-reference neighbourhood as a tree (see ``related.neighbourhood``)."""
    blocks: list[Block] = [Line(_node_spans(tree))]

    def walk(children: list[dict], prefix: str) -> None:
        for i, child in enumerate(children):
            last = i == len(children) - 1
            blocks.append(Line([(prefix + ("└── " if last else "├── "), "dim")]
                               + _node_spans(child)))
            walk(child["related"], prefix + ("    " if last else "│   "))

    walk(tree["related"], "")
    if not tree["related"]:
        blocks.append(line(("(no cross-references)", "dim")))
    return blocks


def _node_spans(node: dict) -> list[Span]:
    spans: list[Span] = [(node["term"], "headword")]
    if node["note"] is not None:
        spans.append((f" ({node['note']})", "dim"))
    if node["tags"]:
        spans.append(("  " + ", ".join(node["tags"]), "section"))
    return spans
