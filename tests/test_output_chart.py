"""The terminal trend chart (output/chart.py) on synthetic series whose values are worked out
by hand here: widths, gaps against zeros, each measure, several series, one year, no data."""

from __future__ import annotations

import pytest

from cngloss.errors import ChoiceError
from cngloss.model import TrendSeries, YearPoint
from cngloss.output.console import plain_text
from cngloss.output.views import Line
from cngloss.output.chart import bar, chart_view, fit, format_value, measure_value
from cngloss.text.width import width as columns

# 2001: 2 reports, 40,000 characters; 2002: no reports (a gap); 2003: 4 reports, 100,000
# characters; 2004: 1 report of 50,000 characters.
WEN = TrendSeries("六稳", (YearPoint(2001, 2, 1, 3, 40000), YearPoint(2003, 4, 0, 0, 100000),
                          YearPoint(2004, 1, 1, 10, 50000)))
BAO = TrendSeries("六保", (YearPoint(2001, 2, 0, 0, 40000), YearPoint(2003, 4, 3, 6, 100000),
                          YearPoint(2004, 1, 1, 1, 50000)))
LONG = TrendSeries("乡村振兴战略实施情况", WEN.points)


def lines(series, measure="rate", width=80) -> list[str]:
    return plain_text(chart_view(series, measure, width)).splitlines()


def row(out: list[str], year: str) -> str:
    found = [text for text in out if text.startswith(year)]
    assert len(found) == 1, out
    return found[0]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("count", [1, 2, 3, 6])
@pytest.mark.parametrize("measure", ["rate", "reports", "occurrences"])
def test_every_line_fits_the_width(width, count, measure):
    series = [WEN, BAO, LONG, WEN, BAO, LONG][:count]
    out = lines(series, measure, width)
    assert max(columns(text) for text in out) <= width
    assert row(out, "2002") == "2002  no reports"


def test_bars_grow_with_the_width():
    # 六稳 2004: 10 uses in 50,000 characters = 20 per 100,000, the top: a full bar.
    narrow = row(lines([WEN], width=60), "2004").count("█")
    wide = row(lines([WEN], width=120), "2004").count("█")
    assert 0 < narrow < wide


def test_rate_values_and_the_scale():
    out = lines([WEN, BAO])
    # 六稳: 3 * 100000 / 40000 = 7.5; 0 in 2003; 10 * 100000 / 50000 = 20.
    # 六保: 0 in 2001; 6 * 100000 / 100000 = 6; 1 * 100000 / 50000 = 2.
    assert row(out, "2001").split()[-3:] == ["7.50", "│", "0"]
    assert row(out, "2003").split()[-1] == "6.00" and row(out, "2003").split()[3] == "0"
    assert row(out, "2004").split()[-1] == "2.00" and len(row(out, "2004").split()[-2]) > 1
    assert "A full bar is 20.0." in " ".join(out)
    assert out[0] == "Uses per 100,000 characters of each year's reports"


def test_the_top_value_gets_the_full_bar_and_others_their_share():
    out = lines([WEN], width=80)
    full = row(out, "2004").count("█")
    # 7.5 of 20 is 3/8 of the bar (in eighths, rounded).
    part = row(out, "2001")
    assert full * 3 // 8 <= part.count("█") <= full * 3 // 8 + 1


def test_gap_and_zero_look_different():
    out = lines([WEN])
    assert "no reports" in row(out, "2002")
    zero = row(out, "2003")
    assert zero.split() == ["2003", "4", "│", "0"]  # reports counted, the term not used


def test_a_run_of_gap_years_is_one_line():
    points = (YearPoint(1954, 1, 1, 1, 10000), YearPoint(1960, 1, 0, 0, 10000),
              YearPoint(1962, 1, 1, 2, 10000))
    out = lines([TrendSeries("x", points)])
    assert "1955-1959  no reports" in out
    assert "1961  no reports" in out
    assert [t[:4] for t in out[2:7]] == ["1954", "1955", "1960", "1961", "1962"]


def test_reports_column_shows_each_years_reports():
    out = lines([WEN, BAO])
    assert row(out, "2001").split()[1] == "2"
    assert row(out, "2003").split()[1] == "4"
    assert row(out, "2004").split()[1] == "1"


