"""``cngloss check``: every problem of the glossary and its report, at once."""

from typing import Annotated

import typer

from ..app import app, state_of
from ..emit import emit
from ...errors import ExitCode
from ...output.console import print_message


@app.command()
def check(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check the glossary against itself and its report; report every problem at once.

    Checks YAML syntax, the schema, duplicate ids/notes/headwords, cross-references,
    definitions (verbatim from the report's notes), variants (used in the report body),
    numbered slogans (六稳 has six items), corrections, and pinyin (against pypinyin,
    as warnings). Exits 3 if there is any error.

    \b
    Examples:
      cngloss check
      cngloss --glossary my-terms.yaml check --json
    """
    state = state_of(ctx)
    result = state.workspace.check()
    failed = bool(result.errors) or (strict and bool(result.warnings))

    def as_json():
        from ...output.json import check_to_dict  # lazy: the JSON builders, for --json only

        return check_to_dict(result)

    def as_view():
        from ...output.views import check_view  # lazy: the views, for terminal output only

        for problem in result.problems:
            print_message(str(problem), state.env)
        return check_view(result)

    emit(state.env, as_json if json else None, None, as_view)
    if failed:
        raise typer.Exit(ExitCode.BAD_DATA)
