"""Years as people write them for a filter: ``2021``, ``2019..2023``, ``2019..``, ``..2010``."""

from __future__ import annotations

import re

from ..errors import BadValueError

_YEARS = re.compile(r"^\s*(\d{4})?\s*(\.\.)?\s*(\d{4})?\s*$")


def parse_years(text: str | None) -> tuple[int | None, int | None] | None:
    """``2019``, ``2019..2023``, ``2019..`` or ``..2010`` -> (low, high); None for None;
    BadValueError (named ``year``) for anything else or a range that runs backwards."""
    if text is None:
        return None
    m = _YEARS.match(text)
    if not m or not (m.group(1) or m.group(3)) or (m.group(2) is None and m.group(3)):
        raise BadValueError("year", text, "give a year (2021) or a range (2019..2023, "
                                          "2019.., ..2010)")
    low = int(m.group(1)) if m.group(1) else None
    high = int(m.group(3)) if m.group(3) else (low if m.group(2) is None else None)
    if low is not None and high is not None and low > high:
        raise BadValueError("year", text, f"the range runs backwards (write {high}..{low})")
    return low, high
