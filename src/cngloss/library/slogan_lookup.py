"""One slogan, or those whose text holds a query, from the library's ``slogan`` table: for
``search`` and ``show`` (the whole list is ``slogan_queries.library_slogans``).

The rows of the terms asked for only (``slogan``'s key starts with the term): each term
summarised by ``slogan_objects.summarize``, so a term found here has the dates, places
and senses ``discover`` gives it. A library made before the slogans were stored (format 3
or older) has none: nothing is found, nothing fails.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..model import Filters, ReportInfo
from . import catalog
from .slogan_objects import add_passages, summarize
from .slogan_queries import has_slogans, has_summaries

COLUMNS = "term, report_id, kind, n, line, items, source_line"


def lookup_slogans(db: sqlite3.Connection, query: str, exact: bool = True,
                   filters: Filters = Filters(), min_reports: int = 2,
                   limit: int | None = None,
                   allowed: "dict[int, ReportInfo] | None" = None) -> list[dict]:
    """The slogan named ``query`` and (unless ``exact``) those holding it, as ``discover``'s
    term objects, the one named first, then most reports first; those holding it only when
    ``min_reports`` or more of the reports the filters select use them. ``allowed``: the
    reports the filters allow, where the caller keeps the catalogue (``Library.reports``:
    reading it again cost a hanzi search of the whole collection 18 ms of its 50)."""
    if not query or not has_slogans(db):
        return []
    if exact:
        terms = [query]
    else:
        terms = _holding(db, query, min_reports)
    if allowed is None:
        allowed = catalog.reports(db, filters)
    rows: dict[str, list[tuple]] = defaultdict(list)
    for term in terms:
        for row in db.execute(f"SELECT {COLUMNS} FROM slogan WHERE term = ?", (term,)):
            if row[1] in allowed:
                rows[term].append(row)
    out = [summarize(term, used, allowed) for term, used in rows.items()
           if len(used) >= min_reports or term == query]
    out.sort(key=lambda t: (t["term"] != query, -t["reports"], t["term"]))
    out = out if limit is None else out[:limit]
    for item in out:
        item["defined"] = db.execute("SELECT 1 FROM note WHERE headword = ? LIMIT 1",
                                     (item["term"],)).fetchone() is not None
        add_passages(db, item)
    return out


def _holding(db: sqlite3.Connection, query: str, min_reports: int) -> list[str]:
    """The terms holding ``query`` that ``min_reports`` or more reports use (and ``query``
    itself), most reports first. Where the summaries are up to date (``has_summaries``),
    from their one row per term (23,000 rows, their ``reports`` the same count) instead of
    grouping the 140,000 stored uses: 25-30 ms of a search as you type, a few ms now."""
    if has_summaries(db):
        sql = ("SELECT term FROM slogan_term WHERE level = '' AND scope = '' "
               "AND instr(term, ?) > 0 AND (reports >= ? OR term = ?) ORDER BY reports DESC, term")
    else:
        sql = ("SELECT term FROM slogan WHERE instr(term, ?) > 0 GROUP BY term "
               "HAVING COUNT(*) >= ? OR term = ? ORDER BY COUNT(*) DESC, term")
    return [row[0] for row in db.execute(sql, (query, min_reports, query))]
