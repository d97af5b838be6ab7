"""CSV exports for spreadsheets: the library's passages (one row a use) and trend series
(one row a year). Written with the csv module, so a text holding commas, quotes or line
breaks stays one cell."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..library.queries import LibraryPassages, TermTrend

PASSAGE_COLUMNS = ["report", "place", "year", "level", "section", "paragraph", "line", "text",
                   "start", "end", "match"]
TREND_COLUMNS = ["label", "year", "reports", "using", "occurrences", "characters", "rate"]


def write_passages_csv(found: "LibraryPassages", out: TextIO) -> None:
    """One row per use: the report and where in it, the paragraph as displayed, the use's
    [start, end) offsets in that text and what it matched.

    Written by ``csv_line``, not the csv module: its writer checks every character of every
    field through a function call, which was a third of the CPU of ``grep --csv`` of a term
    in half the reports (6,836 rows, each with its paragraph). The numbers (paragraph, line,
    offsets) are written as they are: they never need quotes."""
    out.write(csv_line(PASSAGE_COLUMNS))
    for group in found.groups:
        r = group.report  # its cells once per report, not once per use
        report = csv_line([r.source, r.place or "", r.year or "", r.level or ""])[:-1]
        out.writelines(f"{report},{_cell(p.section)},{p.paragraph},{p.line},{text},"
                       f"{start},{end},{_cell(p.text[start:end])}\n"
                       for p in group.passages for text in (_cell(p.text),)
                       for start, end in p.spans)


def csv_line(fields: list) -> str:
    """One CSV record (RFC 4180, as the csv module's minimal quoting writes it, ending in
    ``\n``): a field holding a comma, a double quote, a line feed or a carriage return is
    quoted, its quotes doubled."""
    return ",".join(map(_cell, fields)) + "\n"


def _cell(value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def write_trend_csv(trends: list["TermTrend"], out: TextIO) -> None:
    """One row per series and year (the rate per 100,000 characters)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TREND_COLUMNS)
    for t in trends:
        for series in t.series:
            for p in series.points:
                writer.writerow([series.label, p.year, p.reports, p.using, p.occurrences,
                                 p.characters, p.rate_rounded])
