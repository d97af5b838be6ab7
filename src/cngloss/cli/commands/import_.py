"""``cngloss import REPORT...``: a glossary made from a report's notes."""

from pathlib import Path
from typing import Annotated, Any, List, Optional

import typer

from ..app import app, state_of
from ...output.console import print_error, print_message
from ...sources.readers import registry as reader_formats


@app.command("import")
def import_command(
    ctx: typer.Context,
    reports: Annotated[List[Path], typer.Argument(
        metavar="REPORT...",
        help="Report files with a notes section: "
             f"{reader_formats.document_extensions()}.")],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the glossary to FILE (atomically; default: stdout). One report only.")]
        = None,
    output_dir: Annotated[Optional[Path], typer.Option(
        "--output-dir", "-d", metavar="DIR",
        help="Write one glossary per report into DIR, named after the report.")] = None,
    english_from: Annotated[Optional[Path], typer.Option(
        "--english-from", metavar="FILE",
        help="Take English renderings from FILE: a glossary's terms with the same headword, "
             "or a file of sourced renderings (data/english.yaml) for the sense each note "
             "defines.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="The text encoding of the reports (default: UTF-8 or GB18030, detected).")]
        = None,
    offers: Annotated[bool, typer.Option(
        "--offers/--no-offers",
        help="Offer the numbered slogans the report uses that none of its notes defines, "
             "as commented-out entries after the terms (default), and list them here.")]
        = True,
) -> None:
    """Make a glossary from the notes (名词解释) of a report: every note a term, with its
    definition verbatim and suggested pinyin, parts, variants and related terms, ready for
    `cngloss check`.

    \b
    Examples:
      cngloss import report.txt --output terms.yaml
      cngloss import reports/*.txt --output-dir glossaries
      cngloss import report.txt --english-from my-terms.yaml > terms.yaml
      cngloss import report.txt --english-from data/english.yaml > terms.yaml
      cngloss import report.txt --no-offers -o terms.yaml
    """
    from ...corpus.importer import import_reports  # lazy: the importer, for import only

    state = state_of(ctx)
    many = len(reports) > 1

    def done(imported: Any, report: Path, error: Optional[Exception]) -> None:
        if error is not None:
            print_error(str(error), state.env)
            return
        for flag in imported.flags:
            print_message(f"{report}: review: {flag}", state.env)
        if imported.offers:
            from ...output.import_views import offers_summary  # lazy: offers only

            first, *rest = offers_summary(imported.offers)
            for text in [f"{report}: {first}", *rest]:
                print_message(text, state.env)
        if imported.output is not None or many:
            print_message(f"imported {report}: {imported.terms} terms -> "
                          f"{imported.output or 'stdout'}", state.env)

    results = import_reports(reports, output, output_dir, english_from, force, encoding,
                             offers, done)
    for imported in results:
        if imported.output is None:
            state.env.stdout.write(imported.text)
            state.env.stdout.flush()
