"""Finding text in the library, exactly: candidates from the bigram postings, verified on
the paragraphs' search text.

A text of two or more characters occurs in a paragraph only if every bigram of it does, so
the intersection of (the rarest few of) its bigrams' lists holds every paragraph that uses
it; counting the text in those paragraphs' search text removes the false candidates. A
single character has no bigram: its paragraphs are scanned in SQL.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .normalize import Edits
from .postings import bigrams, decode, report_of

CHUNK = 5000  # ids fetched per query
MAX_INTERSECT = 3  # intersecting the rarest three bigram lists leaves few false candidates


class Filters(NamedTuple):
    """Which reports a query looks at; None: any."""

    place: str | None = None
    years: tuple[int | None, int | None] | None = None
    level: str | None = None


class ReportInfo(NamedTuple):
    id: int
    place: str | None
    level: str | None
    year: int | None
    title: str | None
    source: str
    paragraphs: int
    chars: int
    added: str


class Match(NamedTuple):
    """A paragraph that uses the text: its search text, edits and the hits in it."""

    paragraph_id: int
    number: int
    line: int
    section: int
    text: str
    edits: Edits
    spans: tuple[tuple[int, int], ...]  # in the search text


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


def candidates(db: sqlite3.Connection, needle: str) -> list[int] | None:
    """Ids of the paragraphs that may use ``needle`` (None: a single character, scan)."""
    grams = sorted(bigrams(needle))
    if not grams:
        return None
    marks = ",".join("?" * len(grams))
    sizes = dict(db.execute(f"SELECT gram, sum(n) FROM bigram WHERE gram IN ({marks}) "
                            "GROUP BY gram", grams))
    if len(sizes) < len(grams):
        return []  # a bigram no paragraph has: nothing uses the text
    found: set[int] | None = None
    for gram in sorted(grams, key=sizes.__getitem__)[:MAX_INTERSECT]:
        ids: set[int] = set()
        for (blob,) in db.execute("SELECT ids FROM bigram WHERE gram = ?", (gram,)):
            ids.update(decode(blob))
        found = ids if found is None else found & ids
        if len(found) < 64:
            break
    return sorted(found or ())


def matches(db: sqlite3.Connection, needles: Iterable[str],
            allowed: Iterable[int] | None) -> Iterator[Match]:
    """Every paragraph of the allowed reports (None: all) whose search text uses one of
    ``needles``, with its non-overlapping hits (longest needle first where they overlap)."""
    needles = sorted({n for n in needles if n}, key=lambda n: (-len(n), n))
    if not needles:
        return
    pattern = re.compile("|".join(map(re.escape, needles)))
    allowed_set = set(allowed) if allowed is not None else None
    ids: set[int] = set()
    scan = False
    for needle in needles:
        found = candidates(db, needle)
        if found is None:
            scan = True
            break
        ids.update(found)
    columns = "id, number, line, section, text, edits"
    if scan:
        rows = _scan(db, columns, needles)
    else:
        if allowed_set is not None:
            ids = {i for i in ids if report_of(i) in allowed_set}
        rows = _fetch(db, columns, sorted(ids))
    for pid, number, line, section, text, edits in rows:
        if allowed_set is not None and report_of(pid) not in allowed_set:
            continue
        spans = tuple(m.span() for m in pattern.finditer(text))
        if spans:
            yield Match(pid, number, line, section, text,
                        [tuple(e) for e in json.loads(edits)] if edits else [], spans)


def _fetch(db: sqlite3.Connection, columns: str, ids: list[int]) -> Iterator[tuple]:
    for start in range(0, len(ids), CHUNK):
        chunk = json.dumps(ids[start:start + CHUNK])
        yield from db.execute(f"SELECT {columns} FROM paragraph WHERE id IN "
                              "(SELECT value FROM json_each(?)) ORDER BY id", (chunk,))


def _scan(db: sqlite3.Connection, columns: str, needles: list[str]) -> Iterator[tuple]:
    where = " OR ".join("instr(text, ?) > 0" for _ in needles)
    yield from db.execute(f"SELECT {columns} FROM paragraph WHERE {where} ORDER BY id", needles)


def sections(db: sqlite3.Connection, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """(report id, section seq) -> section path, for these keys only (point lookups: a
    report has dozens of sections, a page of passages needs few of them)."""
    query = "SELECT path FROM section WHERE report_id = ? AND seq = ?"
    out = {}
    for key in set(keys):
        row = db.execute(query, key).fetchone()
        out[key] = row[0] if row else ""
    return out
