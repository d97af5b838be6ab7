"""``discover`` across the library: the slogans stored at add time, dated and placed.

Each slogan of the reports the filters select, used by at least ``min_reports`` of them
(one-off noise out): how many reports and places use it, its first use (year, report),
its first use at each level, its last year, reports and places per year, and its senses:
the expansions of its reports grouped by their item sets (sets sharing at least half of
their items are one sense), the most used first.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from ..collector import paused
from ..errors import DataError, Problem
from ..model import Filters, RenderedTerms
from . import catalog
from .slogan_objects import INDENT, LEVELS, add_passages, defined_headwords, summarize
from .slogan_selected import selected_slogans
from .store import has_table

MIN_REPORTS = 2
LAG_CAP = 10  # lags of 10 years or more are counted together ("10+")
FEW = 4  # under a quarter of the reports selected: their rows read by the report index


def has_slogans(db: sqlite3.Connection) -> bool:
    return has_table(db, "slogan")


def library_slogans(db: sqlite3.Connection, path, filters: Filters = Filters(),
                    kind: str | None = None, new_in: int | None = None,
                    min_reports: int = MIN_REPORTS) -> "list[dict] | RenderedTerms":
    """The library's slogans as dicts (see the module docstring), most reports first;
    ``defined``: some report's notes define the term. Without ``--year`` and ``--place``,
    from the summaries made at write time (library/slogan_summary.py) when they are up to
    date; otherwise computed from the uses of the reports selected (slogan_selected.py):
    the same objects, already rendered as JSON."""
    if not has_slogans(db):
        raise DataError(Problem(str(path), None, "was made before cngloss stored the slogans "
                                "of its reports (library format 3 or older)",
                                fix="upgrade it by adding to it once (cngloss --library "
                                f"{path} add REPORT), or pass FILEs to discover"))
    if filters._replace(level=None) == Filters() and filters.level in (None, *LEVELS) \
            and has_summaries(db):
        return _summaries(db, filters.level or "", kind, new_in, min_reports)
    return selected_slogans(db, filters, kind, new_in, min_reports)


def has_summaries(db: sqlite3.Connection) -> bool:
    """Whether the summaries exist (format 5) and no write has left a term stale."""
    return has_table(db, "slogan_stale") \
        and db.execute("SELECT 1 FROM slogan_stale LIMIT 1").fetchone() is None


def _summaries(db: sqlite3.Connection, level: str, kind: str | None, new_in: int | None,
               min_reports: int) -> RenderedTerms:
    where, args = ["level = ?", "reports >= ?"], [level, min_reports]
    if kind:  # a term of one kind, or a term of several counted over its uses of this one
        where.append("(scope = '' AND NOT mixed AND kind = ? OR scope = ?)")
        args += [kind, kind]
    else:
        where.append("scope = ''")
    if new_in is not None:
        where.append("first_year = ?")
        args.append(new_in)
    # a level's summary without JSON: every use is of that level, the JSON is level ''s
    rows = db.execute(
        "SELECT coalesce(json, (SELECT json FROM slogan_term AS e WHERE e.term = t.term "
        "AND e.level = '' AND e.scope = t.scope)), national, province, city "
        "FROM slogan_term AS t WHERE " + " AND ".join(where)
        + " ORDER BY reports DESC, n DESC, term", args).fetchall()
    return RenderedTerms([row[0] for row in rows], [row[1:] for row in rows], INDENT)


def computed_slogans(db: sqlite3.Connection, filters: Filters = Filters(),
                     kind: str | None = None, new_in: int | None = None,
                     min_reports: int = MIN_REPORTS) -> list[dict]:
    """``library_slogans`` computed from the stored uses of the reports selected."""
    allowed = catalog.reports(db, filters)
    columns = "SELECT term, report_id, kind, n, line, items, source_line FROM slogan"
    if len(allowed) * FEW < db.execute("SELECT count(*) FROM report").fetchone()[0]:
        # a few reports: their rows by the report index, not a pass over every row
        sql = (columns + " WHERE report_id IN (SELECT value FROM json_each(?))"
               + (" AND kind = ?" if kind else ""))
        args: tuple = (json.dumps(list(allowed)),) + ((kind,) if kind else ())
    else:
        sql, args = columns + (" WHERE kind = ?" if kind else ""), (kind,) if kind else ()
    rows: dict[str, list[tuple]] = defaultdict(list)
    with paused():  # tens of thousands of tuples that all live until the end (collector.py)
        for row in db.execute(sql, args):
            if row[1] in allowed:
                rows[row[0]].append(row)
        out = []
        for term, used in rows.items():
            if len(used) < min_reports:
                continue
            item = summarize(term, used, allowed)
            if new_in is not None and item["first_year"] != new_in:
                continue
            out.append(item)
    out.sort(key=lambda t: (-t["reports"], -t["count"], t["term"]))
    defined = defined_headwords(db)
    for item in out:
        item["defined"] = item["term"] in defined  # some report's notes define it
        add_passages(db, item)
    return out


def level_lags(terms: "list[dict] | RenderedTerms") -> dict[str, dict[str, int]]:
    """``--by level``: for the slogans the national report used first (or in the same
    year), how many years after it the first province and the first city used them:
    {"province": {"0": slogans, "1": ...}, "city": {...}}."""
    if isinstance(terms, RenderedTerms):
        firsts = terms.first_years
    else:
        firsts = [tuple((t["first_by_level"][level] or {}).get("year") for level in LEVELS)
                  for t in terms]
    lags: dict[str, dict[int, int]] = {"province": {}, "city": {}}
    for national, *others in firsts:
        if national is None:
            continue
        for level, year in zip(lags, others):
            if year is not None and year >= national:
                lag = min(year - national, LAG_CAP)
                lags[level][lag] = lags[level].get(lag, 0) + 1
    return {level: {(f"{k}+" if k == LAG_CAP else str(k)): v for k, v in sorted(counts.items())}
            for level, counts in lags.items()}
