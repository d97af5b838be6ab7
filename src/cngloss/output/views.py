"""What the commands show people, as plain blocks of styled text.

A view is a list of blocks (``Line``, ``Table``, ``Blank``) whose text carries style
names, not terminal codes. ``console.py`` prints a view with rich on a terminal, and as
plain aligned text everywhere else, so each command's layout is written once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence, Union

from ..model import Glossary, Passage, Term, section_label
from ..text.numerals import leading_count
from ..text.width import width as columns

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.checks import CheckResult
    from ..lookup.related import Node
    from ..corpus.queries import GrepResult
    from ..corpus.annotate import Annotation
    from ..lookup.search import Hit
    from ..library.glossary_queries import Entry, Row
    from ..library.lexicon import NoteSource
    from ..library.queries import LibraryPassages, TermTrend
    from ..library.catalog import ReportInfo

Span = tuple[str, Union[str, None]]  # (text, style name or None)
# Fields of ``show``: a label, then the value in a column of its own (continuation lines and
# further items of a list start there too, so no separator is needed that the data may hold).
LABEL_WIDTH = 10


class Line(NamedTuple):
    """One logical line; on a terminal it wraps, continuation lines indented by ``hang``
    columns (default: ``indent``), so a value stays in its column under its label."""

    spans: list[Span]
    indent: int = 0
    hang: int | None = None


class Table(NamedTuple):
    """Rows of cells; the columns listed in ``wrap`` may wrap on a narrow terminal."""

    headers: list[str]
    rows: list[list[list[Span]]]
    wrap: tuple[int, ...] = ()


class Blank(NamedTuple):
    pass


Block = Union[Line, Table, Blank]


def line(*spans: Span | str, indent: int = 0, hang: int | None = None) -> Line:
    return Line([(s, None) if isinstance(s, str) else s for s in spans], indent, hang)


def field(label: str, values: Sequence[list[Span]]) -> list[Line]:
    """``Label     value``: each value on its own line in the value column (what it wraps onto
    the next line two columns further in, so that each value is seen to start anew)."""
    out = []
    for i, value in enumerate(values):
        head = label.ljust(LABEL_WIDTH) if i == 0 else " " * LABEL_WIDTH
        out.append(Line([(head, "label" if i == 0 else None)] + value, 0, LABEL_WIDTH + 2))
    return out


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


# --------------------------------------------------------------------------- list


def list_view(glossary: Glossary, counts: dict[str, int | None]) -> list[Block]:
    table = Table(["note", "term", "pinyin", "english", "passages"], [], wrap=(1, 2, 3))
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
              report_name: str | None = None,
              definition_label: str = "Definition") -> list[Block]:
    """Everything about one term: header, fields, definition, remark, parts, passages.

    Short fields are ``Label  value`` lines with their values in one column; long texts are
    blocks under a heading. Labels and headings are capitalised alike.
    """
    blocks: list[Block] = []
    head: list[Span] = [(term.term, "headword"), ("  ", None), (term.pinyin, "pinyin")]
    if term.note is not None:
        head += [("  ", None), (f"note {term.note}", "dim")]
    blocks.append(Line(head))
    if term.printed and term.printed != term.term:
        blocks += field("Printed", [[(term.printed, None)]])
    if term.variants:
        blocks += field("Variants", [[(v, None)] for v in term.variants])
    renderings = []
    for rendering in term.english:
        value: list[Span] = [(rendering.text, "english")]
        if rendering.source:
            value.append((f" — {rendering.source}", "dim"))
        renderings.append(value)
    if renderings:
        blocks += field("English", renderings)
    blocks += [Blank(), line((definition_label, "heading")), line(term.definition, indent=2)]
    if term.remark:
        blocks += [Blank(), line(("Remark", "heading")), line(term.remark, indent=2)]
    if term.parts:
        blocks += [Blank(), line(("Parts", "heading"))]
        blocks += parts_blocks(term)
    related = glossary.related(term)
    if term.tags or related:
        blocks.append(Blank())
    if term.tags:
        blocks += field("Tags", [[(", ".join(term.tags), None)]])
    if related:
        blocks += field("Related", [
            [(other.term, "headword")]
            + ([(f" ({other.note})", "dim")] if other.note is not None else [])
            for other in related])
    if passages is not None:
        blocks += [Blank(), line((f"Passages ({len(passages)})", "heading"),
                                 (f"  in {report_name}" if report_name else "", "dim"))]
        blocks += passage_blocks(passages)
    return blocks


def parts_blocks(term: Term) -> list[Block]:
    """Each part as a name (or its number of items) over its items, all items at one indent."""
    blocks: list[Block] = []
    for part in term.parts:
        if part.name:
            count = leading_count(part.name)
            label = f" · {len(part.items)}" if count is not None else ""
            blocks.append(line((part.name, "headword"), (label, "number"), indent=2))
        else:
            blocks.append(line((f"{len(part.items)} items", "dim"), indent=2))
        for i, item in enumerate(part.items):
            branch = "└ " if i == len(part.items) - 1 else "├ "
            blocks.append(line((branch, "dim"), item, indent=4, hang=6))
    return blocks


def passage_blocks(passages: list[Passage]) -> list[Block]:
    blocks: list[Block] = []
    for i, passage in enumerate(passages, start=1):
        where = f"{i}. ¶{passage.paragraph}  "
        blocks.append(line((where.rstrip(), "number"), ("  ", None),
                           (section_label(passage.section), "section"),
                           (f"  (line {passage.line})", "dim"), indent=2,
                           hang=2 + len(where)))  # a wrapped section path lines up
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


def matched_on(hit: "Hit") -> str:
    """``pinyin (tone numbers, prefix)``: what a hit matched on, for people."""
    details = [d for d in (hit.form, hit.kind)
               if d not in ("hanzi", "pinyin", "english", "id", hit.field)]
    details = list(dict.fromkeys(details))
    return hit.field + (f" ({', '.join(details)})" if details else "")


def search_view(hits: Sequence["Hit"], query: str = "") -> list[Block]:
    """Search results: headword, pinyin, English, what matched (in a few words), score."""
    table = Table(["term", "pinyin", "english", "matched on", "score"], [], wrap=(1, 2, 3))
    for hit in hits:
        matched: list[Span] = [(matched_on(hit), None)]
        if hit.snippet and hit.field in ("definition", "part", "english"):
            snippet = matched_words(hit.snippet, query) if hit.field == "english" else hit.snippet
            matched.append((f": {snippet}", "dim"))
        table.rows.append([
            [(hit.term.term, "headword")],
            [(hit.term.pinyin, "pinyin")],
            [(hit.term.english[0].text if hit.term.english else "", "english")],
            matched,
            [(str(hit.score), "number")],
        ])
    return [table]


def year_ranges(years: Sequence[int]) -> str:
    """``2019–2021, 2023``: sorted years, runs of consecutive ones as a range."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


