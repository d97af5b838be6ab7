"""``cngloss list``: every term, or the library's entries a selection keeps."""

from typing import Annotated

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import PlaceOption, ReviewedOption, YearOption, filters


@app.command("list")
def list_command(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON: {\"terms\": [...]}.")] = False,
    place: PlaceOption = None,
    year: YearOption = None,
    reviewed: ReviewedOption = False,
) -> None:
    """List every term: note, headword, pinyin, English, number of passages.

    With a library, --place, --year and --reviewed list the entries of every glossary in
    use that the notes of those reports define (one row per headword, with its reports).

    \b
    Examples:
      cngloss list
      cngloss list --json | jq '.terms[].term'
      cngloss list --place 广东 --year 2021
    """
    state = state_of(ctx)
    workspace = state.workspace
    listing = workspace.terms(filters(place, year), reviewed)

    def as_json():
        from ...output.json import list_to_dict  # lazy: the JSON builders, for --json only

        return list_to_dict(listing, workspace.corpus.glossary)

    def as_view():
        from ...output.views import list_view  # lazy, as every view: not on a --json path

        return list_view(listing, workspace.corpus.glossary)

    emit(state.env, as_json if json else None, None, as_view)
