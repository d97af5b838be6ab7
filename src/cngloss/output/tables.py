"""CSV exports for spreadsheets: the library's passages (one row a use) and trend series
(one row a year). Written with the csv module, so a text holding commas, quotes or line
breaks stays one cell."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

from .json import rate  # the one definition of the rate

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..library.queries import LibraryPassages, TermTrend

PASSAGE_COLUMNS = ["report", "place", "year", "level", "section", "paragraph", "line", "text",
                   "start", "end", "match"]
TREND_COLUMNS = ["label", "year", "reports", "using", "occurrences", "characters", "rate"]


def write_passages_csv(found: "LibraryPassages", out: TextIO) -> None:
    """One row per use: the report and where in it, the paragraph as displayed, the use's
    [start, end) offsets in that text and what it matched."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PASSAGE_COLUMNS)
    writer.writerows([r.source, r.place or "", r.year or "", r.level or "", p.section,
                      p.paragraph, p.line, p.text, start, end, p.text[start:end]]
                     for group in found.groups for r in (group.report,)
                     for p in group.passages for start, end in p.spans)


def write_trend_csv(trends: list["TermTrend"], out: TextIO) -> None:
    """One row per series and year (the rate per 100,000 characters)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TREND_COLUMNS)
    for t in trends:
        for series in t.series:
            for p in series.points:
                writer.writerow([series.label, p.year, p.reports, p.using, p.occurrences,
                                 p.characters, rate(p)])
