"""Collections of reports (.jsonl, .jsonl.gz): one JSON object a line, its ``content`` the
report's text and its other fields metadata (as in the shared collection: place, level,
collection, year, title, source, path; url and date where given). Streamed: one line in
memory at a time, gzip decompressed on the fly, so 3,004 reports (152 MB) read in constant
memory; a record or a stream that inflates past ``inflate``'s limits is refused. A line
that is not a JSON object, or a record without content, stops the reading with an error
naming the line."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from .document import Document, fail
from .inflate import bounded_lines

GZIP_MAGIC = b"\x1f\x8b"
METADATA_FIELDS = ("place", "level", "collection", "year", "date", "title", "source", "path",
                   "url")


def iter_records(path: Path, encoding: str | None = None,
                 on_read: Callable[[int], None] | None = None) -> Iterator[Document]:
    """Each record of the collection as a Document of kind ``record`` (its ``line`` in the
    metadata); blank lines are skipped. ``on_read`` is told, before each record is given, how many
    bytes of the file (compressed, for .gz) have been read. A record longer than
    ``inflate.MAX_INFLATED``, or a gzip stream inflating more than ``inflate.MAX_RATIO``
    times, is refused (a gzip bomb)."""
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise fail(path, f"cannot be read: {exc.strerror}", "check the path") from None
    number = 0
    with raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        try:
            for number, line in enumerate(
                    bounded_lines(stream, path, raw.tell if compressed else None), start=1):
                if line.strip():
                    document = _record(path, number, line, encoding or "utf-8")
                    if on_read is not None:
                        on_read(raw.tell())
                    yield document
        except (OSError, EOFError, zlib.error) as exc:
            raise fail(path, f"is a damaged gzip file after line {number} ({exc})",
                       "compress the collection again") from None
    if number == 0:
        raise fail(path, "is empty (no records)", "give a collection with one report a line")


def _record(path: Path, number: int, line: bytes, encoding: str) -> Document:
    try:
        text = line.decode(encoding)
    except UnicodeDecodeError as exc:
        raise fail(path, f"record is not valid {encoding} (byte 0x{line[exc.start]:02x})",
                   "save the collection as UTF-8", line=number) from None
    if number == 1:
        text = text.lstrip("\ufeff")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(path, f"line is not JSON ({exc.msg} at column {exc.colno})",
                   "write one JSON object a line", line=number) from None
    if not isinstance(record, dict):
        raise fail(path, f"line is JSON but not an object (a {type(record).__name__})",
                   "write one JSON object a line", line=number)
    content = record.get("content")
    if not isinstance(content, str) or not content.strip():
        raise fail(path, "record has no content (no non-empty \"content\" string)",
                   "give each record its report text in \"content\"", line=number)
    metadata: dict[str, object] = {key: record[key] for key in METADATA_FIELDS
                                   if record.get(key) is not None}
    metadata["line"] = number
    return Document(content.replace("\r\n", "\n"), metadata, path, "record")
