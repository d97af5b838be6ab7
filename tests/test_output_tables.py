"""CSV tables for machines (output/tables.py), written out by hand."""

from __future__ import annotations

import io
from types import SimpleNamespace as NS

from cngloss.model import YearPoint
from cngloss.output.tables import write_trend_csv


def test_a_trend_table_has_one_line_per_series_and_year_each_ending_in_crlf():
    series = NS(label="六稳", points=[YearPoint(2019, 2, 1, 3, 200000),
                                      YearPoint(2020, 1, 0, 0, 0)])
    out = io.StringIO()
    write_trend_csv([NS(series=[series])], out)
    assert out.getvalue() == (
        "label,year,reports,using,occurrences,characters,rate\r\n"
        "六稳,2019,2,1,3,200000,1.5\r\n"
        "六稳,2020,1,0,0,0,0.0\r\n")
