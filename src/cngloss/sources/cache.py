"""A compiled cache of loaded corpora, so that a lookup does not re-read YAML and the report.

The cache is only an optimisation. An entry is keyed by the glossary file's content (and
its folder, which locates its report), and records the content hash of the report and the
corrections file it was built from; a changed file is never answered from a stale entry.
An unwritable, missing or corrupt cache is ignored, never an error. Entries live in the
user cache folder (platformdirs), or ``$CNGLOSS_CACHE_DIR``; ``CNGLOSS_NO_CACHE=1`` turns
the cache off.

Terms are stored as one compact JSON row each and become Term objects only when used,
and the search index is unpickled only when a search needs it: a cached glossary of
100,000 terms loads in a fraction of a second (BENCHMARKS.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import zlib
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, NamedTuple, Sequence, overload

from .. import __version__
from ..model import Glossary, Part, Rendering, Report, Term
from .paths import user_folder

FORMAT = 3


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """Where entries go, or None when caching is off."""
    if environ.get("CNGLOSS_NO_CACHE"):
        return None
    if environ.get("CNGLOSS_CACHE_DIR"):
        return Path(environ["CNGLOSS_CACHE_DIR"])
    try:
        return user_folder("cache", environ)
    except Exception:  # noqa: BLE001 - no cache is better than no answer
        return None


def code_fingerprint() -> str:
    """Size and time of every module of the package, sub-packages included: edited code (a
    development checkout) never reads entries written by other code.

    Walked with ``os.scandir`` (not ``Path.rglob``) and without entering ``__pycache__``: this
    runs on every cold start, over a hundred modules, and rglob cost five times as much.
    """
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = []
    folders = [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(package, folder)) as entries:
            for entry in entries:
                name = f"{folder}/{entry.name}" if folder else entry.name
                if entry.name.endswith(".py"):
                    try:
                        stat = entry.stat()
                        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
                    except OSError:
                        parts.append(name)
                elif entry.name != "__pycache__" and entry.is_dir():
                    folders.append(name)
    return ";".join(sorted(parts))


def entry_path(folder: Path, glossary_path: Path, content: bytes) -> Path:
    """The entry for this glossary content in this folder (the folder locates its report:
    the absolute path as given, symbolic links not followed, as the loader reads it)."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (__version__, str(FORMAT), code_fingerprint(),
                 os.path.abspath(glossary_path.parent)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(content)
    return folder / f"corpus-{digest.hexdigest()}.pickle"


def file_digest(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return None


# How a field's value is rebuilt from JSON, for the fields that are not plain JSON values
# (a list read back is a tuple unless listed here). Rows follow ``Term.FIELDS``, so a
# field added to Term is cached without a change here unless it needs a decoder.
_DECODE: dict[str, Callable[[Any], Any]] = {
    "english": lambda value: tuple(Rendering(*e) for e in value),
    "parts": lambda value: tuple(Part(name, tuple(items)) for name, items in value),
    "pinyin_reviewed": dict,
}
_FIELDS = Term.FIELDS


def term_to_row(term: Term) -> str:
    """A term as one compact JSON row: its fields' values in the order of ``Term.FIELDS``."""
    return json.dumps([getattr(term, name) for name in _FIELDS], ensure_ascii=False,
                      separators=(",", ":"), default=dict)


def term_from_row(row: str) -> Term:
    """The Term a row was made from (``term_to_row``)."""
    values = json.loads(row)
    return Term(**{name: _DECODE[name](value) if name in _DECODE else
                   tuple(value) if isinstance(value, list) else value
                   for name, value in zip(_FIELDS, values)})


class TermRows(Sequence[Term]):
    """The terms of a cached glossary, each made from its row the first time it is used
    (and the same object every time after)."""

    def __init__(self, rows: list[str], ids: list[str]):
        self._rows = rows
        self._terms: list[Term | None] = [None] * len(rows)
        self.ids = ids

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Term: ...

    @overload
    def __getitem__(self, i: slice) -> list[Term]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        term = self._terms[i]
        if term is None:
            term = self._terms[i] = term_from_row(self._rows[i])
        return term

    def __iter__(self) -> Iterator[Term]:
        for i in range(len(self._rows)):
            yield self[i]


_MAGIC = b"cngloss-cache\n"
KEEP_ENTRIES = 16


class Compiled(NamedTuple):
    """What a cache entry holds: the glossary (terms made from rows on first use), its
    parsed report, and the search index as the search layer pickled it (opaque here)."""

    glossary: Glossary
    report: Report | None
    index: bytes | None


def load(entry: Path) -> Compiled | None:
    """The cached glossary and report, if the entry exists, is intact and its sources are
    unchanged."""
    try:
        data = memoryview(entry.read_bytes())
        head = len(_MAGIC) + 4
        if data[:len(_MAGIC)] != _MAGIC or \
                zlib.crc32(data[head:]).to_bytes(4, "big") != data[len(_MAGIC):head]:
            return None  # not an entry, or damaged since it was written
        stored = pickle.loads(data[head:])
        for path, digest in stored["sources"]:
            if file_digest(path) != digest:
                return None
        path, title, report_source = stored["glossary"]
        glossary = Glossary(path, TermRows(stored["rows"], stored["ids"]), title,
                            report_source, links=stored["links"])
        os.utime(entry)  # recently used: kept by the pruning in ``store``
        return Compiled(glossary, stored["report"], stored.get("index"))
    except Exception:  # noqa: BLE001 - missing, corrupt or foreign: rebuild
        return None


def store(entry: Path, compiled: Compiled, sources: list[Path]) -> None:
    """Write an entry atomically (with a CRC-32 of its payload, against damage); prune the
    least recently used entries.
    Any failure leaves the cache as it was, silently."""
    import tempfile  # lazy: only a cache miss writes an entry

    glossary = compiled.glossary
    try:
        payload = pickle.dumps({
            "sources": [(Path(os.path.abspath(p)), file_digest(p)) for p in sources],
            "glossary": (glossary.path, glossary.title, glossary.report),
            "rows": [term_to_row(t) for t in glossary.terms],
            "ids": list(glossary.ids),
            "links": {k: list(v) for k, v in glossary.links.items()},
            "report": compiled.report,
            "index": compiled.index,
        }, protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".corpus-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big"))
                handle.write(payload)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(entry.parent)
    except Exception:  # noqa: BLE001 - unwritable or full: carry on without a cache
        return


def _prune(folder: Path) -> None:
    """Keep the KEEP_ENTRIES most recently used entries; every edit makes a new one."""
    entries = sorted(folder.glob("corpus-*.pickle"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        try:
            old.unlink()
        except OSError:
            pass