def test_measure_reports_and_occurrences():
    reports = lines([WEN, BAO], "reports")
    assert reports[0] == "Reports that use it, of each year's reports"
    assert row(reports, "2003").split()[3] == "0" and row(reports, "2003").split()[-1] == "3"
    occurrences = lines([WEN, BAO], "occurrences")
    assert occurrences[0] == "Uses in each year's reports"
    assert row(occurrences, "2004").split()[-1] == "1"
    assert row(occurrences, "2004").split()[3] == "10"
    assert "A full bar is 10." in " ".join(occurrences)


def test_legend_names_each_series_in_the_header():
    out = lines([WEN, BAO, LONG], width=120)
    header = row(out, "year")
    assert [part.strip() for part in header.split("│")[1:]] == ["六稳", "六保", "乡村振兴战略实施情况"]


def test_a_long_label_is_cut_to_its_column():
    out = lines([LONG, WEN, BAO], width=60)
    header = row(out, "year")
    assert "…" in header and "乡村" in header and max(columns(t) for t in out) <= 60


def test_too_many_series_for_columns_go_on_lines_of_their_own():
    out = lines([WEN, BAO, LONG, WEN, BAO, LONG], width=60)
    at = out.index(row(out, "2004"))
    assert out[at].split() == ["2004", "1"]
    assert [text.split()[0] for text in out[at + 1:at + 7]] == ["六稳", "六保", "乡村振兴战略实…"] * 2
    assert out[at + 1].endswith("20.0") and out[at + 2].endswith("2.00")


def test_a_series_without_a_year_the_others_have_shows_a_dash():
    short = TrendSeries("短", (YearPoint(2001, 2, 1, 1, 40000),))
    out = lines([WEN, short])
    assert row(out, "2004").endswith("–")
    assert row(out, "2001").endswith("2.50")


def test_a_single_year():
    out = lines([TrendSeries("x", (YearPoint(2020, 3, 2, 5, 50000),))])
    assert [t for t in out if t[:4].isdigit()] == [row(out, "2020")]
    assert row(out, "2020").endswith("10.0")


def test_no_data():
    for series in ([], [TrendSeries("x", ())]):
        view = chart_view(series)
        assert len(view) == 1 and "nothing to chart" in plain_text(view)
        narrow = plain_text(chart_view(series, width=40)).splitlines()
        assert len(narrow) == 2 and max(columns(text) for text in narrow) <= 40


def test_all_zero_draws_no_bars_and_no_scale():
    out = lines([TrendSeries("x", (YearPoint(2020, 3, 0, 0, 50000),))])
    assert "█" not in "".join(out) and "full bar" not in " ".join(out)


def test_unknown_measure():
    with pytest.raises(ChoiceError) as caught:
        chart_view([WEN], "share")
    assert caught.value.choices == ("rate", "reports", "occurrences")
    with pytest.raises(ChoiceError):
        measure_value(WEN.points[0], "share")


def test_series_are_styled_for_colour_and_lines_carry_no_codes():
    view = chart_view([WEN, BAO])
    styles = {style for block in view if isinstance(block, Line) for _, style in block.spans}
    assert {"series0", "series1"} <= styles
    assert "\x1b" not in plain_text(view)


@pytest.mark.parametrize("value, expected", [(0, "0"), (0.004, "<0.01"), (0.005, "0.01"),
                                             (9.994, "9.99"), (10, "10.0"), (123.45, "123.5")])
def test_format_rate(value, expected):
    assert format_value(value, "rate") == expected


def test_format_counts():
    assert format_value(12.0, "reports") == "12" and format_value(0.0, "occurrences") == "0"


@pytest.mark.parametrize("value, top, room, expected", [
    (0, 10, 8, ""), (5, 0, 8, ""), (1, 1, 0, ""),
    (10, 10, 4, "████"), (5, 10, 4, "██"), (1, 10, 4, "▍"),   # 3.2 eighths -> 3
    (0.001, 10, 4, "▏"),                                     # never an empty bar for > 0
    (11, 10, 4, "████"),                                     # never longer than the room
    (9, 10, 1, "▉"),
])
def test_bar(value, top, room, expected):
    assert bar(value, top, room) == expected


def test_fit():
    assert fit("六稳", 4) == "六稳"
    assert fit("乡村振兴", 5) == "乡村…"
    assert fit("abcdef", 4) == "abc…"


def test_rate_of_a_year_of_empty_reports_is_zero():
    assert measure_value(YearPoint(2020, 1, 0, 0, 0), "rate") == 0.0


