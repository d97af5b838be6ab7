"""``cngloss discover FILE...``: the numbered slogans documents use, expanded from the text."""

from typing import Annotated, List, Optional

import typer

from ..app import app, state_of
from ..emit import emit, stdin_bytes


@app.command()
def discover(
    ctx: typer.Context,
    documents: Annotated[List[str], typer.Argument(
        metavar="FILE...", help="Documents: .txt, .md, .html, .docx, .pdf; '-': stdin.")],
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="slogan|period|code|name",
        help="Only slogans of this kind.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the slogans as JSON.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Print the slogans as CSV.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="The documents' text encoding (default: UTF-8 or GB18030, detected).")] = None,
) -> None:
    """The numbered slogans (三大攻坚战, 六稳, 十四五, “1+6+N”, 一带一路) each document uses: kind,
    count, first line, and the items the text lists beside a use. No library needed. Exits 1
    when a document uses none.

    \b
    Examples:
      cngloss discover report.txt
      cngloss discover report.pdf --kind slogan --csv > slogans.csv
      cngloss discover a.txt b.docx --json
    """
    state = state_of(ctx)
    found = state.workspace.discover(documents, kind, encoding, stdin_bytes())

    def as_json():
        from ...output.json import discover_to_dict  # lazy: the JSON builders, --json only

        return discover_to_dict(found)

    def as_csv(out):
        from ...output.tables import write_discover_csv  # lazy: the csv writer, --csv only

        write_discover_csv(found, out)

    def as_view():
        from ...output.views import discover_view  # lazy: the views, terminal output only

        return discover_view(found)

    emit(state.env, as_json if json else None, as_csv if csv else None, as_view)
    if found.missing:
        raise found.missing
