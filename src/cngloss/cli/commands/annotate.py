"""``cngloss annotate FILE``: every glossary term a document uses, marked."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..app import app, state_of
from ..emit import stdin_bytes, write_output
from ..options import ForceOption
from ...errors import ChoiceError
from ...output.console import print_view
from ...sources.readers import registry as reader_formats

ANNOTATE_FORMATS = ("text", "html")


@app.command()
def annotate(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(
        metavar="FILE", help=f"The document: {reader_formats.document_extensions()}; '-': stdin.")],
    json: Annotated[bool, typer.Option(
        "--json", help="Print JSON: the terms used and every occurrence with offsets.")] = False,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="text|html",
        help="text (default), or html: one page, terms with pinyin and meaning on hover, "
             "focus or tap, and a glossary of them at the end.")] = "text",
    parts: Annotated[bool, typer.Option(
        "--parts", help="Also find a term's parts (六稳, 稳就业) where they stand alone.")]
        = False,
    terms_only: Annotated[bool, typer.Option(
        "--terms", help="Only the table of the terms used, not the text.")] = False,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE (atomically) instead of stdout ('-': stdout).")] = None,
    force: ForceOption = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="The document's text encoding (default: UTF-8 or GB18030, detected).")] = None,
    glosses: Annotated[bool, typer.Option(
        "--glosses", help="For the terms with no English rendering: the dictionary glosses "
                          "of their words (CC-CEDICT; not a translation; the 'glosses' "
                          "extra).")] = False,
    discover: Annotated[bool, typer.Option(
        "--discover", help="Also mark the numbered slogans the document uses that no "
                           "glossary in use defines (found in the text: ‹› in plain text), "
                           "each with its expansion where the text lists one.")] = False,
) -> None:
    """Mark every glossary term a document uses, with a table of them (count, first line,
    English); with --discover, the numbered slogans no glossary defines as well. Exits 1
    when the document uses none.

    \b
    Examples:
      cngloss annotate speech.txt
      cngloss annotate report.pdf --terms
      cngloss annotate report.docx --format html -o report.html
      pbpaste | cngloss annotate - --json
      cngloss annotate speech.txt --terms --glosses
      cngloss annotate speech.txt --discover
    """
    if fmt not in ANNOTATE_FORMATS:
        raise ChoiceError("format", fmt, ANNOTATE_FORMATS)
    state = state_of(ctx)
    annotated = state.workspace.annotate(document, parts, encoding, stdin_bytes(), glosses,
                                         discover)
    found, glossary, english = annotated.annotation, annotated.glossary, annotated.english
    words, slogans = annotated.glosses, annotated.discovered
    if json:
        from ...output.json import annotation_to_dict, dumps  # lazy: the JSON builders, --json

        text = dumps(annotation_to_dict(found, glossary, english, words, slogans)) + "\n"
    elif fmt == "html":
        from ...render.annotated import render  # lazy: the page, for --format html only

        text = render(found, english, slogans)
    elif output is not None and str(output) != "-":
        from ...output.console import plain_text  # lazy: a file gets plain text
        from ...output.views import annotate_view  # lazy: the views, for text output only

        text = plain_text(annotate_view(found, glossary, not terms_only, english, words,
                                        slogans))
    else:
        from ...output.views import annotate_view  # lazy: the views, for text output only

        print_view(annotate_view(found, glossary, not terms_only, english, words, slogans),
                   state.env)
        text = None
    if text is not None:
        write_output(state.env, text, output, force)
    if annotated.missing:
        raise annotated.missing
