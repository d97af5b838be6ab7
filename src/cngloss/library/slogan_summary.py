"""The per-slogan summaries (``slogan_term``, library format 5): each term's ``discover``
object over the whole library and over the reports of each level, made when reports are
written, so that a query without ``--year`` and ``--place`` reads indexed rows instead of
computing every slogan from every stored use.

A write marks the terms it touches as stale (``slogan_stale``): the slogans of each report
added or taken out, and its notes' headwords (``defined``); ``refresh`` then makes the
summaries of the stale terms again from their ``slogan`` rows, with the very computation
of the query over the rows (``slogan_objects.summarize``), and renders each as the JSON
text ``discover --json`` prints for it. ``add`` refreshes once at its end (one transaction;
its batches only mark), ``remove`` inside its own transaction. While any term is stale (an
``add`` under way, or one interrupted), queries use the rows, so an answer is never out
of date.
"""

from __future__ import annotations

import sqlite3

from ..model import ReportInfo
from . import catalog
from .slogan_objects import LEVELS, add_passages, defined_headwords, rendered, summarize


def mark_report(db: sqlite3.Connection, report_id: int) -> None:
    """The terms a report's rows touch are stale: call after writing its rows, or before
    deleting them."""
    db.execute("INSERT OR IGNORE INTO slogan_stale SELECT term FROM slogan WHERE report_id = ?",
               (report_id,))
    db.execute("INSERT OR IGNORE INTO slogan_stale SELECT headword FROM note "
               "WHERE report_id = ? AND headword IS NOT NULL", (report_id,))


def mark_all(db: sqlite3.Connection) -> None:
    """Every stored slogan is stale (the upgrade to format 5)."""
    db.execute("INSERT OR IGNORE INTO slogan_stale SELECT DISTINCT term FROM slogan")


def is_stale(db: sqlite3.Connection) -> bool:
    """Whether some term's summary is to be made again."""
    return db.execute("SELECT 1 FROM slogan_stale LIMIT 1").fetchone() is not None


def refresh(db: sqlite3.Connection) -> int:
    """Make the summaries of the stale terms again (inside a write transaction); how many
    terms were stale."""
    stale = [row[0] for row in db.execute("SELECT term FROM slogan_stale")]
    if not stale:
        return 0
    reports = catalog.reports(db)
    defined = defined_headwords(db)
    insert = "INSERT INTO slogan_term VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"
    for term in stale:
        used = db.execute("SELECT term, report_id, kind, n, line, items, source_line "
                          "FROM slogan WHERE term = ?", (term,)).fetchall()
        db.execute("DELETE FROM slogan_term WHERE term = ?", (term,))
        if not used:  # no report uses it (any more): a headword, or a report taken out
            continue
        everywhere = _summaries(db, term, used, reports, term in defined)
        db.executemany(insert, [(term, "", *row) for row in everywhere])
        for level in LEVELS:  # and over the reports of each level (--level)
            rows = [r for r in used if reports[r[1]].level == level]
            if len(rows) == len(used):  # the same summary: its JSON not stored twice
                db.executemany(insert, [(term, level, *row[:-1], None) for row in everywhere])
            elif rows:
                db.executemany(insert, [(term, level, *row) for row in _summaries(
                    db, term, rows, reports, term in defined)])
    db.execute("DELETE FROM slogan_stale")
    return len(stale)


def _summaries(db: sqlite3.Connection, term: str, used: list[tuple],
               reports: dict[int, ReportInfo], defined: bool) -> list[tuple]:
    """The columns after (term, level) of a term's summaries from these uses."""
    kinds = sorted({row[2] for row in used})
    # '': over every use; a term whose reports tell different kinds (七五: a period, and a
    # slogan) gets one more summary per kind, for --kind (which counts that kind's uses)
    scopes = [("", used)] + ([(k, [r for r in used if r[2] == k]) for k in kinds]
                             if len(kinds) > 1 else [])
    out = []
    for scope, rows in scopes:
        item = summarize(term, rows, reports)
        item["defined"] = defined
        add_passages(db, item)
        years = [(item["first_by_level"][lv] or {}).get("year") for lv in LEVELS]
        out.append((scope, len(kinds) > 1, item["kind"], item["count"], item["reports"],
                    item["first_year"], *years, rendered(item)))
    return out
