"""A compiled cache of loaded corpora, so that a lookup does not re-read YAML and the report.

The cache is only an optimisation. An entry is keyed by the glossary file's content (and
its folder, which locates its report), and records the content hash of the report and the
corrections file it was built from; a changed file is never answered from a stale entry.
An unwritable, missing or corrupt cache is ignored, never an error. Entries live in the
user cache folder (platformdirs), or ``$CNGLOSS_CACHE_DIR``; ``CNGLOSS_NO_CACHE=1`` turns
the cache off.

The search index is stored with the corpus but unpickled only when a search needs it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from . import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus
    from .model import Glossary

FORMAT = 1
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


def entry_path(folder: Path, glossary_path: Path, content: bytes) -> Path:
    digest = hashlib.blake2b(digest_size=20)
    for part in (__version__, str(FORMAT), str(glossary_path.resolve().parent)):
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


def load(entry: Path) -> "Corpus | None":
    """The cached corpus, if the entry exists, is sound and its sources are unchanged."""
    try:
        with entry.open("rb") as handle:
            stored = pickle.load(handle)
        corpus = stored["corpus"]
        for path, digest in stored["sources"]:
            if file_digest(path) != digest:
                return None
        if stored.get("index"):
            _PENDING_INDEXES[corpus.glossary] = stored["index"]
        return corpus
    except Exception:  # noqa: BLE001 - missing, corrupt or foreign: rebuild
        return None


def store(entry: Path, corpus: "Corpus", sources: list[Path]) -> None:
    """Write an entry atomically; any failure leaves the cache as it was, silently."""
    from .search import index_for

    try:
        index = pickle.dumps(index_for(corpus.glossary), protocol=pickle.HIGHEST_PROTOCOL)
        data = {"corpus": corpus, "sources": [(p, file_digest(p)) for p in sources],
                "index": index}
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".corpus-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # noqa: BLE001 - unwritable or full: carry on without a cache
        return


def pending_index(glossary: "Glossary") -> bytes | None:
    """The pickled search index a cache entry brought for this glossary, if any."""
    return _PENDING_INDEXES.pop(glossary, None)
