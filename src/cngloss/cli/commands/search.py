"""``cngloss search QUERY``: find terms from whatever was typed."""

from typing import Annotated, List

import typer

from ..app import app, state_of
from ..emit import emit


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[List[str], typer.Argument(
        metavar="QUERY...", help="Hanzi (simplified or traditional), pinyin in any form, initials, English.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N",
                                       help="At most N results.")] = 10,
    json: Annotated[bool, typer.Option("--json", help="Print JSON: {\"query\", \"results\"}.")] = False,
) -> None:
    """Find terms from whatever you type; each result says what it matched on.

    \b
    Examples:
      cngloss search liuwen          pinyin, run together or spaced, any case
      cngloss search "liu4 wen3"     tone numbers (or marks: liù wěn)
      cngloss search lwlb            initials
      cngloss search 兩不愁三保障    traditional characters
      cngloss search zombie          English
    """
    state = state_of(ctx)
    workspace = state.workspace
    found = workspace.search(" ".join(query), limit)

    def as_json():
        from ...output.json import search_to_dict  # lazy: the JSON builders, for --json only

        return search_to_dict(found, workspace.corpus.glossary)

    def as_view():
        from ...output.views import search_view  # lazy: the views, for terminal output only

        return search_view(found, workspace.library is not None)

    emit(state.env, as_json if json else None, None, as_view)
    if found.missing:
        raise found.missing