ENTRY_COLUMNS = ["term", "pinyin", "english", "reports", "years"]
UNREVIEWED_NOTE = "* from the reports' notes only (not reviewed)"


def entry_cells(row: "Row") -> list[list[Span]]:
    """An entry of the glossaries in a table: headword (``*`` when only the notes define
    it), pinyin, English, the reports whose notes define it, their years."""
    return [
        [(row.term.term, "headword")] + ([] if row.reviewed else [("*", "dim")]),
        [(row.term.pinyin, "pinyin")],
        [(row.term.english[0].text if row.term.english else "", "english")],
        [(str(row.reports), "number")],
        [(year_ranges(row.years), None)],
    ]


def glossary_search_view(rows: Sequence["Row"], query: str = "") -> list[Block]:
    """Search across the glossaries: one row per headword, with the reports whose notes
    define it and their years."""
    table = Table(ENTRY_COLUMNS + ["matched on", "score"], [], wrap=(1, 2, 4, 5))
    for row in rows:
        hit = row.hit
        matched: list[Span] = [(matched_on(hit), None)]
        if hit.snippet and hit.field in ("definition", "part", "english"):
            snippet = matched_words(hit.snippet, query) if hit.field == "english" else hit.snippet
            matched.append((f": {snippet}", "dim"))
        table.rows.append(entry_cells(row) + [matched, [(str(hit.score), "number")]])
    blocks: list[Block] = [table]
    if any(not row.reviewed for row in rows):
        blocks.append(line((UNREVIEWED_NOTE, "dim")))
    return blocks


