"""``cngloss appendix``: the glossary as an appendix, in any format."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..app import app, state_of
from ..emit import stdin_bytes, write_output
from ..options import ForceOption, PlaceOption, ReviewedOption, YearOption, filters, \
    selection_words
from ...errors import UsageError
from ...render import formats as appendix_formats
from ...output.console import print_message


def _complete_choice(name: str, incomplete: str) -> list[str]:
    """Shell completion for --format and --sort: the choices appendix.py accepts."""
    from ...render import appendix as formats  # lazy: the appendix module, for completion only

    return [choice for choice in getattr(formats, name) if choice.startswith(incomplete)]


@app.command()
def appendix(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar=appendix_formats.metavar(), help="Output format.",
        autocompletion=lambda incomplete: _complete_choice("FORMATS", incomplete))] = "md",
    sort: Annotated[Optional[str], typer.Option(
        "--sort", "-s", metavar="note|pinyin|appearance",
        help="Order: by note number (default), or by pinyin (toneless, then tone, then "
             "headword); with --for, by first use in FILE (default).",
        autocompletion=lambda incomplete: _complete_choice("SORTS_FOR", incomplete))] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE (atomically) instead of stdout ('-': stdout).")] = None,
    force: ForceOption = False,
    width: Annotated[Optional[int], typer.Option(
        "--width", "-w", min=20, metavar="COLUMNS",
        help="Wrap txt to this many columns (CJK counts two). Default: the terminal, or 80.")]
        = None,
    standalone: Annotated[bool, typer.Option(
        "--standalone", help="tex: a complete ctexart document, not just the body.")] = False,
    all_formats: Annotated[Optional[Path], typer.Option(
        "--all-formats", metavar="DIR",
        help=f"Write {appendix_formats.file_names()} into DIR (created if missing; its "
             "parent must exist); tex standalone, txt 80 columns.")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    reviewed: ReviewedOption = False,
    for_document: Annotated[Optional[str], typer.Option(
        "--for", metavar="FILE",
        help="Only the terms FILE uses (any format; '-': stdin), in order of first use "
             "(--sort note|pinyin also), each with the lines of FILE that use it.")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="--for: the encoding of FILE (default: UTF-8 or GB18030, detected).")] = None,
) -> None:
    """Print a glossary appendix: every term with pinyin, English, definition, parts,
    see-also links and where the report uses it.

    \b
    Examples:
      cngloss appendix                                 Markdown on stdout
      cngloss appendix --format html -o glossary.html  a printable web page
      cngloss appendix --format tex --standalone       a complete XeLaTeX document
      cngloss appendix --format csv --sort pinyin      for spreadsheets and flashcards
      cngloss appendix --all-formats glossary --force  regenerate glossary/
      cngloss appendix --for speech.docx -f html -o speech-glossary.html
    """
    state = state_of(ctx)
    workspace = state.workspace
    chosen = filters(place, year)
    words = selection_words(place, year, reviewed)
    if all_formats is not None:
        if output is not None or for_document is not None:
            raise UsageError("use --output or --for, or --all-formats, not both")
        for path in workspace.appendix_files(all_formats, sort or "note", width or 80, force,
                                             chosen, reviewed, words):
            print_message(f"wrote {path}", state.env)
        return
    if encoding is not None and for_document is None:
        raise UsageError("--encoding goes with --for FILE")
    text = workspace.appendix(fmt, sort, width or state.env.columns, standalone, chosen,
                              reviewed, words, for_document, encoding, stdin_bytes())
    write_output(state.env, text, output, force)
