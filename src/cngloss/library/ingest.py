"""``add``: reports from files, folders and collections into the library.

The main process reads the documents (streaming a collection), skips content the library
already holds (a SHA-256 of the text and metadata), and groups the rest in batches of about
``BATCH_CHARS`` characters. A worker parses a batch, makes each paragraph's search text and
inverts the batch into bigram postings (one *segment*, ``inverted.invert``); the main
process writes the batch in one transaction. Ctrl-C therefore loses only the batch being written, and at most two
batches are in flight, which bounds the memory. A small add (one batch) runs in-process:
starting the pool would cost more than it saves.

Another writer may add between two batches. So whatever a batch's writing depends on is
decided inside its write transaction (``BEGIN IMMEDIATE``, which a second writer waits
for): the report ids (a batch made with ids another writer has taken since is given the
next free ones, and its postings made again), whether its content is there already, and
which report of the same file or record it replaces.

Progress is counted against what is known before anything is read: the size of the files
to read. After each batch written (or report found unchanged) ``progress(reports, done,
total)`` is told the reports dealt with and the bytes of the input read up to them
(compressed bytes, for a .gz collection).
"""

from __future__ import annotations

import hashlib
import json
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from ..errors import CnglossError
from ..sources.readers import Document, iter_documents, registry as readers
from ..text.matching import set_aside
from . import slogan_summary
from .inverted import PackedPostings, invert
from .postings import MAX_PARAGRAPHS, SEQ_BITS, paragraph_id
from .slogan_lexicon import forget_report, lexicon_pass, store_attested
from .slogan_rows import slogan_rows
from .store import SECTION_SEPARATOR, Library, write_transaction

BATCH_CHARS = 2_000_000
WORKERS = 2
IN_FLIGHT = 2


class Failure(NamedTuple):
    """A report (or file) that was not added, and why."""

    source: str
    reason: str


class AddResult(NamedTuple):
    """What an add did: reports written (``replaced`` of them instead of an older version
    of the same file or record), reports already there, the failures, and the files of a
    folder left out as not reports."""

    added: int
    replaced: int
    unchanged: int
    failures: list[Failure]
    skipped: list[Failure]


class _Item(NamedTuple):
    report_id: int
    key: str
    source: str
    sha: str
    document: Document
    position: int = 0  # bytes of the input read once this document was


class _Rows(NamedTuple):
    """One parsed report's rows: its report row and its sections, paragraphs, notes and
    numbered slogans (library/slogan_rows.py)."""

    report: tuple
    sections: list[tuple]
    paragraphs: list[tuple]
    notes: list[tuple]
    slogans: list[tuple]


class _Batch(NamedTuple):
    reports: list[_Rows]
    postings: PackedPostings
    failures: list[Failure]
    position: int  # bytes of the input read once the batch's last document was


Progress = Callable[[int, int, int], None]


