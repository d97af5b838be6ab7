"""A trend chart for the terminal: one row per year, one bar column per series.

Time runs down the page rather than across it, so every year of 1954-2026 keeps its own row
at any width, the exact value stands beside each bar, and labels of any length (CJK takes two
columns) head their column. The chart is honest about the library: each row shows how many
reports that year holds; years without a report are gaps (one dim ``no reports`` row per run of
them), which is not the same as a year whose reports do not use the term (an empty bar and
``0``). A non-zero value never rounds down to an empty bar.

The result is a view (``output.views`` blocks with style names): the console adds colour on a
terminal only, so ``NO_COLOR`` and pipes get the same layout in plain text, the series told
apart by their columns rather than their colours.
"""

from __future__ import annotations

from typing import Sequence

from ..errors import ChoiceError
from ..model import TrendSeries, YearPoint
from ..output.views import Block, Line, Span, line
from ..text.width import pad, width as columns, wrap

# The measures a chart can show, the default first.
MEASURES = ("rate", "reports", "occurrences")
TITLES = {
    "rate": "Uses per 100,000 characters of each year's reports",
    "reports": "Reports that use it, of each year's reports",
    "occurrences": "Uses in each year's reports",
}
SERIES_STYLES = 6  # styles series0 .. series5 (output.console.STYLES), then again
_EIGHTHS = " ▏▎▍▌▋▊▉"
MIN_BAR = 4  # below this many columns per bar, the series go on lines of their own
_GAP = "no reports"


def measure_value(point: YearPoint, measure: str) -> float:
    """The value of one year in ``measure`` (the rate is 0 for a year of empty reports)."""
    if measure == "rate":
        return point.occurrences * 100000 / point.characters if point.characters else 0.0
    if measure == "reports":
        return float(point.using)
    if measure == "occurrences":
        return float(point.occurrences)
    raise ChoiceError("measure", measure, MEASURES)


