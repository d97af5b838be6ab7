"""Options several commands share, defined once: the report filters, the passage limits, the
output switches, and the term completion."""

from typing import Annotated, Optional

import typer

from ..core.arguments import filters  # noqa: F401 - the commands import it from here

PlaceOption = Annotated[Optional[str], typer.Option(
    "--place", metavar="PLACE", help="Only reports of places whose name contains PLACE.")]
YearOption = Annotated[Optional[str], typer.Option(
    "--year", metavar="YEARS", help="Only reports of these years: 2021, 2019..2023, 2019.., ..2010.")]
LevelOption = Annotated[Optional[str], typer.Option(
    "--level", metavar="LEVEL", help="Only reports of this level: national, province, city...")]
LimitOption = Annotated[Optional[int], typer.Option(
    "--limit", "-n", min=0, metavar="N",
    help="At most N passages in all (terminal default 20; --json/--csv: all).")]
PerReportOption = Annotated[Optional[int], typer.Option(
    "--per-report", min=1, metavar="N",
    help="At most N passages of each report (terminal default 3; --json/--csv: all).")]
CsvOption = Annotated[bool, typer.Option(
    "--csv", help="Print the uses as CSV, one row a use.")]
ReviewedOption = Annotated[bool, typer.Option(
    "--reviewed", help="Only reviewed entries: the curated glossary and added glossary files "
                       "(library only).")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")]

TERMINAL_LIMIT = 20
TERMINAL_PER_REPORT = 3


def limits(machine: bool, limit: Optional[int],
           per_report: Optional[int]) -> tuple[Optional[int], Optional[int]]:
    """The passage limits: as given, else all for JSON and CSV, a screenful on a terminal."""
    if machine:
        return limit, per_report
    return (TERMINAL_LIMIT if limit is None else limit,
            TERMINAL_PER_REPORT if per_report is None else per_report)


def complete_term(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: headwords and ids that start with what was typed."""
    from ..corpus.load import load_corpus  # lazy: only a completion request needs these
    from ..errors import CnglossError
    from ..lookup.search import completions

    try:
        path = ctx.find_root().params.get("glossary") if ctx else None
        return completions(load_corpus(path).glossary, incomplete)
    except (CnglossError, OSError):
        return []


def selection_words(place: Optional[str], year: Optional[str], reviewed: bool) -> str:
    """How an appendix of a selection is titled: the filters as they were typed."""
    return ", ".join(x for x in (place, year, "reviewed entries" if reviewed else None) if x)



