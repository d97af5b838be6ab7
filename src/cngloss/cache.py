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
import weakref
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence, overload

from . import __version__
from .model import Glossary, Part, Rendering, Term

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

FORMAT = 2
_PENDING_INDEXES: "weakref.WeakKeyDictionary[Glossary, bytes]" = weakref.WeakKeyDictionary()


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """Where entries go, or None when caching is off."""
    if environ.get("CNGLOSS_NO_CACHE"):
        return None
    if environ.get("CNGLOSS_CACHE_DIR"):
        return Path(environ["CNGLOSS_CACHE_DIR"])
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("cngloss", appauthor=False))
    except Exception:  # noqa: BLE001 - no cache is better than no answer
        return None


def code_fingerprint() -> str:
    """Size and time of every module of the package: edited code (a development checkout)
    never reads entries written by other code."""
    here = Path(__file__).resolve().parent
    parts = []
    for module in sorted(here.glob("*.py")):
        try:
            stat = module.stat()
            parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(module.name)
    return ";".join(parts)


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


def term_to_row(term: Term) -> str:
    """A term as one compact JSON row (the field order of ``term_from_row``)."""
    return json.dumps([
        term.id, term.term, term.pinyin, term.definition, term.note, term.printed,
        [list(e) for e in term.english], list(term.variants),
        [[p.name, list(p.items)] for p in term.parts], list(term.tags), list(term.related),
        term.remark, dict(term.pinyin_reviewed), term.line,
    ], ensure_ascii=False, separators=(",", ":"))


def term_from_row(row: str) -> Term:
    (ident, headword, pinyin, definition, note, printed, english, variants, parts, tags,
     related, remark, reviewed, line) = json.loads(row)
    return Term(ident, headword, pinyin, definition, note, printed,
                tuple(Rendering(*e) for e in english), tuple(variants),
                tuple(Part(name, tuple(items)) for name, items in parts), tuple(tags),
                tuple(related), remark, reviewed, line)


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


def load(entry: Path) -> "Corpus | None":
    """The cached corpus, if the entry exists, is intact and its sources are unchanged."""
    from .corpus import Corpus

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
        if stored.get("index"):
            _PENDING_INDEXES[glossary] = stored["index"]
        os.utime(entry)  # recently used: kept by the pruning in ``store``
        return Corpus(glossary, stored["report"])
    except Exception:  # noqa: BLE001 - missing, corrupt or foreign: rebuild
        return None


def store(entry: Path, corpus: "Corpus", sources: list[Path]) -> None:
    """Write an entry atomically (with a CRC-32 of its payload, against damage); prune the
    least recently used entries.
    Any failure leaves the cache as it was, silently."""
    import tempfile

    from .searching import index_for

    glossary = corpus.glossary
    try:
        index = index_for(glossary)
        index.homophones()  # kept in the entry: a sound-alike query then reads no table
        payload = pickle.dumps({
            "sources": [(Path(os.path.abspath(p)), file_digest(p)) for p in sources],
            "glossary": (glossary.path, glossary.title, glossary.report),
            "rows": [term_to_row(t) for t in glossary.terms],
            "ids": list(glossary.ids),
            "links": {k: list(v) for k, v in glossary.links.items()},
            "report": corpus.report,
            "index": pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL),
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


def pending_index(glossary: "Glossary") -> bytes | None:
    """The pickled search index a cache entry brought for this glossary, if any."""
    return _PENDING_INDEXES.pop(glossary, None)
