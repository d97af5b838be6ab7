"""Arguments every front end parses the same way (the CLI's options, the web API's query
parameters): the report filters."""

from __future__ import annotations

from ..model import Filters


def filters(place: str | None = None, year: str | None = None,
            level: str | None = None) -> Filters:
    """The report filters given as typed (``year`` parsed: BadValueError if malformed)."""
    from ..text.years import parse_years  # lazy: only when a command has filters

    return Filters(place, parse_years(year), level)
