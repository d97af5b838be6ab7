"""``discover`` across the reports ``--year`` and ``--place`` select: the computation of
``slogan_queries.computed_slogans``, reading less and rendering faster.

The summaries of format 5 hold the whole library and each level; any other selection is
computed from the stored uses. Reading every ``slogan`` row (140k of them, with their
expansions and passages) was most of such a query, then the json module's indenting
encoder. Here SQLite first counts the reports of each term among those selected, from the
covering report index (no row read), and only the rows of the terms used by enough of them
are read, one term's rows after another (the table's key starts with the term); each term
object is then rendered by ``slogan_summary.rendered``, the bytes the summaries store, so
the answer is the same text as the computation's.
"""

from __future__ import annotations

import json
import sqlite3

from ..collector import paused
from ..model import Filters, RenderedTerms
from . import catalog
from .slogan_objects import INDENT, LEVELS, add_passages, defined_headwords, rendered, summarize

COLUMNS = "s.term, s.report_id, s.kind, s.n, s.line, s.items, s.source_line"


def selected_slogans(db: sqlite3.Connection, filters: Filters, kind: str | None,
                     new_in: int | None, min_reports: int) -> RenderedTerms:
    """``computed_slogans(db, filters, kind, new_in, min_reports)``, already rendered."""
    allowed = catalog.reports(db, filters)
    ids = json.dumps(list(allowed))
    same_kind = " AND kind = ?" if kind else ""
    # the terms used by enough of the reports selected (of that kind): the covering index
    # holds (report_id, term); a kind is read from the rows
    terms = [row[0] for row in db.execute(
        ("SELECT term FROM slogan INDEXED BY slogan_report" if not kind else
         "SELECT term FROM slogan") + " WHERE report_id IN (SELECT value FROM json_each(?))"
        + same_kind + " GROUP BY term HAVING count(*) >= ?",
        (ids, *((kind,) if kind else ()), max(min_reports, 1)))]
    # their rows, term after term along the key; '+' keeps SQLite from seeking each
    # (term, report) pair of the selection
    sql = (f"SELECT {COLUMNS} FROM json_each(?) AS k CROSS JOIN slogan AS s "
           "ON s.term = k.value WHERE +s.report_id IN (SELECT value FROM json_each(?))"
           + (" AND s.kind = ?" if kind else ""))
    out = []
    with paused():  # tens of thousands of tuples that all live until the end (collector.py)
        used: list[tuple] = []
        for row in db.execute(sql, (json.dumps(terms, ensure_ascii=False), ids,
                                    *((kind,) if kind else ()))):
            if used and row[0] != used[0][0]:
                out.append(summarize(used[0][0], used, allowed))
                used = []
            used.append(row)
        if used:
            out.append(summarize(used[0][0], used, allowed))
    if new_in is not None:
        out = [item for item in out if item["first_year"] == new_in]
    out.sort(key=lambda t: (-t["reports"], -t["count"], t["term"]))
    defined = defined_headwords(db)
    fragments, firsts = [], []
    for item in out:
        item["defined"] = item["term"] in defined  # some report's notes define it
        add_passages(db, item)
        fragments.append(rendered(item))
        firsts.append(tuple((item["first_by_level"][lv] or {}).get("year") for lv in LEVELS))
    return RenderedTerms(fragments, firsts, INDENT)
