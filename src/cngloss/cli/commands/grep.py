"""``cngloss grep TEXT``: where a word or phrase is used, in context."""

from typing import Annotated

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import (CsvOption, LevelOption, LimitOption, PerReportOption, PlaceOption,
                       YearOption, filters, limits)


@app.command()
def grep(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT",
                                        help="A word or phrase (any text, not only terms).")],
    json: Annotated[bool, typer.Option("--json", help="Print the uses as JSON.")] = False,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    limit: LimitOption = None,
    per_report: PerReportOption = None,
    csv: CsvOption = False,
) -> None:
    """Show where a word or phrase is used in the report body, in context.

    Each use is a keyword-in-context line under its paragraph number and section;
    glossary terms nearby are highlighted. Exits 1 when the text is not found. With a
    library, every report in it is searched (grouped by report, newest first).

    \b
    Examples:
      cngloss grep 扶贫
      cngloss grep 乡村振兴 --json
      cngloss grep 两违 --year 2019.. --csv > uses.csv
    """
    state = state_of(ctx)
    library = state.workspace.library is not None
    most, per = limits(json or csv or not library, limit, per_report)
    found = state.workspace.grep(text, filters(place, year, level), per, most)

    def as_json():
        from ...output.json import grep_to_dict  # lazy: the JSON builders, for --json only

        return grep_to_dict(found)

    def as_csv(out):
        from ...output.tables import write_passages_csv  # lazy: the csv writer, --csv only

        write_passages_csv(found, out)

    def as_view():
        from ...output.views import grep_view  # lazy: the views, for terminal output only

        return grep_view(found, state.env.columns, library) if found.groups else []

    emit(state.env, as_json if json else None, as_csv if csv else None, as_view)
    if found.missing:
        raise found.missing
