"""Finding text in the library, exactly: candidates from the bigram postings, verified on
the paragraphs' search text (``text.matching``: quotation marks set aside, stored with the
edits that give them back).

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

from ..text.matching import Edits
from .postings import SEQ_BITS, bigrams, decode, report_of

CHUNK = 5000  # ids fetched per query
MAX_INTERSECT = 3  # intersecting the rarest three bigram lists leaves few false candidates


class Match(NamedTuple):
    """A paragraph that uses the text: its search text, edits and the hits in it."""

    paragraph_id: int
    number: int
    line: int
    section: int
    text: str
    edits: Edits
    spans: tuple[tuple[int, int], ...]  # in the search text


def candidates(db: sqlite3.Connection, needle: str) -> list[int] | None:
    """Ids of the paragraphs that may use ``needle`` (None: a single character, scan)."""
    grams = sorted(bigrams(needle))
    if not grams:
        return None
    # Postings are keyed by (segment, gram): name every segment, so SQLite seeks each
    # (segment, gram) pair instead of reading the table.
    segments = ",".join(map(str, range(1, _segment_count(db) + 1)))
    marks = ",".join("?" * len(grams))
    sizes = dict(db.execute(f"SELECT gram, sum(n) FROM bigram WHERE seg IN ({segments}) "
                            f"AND gram IN ({marks}) GROUP BY gram", grams))
    if len(sizes) < len(grams):
        return []  # a bigram no paragraph has: nothing uses the text
    found: set[int] | None = None
    for gram in sorted(grams, key=sizes.__getitem__)[:MAX_INTERSECT]:
        ids: set[int] = set()
        for (blob,) in db.execute(f"SELECT ids FROM bigram WHERE seg IN ({segments}) "
                                  "AND gram = ?", (gram,)):
            ids.update(decode(blob))
        found = ids if found is None else found & ids
        if len(found) < 64:
            break
    return sorted(found or ())


def _segment_count(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = 'segment'").fetchone()
    return int(row[0]) if row else 0


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
    found: list[tuple] = []
    for row in rows:
        if allowed_set is not None and report_of(row[0]) not in allowed_set:
            continue
        spans = tuple(m.span() for m in pattern.finditer(row[4]))
        if spans:
            found.append((row, spans))
            if len(found) == CHUNK:
                yield from _with_edits(found)
                found = []
    yield from _with_edits(found)


def uses_by_report(db: sqlite3.Connection, needle: str,
                   allowed: Iterable[int] | None) -> dict[int, int]:
    """Report id -> the uses of ``needle`` in its paragraphs' search text, as ``matches``
    counts them (its spans: non-overlapping, leftmost first), for the allowed reports (None:
    all) that use it. Counted in SQL, the bytes ``replace(text, needle, '')`` takes out over
    the needle's bytes: ``replace`` takes the same leftmost non-overlapping runs as a regular
    expression of one literal, and UTF-8 matches only at character boundaries, so no
    paragraph's text is sent to Python (``trend`` of a common term reads 15,000 of them).
    Bytes, not ``length(text)``: SQLite counts a text's characters only up to a NUL."""
    if not needle:
        return {}
    allowed_set = set(allowed) if allowed is not None else None
    count = (f"SELECT id >> {SEQ_BITS}, sum((length(CAST(text AS BLOB)) - "
             "length(CAST(replace(text, ?1, '') AS BLOB))) / length(CAST(?1 AS BLOB))) "
             "FROM paragraph WHERE ")
    found = candidates(db, needle)
    if found is None:
        rows = db.execute(count + "instr(text, ?1) > 0 GROUP BY 1", (needle,))
    else:
        if allowed_set is not None:
            found = [i for i in found if report_of(i) in allowed_set]
        rows = (row for start in range(0, len(found), CHUNK) for row in db.execute(
            count + "id IN (SELECT value FROM json_each(?2)) GROUP BY 1",
            (needle, json.dumps(found[start:start + CHUNK]))))
    out: dict[int, int] = {}
    for rid, uses in rows:
        if uses and (allowed_set is None or rid in allowed_set):
            out[rid] = out.get(rid, 0) + uses
    return out


def _with_edits(found: list[tuple]) -> Iterator[Match]:
    """The matches, their edits decoded by one ``json.loads`` for all of them (one call a
    paragraph cost a tenth of ``grep`` of a common term). An edit is an [offset, removed]
    pair."""
    edits = json.loads("[" + ",".join(row[5] or "[]" for row, _ in found) + "]")
    for ((pid, number, line, section, text, _), spans), paragraph_edits in zip(found, edits):
        yield Match(pid, number, line, section, text, paragraph_edits, spans)


def _fetch(db: sqlite3.Connection, columns: str, ids: list[int]) -> Iterator[tuple]:
    for start in range(0, len(ids), CHUNK):
        chunk = json.dumps(ids[start:start + CHUNK])
        yield from db.execute(f"SELECT {columns} FROM paragraph WHERE id IN "
                              "(SELECT value FROM json_each(?)) ORDER BY id", (chunk,))


def _scan(db: sqlite3.Connection, columns: str, needles: list[str]) -> Iterator[tuple]:
    where = " OR ".join("instr(text, ?) > 0" for _ in needles)
    yield from db.execute(f"SELECT {columns} FROM paragraph WHERE {where} ORDER BY id", needles)
