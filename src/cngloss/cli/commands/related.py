"""``cngloss related TERM``: a term's cross-references as a tree."""

from typing import Annotated

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import complete_term
from ...output.console import print_message


@app.command()
def related(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(metavar="TERM", help="Headword, id, pinyin, English...",
                                        autocompletion=complete_term)],
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=5, metavar="N",
                                       help="Levels of cross-references to follow.")] = 2,
    json: Annotated[bool, typer.Option("--json", help="Print the tree as JSON.")] = False,
) -> None:
    """Draw a term's cross-references as a tree, with each related term's tags.

    \b
    Examples:
      cngloss related 八有一超
      cngloss related liuwen --depth 1 --json
    """
    state = state_of(ctx)
    found = state.workspace.related(term, depth)
    if found.guess:
        print_message(f"cngloss: {found.guess}", state.env)

    def as_json():
        from ...output.json import related_to_dict  # lazy: the JSON builders, for --json only

        return related_to_dict(found.tree)

    def as_view():
        from ...output.views import related_view  # lazy: the views, for terminal output only

        return related_view(found.tree)

    emit(state.env, as_json if json else None, None, as_view)
