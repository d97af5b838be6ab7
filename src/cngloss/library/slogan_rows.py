"""The ``slogan`` rows of one report: its numbered slogans, found once at ``add`` time.

The finder (``discover.discover_text``) reads the report's body as the library stores it:
one line per paragraph (its text with the quotes put back), then one line per note
(``“headword”：definition``), the note headwords being what the report itself defines. Each
row keeps the first use (the source line of its paragraph, the offset in it) and the
expansion with its passage. A library of an older format gets its rows from the
paragraphs and notes it already holds (``backfill``), so both ways read the same text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from .postings import MAX_PARAGRAPHS, paragraph_id


def slogan_rows(report_id: int, paragraphs: Sequence[tuple[int, str]],
                notes: Iterable[tuple[int | None, str | None, str]],
                attested: Iterable[str] = ()) -> list[tuple]:
    """Rows (term, report id, kind, uses, line, offset, items JSON, source line, source)
    for the slogans of one report: ``paragraphs`` as (source line, text), ``notes`` as
    (source line, headword, definition); ``attested``: the collection's lexicon for it
    (library/slogan_lexicon.py)."""
    from ..discover import discover_text  # lazy: the finder, for add only
    from ..discover.slogans import clean_line

    texts = [text.replace("\n", " ") for _, text in paragraphs]
    lines = [line for line, _ in paragraphs]
    defined = set()
    for line, headword, definition in notes:
        if headword:
            defined.add(headword)
        texts.append(f"“{headword or ''}”：{definition}".replace("\n", " "))
        lines.append(line)
    rows = []
    for found in discover_text("", "\n".join(texts), defined, attested=attested):
        first = found.lines[0]
        start = max(clean_line(texts[first - 1]).find(found.term), 0)
        expansion = found.expansion
        rows.append((found.term, report_id, found.kind, found.count, lines[first - 1], start,
                     json.dumps(list(expansion.items), ensure_ascii=False) if expansion else None,
                     lines[expansion.line - 1] if expansion else None,
                     expansion.text if expansion else None))
    return rows


def report_text(db: sqlite3.Connection, rid: int) -> tuple[list, list]:
    """The paragraphs (source line, text with its quotes put back) and notes (source line,
    headword, definition) of a stored report: what ``slogan_rows`` reads."""
    from ..text.matching import restore  # lazy: a second reading only

    low = paragraph_id(rid, 0)
    paragraphs = [(line, restore(text, json.loads(edits)) if edits else text)
                  for line, text, edits in db.execute(
                      "SELECT line, text, edits FROM paragraph WHERE id BETWEEN ? AND ? "
                      "ORDER BY id", (low, low + MAX_PARAGRAPHS - 1))]
    notes = list(db.execute("SELECT line, headword, definition FROM note "
                            "WHERE report_id = ? ORDER BY seq", (rid,)))
    return paragraphs, notes


def backfill(db: sqlite3.Connection) -> int:
    """The slogan rows of every report of a library made before they were stored (inside
    the upgrade's transaction); how many reports were read."""
    ids = [row[0] for row in db.execute("SELECT id FROM report ORDER BY id")]
    for rid in ids:
        paragraphs, notes = report_text(db, rid)
        db.executemany("INSERT OR REPLACE INTO slogan VALUES(?,?,?,?,?,?,?,?,?)",
                       slogan_rows(rid, paragraphs, notes))
    return len(ids)
