"""The library database: where it is, opening it (read-only when it cannot be written),
creating and migrating its tables, and the one-line errors for a file that is not ours.

WAL journal: a reader sees the library as of the last finished batch while ``add`` writes
the next one; a second writer waits up to ``BUSY_TIMEOUT_S`` (``$CNGLOSS_BUSY_TIMEOUT``
seconds, if set) for the write lock, then gets a "busy" error.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

from ..errors import DataError, Problem, UsageError
from ..model import SECTION_SEP, Filters, ReportInfo
from . import catalog

APPLICATION_ID = 0x636E676C  # "cngl": tells our database from any other SQLite file
# 3: the glossaries and the lexicon (library/lexicon.py); the bigram postings keyed by
# (seg, gram), so that add appends its rows. (Format 2 was either one of these, on the two
# branches that made them; _migrate looks at the tables, not the number.)
# 4: the numbered slogans each report uses (``slogan``, library/slogan_rows.py), found at
# add time; a library of format 1-3 gets them when it is next opened for writing.
# 5: a summary of each slogan over the whole library (``slogan_term``, rendered as
# ``discover --json`` prints it, library/slogan_summary.py), kept up to date by add and
# remove; a library of format 1-4 gets them when it is next opened for writing.
SCHEMA_VERSION = 5
BUSY_TIMEOUT_S = 5.0
BUSY_TIMEOUT_VAR = "CNGLOSS_BUSY_TIMEOUT"
POLL_S = 0.002  # how often a waiting writer tries for the lock

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content_sha TEXT NOT NULL UNIQUE,   -- the same content twice is one report
    source_key TEXT NOT NULL UNIQUE,    -- file path, or collection path # record: a changed
                                        -- file replaces the report it gave before
    source TEXT NOT NULL,               -- what to show as where it came from
    place TEXT, level TEXT, year INTEGER, title TEXT, url TEXT,
    n_paragraphs INTEGER NOT NULL, n_chars INTEGER NOT NULL,  -- search-text characters
    added_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS report_year ON report(year, level, place);
CREATE TABLE IF NOT EXISTS section(
    report_id INTEGER NOT NULL, seq INTEGER NOT NULL, path TEXT NOT NULL,
    PRIMARY KEY(report_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS paragraph(
    id INTEGER PRIMARY KEY,             -- report_id << 12 | index
    number INTEGER NOT NULL, line INTEGER NOT NULL, section INTEGER NOT NULL,
    text TEXT NOT NULL,                 -- search text (quotes removed)
    edits TEXT);                        -- JSON [[offset, removed], ...] or NULL
CREATE TABLE IF NOT EXISTS note(
    report_id INTEGER NOT NULL, seq INTEGER NOT NULL, number INTEGER, headword TEXT,
    definition TEXT NOT NULL, line INTEGER, PRIMARY KEY(report_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bigram(
    gram TEXT NOT NULL, seg INTEGER NOT NULL, n INTEGER NOT NULL, ids BLOB NOT NULL,
    PRIMARY KEY(seg, gram)) WITHOUT ROWID;  -- a batch's rows go at the end of the B-tree
CREATE TABLE IF NOT EXISTS glossary(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content_sha TEXT NOT NULL UNIQUE, source_key TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
    title TEXT, terms TEXT NOT NULL,    -- JSON list of term rows (sources.cache.term_to_row)
    added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS slogan(      -- discover: the numbered slogans a report uses
    term TEXT NOT NULL, report_id INTEGER NOT NULL, kind TEXT NOT NULL,
    n INTEGER NOT NULL,                 -- uses in the report
    line INTEGER, start INTEGER NOT NULL,  -- the first use: its line and offset in it
    items TEXT, source_line INTEGER, source TEXT,  -- the expansion (JSON list) and its passage
    PRIMARY KEY(term, report_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS slogan_report ON slogan(report_id);
CREATE TABLE IF NOT EXISTS slogan_term(  -- discover: each slogan over the whole library
    term TEXT NOT NULL,
    level TEXT NOT NULL,                -- '': the reports of every level, or one level's
    scope TEXT NOT NULL,                -- '': every use, or a kind: that kind's uses only,
    mixed INTEGER NOT NULL,             -- for a term whose uses have more than one kind
    kind TEXT NOT NULL, n INTEGER NOT NULL, reports INTEGER NOT NULL, first_year INTEGER,
    national INTEGER, province INTEGER, city INTEGER,  -- the first year at each level
    json BLOB,                          -- the term object as discover --json prints it
                                        -- (NULL: the same as level '')
    PRIMARY KEY(term, level, scope)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS slogan_term_order ON slogan_term(level, reports DESC, n DESC, term);
CREATE TABLE IF NOT EXISTS slogan_lexicon(  -- discover: the slogan rows the collection's
    term TEXT NOT NULL, report_id INTEGER NOT NULL,  -- lexicon gave (library/slogan_lexicon.py)
    PRIMARY KEY(term, report_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS slogan_attested(  -- discover: the lexicon over the whole library
    form TEXT PRIMARY KEY, places INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS slogan_stale(  -- terms whose summary a write has made stale
    term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lexicon(     -- the merged glossaries, compiled (a cache: rebuilt
    id INTEGER PRIMARY KEY CHECK(id = 1), state TEXT NOT NULL, data BLOB NOT NULL);
"""

