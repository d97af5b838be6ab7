"""``cngloss show TERM``: the entry, every note's definition, and the passages that use it."""

from typing import Annotated, Optional

import typer

from ..app import app, state_of
from ..emit import emit
from ..options import (CsvOption, LevelOption, LimitOption, PerReportOption, YearOption,
                       complete_term, filters, limits)
from ...output.console import print_message


@app.command()
def show(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(
        metavar="TERM", help="Headword, variant, id, pinyin, initials, English...",
        autocompletion=complete_term)],
    json: Annotated[bool, typer.Option("--json", help="Print the term and its passages as JSON.")] = False,
    context: Annotated[str, typer.Option(
        "--context", "-c", metavar="sentence|paragraph",
        help="The glossary's own report: show each passage as the sentence that uses the "
             "term, or the whole paragraph (a library shows paragraphs).")] = "sentence",
    place: Annotated[Optional[str], typer.Option(
        "--place", "--from", metavar="PLACE",
        help="Only reports (and their notes) of places whose name contains PLACE.")] = None,
    year: YearOption = None,
    level: LevelOption = None,
    limit: LimitOption = None,
    per_report: PerReportOption = None,
    csv: CsvOption = False,
    glosses: Annotated[bool, typer.Option(
        "--glosses", help="For a term with no English rendering: the dictionary glosses of "
                          "its words (CC-CEDICT; not a translation; the 'glosses' extra).")]
        = False,
) -> None:
    """Show a term: definition, parts, related terms, and every passage that uses it.

    With a library, the passages come from every report in it, grouped by report, newest
    first, and every note's definition is shown (filters --place, --year, --level; --csv
    for spreadsheets).

    \b
    Examples:
      cngloss show 八有一超
      cngloss show liuwen --context paragraph
      cngloss show "zombie" --json
      cngloss show 六稳 --year 2019..2021 --place 广东
      cngloss show 四上企业 --glosses
    """
    state = state_of(ctx)
    workspace = state.workspace
    library = workspace.library is not None
    most, per = limits(json or csv or not library, limit, per_report)
    shown = workspace.show(term, context, filters(place, year, level), per, most, glosses)
    if shown.guess:  # a typo or homophone: say which term is shown instead
        print_message(f"cngloss: {shown.guess}", state.env)
    glossary = workspace.corpus.glossary

    def as_json():
        from ...output.json import show_to_dict  # lazy: the JSON builders, for --json only

        return show_to_dict(shown, glossary)

    def as_csv(out):
        from ...output.tables import write_passages_csv  # lazy: the csv writer, --csv only

        write_passages_csv(shown.passages, out)

    def as_view():
        from ...output.views import show_view  # lazy: the views, for terminal output only

        report = workspace.corpus.report
        return show_view(shown, glossary, state.env.columns, library,
                         report.path.name if report else None)

    emit(state.env, as_json if json else None, as_csv if csv else None, as_view)