def glossary_list_view(rows: Sequence["Row"]) -> list[Block]:
    """The selected entries of every glossary in use, with the reports (in the selection)
    whose notes define each and their years."""
    table = Table(list(ENTRY_COLUMNS), [entry_cells(row) for row in rows], wrap=(1, 2, 4))
    count = f"{len(rows):,} entr{'y' if len(rows) == 1 else 'ies'}"
    blocks: list[Block] = [table, line((count, "dim"))]
    if any(not row.reviewed for row in rows):
        blocks.append(line((UNREVIEWED_NOTE, "dim")))
    return blocks


def note_source_label(source: "NoteSource") -> str:
    """``连州市 2021 note 1`` (``… unnumbered note`` where the report gives no number)."""
    note = f"note {source.number}" if source.number is not None else "unnumbered note"
    return f"{source.place or '?'} {source.year or '?'} {note}"


def definitions_view(entry: "Entry") -> list[Block]:
    """The reports' definitions of a term: each wording once with all its sources, oldest
    first, marked where it is (or is not) the curated definition's wording."""
    origin = ("curated" if entry.curated else f"glossary {entry.origin}" if entry.origin
              else "the reports' notes only (not reviewed)")
    blocks: list[Block] = [Blank(), line(("From", "dim"), ("      ", None), (origin, None))]
    if not entry.definitions:
        return blocks + [Blank(), line(("In the reports' notes", "heading"),
                                       ("  none", "dim"))]
    blocks += [Blank(), line(("In the reports' notes", "heading"),
                             (f"  {_plural(entry.reports, 'report')}, "
                              f"{_plural(len(entry.definitions), 'wording')}", "dim"))]
    for k, definition in enumerate(entry.definitions, 1):
        where = " · ".join(note_source_label(s) for s in definition.sources)
        head: list[Span] = [(f"{k}. ", "number"), (where, None)]
        printed = [h for h in definition.headwords if h != entry.term.term]
        if printed:
            head.append((f"  as {' · '.join(printed)}", "dim"))
        if definition.agrees is True:
            head.append(("  (the curated wording)", "dim"))
        elif definition.agrees is False:
            head.append(("  (differs from the curated definition)", "dim"))
        blocks += [line(*head, indent=2, hang=5), line(definition.text, indent=5)]
    return blocks


def matched_words(snippet: str, query: str) -> str:
    """The words of an English snippet that the query matched, with … for what is left out:
    ``rural roads that are well built, ...`` for ``rural roads`` -> ``rural roads …``."""
    words = snippet.split()
    wanted = [w for w in re.findall(r"\w+", query.lower()) if w]
    hits = [i for i, word in enumerate(words)
            if any(re.sub(r"\W", "", word.lower()).startswith(w) for w in wanted)]
    if not hits:
        first, last = 0, min(len(words), 4) - 1
    else:
        first, last = hits[0], hits[-1]
    shown = " ".join(words[first:last + 1]).rstrip(",;:")
    return ("… " if first > 0 else "") + shown + (" …" if last < len(words) - 1 else "")


