"""The terminal views of the library: its entries (one row per headword, with the reports
whose notes define it), every note's definition, reports, passages grouped by report, trends,
and what ``add`` and ``remove`` did."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..model import section_label
from .blocks import (ONLY_SOURCED, ONLY_SOURCED_NOTE, Blank, Block, Line, Span, Table, _count,
                     _plural, kwic, line, matched_cell, year_ranges)
from .english_views import Notes, passage_mark, sense_mark

if TYPE_CHECKING:  # pragma: no cover - types only
    from pathlib import Path

    from ..library.ingest import AddResult
    from ..library.lexicon import GlossaryAdded
    from ..library.queries import TermTrend
    from ..model import Entry, NoteSource, Passages, Removed, ReportInfo, Row

ENTRY_COLUMNS = ["term", "pinyin", "english", "reports", "years"]
UNREVIEWED_NOTE = "* from the reports' notes only (not reviewed)"


def entry_cells(row: "Row", notes: Notes) -> list[list[Span]]:
    """An entry of the glossaries in a table: headword (``*`` when only the notes define
    it), pinyin, English (curated, else sourced with its note number in ``notes``), the
    reports whose notes define it, their years."""
    return [
        [(row.term.term, "headword")] + ([] if row.reviewed else [("*", "dim")])
        + ([(ONLY_SOURCED, "dim")] if row.only_sourced else []),
        [(row.term.pinyin, "pinyin")],
        notes.cell(row.term, row.english),
        [(str(row.reports), "number")],
        [(year_ranges(row.years), None)],
    ]


def glossary_search_view(rows: Sequence["Row"], query: str = "") -> list[Block]:
    """Search across the glossaries: one row per headword, with the reports whose notes
    define it and their years."""
    table = Table(ENTRY_COLUMNS + ["matched on", "score"], [], wrap=(1, 2, 4, 5))
    notes = Notes()
    for row in rows:
        table.rows.append(entry_cells(row, notes) + [matched_cell(row.hit, query),
                                                     [(str(row.hit.score), "number")]])
    blocks: list[Block] = [table] + notes.blocks()
    if any(row.only_sourced for row in rows):
        blocks.append(line((ONLY_SOURCED_NOTE, "dim")))
    if any(not row.reviewed for row in rows):
        blocks.append(line((UNREVIEWED_NOTE, "dim")))
    return blocks


def glossary_list_view(rows: Sequence["Row"]) -> list[Block]:
    """The selected entries of every glossary in use, with the reports (in the selection)
    whose notes define each and their years."""
    notes = Notes()
    table = Table(list(ENTRY_COLUMNS), [entry_cells(row, notes) for row in rows],
                  wrap=(1, 2, 4))
    count = f"{len(rows):,} entr{'y' if len(rows) == 1 else 'ies'}"
    blocks: list[Block] = [table] + notes.blocks() + [line((count, "dim"))]
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
        head += sense_mark(definition.sense)
        blocks += [line(*head, indent=2, hang=5), line(definition.text, indent=5)]
    return blocks


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


def library_passages_view(found: "Passages", width: int) -> list[Block]:
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
            blocks.append(line((head.rstrip(), "number"), "  ", (section_label(p.section),
                                                                 "section"),
                               (f"  (line {p.line})", "dim"),
                               *passage_mark(p.sense, p.expansion), indent=2,
                               hang=2 + len(head)))
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


def add_view(result: "AddResult", glossaries: "GlossaryAdded | None",
             library: "Path") -> list[Block]:
    """What ``add`` did: the glossary files and the reports added, replaced, already there,
    failed, and (a folder's files) not reports."""
    blocks: list[Block] = []
    if glossaries is not None:
        blocks.append(line(f"added {_count(glossaries.added, 'glossary', 'glossaries')} "
                           f"({glossaries.terms} terms; {glossaries.replaced} replacing an "
                           f"older version, {glossaries.unchanged} already there) to {library}"))
    if glossaries is None or result.added or result.unchanged or result.failures \
            or result.skipped:
        skipped = len(result.skipped)
        not_reports = f", {skipped} not {'a report' if skipped == 1 else 'reports'}" \
            if skipped else ""
        blocks.append(line(f"added {_count(result.added, 'report')} ({result.replaced} "
                           f"replacing an older version, {result.unchanged} already there, "
                           f"{len(result.failures)} failed{not_reports}) to {library}"))
    return blocks


def removed_view(removed: "Removed") -> list[Block]:
    """What ``remove`` took out."""
    blocks: list[Block] = []
    if removed.glossaries is not None:
        blocks.append(line(f"removed {_count(removed.glossaries, 'glossary', 'glossaries')}"))
    if removed.reports or removed.glossaries is None:
        blocks.append(line(f"removed {_count(len(removed.reports), 'report')}"))
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