# Format 1 keyed the postings by (gram, seg): each batch's rows went into the middle of the
# table, and an add of the whole collection spent a third more time inserting them.
_REKEY_POSTINGS = """
CREATE TABLE bigram_2(
    gram TEXT NOT NULL, seg INTEGER NOT NULL, n INTEGER NOT NULL, ids BLOB NOT NULL,
    PRIMARY KEY(seg, gram)) WITHOUT ROWID;
INSERT INTO bigram_2 SELECT gram, seg, n, ids FROM bigram ORDER BY seg, gram;
DROP TABLE bigram;
ALTER TABLE bigram_2 RENAME TO bigram
"""

SECTION_SEPARATOR = SECTION_SEP  # one separator: model.py, which splits it back too


@contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: taken at once (BEGIN IMMEDIATE, so a second writer waits or
    gets "busy" before anything is done), committed at the end of the block, rolled back on
    any exception, Ctrl-C included."""
    _begin_immediate(db)
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _begin_immediate(db: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting up to the connection's busy timeout for another writer's
    lock, tried every ``POLL_S``. SQLite's own wait backs off to one try in 100 ms, and a
    long ``add`` leaves only some 10-250 ms between two batches (measured on the shared
    collection): a second writer waiting that way often missed every gap and said "busy"."""
    wait_ms = db.execute("PRAGMA busy_timeout").fetchone()[0]
    deadline = time.monotonic() + wait_ms / 1000
    db.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(POLL_S)
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")


def _is_busy(exc: sqlite3.DatabaseError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _fail(path: Path, message: str, fix: str) -> DataError:
    return DataError(Problem(str(path), None, message, fix=fix))


CATALOG_CACHE = 32  # filters whose reports a read-only library keeps


class Library:
    """An open library: the connection and whether it may be written."""

    def __init__(self, path: Path, connection: sqlite3.Connection, writable: bool):
        self.path = path
        self.db = connection
        self.writable = writable
        # filters -> (the connection's data_version when read, the reports they allow)
        self.catalog_cache: dict[Filters, tuple[int, dict[int, ReportInfo]]] = {}

    def reports(self, filters: Filters = Filters()) -> dict[int, ReportInfo]:
        """``catalog.reports`` of this library, kept while nothing changes it: a read-only
        connection's ``PRAGMA data_version`` moves when another connection commits, so the
        catalogue read for one query serves the next ones (``serve``'s workspaces, 12-25 ms
        a query over 3,004 reports). A writable connection reads it every time (its own
        changes do not move the version)."""
        if self.writable:
            return catalog.reports(self.db, filters)
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        kept = self.catalog_cache.get(filters)
        if kept is None or kept[0] != version:
            if len(self.catalog_cache) >= CATALOG_CACHE:
                self.catalog_cache.clear()
            kept = self.catalog_cache[filters] = (version, catalog.reports(self.db, filters))
        return dict(kept[1])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def next_segment(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'segment'").fetchone()
        segment = (row[0] if row else 0) + 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES('segment', ?)", (segment,))
        return segment


def open_library(path: Path, write: bool = False) -> Library:
    """Open (``write``: create if missing) the library at ``path``.

    DataError (exit 3) for a file that is not a cngloss library, a library from a newer
    cngloss, a busy or read-only library asked to be written; UsageError (exit 2) for a
    library that does not exist when only reading.
    """
    path = Path(path)
    timeout = busy_timeout(os.environ)
    if not path.exists() and not write:
        raise UsageError(f"{path}: no library there (create one with: cngloss add REPORT...)")
    if path.is_dir():
        raise _fail(path, "is a folder, not a library file", "name a file, e.g. library.sqlite")
    if write:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(path, f"cannot create its folder ({exc.strerror})",
                        "choose another --library path") from None
    writable = write and _can_write(path)
    if write and not writable:
        raise _fail(path, "is read-only: the library can be read but not changed",
                    "copy it somewhere writable, or choose another --library path")
    try:
        if writable:
            db = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        else:
            db = _connect_read_only(path, timeout)
        _check(path, db, writable)
    except sqlite3.DatabaseError as exc:
        raise _describe(path, exc) from None
    return Library(path, db, writable)


def busy_timeout(environ: Mapping[str, str]) -> float:
    """How long a writer waits for another one's write lock: ``$CNGLOSS_BUSY_TIMEOUT``
    seconds (0 or more), else ``BUSY_TIMEOUT_S``; UsageError (exit 2) for anything else."""
    value = environ.get(BUSY_TIMEOUT_VAR)
    if value is None or value == "":
        return BUSY_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):  # also refuses nan
        raise UsageError(f"{BUSY_TIMEOUT_VAR}={value!r}: give the seconds a second writer "
                         "waits for the library (e.g. 5)")
    return seconds


def _can_write(path: Path) -> bool:
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return os.access(path.parent, os.W_OK)


# A reading connection maps the library into memory (up to this many bytes): a query's
# pages are read from the OS's cache in place, not copied by a system call each into the
# connection's own 2 MB cache, which a show of every passage (3,000 paragraphs) overflows;
# the map is shared by serve's connections, a larger cache each would not be. A fifth less
# CPU for trend and grep of a common term (bench/api_cpu.py, BENCHMARKS.md).
READ_MAP_BYTES = 1 << 30


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=timeout)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL library in a folder we cannot write: no -shm file can be made; read it as
        # it stands on disk.
        db.close()
        db = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    db.execute(f"PRAGMA mmap_size = {READ_MAP_BYTES}")
    return db