class _Tracker:
    """The reports dealt with and the input bytes read up to them, told to ``progress``;
    the reading (a pool's feeder thread) and the writing (the main one) both report."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress, self.total = progress, total
        self.reports = self.done = 0
        self.lock = threading.Lock()

    def advance(self, reports: int, position: int) -> None:
        with self.lock:
            self.reports += reports
            self.done = max(self.done, min(position, self.total))
            if self.progress:
                self.progress(self.reports, self.done, self.total)


def add(library: Library, paths: Iterable[Path], progress: Progress | None = None,
        batch_chars: int = BATCH_CHARS) -> AddResult:
    """Add every report under ``paths``; see the module docstring."""
    db = library.db
    # Snapshots, to skip unchanged content before parsing it; each batch's writing checks
    # again against the library as it then is.
    known = dict(db.execute("SELECT content_sha, id FROM report"))
    by_key = dict(db.execute("SELECT source_key, content_sha FROM report"))
    next_id = _free_id(db)
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    written: list[int] = []  # the ids of the reports this add wrote
    failures: list[Failure] = []
    skipped: list[Failure] = []
    files, total = _files(paths)
    tracker = _Tracker(progress, total)
    tracker.advance(0, 0)  # the total, before anything is read

    def items() -> Iterator[_Item]:
        nonlocal next_id
        for key, source, document, position in _documents(files, failures, skipped):
            sha = _content_sha(document)
            if sha in known:
                counts["unchanged"] += 1
                tracker.advance(1, position)
                continue
            if by_key.get(key) not in (None, sha):
                # This record replaces what the library holds for it: a later record with
                # that content is then no longer unchanged.
                known.pop(by_key[key], None)
            by_key[key] = sha
            known[sha] = next_id
            yield _Item(next_id, key, source, sha, document, position)
            next_id += 1

    def write(batch: _Batch) -> None:
        nonlocal next_id
        failures.extend(batch.failures)
        with write_transaction(db):
            batch = _renumbered(batch, _free_id(db))
            if batch.reports:
                next_id = max(next_id, batch.reports[-1].report[0] + 1)
            for rows in batch.reports:
                sha, key = rows.report[1], rows.report[2]
                if db.execute("SELECT 1 FROM report WHERE content_sha = ?", (sha,)).fetchone():
                    counts["unchanged"] += 1  # another writer added it since it was read
                    continue
                old = db.execute("SELECT id FROM report WHERE source_key = ?", (key,)).fetchone()
                if old is not None:  # a changed file, or a later record of the same path
                    _delete(db, old[0])
                    counts["replaced"] += 1
                counts["added"] += 1
                db.execute("INSERT INTO report VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", rows.report)
                written.append(rows.report[0])
                db.executemany("INSERT INTO section VALUES(?,?,?)", rows.sections)
                db.executemany("INSERT INTO paragraph VALUES(?,?,?,?,?,?)", rows.paragraphs)
                db.executemany("INSERT INTO note VALUES(?,?,?,?,?,?)", rows.notes)
                db.executemany("INSERT INTO slogan VALUES(?,?,?,?,?,?,?,?,?)", rows.slogans)
                slogan_summary.mark_report(db, rows.report[0])  # refreshed at the end
            if len(batch.postings):
                db.executemany("INSERT INTO bigram VALUES(?,?,?,?)",
                               batch.postings.rows(library.next_segment()))
        tracker.advance(len(batch.reports) + len(batch.failures), batch.position)

    batches = _batches(items(), batch_chars)
    first = next(batches, None)
    second = next(batches, None) if first is not None else None
    if first is not None and second is None:
        write(_work(first))
    elif first is not None:
        _run_pool(_chain(first, second, batches), write)
    if tracker.done < total:  # the end of the files (a gzip trailer, a failed file)
        tracker.advance(0, total)
    if written:  # the reports read again with the collection's lexicon
        with write_transaction(db):
            lexicon_pass(db, written)
    if slogan_summary.is_stale(db):  # once for the whole add, not batch by batch
        with write_transaction(db):
            slogan_summary.refresh(db)
    if counts["added"]:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL back to nothing on disk
    return AddResult(counts["added"], counts["replaced"], counts["unchanged"], failures,
                     skipped)


def _free_id(db) -> int:
    """The first report id after every report's (inside a write transaction: the first one
    no other writer can take)."""
    return (db.execute("SELECT max(id) FROM report").fetchone()[0] or 0) + 1


def _renumbered(batch: _Batch, first: int) -> _Batch:
    """``batch`` with report ids from ``first`` on if its own are no longer free (another
    writer took them after the batch was made): every id moved by the same amount, and the
    postings made again for the new paragraph ids."""
    if not batch.reports or batch.reports[0].report[0] >= first:
        return batch
    shift = first - batch.reports[0].report[0]
    moved = shift << SEQ_BITS
    reports = [_Rows((rows.report[0] + shift, *rows.report[1:]),
                     [(rid + shift, *rest) for rid, *rest in rows.sections],
                     [(pid + moved, *rest) for pid, *rest in rows.paragraphs],
                     [(rid + shift, *rest) for rid, *rest in rows.notes],
                     [(term, rid + shift, *rest) for term, rid, *rest in rows.slogans])
               for rows in batch.reports]
    paragraphs = [p for rows in reports for p in rows.paragraphs]
    postings = invert([p[0] for p in paragraphs], [p[4] for p in paragraphs])
    return batch._replace(reports=reports, postings=postings)


def _chain(*parts):
    first, second, rest = parts
    yield first
    yield second
    yield from rest


def _run_pool(batches: Iterator[list[_Item]], write: Callable[[_Batch], None]) -> None:
    from multiprocessing import get_context  # lazy: only an add of more than one batch

    slots = threading.BoundedSemaphore(IN_FLIGHT)
    stop = threading.Event()

    def bounded() -> Iterator[list[_Item]]:
        for batch in batches:
            slots.acquire()
            if stop.is_set():
                return
            yield batch

    pool = get_context("fork").Pool(WORKERS, initializer=_ignore_interrupts)
    try:
        for result in pool.imap(_work, bounded()):
            slots.release()
            write(result)
        pool.close()
    finally:
        # Wake the pool's feeder thread first if it waits for a slot, and stop it: terminate()
        # joins that thread, and joining it while it waited (a Ctrl-C or a failed write with
        # every slot in flight) hung the add for good.
        stop.set()
        for _ in range(IN_FLIGHT):
            try:
                slots.release()
            except ValueError:
                break
        pool.terminate()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which rolls back and exits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(items: Iterator[_Item], limit: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.document.text)
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class _File(NamedTuple):
    """A file to read (``in_folder``: found in a folder given), or one given that does not
    exist (``missing``), or one of a folder left out, with why (``skip``)."""

    path: Path
    in_folder: bool = False
    skip: str | None = None
    missing: bool = False


def _files(paths: Iterable[Path]) -> tuple[list[_File], int]:
    """The files under ``paths``, in order, and the total size of those to read in bytes
    (known before anything is read: what progress is counted against). A file named on the
    command line is always tried; in a folder, only files that may be reports are taken."""
    files: list[_File] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*")
                               if p.is_file() and not any(part.startswith(".") for part
                                                          in p.relative_to(given).parts)):
                if not is_report_name(path):
                    files.append(_File(path, True, f"{_suffix(path)} is not a report format"))
                elif path.stat().st_size == 0:
                    files.append(_File(path, True, "an empty file"))
                else:
                    files.append(_File(path, True))
        else:
            files.append(_File(given, missing=not given.exists()))
    return files, sum(_size(f.path) for f in files if not (f.skip or f.missing))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _documents(files: list[_File], failures: list[Failure],
               skipped: list[Failure]) -> Iterator[tuple[str, str, Document, int]]:
    """(source key, source shown, document, bytes of all the files read so far) for every
    report in ``files``; a file that cannot be read becomes a failure; a file of a folder
    that is not a report (``not_a_report``) is ``skipped`` with the reason."""
    base = 0
    for path, in_folder, skip, missing in files:
        if missing:
            failures.append(Failure(str(path), "no such file or folder"))
            continue
        if skip:
            skipped.append(Failure(str(path), f"not a report ({skip})"))
            continue
        read = 0

        def on_read(n: int) -> None:
            nonlocal read
            read = n

        try:
            for document in iter_documents(path, on_read=on_read):
                if document.kind == "record":
                    record = document.metadata.get("path") or document.metadata.get("line")
                    key = f"{path.resolve()}#{record}"
                    source = f"{path.name}#{record}"
                else:
                    why = not_a_report(document.text) if in_folder else None
                    if why:
                        skipped.append(Failure(str(path), f"not a report ({why})"))
                        continue
                    key, source = str(path.resolve()), str(path)
                yield key, source, document, base + read
        except CnglossError as exc:
            failures.append(Failure(str(path), str(exc)))
        except OSError as exc:
            failures.append(Failure(str(path), exc.strerror or str(exc)))
        base += _size(path)


_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile("[A-Za-z]")


def is_report_name(path: Path) -> bool:
    """A file a folder's reports are saved as: a format the readers know by its extension
    (.txt .md .html .docx .pdf ...) or a .jsonl(.gz) collection."""
    return readers.by_name(path.name) is not None


def not_a_report(text: str) -> str | None:
    """Why a document found in a folder is not a report (None: it is one). A government
    report is Chinese text: among the collection's 3,004 reports and the six local ones, at
    least 98% of the letters are hanzi; a README or SOURCES.md beside them has under 10%.
    The line is drawn at half."""
    hanzi = len(_HANZI.findall(text))
    if not hanzi:
        return "no Chinese text"
    latin = len(_LATIN.findall(text))
    if hanzi < latin:
        return f"only {100 * hanzi // (hanzi + latin)}% of its letters are Chinese"
    return None


def _suffix(path: Path) -> str:
    return path.suffix.lower() or "a file without an extension"


def _content_sha(document: Document) -> str:
    meta = {k: document.metadata.get(k) for k in ("place", "level", "year", "title")}
    digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass"))
    digest.update(json.dumps(meta, ensure_ascii=False, default=str).encode("utf-8"))
    return digest.hexdigest()


def _work(items: list[_Item]) -> _Batch:
    """Parse, set aside the quotes of and invert one batch (in a worker process)."""
    from ..sources.report import parse_document  # lazy: the parser, for add only

    out = _Batch([], None, [], items[-1].position if items else 0)
    ids: list[int] = []
    texts: list[str] = []
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for item in items:
        try:
            report = parse_document(item.document)
            if len(report.paragraphs) >= MAX_PARAGRAPHS:
                raise ValueError(f"{len(report.paragraphs)} paragraphs, more than a library "
                                 f"report holds ({MAX_PARAGRAPHS - 1})")
        except Exception as exc:  # any parse failure skips this report, not the batch
            out.failures.append(Failure(item.source, f"{type(exc).__name__}: {exc}"
                                        if not isinstance(exc, CnglossError) else str(exc)))
            continue
        sections: dict[tuple[str, ...], int] = {}
        paragraphs: list[tuple] = []
        chars = 0
        for index, paragraph in enumerate(report.paragraphs):
            text, edits = set_aside(paragraph.text)
            pid = paragraph_id(item.report_id, index)
            seq = sections.setdefault(paragraph.section, len(sections))
            paragraphs.append((pid, paragraph.number, paragraph.line, seq, text,
                               json.dumps(edits, ensure_ascii=False) if edits else None))
            chars += len(text)
            ids.append(pid)
            texts.append(text)
        meta = report.metadata
        url = item.document.metadata.get("source")
        slogans = slogan_rows(item.report_id, [(p.line, p.text) for p in report.paragraphs],
                              [(n.line, n.headword or n.printed, n.definition)
                               for n in report.notes])
        out.reports.append(_Rows(
            (item.report_id, item.sha, item.key, item.source, meta.place, meta.level,
             meta.year, meta.title or report.title, str(url) if url else None,
             len(report.paragraphs), chars, now),
            [(item.report_id, seq, SECTION_SEPARATOR.join(path))
             for path, seq in sections.items()],
            paragraphs,
            [(item.report_id, k, note.number, note.headword or note.printed,
              note.definition, note.line) for k, note in enumerate(report.notes)],
            slogans))
    return out._replace(postings=invert(ids, texts))


def _delete(db, report_id: int) -> None:
    """Take a report out (its postings keep dead ids, which match no paragraph)."""
    slogan_summary.mark_report(db, report_id)  # before its rows go
    low = paragraph_id(report_id, 0)
    db.execute("DELETE FROM paragraph WHERE id BETWEEN ? AND ?", (low, low + MAX_PARAGRAPHS - 1))
    db.execute("DELETE FROM section WHERE report_id = ?", (report_id,))
    db.execute("DELETE FROM note WHERE report_id = ?", (report_id,))
    db.execute("DELETE FROM slogan WHERE report_id = ?", (report_id,))
    forget_report(db, report_id)
    db.execute("DELETE FROM report WHERE id = ?", (report_id,))


def remove(library: Library, report_ids: list[int]) -> int:
    """Take these reports out, in one transaction; how many there were."""
    db = library.db
    with write_transaction(db):
        for rid in report_ids:
            _delete(db, rid)
        slogan_summary.refresh(db)
        store_attested(db)
    return len(report_ids)
