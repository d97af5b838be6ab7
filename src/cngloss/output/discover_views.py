"""``discover`` across the library: the table of slogans with their dates, and the chart of
how many years after the national report provinces and cities first used them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .blocks import Blank, Block, Table, line
from .chart import bar

if TYPE_CHECKING:
    from ..model import Discovered


def library_discover_view(found: "Discovered") -> list[Block]:
    """``discover`` without FILEs: one row per slogan with its dates (first use, first at
    each level, last), and with ``--by level`` a bar chart of the lags."""

    def year(t, level):
        at = t["first_by_level"][level]
        return str(at["year"]) if at and at["year"] is not None else "-"

    table = Table(["term", "kind", "reports", "places", "first", "national", "province",
                   "city", "last", "expansion"], [], wrap=(9,))
    for t in found.library_terms:
        first = t["first_report"]
        table.rows.append([
            [(t["term"], "headword" if t["defined"] else None)], [(t["kind"], None)],
            [(str(t["reports"]), "number")], [(str(t["places"]), "number")],
            [(f"{t['first_year']} {first['place'] or ''}".strip(), None)],
            [(year(t, "national"), "number")], [(year(t, "province"), "number")],
            [(year(t, "city"), "number")], [(str(t["last_year"]), "number")],
            [("、".join(t["expansion"]["items"]) if t["expansion"] else "-", None)]])
    blocks: list[Block] = [table]
    if found.lags is not None:
        for level, counts in found.lags.items():
            blocks.append(Blank())
            blocks.append(line((f"first {level} use, years after the national report "
                                f"({sum(counts.values())} slogans)", "heading")))
            top = max(counts.values(), default=0)
            for lag, n in counts.items():
                blocks.append(line((f"{lag:>3} ", "number"), (bar(n, top, 40), None),
                                   (f" {n}", "number")))
    return blocks
