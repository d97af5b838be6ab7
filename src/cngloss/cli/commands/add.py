"""``cngloss add PATH...``: reports and glossary files into the library."""

from pathlib import Path
from typing import Annotated, List

import typer

from ..app import app, state_of
from ..emit import emit
from ...errors import ExitCode
from ...output.console import Progress, print_error, print_message
from ...sources.readers import registry as reader_formats


@app.command()
def add(
    ctx: typer.Context,
    paths: Annotated[List[Path], typer.Argument(
        metavar="PATH...", readable=False,
        help=f"Report files, or folders of them: {reader_formats.formats_help()}.")],
    json: Annotated[bool, typer.Option("--json", help="Print what was added as JSON.")] = False,
) -> None:
    """Add reports to the library (created if missing). The same content twice is added
    once; a changed file replaces the report it gave before. A report that cannot be read
    or parsed is skipped and named; the rest go in, and the exit code is then 3.

    \b
    Examples:
      cngloss add report.txt
      cngloss add reports/ government-work-reports.jsonl.gz
      cngloss --library demo.sqlite add report.pdf
    """
    state = state_of(ctx)
    workspace = state.workspace
    with Progress(state.env, "adding reports") as progress:
        result, glossaries = workspace.add(paths, progress)
    for skipped in result.skipped:
        print_message(f"cngloss: skipped {skipped.source}: {skipped.reason}", state.env)
    for failure in result.failures:
        print_error(f"{failure.source}: not added: {failure.reason}", state.env)

    def as_json():
        from ...output.json import add_to_dict  # lazy: the JSON builders, for --json only

        return add_to_dict(result, glossaries)

    def as_view():
        from ...output.views import add_view  # lazy: the views, for terminal output only

        return add_view(result, glossaries, workspace.library_target)

    emit(state.env, as_json if json else None, None, as_view)
    if result.failures:
        raise typer.Exit(ExitCode.BAD_DATA)