def _check(path: Path, db: sqlite3.Connection, writable: bool) -> None:
    app = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app != APPLICATION_ID:
        if tables or app:
            raise _fail(path, "is an SQLite database, but not a cngloss library",
                        "choose another --library path")
        if not writable:
            raise _fail(path, "is an empty database, not a cngloss library yet",
                        "create it with: cngloss add REPORT...")
    if version > SCHEMA_VERSION:
        raise _fail(path, f"was written by a newer cngloss (library format {version})",
                    "upgrade cngloss")
    if writable:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-16384")  # 16 MB: batch inserts touch much of the index
        if version < SCHEMA_VERSION:
            _migrate(db, version)


def _postings_keyed_by_gram(db: sqlite3.Connection) -> bool:
    """Whether the bigram table has format 1's key (gram, seg) rather than (seg, gram)."""
    return {row[1]: row[5] for row in db.execute("PRAGMA table_info(bigram)")}.get("gram") == 1


def has_table(db: sqlite3.Connection, name: str) -> bool:
    """Whether the library has the table ``name`` (one an older format lacks)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() \
        is not None


def ensure_schema(db: sqlite3.Connection) -> None:
    """Every table of ``SCHEMA`` that is missing, created (inside a write transaction): also
    for a library of the current format made before a table was added to it."""
    _execute_all(db, SCHEMA)


def _execute_all(db: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate(db: sqlite3.Connection, version: int) -> None:
    """Create the tables (format 0 = a new file) and bring older formats up to date."""
    with write_transaction(db):
        if version > 0 and _postings_keyed_by_gram(db):
            _execute_all(db, _REKEY_POSTINGS)
        ensure_schema(db)
        if 0 < version < 4:
            from .slogan_rows import backfill  # lazy: an upgrade from format 1-3 only

            backfill(db)
        if 0 < version < 5:
            from . import slogan_summary  # lazy: an upgrade from format 1-4 only

            slogan_summary.mark_all(db)
            slogan_summary.refresh(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _describe(path: Path, exc: sqlite3.DatabaseError) -> DataError:
    text = str(exc)
    if _is_busy(exc):
        return _fail(path, "is busy: another cngloss is writing it",
                     "try again when that command has finished")
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return _fail(path, f"is not a usable library ({text})",
                     "choose another --library path, or move the damaged file away and add "
                     "the reports again")
    return _fail(path, f"cannot be opened ({text})", "check the file and its folder")


def describe_error(path: Path, exc: sqlite3.DatabaseError) -> DataError:
    """The one-line error for a database failure while using the library."""
    return _describe(path, exc)