def format_value(value: float, measure: str) -> str:
    """``12.3``, ``0.45``, ``<0.01`` for a rate; whole numbers for counts. A rate that is
    not zero never prints as ``0``."""
    if measure != "rate":
        return str(int(value))
    if value == 0:
        return "0"
    if value < 0.005:
        return "<0.01"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def bar(value: float, top: float, room: int) -> str:
    """A bar of ``room`` columns at most, in eighths of a column, for ``value`` of ``top``;
    a value above zero gets at least one eighth."""
    if value <= 0 or top <= 0 or room <= 0:
        return ""
    eighths = round(value / top * room * 8)
    eighths = min(max(eighths, 1), room * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def fit(text: str, room: int) -> str:
    """``text`` cut to ``room`` terminal columns, with ``…`` where it was cut."""
    if columns(text) <= room:
        return text
    out = ""
    for ch in text:
        if columns(out + ch) > room - 1:
            break
        out += ch
    return out + "…"


def _gather(series: Sequence[TrendSeries], measure: str):
    """(years of the span, reports per year, values per series and year or None)."""
    reports: dict[int, int] = {}
    values: list[dict[int, float]] = []
    for one in series:
        by_year = {}
        for point in one.points:
            if point.reports > 0:
                reports[point.year] = max(reports.get(point.year, 0), point.reports)
                by_year[point.year] = measure_value(point, measure)
        values.append(by_year)
    years = list(range(min(reports), max(reports) + 1)) if reports else []
    return years, reports, values


def chart_view(series: Sequence[TrendSeries], measure: str = "rate",
               width: int = 80) -> list[Block]:
    """The chart of ``series`` in ``measure``, in at most ``width`` columns (at least 40)."""
    if measure not in MEASURES:
        raise ChoiceError("measure", measure, MEASURES)
    width = max(width, 40)
    years, reports, values = _gather(series, measure)
    if not years:
        return [line(("No reports in the library for these years: nothing to chart.", "dim"))]
    top = max((v for by_year in values for v in by_year.values()), default=0.0)
    shown = [format_value(v, measure) for by_year in values for v in by_year.values()]
    value_width = max([1] + [columns(s) for s in shown])
    count_width = max(len("reports"), len(str(max(reports.values()))))
    head = 4 + 2 + count_width  # "1999  reports"
    per_series = (width - head) // len(series)
    bar_room = per_series - 3 - value_width  # " │" + bar + " " + value
    blocks: list[Block] = [line((TITLES[measure], "heading"))]
    if bar_room >= MIN_BAR:
        blocks += _columns(series, years, reports, values, measure, count_width,
                           per_series, bar_room, value_width, top)
    else:
        blocks += _stacked(series, years, reports, values, measure, count_width, width,
                           value_width, top)
    scale = f"A full bar is {format_value(top, measure)}. " if top > 0 else ""
    note = (f"{scale}'reports': the reports of that year in the library; '{_GAP}': none "
            "that year (a gap, not a zero).")
    blocks += [line((text, "dim")) for text in wrap(note, width)]
    return blocks


def _gap_line(first: int, last: int) -> Line:
    years = str(first) if first == last else f"{first}-{last}"
    return line((years, "dim"), ("  ", None), (_GAP, "dim"))


def _runs(years: list[int], reports: dict[int, int]):
    """The years in order, each run of years without reports as one (first, last) pair."""
    i = 0
    while i < len(years):
        if years[i] in reports:
            yield years[i], None
            i += 1
            continue
        j = i
        while j + 1 < len(years) and years[j + 1] not in reports:
            j += 1
        yield years[i], years[j]
        i = j + 1


def _cell(by_year: dict[int, float], year: int, measure: str, top: float, bar_room: int,
          value_width: int, style: str) -> list[Span]:
    """`` │███▍  12.3``: the bar in the series' style, the value right-aligned; a series with
    no point for the year (its reports not counted) shows ``–``."""
    if year not in by_year:
        return [(" │", "dim"), (" " * (bar_room + 1) + "–".rjust(value_width), "dim")]
    value = by_year[year]
    drawn = bar(value, top, bar_room)
    return [(" │", "dim"), (drawn, style), (" " * (bar_room - columns(drawn) + 1), None),
            (format_value(value, measure).rjust(value_width), "number")]


def _columns(series, years, reports, values, measure, count_width, per_series, bar_room,
             value_width, top) -> list[Block]:
    header: list[Span] = [("year", "label"), ("  ", None),
                          ("reports".rjust(count_width), "label")]
    for i, one in enumerate(series):
        header += [(" │", "dim"), (pad(fit(one.label, per_series - 2), per_series - 2),
                                   f"series{i % SERIES_STYLES}")]
    blocks: list[Block] = [_rstripped(header)]
    for first, last in _runs(years, reports):
        if last is not None:
            blocks.append(_gap_line(first, last))
            continue
        row: list[Span] = [(str(first), None), ("  ", None),
                           (str(reports[first]).rjust(count_width), "dim")]
        for i, by_year in enumerate(values):
            row += _cell(by_year, first, measure, top, bar_room, value_width,
                         f"series{i % SERIES_STYLES}")
        blocks.append(_rstripped(row))
    return blocks


def _stacked(series, years, reports, values, measure, count_width, width, value_width,
             top) -> list[Block]:
    """Too many series for columns side by side: under each year, one line per series."""
    label_width = min(max(columns(one.label) for one in series), max(6, width // 4))
    bar_room = max(1, width - 2 - label_width - 3 - value_width)
    blocks: list[Block] = [line(("year", "label"), ("  ", None),
                                ("reports".rjust(count_width), "label"))]
    for first, last in _runs(years, reports):
        if last is not None:
            blocks.append(_gap_line(first, last))
            continue
        blocks.append(line(str(first), "  ", (str(reports[first]).rjust(count_width), "dim")))
        for i, (one, by_year) in enumerate(zip(series, values)):
            style = f"series{i % SERIES_STYLES}"
            row: list[Span] = [("  ", None),
                               (pad(fit(one.label, label_width), label_width), style)]
            blocks.append(_rstripped(row + _cell(by_year, first, measure, top, bar_room,
                                                 value_width, style)))
    return blocks


def _rstripped(spans: list[Span]) -> Line:
    """A line without trailing spaces (a pipe gets no padding after the last value)."""
    spans = [s for s in spans if s[0]]
    while spans and not spans[-1][0].rstrip():
        spans.pop()
    if spans:
        spans[-1] = (spans[-1][0].rstrip(), spans[-1][1])
    return Line(spans)
