"""CSV exports for spreadsheets: the library's passages (one row a use) and trend series
(one row a year), written by ``text.csvcell``: the one CSV policy (docs/commands.md, "CSV")."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ..model import SECTION_SEP
from ..text.csvcell import TERMINATOR, cell, inert, offset_in_cell, quoted, record

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..library.queries import TermTrend
    from ..model import Discovered, Passages, ReportInfo

PASSAGE_COLUMNS = ["report", "place", "year", "level", "section", "paragraph", "line", "text",
                   "start", "end", "match"]
DISCOVER_COLUMNS = ["document", "term", "kind", "count", "lines", "expansion",
                    "expansion_line", "defined"]
TREND_COLUMNS = ["label", "year", "reports", "using", "occurrences", "characters", "rate"]
REPORT_COLUMNS = ["id", "year", "place", "level", "title", "source", "paragraphs", "characters",
                  "added"]


def write_passages_csv(found: "Passages", out: TextIO) -> None:
    """One row per use: the report and where in it, the paragraph as displayed, the use's
    [start, end) offsets in that text cell as written (so that a slice of the cell is the
    use, also where an apostrophe guards it or a control character is written visibly) and
    what it matched.

    Each report's cells are made once per report, each paragraph's once per paragraph,
    sections and matches (which repeat) once each, and the offsets kept as they are unless
    the paragraph's cell differs from its text: a term in half the reports is 6,836 rows,
    each with its paragraph."""
    cells = _Cells()
    out.write(record(PASSAGE_COLUMNS))
    for group in found.groups:
        r = group.report
        report = ",".join(map(cells.__getitem__, (r.source, r.place, r.year, r.level)))
        for p in group.passages:
            shown = inert(p.text)
            spans = p.spans if len(shown) == len(p.text) else [
                (offset_in_cell(p.text, start), offset_in_cell(p.text, end))
                for start, end in p.spans]
            head = f"{report},{cells[SECTION_SEP.join(p.section)]},{p.paragraph},{p.line},{quoted(shown)}"
            out.writelines(f"{head},{shown_start},{shown_end},{cells[p.text[start:end]]}"
                           f"{TERMINATOR}"
                           for (start, end), (shown_start, shown_end) in zip(p.spans, spans))


class _Cells(dict):
    """The cell of each value, made once."""

    def __missing__(self, value: object) -> str:
        made = self[value] = cell(value)
        return made


def write_trend_csv(trends: list["TermTrend"], out: TextIO) -> None:
    """One row per series and year (the rate per 100,000 characters)."""
    out.write(record(TREND_COLUMNS))
    out.writelines(record([series.label, p.year, p.reports, p.using, p.occurrences,
                           p.characters, p.rate_rounded])
                   for t in trends for series in t.series for p in series.points)


def write_reports_csv(infos: list["ReportInfo"], out: TextIO) -> None:
    """One row per report, as ``reports --json`` lists them (``cngloss serve``'s CSV link)."""
    out.write(record(REPORT_COLUMNS))
    out.writelines(record([i.id, i.year, i.place, i.level, i.title, i.source, i.paragraphs,
                           i.chars, i.added]) for i in infos)


LIBRARY_DISCOVER_COLUMNS = ["term", "kind", "count", "reports", "places", "first_year",
                            "first_place", "national", "province", "city", "last_year",
                            "expansion", "senses", "defined"]


def write_discover_csv(found: "Discovered", out: TextIO) -> None:
    """One row per slogan of each document: its lines joined by spaces, its items by 、;
    across the library, one per slogan with its dates (the first year at each level)."""
    if found.library_terms is not None:
        out.write(record(LIBRARY_DISCOVER_COLUMNS))
        out.writelines(record([
            t["term"], t["kind"], t["count"], t["reports"], t["places"], t["first_year"],
            t["first_report"]["place"], *[(t["first_by_level"][lv] or {}).get("year", "")
                                          for lv in ("national", "province", "city")],
            t["last_year"], "、".join(t["expansion"]["items"]) if t["expansion"] else "",
            len(t["senses"]), "yes" if t["defined"] else "no"]) for t in found.library_terms)
        return
    out.write(record(DISCOVER_COLUMNS))
    out.writelines(record([t.document, t.term, t.kind, t.count, " ".join(map(str, t.lines)),
                           "、".join(t.expansion.items) if t.expansion else "",
                           t.expansion.line if t.expansion else "",
                           "yes" if t.defined else "no"])
                   for t in found.terms)
