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

from typing import NamedTuple, Sequence

from ..errors import ChoiceError
from ..model import TrendSeries, YearPoint
from .views import Block, Line, Span, line
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
        return point.rate
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


class _Chart(NamedTuple):
    """What every row of a chart needs: the years of its span, each year's reports, each
    series' values by year (a year the series has no point for is missing), the measure, the
    largest value (a full bar), and the widths of the value and reports columns."""

    years: list[int]
    reports: dict[int, int]
    values: list[dict[int, float]]
    measure: str
    top: float
    value_width: int
    count_width: int


def _gather(series: Sequence[TrendSeries], measure: str) -> _Chart:
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
    numbers = [v for by_year in values for v in by_year.values()]
    return _Chart(years, reports, values, measure, max(numbers, default=0.0),
                  max([1] + [columns(format_value(v, measure)) for v in numbers]),
                  max([len("reports")] + [len(str(n)) for n in reports.values()]))


def chart_view(series: Sequence[TrendSeries], measure: str = "rate",
               width: int = 80) -> list[Block]:
    """The chart of ``series`` in ``measure``, in at most ``width`` columns (at least 40)."""
    if measure not in MEASURES:
        raise ChoiceError("measure", measure, MEASURES)
    width = max(width, 40)
    chart = _gather(series, measure)
    if not chart.years:
        return [line((text, "dim")) for text in
                wrap("No reports in the library for these years: nothing to chart.", width)]
    head = 4 + 2 + chart.count_width  # "1999  reports"
    per_series = (width - head) // len(series)
    bar_room = per_series - 3 - chart.value_width  # " │" + bar + " " + value
    blocks: list[Block] = [line((text, "heading")) for text in wrap(TITLES[measure], width)]
    if bar_room >= MIN_BAR:
        blocks += _columns(series, chart, per_series, bar_room)
    else:
        blocks += _stacked(series, chart, width)
    scale = f"A full bar is {format_value(chart.top, measure)}. " if chart.top > 0 else ""
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


def _cell(chart: _Chart, index: int, year: int, bar_room: int) -> list[Span]:
    """`` │███▍  12.3``: the bar in the series' style, the value right-aligned; a series with
    no point for the year (its reports not counted) shows ``–``."""
    by_year, style = chart.values[index], _style(index)
    if year not in by_year:
        return [(" │", "dim"), (" " * (bar_room + 1) + "–".rjust(chart.value_width), "dim")]
    value = by_year[year]
    drawn = bar(value, chart.top, bar_room)
    return [(" │", "dim"), (drawn, style), (" " * (bar_room - columns(drawn) + 1), None),
            (format_value(value, chart.measure).rjust(chart.value_width), "number")]


def _style(index: int) -> str:
    return f"series{index % SERIES_STYLES}"


def _year(chart: _Chart, year: int) -> list[Span]:
    return [(str(year), None), ("  ", None),
            (str(chart.reports[year]).rjust(chart.count_width), "dim")]


def _header(chart: _Chart) -> list[Span]:
    return [("year", "label"), ("  ", None), ("reports".rjust(chart.count_width), "label")]


def _columns(series: Sequence[TrendSeries], chart: _Chart, per_series: int,
             bar_room: int) -> list[Block]:
    header = _header(chart)
    for i, one in enumerate(series):
        header += [(" │", "dim"), (pad(fit(one.label, per_series - 2), per_series - 2),
                                   _style(i))]
    blocks: list[Block] = [_rstripped(header)]
    for first, last in _runs(chart.years, chart.reports):
        if last is not None:
            blocks.append(_gap_line(first, last))
            continue
        row = _year(chart, first)
        for i in range(len(series)):
            row += _cell(chart, i, first, bar_room)
        blocks.append(_rstripped(row))
    return blocks


def _stacked(series: Sequence[TrendSeries], chart: _Chart, width: int) -> list[Block]:
    """Too many series for columns side by side: under each year, one line per series."""
    label_width = min(max(columns(one.label) for one in series), max(6, width // 4))
    bar_room = max(1, width - 2 - label_width - 3 - chart.value_width)
    blocks: list[Block] = [_rstripped(_header(chart))]
    for first, last in _runs(chart.years, chart.reports):
        if last is not None:
            blocks.append(_gap_line(first, last))
            continue
        blocks.append(_rstripped(_year(chart, first)))
        for i, one in enumerate(series):
            label: list[Span] = [("  ", None), (pad(fit(one.label, label_width), label_width),
                                                _style(i))]
            blocks.append(_rstripped(label + _cell(chart, i, first, bar_room)))
    return blocks


def _rstripped(spans: list[Span]) -> Line:
    """A line without trailing spaces (a pipe gets no padding after the last value)."""
    spans = [s for s in spans if s[0]]
    while spans and not spans[-1][0].rstrip():
        spans.pop()
    if spans:
        spans[-1] = (spans[-1][0].rstrip(), spans[-1][1])
    return Line(spans)