def candidates_view(terms: list[Term]) -> list[Block]:
    """The terms an ambiguous query fits, for stderr."""
    table = Table(["term", "pinyin", "id"], [])
    for term in terms:
        table.rows.append([[(term.term, "headword")], [(term.pinyin, "pinyin")],
                           [(term.id, "dim")]])
    return [table]


# --------------------------------------------------------------------------- grep


def grep_view(result: "GrepResult", width: int) -> list[Block]:
    """Keyword in context: a count, then one line per sentence with every use in it marked
    (style ``hit``), under its paragraph, section and line; glossary terms nearby in bold."""
    passages = result.passages
    uses = result.count
    paragraphs = len({p.paragraph for p in passages})
    blocks: list[Block] = [line((f"{uses} use{'s' * (uses != 1)} in {len(passages)} "
                                 f"sentence{'s' * (len(passages) != 1)} of {paragraphs} "
                                 f"paragraph{'s' * (paragraphs != 1)}", "dim"))]
    for passage, term_spans in zip(passages, result.term_spans):
        head = f"¶{passage.paragraph}  "
        blocks.append(line((head.rstrip(), "number"), "  ",
                           (section_label(passage.section), "section"),
                           (f"  (line {passage.line})", "dim"), hang=len(head)))
        blocks.append(Line(kwic(passage.text, list(passage.spans), term_spans, width - 2),
                           indent=2))
    return blocks


