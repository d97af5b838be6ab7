"""Trend charts as inline SVG: one line per series (uses per 100,000 characters), a bar per
year for the reports the library holds, years without reports left as gaps (the line breaks
there), each point a link (to that year's passages). Drawn from the ``trend --json`` series;
every text escaped; presentation attributes only (the page's policy allows no inline style)."""

from __future__ import annotations

from html import escape
from typing import Callable, Sequence

LEAD = 3  # years shown before the first use


def number(value: float) -> str:
    """An axis label: whole numbers with separators, small ones to two figures."""
    return f"{value:,.0f}" if value >= 10 or value == 0 else f"{value:.2g}"


COLOURS = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085"]


def trend_svg(series: Sequence[dict], link: Callable[[str, int], str], width: int = 560,
              height: int = 240, title: str = "uses per 100,000 characters") -> str:
    """``series``: ``{"label", "points": [{"year", "reports", "using", "rate", ...}]}``."""
    years = sorted({p["year"] for s in series for p in s["points"] if p["year"] is not None})
    used = [p["year"] for s in series for p in s["points"] if p["using"]]
    if used:  # from a little before the first use: decades of zeros say nothing
        years = [y for y in years if y >= min(used) - LEAD]
    if not years:
        return '<p class="empty">No year to chart.</p>'
    left, right, top, bars = 52, 14, 14, 46
    plot = height - top - bars - 22
    first, last = years[0], years[-1]
    span = max(last - first, 1)

    def x(year: int) -> float:
        return left + (width - left - right) * ((year - first) / span if last > first else 0.5)

    peak = max((p["rate"] or 0 for s in series for p in s["points"]), default=0) or 1
    held = {p["year"]: p["reports"] for s in series for p in s["points"] if p["year"] in years}
    most = max(held.values(), default=0) or 1

    def y(rate: float) -> float:
        return top + plot * (1 - rate / peak)

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">',
           f'<title>{escape(title)}</title>']
    for fraction in (0, 0.5, 1):  # the rate axis
        value = peak * fraction
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" '
                   f'y2="{y(value):.1f}" stroke="#ddd"/>'
                   f'<text x="{left - 4}" y="{y(value) + 4:.1f}" text-anchor="end" '
                   f'font-size="12" fill="#555">{number(value)}</text>')
    base = height - 22
    bar = max(2.0, min(14.0, (width - left - right) / max(len(range(first, last + 1)), 1) - 2))
    for year in years:  # the reports held, below the lines
        h = (bars - 8) * held.get(year, 0) / most
        out.append(f'<rect class="held" x="{x(year) - bar / 2:.1f}" y="{base - h:.1f}" '
                   f'width="{bar:.1f}" height="{h:.1f}" fill="#c8c8c8">'
                   f'<title>{year}: {held.get(year, 0)} reports held</title></rect>')
    step = max(1, round(len(years) / 8))
    for year in years[::step]:
        out.append(f'<text x="{x(year):.1f}" y="{height - 6}" text-anchor="middle" '
                   f'font-size="12" fill="#333">{year}</text>')
    for k, s in enumerate(series):
        colour = COLOURS[k % len(COLOURS)]
        points = sorted((p for p in s["points"] if p["year"] is not None and p["year"] >= first),
                        key=lambda p: p["year"])
        runs: list[list[dict]] = []
        for p in points:  # a year without reports breaks the line: a gap
            if runs and p["year"] == runs[-1][-1]["year"] + 1:
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            coords = " ".join(f'{x(p["year"]):.1f},{y(p["rate"] or 0):.1f}' for p in run)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                       f'stroke-width="2"/>')
        label = escape(s["label"])
        for p in points:
            tip = (f'{label} {p["year"]}: {p["rate"]} per 100,000 characters, '
                   f'{p["using"]} of {p["reports"]} reports')
            out.append(f'<a href="{escape(link(s["label"], p["year"]))}" class="year">'
                       f'<circle cx="{x(p["year"]):.1f}" cy="{y(p["rate"] or 0):.1f}" r="4" '
                       f'fill="{colour}"><title>{tip}</title></circle></a>')
    out.append("</svg>")
    legend = "".join(f'<li><span class="swatch c{k % len(COLOURS)}"></span>'
                     f'{escape(s["label"])}</li>' for k, s in enumerate(series))
    legend += f'<li><span class="swatch held"></span>reports held per year (at most {most})</li>'
    return "".join(out) + f'<ul class="legend">{legend}</ul>'
