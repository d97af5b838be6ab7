"""``cngloss remove``: reports and glossary files out of the library."""

from typing import Annotated, List, Optional

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import LevelOption, PlaceOption, YearOption, filters


@app.command()
def remove(
    ctx: typer.Context,
    selectors: Annotated[Optional[List[str]], typer.Argument(
        metavar="[ID|PATH]...", help="Report ids (see 'cngloss reports') or the paths they "
                                     "were added from.")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
) -> None:
    """Take reports out of the library: by id, by the path they were added from (a
    collection: all its reports), or all the reports the filters select.

    \b
    Examples:
      cngloss remove 12 13
      cngloss remove reports/old-report.txt
      cngloss remove --place 连州 --year 2021
      cngloss remove terms.yaml            an added glossary file
    """
    state = state_of(ctx)
    removed = state.workspace.remove(list(selectors or []), filters(place, year, level))

    def as_view():
        from ...output.views import removed_view  # lazy: the views, for terminal output only

        return removed_view(removed)

    emit(state.env, None, None, as_view)
