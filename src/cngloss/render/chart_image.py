"""A trend chart as an SVG or PNG file, drawn by matplotlib (the ``chart`` extra).

matplotlib is imported here only, inside the function that draws, so no other command pays
its second of import time. The chart says what the terminal chart says: a line per series on
one scale, broken where a year has no reports (and those years shaded), and a small panel
underneath with the number of reports each year holds, so a rise is read against the size of
the collection. Chinese labels need a CJK font for PNG: the first installed of ``CJK_FONTS``
is used; an SVG keeps its text as text (the viewer's fonts draw it), and is reproducible byte
for byte (no date, fixed ids), so a chart in the docs changes only when its data does.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Sequence

from ..errors import ChoiceError, MissingExtraError, UsageError
from ..model import TrendSeries
from ..sources.files import write_bytes_atomically
from ..output.chart import MEASURES, TITLES, measure_value

FORMATS = ("svg", "png")
# Fonts with the simplified Chinese characters, by family name, preferred first: Linux
# (Noto CJK, WenQuanYi, AR PL), macOS, Windows. DejaVu Sans comes after them for the rest.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
             "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UMing TW MBE",
             "PingFang SC", "Hiragino Sans GB", "Heiti SC", "Microsoft YaHei", "SimHei")
DEFAULT_SIZE = (1000, 560)  # pixels of a PNG; an SVG has the same proportions
DPI = 100


class MissingFontError(UsageError):
    """A PNG with Chinese labels is asked for but no font on this machine has them (exit 2:
    the installation, not the data)."""


def cjk_font(available: Sequence[str] | None = None) -> str | None:
    """The first of ``CJK_FONTS`` that matplotlib can find here (or in ``available``)."""
    if available is None:
        from matplotlib import font_manager  # lazy: matplotlib, for --svg/--png only

        available = {entry.name for entry in font_manager.fontManager.ttflist}
    names = set(available)
    return next((name for name in CJK_FONTS if name in names), None)


def _needs_cjk(texts: Sequence[str]) -> bool:
    return any(ord(ch) > 0x2e7f for text in texts for ch in text)


def render_image(series: Sequence[TrendSeries], fmt: str, measure: str = "rate",
                 size: tuple[int, int] = DEFAULT_SIZE, title: str | None = None) -> bytes:
    """The chart as ``fmt`` (svg or png) bytes; a PNG is ``size`` pixels exactly."""
    if fmt not in FORMATS:
        raise ChoiceError("format", fmt, FORMATS)
    if measure not in MEASURES:
        raise ChoiceError("measure", measure, MEASURES)
    try:
        import matplotlib  # lazy: the chart extra, for --svg/--png only
    except ImportError:
        raise MissingExtraError(f"--{fmt}", "matplotlib", "chart") from None
    from matplotlib.figure import Figure  # lazy: as above

    font = cjk_font()
    labels = [one.label for one in series]
    if font is None and fmt == "png" and _needs_cjk(labels + [title or ""]):
        raise MissingFontError("no font with Chinese characters found for the PNG "
                               "(install one, e.g. apt-get install fonts-noto-cjk, or use --svg)")
    rc = {"font.family": "sans-serif",
          "font.sans-serif": ([font] if font else []) + ["DejaVu Sans"],
          "svg.fonttype": "none", "svg.hashsalt": "cngloss", "axes.unicode_minus": False}
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        # A character no font has is drawn as a box in a PNG (a CJK font was checked for
        # above) and left to the viewer in an SVG: no Python warning on the user's terminal.
        warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
        figure = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI, layout="constrained")
        _draw(figure, series, measure, title)
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(out, format=fmt, dpi=DPI, metadata=metadata)
    return out.getvalue()


def _draw(figure, series: Sequence[TrendSeries], measure: str, title: str | None) -> None:
    reports: dict[int, int] = {}
    for one in series:
        for point in one.points:
            if point.reports > 0:
                reports[point.year] = max(reports.get(point.year, 0), point.reports)
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(4, 1))
    top.set_title(title or TITLES[measure], loc="left", fontsize=11)
    if not reports:
        top.text(0.5, 0.5, "No reports in the library for these years", ha="center",
                 va="center", transform=top.transAxes)
        return
    years = list(range(min(reports), max(reports) + 1))
    for one in series:
        by_year = {p.year: measure_value(p, measure) for p in one.points if p.reports > 0}
        values = [by_year.get(year, float("nan")) for year in years]  # nan: a break
        top.plot(years, values, marker="o", markersize=2.5, linewidth=1.6, label=one.label)
    shaded = False
    for first, last in _gaps(years, reports):
        for axes in (top, bottom):
            axes.axvspan(first - 0.5, last + 0.5, color="0.95", linewidth=0,
                         label="no reports" if axes is top and not shaded else None)
        shaded = True
    top.set_ylim(bottom=0)
    top.grid(axis="y", color="0.85", linewidth=0.6)
    top.legend(loc="upper left", frameon=False)
    # A log scale, so that a year of one report shows beside a year of three hundred.
    bottom.bar(list(reports), list(reports.values()), width=0.8, color="0.55")
    bottom.set_yscale("log")
    bottom.set_ylim(0.7, max(reports.values()) * 1.6)
    bottom.yaxis.set_major_formatter("{x:g}")
    bottom.set_ylabel("reports\n(log scale)", fontsize=8)
    bottom.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    for axes in (top, bottom):
        axes.spines[["top", "right"]].set_visible(False)


def _gaps(years: list[int], reports: dict[int, int]) -> list[tuple[int, int]]:
    """Runs of years without reports, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for year in years:
        if year in reports:
            continue
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def write_image(series: Sequence[TrendSeries], path: str | Path, fmt: str,
                measure: str = "rate", size: tuple[int, int] = DEFAULT_SIZE,
                force: bool = False, title: str | None = None) -> Path:
    """Draw the chart and write it to ``path`` atomically (complete, or not there)."""
    return write_bytes_atomically(path, render_image(series, fmt, measure, size, title), force)