def test_columns_while_each_bar_has_its_minimum_then_lines_of_their_own():
    # 3 series, values up to 4 columns wide ("7.50", "20.0"), head "year  reports" of 13:
    # at 46 columns each series has (46 - 13) // 3 = 11 = " │" + 4 of bar + " " + 4.
    series = [WEN, BAO, WEN]
    assert row(lines(series, width=46), "year").count("│") == 3
    stacked = lines(series, width=45)
    assert "│" not in row(stacked, "year") and row(stacked, "2004").split() == ["2004", "1"]


def test_width_below_forty_is_taken_as_forty():
    assert lines([WEN, BAO], width=10) == lines([WEN, BAO], width=40)
    assert max(columns(text) for text in lines([WEN, BAO], width=40)) <= 40


def test_a_point_of_no_reports_is_a_gap():
    points = (YearPoint(2001, 1, 1, 1, 1000), YearPoint(2002, 0, 0, 0, 0),
              YearPoint(2003, 1, 0, 0, 1000))
    out = lines([TrendSeries("x", points)])
    assert "2002  no reports" in out and row(out, "2003").endswith("0")


def test_different_reports_counts_take_the_larger():
    # Two series that disagree on a year's reports: the column shows the larger one.
    a = TrendSeries("a", (YearPoint(2001, 2, 1, 1, 1000),))
    b = TrendSeries("b", (YearPoint(2001, 5, 1, 1, 1000),))
    assert row(lines([a, b]), "2001").split()[1] == "5"


@pytest.mark.parametrize("environ, coloured", [({}, True), ({"NO_COLOR": "1"}, False)])
def test_on_a_terminal_colour_only_without_no_color_and_the_layout_is_the_same(environ,
                                                                              coloured):
    import io
    import re

    from cngloss.output.console import print_view
    from cngloss.output.environment import Environment

    view = chart_view([WEN, BAO, LONG], width=60)
    out = io.StringIO()
    print_view(view, Environment(stdout=out, environ=environ, stdout_isatty=True, width=60))
    text = out.getvalue()
    assert ("\x1b[" in text) == coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", text) == plain_text(view)


def spans_of(view, start: str) -> list:
    found = [block.spans for block in view if isinstance(block, Line)
             and block.spans and block.spans[0][0].startswith(start)]
    assert len(found) == 1, view
    return found[0]


def test_labels_rules_counts_dashes_and_notes_have_their_styles():
    short = TrendSeries("短", (YearPoint(2001, 2, 1, 1, 40000),))
    view = chart_view([WEN, short], width=80)
    header = spans_of(view, "year")
    assert header[0] == ("year", "label") and header[2] == ("reports", "label")
    assert header[-1] == ("短", "series1")  # the last label keeps its own style
    year = spans_of(view, "2004")
    assert year[:3] == [("2004", None), ("  ", None), ("      1", "dim")]
    rules = [span for span in year if "│" in span[0]]
    assert rules == [(" │", "dim"), (" │", "dim")]
    # per series: (80 - 13) // 2 = 33 columns, " │" and 31 for the bar, a space and the value
    assert year[-1] == (" " * 30 + "–", "dim")
    notes = [block for block in view if isinstance(block, Line)][-2:]
    assert all(style == "dim" for block in notes for _, style in block.spans)
    assert "gap, not a zero" in plain_text(notes)


def test_the_measure_is_named_when_unknown():
    with pytest.raises(ChoiceError) as caught:
        chart_view([WEN], "share")
    assert str(caught.value) == "the measure must be one of: rate, reports, occurrences " \
        "(got 'share')"


def test_the_rate_is_exactly_per_100000_characters():
    assert measure_value(YearPoint(2001, 2, 1, 3, 40000), "rate") == 7.5


def test_a_scale_below_one_is_still_stated():
    out = " ".join(lines([TrendSeries("x", (YearPoint(2020, 3, 1, 1, 200000),))]))
    assert "A full bar is 0.50." in out


def test_lines_of_their_own_come_under_the_title_and_fill_the_width():
    out = lines([WEN, BAO, LONG, WEN, BAO, LONG], width=60)
    assert out[0] == "Uses per 100,000 characters of each year's reports"
    assert max(columns(text) for text in out) == 60  # the full bar's line


def test_a_cut_label_fills_its_column_exactly():
    out = lines([LONG, WEN], width=40)  # (40 - 13) // 2 = 13 columns each, 11 for a label
    assert row(out, "year ").split("│")[1] == "乡村振兴战… "
