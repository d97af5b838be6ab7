"""``add``: reports from files, folders and collections into the library.

The main process reads the documents (streaming a collection), skips content the library
already holds (a SHA-256 of the text and metadata), and groups the rest in batches of about
``BATCH_CHARS`` characters. A worker parses a batch, makes each paragraph's search text and
inverts the batch into bigram postings (one *segment*, ``inverted.invert``); the main
process writes the batch in one transaction. Ctrl-C therefore loses only the batch being written, and at most two
batches are in flight, which bounds the memory. A small add (one batch) runs in-process:
starting the pool would cost more than it saves.
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
from ..sources.readers import Document, iter_documents
from ..sources.readers.sniff import EXTENSIONS
from ..text.matching import set_aside
from .inverted import PackedPostings, invert
from .postings import MAX_PARAGRAPHS, paragraph_id
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


class _Batch(NamedTuple):
    segment: int
    reports: list[tuple]
    sections: list[tuple]
    paragraphs: list[tuple]
    notes: list[tuple]
    postings: PackedPostings
    failures: list[Failure]


Progress = Callable[[int, str], None]


def add(library: Library, paths: Iterable[Path], progress: Progress | None = None,
        batch_chars: int = BATCH_CHARS) -> AddResult:
    """Add every report under ``paths``; see the module docstring."""
    db = library.db
    known = dict(db.execute("SELECT content_sha, id FROM report"))
    by_key = dict(db.execute("SELECT source_key, content_sha FROM report"))
    next_id = (db.execute("SELECT max(id) FROM report").fetchone()[0] or 0) + 1
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    failures: list[Failure] = []
    skipped: list[Failure] = []
    seen = 0

    def items() -> Iterator[_Item]:
        nonlocal next_id, seen
        for key, source, document in _documents(paths, failures, skipped):
            seen += 1
            sha = _content_sha(document)
            if sha in known:
                counts["unchanged"] += 1
                if progress:
                    progress(1, source)
                continue
            known[sha] = next_id
            yield _Item(next_id, key, source, sha, document)
            next_id += 1

    def write(batch: _Batch) -> None:
        failures.extend(batch.failures)
        with write_transaction(db):
            for row in batch.reports:
                old = by_key.get(row[2])
                if old is not None:
                    _delete(db, db.execute("SELECT id FROM report WHERE source_key = ?",
                                           (row[2],)).fetchone()[0])
                    counts["replaced"] += 1
                counts["added"] += 1
                by_key[row[2]] = row[1]
            db.executemany("INSERT INTO report VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", batch.reports)
            db.executemany("INSERT INTO section VALUES(?,?,?)", batch.sections)
            db.executemany("INSERT INTO paragraph VALUES(?,?,?,?,?,?)", batch.paragraphs)
            db.executemany("INSERT INTO note VALUES(?,?,?,?,?,?)", batch.notes)
            if len(batch.postings):
                db.executemany("INSERT INTO bigram VALUES(?,?,?,?)",
                               batch.postings.rows(library.next_segment()))
        if progress:
            progress(len(batch.reports) + len(batch.failures), "")

    batches = _batches(items(), batch_chars)
    first = next(batches, None)
    second = next(batches, None) if first is not None else None
    if first is not None and second is None:
        write(_work(first))
    elif first is not None:
        _run_pool(_chain(first, second, batches), write)
    if counts["added"]:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL back to nothing on disk
    return AddResult(counts["added"], counts["replaced"], counts["unchanged"], failures,
                     skipped)


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


def _documents(paths: Iterable[Path], failures: list[Failure],
               skipped: list[Failure]) -> Iterator[tuple[str, str, Document]]:
    """(source key, source shown, document) for every report under ``paths``; a file that
    cannot be read becomes a failure. A file named on the command line is always tried; in
    a folder, only files that read as reports (``not_a_report``) are taken, the others
    are ``skipped`` with the reason."""
    for given in paths:
        given = Path(given)
        in_folder = given.is_dir()
        if in_folder:
            files = sorted(p for p in given.rglob("*")
                           if p.is_file() and not any(part.startswith(".")
                                                      for part in p.relative_to(given).parts))
        elif given.exists():
            files = [given]
        else:
            failures.append(Failure(str(given), "no such file or folder"))
            continue
        for path in files:
            if in_folder and not is_report_name(path):
                skipped.append(Failure(str(path), f"not a report ({_suffix(path)} is not a "
                                                  "report format)"))
                continue
            if in_folder and path.stat().st_size == 0:
                skipped.append(Failure(str(path), "not a report (an empty file)"))
                continue
            try:
                for document in iter_documents(path):
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
                    yield key, source, document
            except CnglossError as exc:
                failures.append(Failure(str(path), str(exc)))
            except OSError as exc:
                failures.append(Failure(str(path), exc.strerror or str(exc)))


_COLLECTIONS = (".jsonl.gz", ".ndjson.gz")
_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile("[A-Za-z]")


def is_report_name(path: Path) -> bool:
    """A file a folder's reports are saved as: a format the readers know by its extension
    (.txt .md .html .docx .pdf ...) or a .jsonl(.gz) collection."""
    return path.suffix.lower() in EXTENSIONS or path.name.lower().endswith(_COLLECTIONS)


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

    out = _Batch(0, [], [], [], [], None, [])
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
        chars = 0
        for index, paragraph in enumerate(report.paragraphs):
            text, edits = set_aside(paragraph.text)
            pid = paragraph_id(item.report_id, index)
            seq = sections.setdefault(paragraph.section, len(sections))
            out.paragraphs.append((pid, paragraph.number, paragraph.line, seq, text,
                                   json.dumps(edits, ensure_ascii=False) if edits else None))
            chars += len(text)
            ids.append(pid)
            texts.append(text)
        out.sections.extend((item.report_id, seq, SECTION_SEPARATOR.join(path))
                            for path, seq in sections.items())
        out.notes.extend((item.report_id, k, note.number, note.headword or note.printed,
                          note.definition, note.line) for k, note in enumerate(report.notes))
        meta = report.metadata
        url = item.document.metadata.get("source")
        out.reports.append((item.report_id, item.sha, item.key, item.source, meta.place,
                            meta.level, meta.year, meta.title or report.title,
                            str(url) if url else None, len(report.paragraphs), chars, now))
    return out._replace(postings=invert(ids, texts))


def _delete(db, report_id: int) -> None:
    """Take a report out (its postings keep dead ids, which match no paragraph)."""
    low = paragraph_id(report_id, 0)
    db.execute("DELETE FROM paragraph WHERE id BETWEEN ? AND ?", (low, low + MAX_PARAGRAPHS - 1))
    db.execute("DELETE FROM section WHERE report_id = ?", (report_id,))
    db.execute("DELETE FROM note WHERE report_id = ?", (report_id,))
    db.execute("DELETE FROM report WHERE id = ?", (report_id,))


def remove(library: Library, report_ids: list[int]) -> int:
    """Take these reports out, in one transaction; how many there were."""
    db = library.db
    with write_transaction(db):
        for rid in report_ids:
            _delete(db, rid)
    return len(report_ids)
