"""``cngloss trend TEXT...``: how texts are used over the years, as a chart."""

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import ForceOption, LevelOption, PlaceOption, YearOption, filters
from ...output.console import print_message


@app.command()
def trend(
    ctx: typer.Context,
    texts: Annotated[List[str], typer.Argument(
        metavar="TERM|TEXT...", help="Terms or any texts; one series each.")],
    by: Annotated[Optional[str], typer.Option(
        "--by", metavar="level|place", help="One series per level or per place.")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the series as JSON.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Print the series as CSV.")] = False,
    measure: Annotated[str, typer.Option(
        "--measure", "-m", metavar="rate|reports|occurrences",
        help="What the chart shows: uses per 100,000 characters (default), reports using "
             "the text, or uses.")] = "rate",
    svg: Annotated[Optional[Path], typer.Option(
        "--svg", metavar="FILE", help="Also draw the chart as SVG into FILE (needs the "
                                      "chart extra: pip install 'cngloss[chart]').")] = None,
    png: Annotated[Optional[Path], typer.Option(
        "--png", metavar="FILE", help="Also draw the chart as PNG into FILE (chart extra).")]
        = None,
    force: ForceOption = False,
) -> None:
    """How texts are used in the library over the years: per year the reports it holds,
    those using the text, the uses, and the rate per 100,000 characters. Years without
    reports are left out (gaps); years with reports but no use are 0.

    \b
    Examples:
      cngloss trend 六稳 六保 乡村振兴
      cngloss trend 乡村振兴 --measure reports --png trend.png
      cngloss trend 雪亮工程 --by level --csv > trend.csv
    """
    state = state_of(ctx)
    workspace = state.workspace
    chosen = filters(place, year, level)
    trends = workspace.trend(texts, by, chosen)
    series = [s for t in trends for s in t.series]

    def as_json():
        from ...output.json import trend_to_dict  # lazy: the JSON builders, for --json only

        return trend_to_dict(trends)

    def as_csv(out):
        from ...output.tables import write_trend_csv  # lazy: the csv writer, --csv only

        write_trend_csv(trends, out)

    def as_view():
        # lazy: the views and the chart, for terminal output only
        from ...output.chart import chart_view
        from ...output.views import Blank, trend_view

        return trend_view(trends) + [Blank()] + chart_view(series, measure, state.env.columns)

    emit(state.env, as_json if json else None, as_csv if csv else None, as_view)
    for path, fmt in ((svg, "svg"), (png, "png")):
        if path is not None:
            from ...render.chart_image import write_image  # lazy: matplotlib, images only

            write_image(series, path, fmt, measure, force=force)
            print_message(f"wrote {path}", state.env)
    missing = workspace.trend_missing(trends, chosen)
    if missing:
        raise missing