def kwic(text: str, hits: list[tuple[int, int]], terms: list[tuple[int, int]],
         width: int) -> list[Span]:
    """One keyword-in-context line of about ``width`` columns: the stretch from the first
    use to the last one, centred, with context either side (the whole sentence if longer).
    Two columns per use are kept for the »« that mark it where there is no colour."""
    start, end = hits[0][0], hits[-1][1]
    room = width - 2 * len(hits) - 2  # the marks, and the … at either end
    side = max(0, (room - columns(text[start:end])) // 2)
    left_start = start
    while left_start > 0 and columns(text[left_start - 1:start]) <= side:
        left_start -= 1
    right_end = end
    while right_end < len(text) and columns(text[end:right_end + 1]) <= side:
        right_end += 1
    spans: list[Span] = [("…" if left_start > 0 else "", "dim")]
    marks = sorted(
        [(a, b, "headword") for a, b in terms
         if all(b <= s or a >= e for s, e in hits)] +
        [(a, b, "hit") for a, b in hits]
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


def related_view(tree: "Node") -> list[Block]:
    """A cross-reference neighbourhood as a tree (see ``lookup.related.neighbourhood``)."""
    blocks: list[Block] = [Line(_node_spans(tree.term))]

    def walk(children: Sequence["Node"], prefix: str) -> None:
        for i, child in enumerate(children):
            last = i == len(children) - 1
            blocks.append(Line([(prefix + ("└── " if last else "├── "), "dim")]
                               + _node_spans(child.term)))
            walk(child.related, prefix + ("    " if last else "│   "))

    walk(tree.related, "")
    if not tree.related:
        blocks.append(line(("(no cross-references)", "dim")))
    return blocks


def _node_spans(term: Term) -> list[Span]:
    spans: list[Span] = [(term.term, "headword")]
    if term.note is not None:
        spans.append((f" ({term.note})", "dim"))
    if term.tags:
        spans.append(("  " + ", ".join(term.tags), "section"))
    return spans


# --------------------------------------------------------------------------- the library


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' * (n != 1)}"


def report_label(info: "ReportInfo") -> str:
    """``孝感市 2023`` (what the library knows of a report, for people)."""
    return " ".join(str(x) for x in (info.place or "?", info.year or "?"))


def reports_view(infos: list["ReportInfo"]) -> list[Block]:
    """The library's reports, newest first: id, year, place, level, size, where from."""
    rows = [[[(str(i.id), "number")], [(str(i.year or "?"), None)], [(i.place or "?", None)],
             [(i.level or "?", "dim")], [(f"{i.chars:,}", None)], [(i.source, "dim")]]
            for i in infos]
    chars = sum(i.chars for i in infos)
    return [Table(["id", "year", "place", "level", "characters", "source"], rows, wrap=(5,)),
            line((f"{_plural(len(infos), 'report')}, {chars:,} characters", "dim"))]


def library_passages_view(found: "LibraryPassages", width: int) -> list[Block]:
    """Passages across the library, grouped by report (newest first): a count, then each
    report's paragraphs as keyword-in-context lines, then how many were left out."""
    blocks: list[Block] = [line((f"{_plural(found.hits, 'use')} in "
                                 f"{_plural(found.passages, 'paragraph')} of "
                                 f"{_plural(found.reports, 'report')}", "dim"))]
    for group in found.groups:
        blocks.append(line((report_label(group.report), "headword"), "  ",
                           (group.report.level or "", "dim"), "  ",
                           (group.report.source, "dim")))
        for p in group.passages:
            head = f"¶{p.paragraph}  "
            blocks.append(line((head.rstrip(), "number"), "  ", (p.section or "opening",
                                                                 "section"),
                               (f"  (line {p.line})", "dim"), indent=2, hang=2 + len(head)))
            blocks.append(Line(kwic(p.text, list(p.spans), [], width - 4), indent=4))
        if group.more:
            blocks.append(line((f"… {_plural(group.more, 'more paragraph')} in this report",
                                "dim"), indent=2))
    rest = found.passages - found.shown - sum(g.more for g in found.groups)
    if rest > 0:
        shown_reports = len(found.groups)
        blocks.append(line((f"… {_plural(rest, 'more paragraph')} in "
                            f"{_plural(found.reports - shown_reports, 'more report')}"
                            if found.reports > shown_reports else
                            f"… {_plural(rest, 'more paragraph')}", "dim"),
                           (" (raise --limit to see them)", "dim")))
    return blocks


def trend_view(trends: list["TermTrend"]) -> list[Block]:
    """Each text's summary: uses, reports, first and last year, the places using it most
    (the chart of the series follows it: ``output/chart.py``)."""
    blocks: list[Block] = []
    for t in trends:
        span = f"{t.first_year}–{t.last_year}" if t.first_year is not None else "never"
        blocks.append(line((t.label, "headword"), "  ",
                           (f"{_plural(t.occurrences, 'use')} in {_plural(t.reports, 'report')}"
                            f", {span}", "dim")))
        if t.top_places:
            blocks.append(line(("most: ", "dim"), ", ".join(f"{p} {n:,}"
                                                            for p, n, _ in t.top_places)))
    return blocks


# --------------------------------------------------------------------------- annotate


def annotate_view(found: "Annotation", glossary: Glossary, text: bool = True) -> list[Block]:
    """The document a line a line with every use of a term marked (»« without colour), then
    the terms it uses: count, first line, English. ``text=False``: the table alone."""
    blocks: list[Block] = []
    if text:
        by_line: dict[int, list[tuple[int, int]]] = {}
        for o in found.occurrences:  # a use never spans lines: no form holds a line break
            shift = o.column - 1 - o.start
            by_line.setdefault(o.line, []).append((o.start + shift, o.end + shift))
        lines = found.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        blocks += [Line(highlighted(one, by_line.get(number, []), "hit"))
                   for number, one in enumerate(lines, 1)]
        blocks.append(Blank())
    uses = len(found.occurrences)
    blocks.append(line((f"{_plural(uses, 'use')} of {_plural(len(found.terms), 'term')} "
                        f"in {found.name}", "dim")))
    if found.terms:
        table = Table(["term", "count", "first line", "english"], [], wrap=(0, 3))
        for use in found.terms:
            term = use.term
            table.rows.append([
                [(term.term, "headword")],
                [(str(use.count), "number")],
                [(str(use.first.line), "number")],
                [(term.english[0].text if term.english else "", "english")],
            ])
        blocks.append(table)
    return blocks
