"""The lexicon of collection-attested slogans: the numbered forms that the reports of a
library, other than the one being read, attest as slogans.

One report cannot tell a bare numeral word used once and unquoted (四害, 三农, 四乱) from a
quantity; the collection can. A form is attested when the finder found it (quoted, defined,
named as a task or by its shape) in the reports of at least ``MIN_PLACES`` distinct places,
or some report's notes define it, the places counted without the report being read: the
evidence comes from other reports. Computed once at ``add`` (``lexicon_pass``: the reports
are read again with it, each with its own lexicon) and when ``discover FILE`` runs with a
library (a file that may be one of the library's reports: one place more is asked); a bare
form no note defines needs ``BARE_PLACES``, a form of 一 that is no chain a note. See
docs/discover.md, "How it finds them, and why" (rule 10).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from .store import ensure_schema, has_table

MIN_PLACES = 2  # distinct places besides the report being read
# a bare form (a numeral and one or two hanzi: 三联, 五水, 四害) no report's notes define needs
# this many: a company or a word's head (三联药业, 五水厂) recurs in a few places too
BARE_PLACES = 10


def forget_report(db: sqlite3.Connection, report_id: int) -> None:
    """A report taken out: the record of the rows its lexicon gave goes with it."""
    if has_table(db, "slogan_lexicon"):
        db.execute("DELETE FROM slogan_lexicon WHERE report_id = ?", (report_id,))


def _counts(db: sqlite3.Connection, left_out: list[int], numerals: str) -> list[tuple]:
    """(form, distinct places, whether a note defines it) over every slogan row found by the
    rules alone (not one the lexicon gave: its evidence is other reports, which may be the
    one left out) and every note headword, of the reports not ``left_out``; a report with
    no place is a place of its own (speed: one grouped query)."""
    marks = ",".join("?" * len(left_out))
    rows = [f"s.report_id NOT IN ({marks})"] if left_out else []
    if has_table(db, "slogan_lexicon"):
        rows.append("NOT EXISTS (SELECT 1 FROM slogan_lexicon x WHERE x.term = s.term "
                    "AND x.report_id = s.report_id)")
    notes = ["n.headword IS NOT NULL"] + ([f"n.report_id NOT IN ({marks})"] if left_out else [])
    return db.execute(
        "SELECT form, COUNT(DISTINCT coalesce(place, -rid)), MAX(noted) FROM ("
        "SELECT s.term AS form, r.place AS place, s.report_id AS rid, 0 AS noted "
        "FROM slogan s JOIN report r ON r.id = s.report_id"
        + (f" WHERE {' AND '.join(rows)}" if rows else "")
        + " UNION ALL SELECT n.headword, r.place, n.report_id, 1 FROM note n "
        f"JOIN report r ON r.id = n.report_id WHERE {' AND '.join(notes)}) "
        "WHERE length(form) >= 2 AND instr(?, substr(form, 1, 1)) GROUP BY form",
        (*left_out, *left_out, numerals)).fetchall()


def attested_places(db: sqlite3.Connection, exclude: Iterable[int] = ()) -> dict[str, int]:
    """Each numbered form the finder may take from a lexicon (``slogans.lexical``), found
    as a slogan or defined as a headword by the reports other than ``exclude``: in how many
    distinct places, counted as fewer for a bare form no note defines (``BARE_PLACES``
    count as ``MIN_PLACES``); a form of 一 that is no chain of distinct pairs (一以贯之,
    一锤接着一锤敲, 一处失信 of 一处失信、处处受限) only where some report's notes define it
    (一网通办)."""
    from ..discover.slogans import NUMERALS, bare, lexical, paired  # lazy: the finder's rules

    out = {}
    for form, n, noted in _counts(db, sorted(set(exclude)), NUMERALS):
        if lexical(form) and (noted or form[0] != "一" or paired(form)):
            out[form] = n if noted or not bare(form) else max(0, n - (BARE_PLACES - MIN_PLACES))
    return out


def attested_forms(db: sqlite3.Connection, exclude: Iterable[int] = (),
                   places: int = MIN_PLACES) -> set[str]:
    """The forms of ``attested_places`` in ``places`` or more places."""
    return {form for form, n in attested_places(db, exclude).items() if n >= places}


def store_attested(db: sqlite3.Connection) -> None:
    """Keep ``attested_places`` over the whole library in ``slogan_attested`` (inside a
    write transaction; after every add and remove): what ``discover FILE`` reads. A
    library of format 5 made before the lexicon gets its tables here (``ensure_schema``)."""
    ensure_schema(db)
    db.execute("DELETE FROM slogan_attested")
    db.executemany("INSERT INTO slogan_attested VALUES(?,?)",
                   sorted(attested_places(db).items()))


def stored_forms(db: sqlite3.Connection, places: int) -> set[str]:
    """``attested_forms(db, places=places)`` as the last write stored it (speed: a
    library's lexicon read, not computed: 0.6 s); computed for a library made before."""
    if has_table(db, "slogan_attested"):
        return {row[0] for row in db.execute(
            "SELECT form FROM slogan_attested WHERE places >= ?", (places,))}
    return attested_forms(db, places=places)


def lexicon_pass(db: sqlite3.Connection, report_ids: Iterable[int]) -> int:
    """Read the reports ``report_ids`` (those an add wrote) again with the collection's
    lexicon (inside a write transaction) and store their rows anew where they change; how
    many reports changed. A report added earlier keeps the rows of its own add. The
    lexicon of a report is the forms of two places or more that the report does not
    attest itself, and of three places or more among those it does: so no form is taken
    for a report on its own evidence."""
    from .slogan_rows import report_text, slogan_rows  # lazy: add only
    from . import slogan_summary

    counts = attested_places(db)
    common = {form for form, n in counts.items() if n >= MIN_PLACES}
    if not common:
        store_attested(db)
        return 0
    safe = {form for form, n in counts.items() if n > MIN_PLACES}
    ensure_schema(db)  # slogan_lexicon, in a library of format 5 made before it
    changed = 0
    for rid in sorted(set(report_ids)):
        own = {row[0] for row in db.execute(
            "SELECT term FROM slogan WHERE report_id = ? UNION "
            "SELECT headword FROM note WHERE report_id = ? AND headword IS NOT NULL",
            (rid, rid))}
        paragraphs, notes = report_text(db, rid)
        if not _may_add(paragraphs, common - own):
            continue
        rows = slogan_rows(rid, paragraphs, notes, (common - own) | (safe & own))
        old = db.execute("SELECT * FROM slogan WHERE report_id = ? ORDER BY term",
                         (rid,)).fetchall()
        if sorted(rows) == [tuple(r) for r in old]:
            continue
        slogan_summary.mark_report(db, rid)  # the terms of the rows it had ...
        db.execute("DELETE FROM slogan WHERE report_id = ?", (rid,))
        db.executemany("INSERT INTO slogan VALUES(?,?,?,?,?,?,?,?,?)", rows)
        by_rules = {row[0] for row in old}
        db.executemany("INSERT OR IGNORE INTO slogan_lexicon VALUES(?,?)",
                       [(row[0], rid) for row in rows if row[0] not in by_rules])
        slogan_summary.mark_report(db, rid)  # ... and of those it has now
        changed += 1
    store_attested(db)  # a longer form may have replaced a shorter one of the rules
    return changed


def _may_add(paragraphs: list[tuple[int, str]], forms: set[str]) -> bool:
    """Whether some form occurs in the text at all (speed: most reports read again change
    nothing; a form is looked for by its first two characters)."""
    from ..discover.slogans import NUMERALS  # lazy: the finder's numerals

    by_pair: dict[str, list[str]] = {}
    for form in forms:
        by_pair.setdefault(form[:2], []).append(form)
    for _, text in paragraphs:
        for at, ch in enumerate(text):
            if ch in NUMERALS:
                for form in by_pair.get(text[at:at + 2], ()):
                    if text.startswith(form, at):
                        return True
    return False
