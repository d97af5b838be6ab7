"""``cngloss discover FILE...``: the numbered slogans documents use, expanded from the text."""

from typing import Annotated, List, Optional

import typer

from ..app import app, state_of
from ..emit import emit, stdin_bytes
from ..options import LevelOption, PlaceOption, YearOption, filters


@app.command()
def discover(
    ctx: typer.Context,
    documents: Annotated[List[str], typer.Argument(
        metavar="FILE...", help="Documents: .txt, .md, .html, .docx, .pdf; '-': stdin. "
                                "None: the slogans of the library's reports.")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="slogan|period|code|name",
        help="Only slogans of this kind.")] = None,
    new_in: Annotated[Optional[int], typer.Option(
        "--new-in", metavar="YEAR", min=1, max=9999,
        help="Library: only slogans first used that year (in the reports selected).")] = None,
    by: Annotated[Optional[str], typer.Option(
        "--by", metavar="level",
        help="Library: how many years after the national report provinces and cities "
             "first used each slogan, as a chart.")] = None,
    min_reports: Annotated[Optional[int], typer.Option(
        "--min-reports", metavar="N", min=1,
        help="Library: only slogans used by N reports or more (default 2).")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the slogans as JSON.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Print the slogans as CSV.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="The documents' text encoding (default: UTF-8 or GB18030, detected).")] = None,
) -> None:
    """The numbered slogans (三大攻坚战, 六稳, 十四五, “1+6+N”, 一带一路) each document uses: kind,
    count, first line, and the items the text lists beside a use. No library needed. Without
    FILEs: the slogans of the library's reports (used by 2 or more), dated and placed. Exits
    1 when none is found.

    \b
    Examples:
      cngloss discover report.txt
      cngloss discover report.pdf --kind slogan --csv > slogans.csv
      cngloss discover a.txt b.docx --json
      cngloss discover --new-in 2018 --level province
      cngloss discover --by level
    """
    state = state_of(ctx)
    found = state.workspace.discover(documents or [], kind, encoding, stdin_bytes(),
                                     filters(place, year, level), new_in, min_reports, by)

    def as_json():
        from ...output.json import discover_json  # lazy: the JSON builders, --json only

        return discover_json(found)

    def as_csv(out):
        from ...output.tables import write_discover_csv  # lazy: the csv writer, --csv only

        write_discover_csv(found, out)

    def as_view():
        if found.library_terms is not None:
            from ...output.discover_views import library_discover_view  # lazy: terminal only

            return library_discover_view(found)
        from ...output.views import discover_view  # lazy: the views, terminal output only

        return discover_view(found)

    emit(state.env, as_json if json else None, as_csv if csv else None, as_view)
    if found.missing:
        raise found.missing
