"""``cngloss reports``: the library's reports, newest first."""

from typing import Annotated

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import LevelOption, PlaceOption, YearOption, filters


@app.command()
def reports(
    ctx: typer.Context,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
) -> None:
    """List the library's reports, newest first: id, year, place, level, size, source.

    \b
    Examples:
      cngloss reports --year 2019..2023 --level city
      cngloss reports --place 广东 --json
    """
    state = state_of(ctx)
    infos = state.workspace.reports(filters(place, year, level))

    def as_json():
        from ...output.json import reports_to_dict  # lazy: the JSON builders, for --json only

        return reports_to_dict(infos)

    def as_view():
        from ...output.views import reports_view  # lazy: the views, for terminal output only

        return reports_view(infos)

    emit(state.env, as_json if json else None, None, as_view)
