"""The library's catalogue: the reports it holds (those a query's filters allow, newest
first) and the paths of their sections."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from ..model import Filters, ReportInfo  # the result types, defined once


def reports(db: sqlite3.Connection, filters: Filters = Filters()) -> dict[int, ReportInfo]:
    """The reports the filters allow, by id, newest first."""
    where, args = [], []
    if filters.place:
        where.append("instr(place, ?) > 0")
        args.append(filters.place)
    if filters.level:
        where.append("level = ?")
        args.append(filters.level)
    if filters.years:
        low, high = filters.years
        if low is not None:
            where.append("year >= ?")
            args.append(low)
        if high is not None:
            where.append("year <= ?")
            args.append(high)
    sql = ("SELECT id, place, level, year, title, source, n_paragraphs, n_chars, added_at "
           "FROM report" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY year DESC, place, id")
    return {row[0]: ReportInfo(*row) for row in db.execute(sql, args)}


def sections(db: sqlite3.Connection, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """(report id, section seq) -> section path, for these keys only: one query that seeks
    each key (a report has dozens of sections, a page of passages needs few of them; a
    query per key cost a third of ``grep --csv`` of a common term)."""
    wanted = sorted(set(keys))
    packed = json.dumps([rid << _SEQ_SHIFT | seq for rid, seq in wanted])
    found = dict(((rid, seq), path) for rid, seq, path in db.execute(
        f"SELECT s.report_id, s.seq, s.path FROM json_each(?) AS k CROSS JOIN section AS s "
        f"ON s.report_id = k.value >> {_SEQ_SHIFT} AND s.seq = k.value & {_SEQ_MASK}",
        (packed,)))
    return {key: found.get(key, "") for key in wanted}


def paragraphs(db: sqlite3.Connection, report_id: int) -> list[tuple[int, str, str]]:
    """A report's paragraphs in order: (number, section path, text as read: the search
    text with its quotation marks put back)."""
    from ..text.matching import restore  # lazy: a report's text, for serve's report page

    sql = ("SELECT p.number, coalesce(s.path, ''), p.text, p.edits FROM paragraph AS p "
           "LEFT JOIN section AS s ON s.report_id = ? AND s.seq = p.section "
           "WHERE p.id BETWEEN ? AND ? ORDER BY p.id")
    rows = db.execute(sql, (report_id, report_id << 12, (report_id << 12) | 0xFFF))
    return [(number, path, restore(text, json.loads(edits)) if edits else text)
            for number, path, text, edits in rows]


_SEQ_SHIFT = 32
_SEQ_MASK = (1 << _SEQ_SHIFT) - 1
