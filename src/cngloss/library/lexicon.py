"""The library's glossaries merged into one, by headword: the notes of every report and the
glossary files added to the library (docs/library.md, "Glossaries in the library").

A report's notes are glossary entries as they stand (not reviewed), save those whose
headword names no term (``text/note_terms.py``: a statement with figures, a remark on a
target); a glossary file added with ``cngloss add terms.yaml`` is curated (reviewed).
Entries whose headwords have the same key (``headwords.py``) are one entry: a glossary
file's term is its base where there is one, else a term made from the notes (the most
printed headword, pinyin as ``import`` reads it, the newest definition), with every note that
defines it as a source.

The merged glossary and its search index are compiled once after each change (``add``,
``remove``) and kept in the ``lexicon`` table with the state of the library they were made
from; a reader finds them there, so ``search`` and ``show`` on a library of thousands of
reports read one blob instead of every note. The blob is in sections (``Lexicon.to_bytes``):
a command unpickles only a small table of contents and the parts of the search index its
query uses, and decodes the row and sources of the terms it shows. A stale, damaged or
missing blob (a library of an older format, opened read-only) is rebuilt in memory.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import pickle
import re
import sqlite3
import zlib
from array import array
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, NamedTuple, Sequence

from ..lookup.registry import attach_compiled
from ..model import Glossary, NoteSource, Term
from ..sources.cache import TermRows, term_from_row, term_to_row
from ..text.note_terms import not_a_term
from ..text.hanzi import strip_quotes
from .headwords import (bundled_variants_path, canonical, headword_key, load_variants,
                        plain_key)
from .store import Library, write_transaction

LEXICON_FORMAT = 3  # 2: in sections, term rows and sources decoded on use; 3: no junk notes
HOMOPHONES_FROM = 1000  # terms


class PackedStrings(Sequence[str]):
    """Strings without newlines kept as one UTF-8 text (``\\n`` before and after each), a
    string decoded only when it is asked for: loading 9,000 term rows or keys costs a
    copy of bytes, not 9,000 string objects."""

    __slots__ = ("text", "starts")

    def __init__(self, text: bytes, starts: array):
        self.text = text
        self.starts = starts

    @classmethod
    def of(cls, strings: Sequence[str]) -> "PackedStrings":
        starts, parts, at = array("I"), [], 1
        for string in strings:
            data = string.encode("utf-8")
            if b"\n" in data:
                raise ValueError(f"a packed string holds a newline: {string!r}")
            starts.append(at)
            parts.append(data)
            at += len(data) + 1
        return cls(b"\n" + b"\n".join(parts) + b"\n" if parts else b"\n", starts)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        start = self.starts[i]  # IndexError past the end, as a list
        return self.text[start:self.text.index(b"\n", start)].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        """Every string, decoded at once (a look-up table over all the ids is made so)."""
        if not self.starts:
            return iter(())
        return iter(self.text[1:-1].decode("utf-8").split("\n"))

    def index_of(self, string: str) -> int | None:
        """The position of the first string equal to ``string``, or None."""
        if not string or "\n" in string:
            return None
        at = self.text.find(b"\n" + string.encode("utf-8") + b"\n")
        return None if at < 0 else bisect.bisect_right(self.starts, at + 1) - 1


class Lexicon:
    """The merged glossary (``glossary``, one term per key) with, per term, its key, whether
    a glossary file defines it (``reviewed``) and which one (``origins``), and the notes
    that define it (``sources``)."""

    def __init__(self, terms: Sequence[Term], keys: Sequence[str], reviewed: Sequence[bool],
                 origins: Sequence[str | None], sources: Sequence[str], links: dict[str, str],
                 chars: str | None = None):
        self.glossary = Glossary(Path("library"), terms, title="library")
        self.keys = keys if isinstance(keys, PackedStrings) else PackedStrings.of(keys)
        self.reviewed = reviewed
        self.origins = origins
        # per term, its notes as one JSON string: read only for the terms a query returns
        # (unpickling 14,000 NoteSources would cost a cold search a fifth of a second)
        self._sources = sources
        self.links = links
        self._chars: set[str] | None = None if chars is None else set(chars)

    def sources(self, i: int) -> tuple[NoteSource, ...]:
        """The notes that define term ``i``, oldest report first."""
        return tuple(NoteSource(*row) for row in json.loads(self._sources[i]))

    def position(self, key: str) -> int | None:
        """The term whose key is ``key`` (after the curated links), or None."""
        return self.keys.index_of(canonical(key, self.links))

    def position_of_id(self, term_id: str) -> int | None:
        """The term whose id is ``term_id``, found in the packed ids of a loaded lexicon
        (no dictionary of 9,000 ids for one look-up)."""
        ids = getattr(self.glossary.terms, "ids", None)
        if isinstance(ids, PackedStrings):
            return ids.index_of(term_id)
        return self.glossary.position(term_id)

    def key_of(self, text: str) -> str:
        """The merged key of a headword: its key, then the curated links. A text whose
        characters all occur in the keys (which are simplified) is not converted: that
        spares a query the converter's start-up."""
        plain = plain_key(text)
        if self._chars is None:
            self._chars = set("".join(self.keys))
        known = all(ch in self._chars for ch in plain)
        return canonical(plain if known else headword_key(text), self.links)

    def to_bytes(self) -> bytes:
        """The lexicon in sections (``_MAGIC``, a pickled table of contents, then the
        sections): a reader unpickles only the small parts and the search index, and
        decodes a term's row and sources when it is used."""
        # lazy: the index builder, on a change only
        from ..lookup.index import compiled_index, index_for

        terms = self.glossary.terms
        # The sound-alike classes cost seconds whatever the size: worked out here for a
        # large library (a query then reads them), left to the first sound-alike query of
        # a small one.
        index = compiled_index(self.glossary) if len(terms) >= HOMOPHONES_FROM else \
            pickle.dumps(index_for(self.glossary), protocol=pickle.HIGHEST_PROTOCOL)
        if self._chars is None:
            self._chars = set("".join(self.keys))
        packed = {"rows": PackedStrings.of([term_to_row(t) for t in terms]),
                  "ids": PackedStrings.of([t.id for t in terms]),
                  "keys": self.keys,
                  "sources": PackedStrings.of(list(self._sources))}
        sections: list[bytes] = []
        contents: dict[str, tuple[int, int]] = {}

        def put(name: str, data: bytes) -> None:
            contents[name] = (sum(map(len, sections)), len(data))
            sections.append(data)

        for name, strings in packed.items():
            put(name, strings.text)
            put(name + ".starts", strings.starts.tobytes())
        put("index", index)
        head = pickle.dumps({"contents": contents, "reviewed": bytes(map(bool, self.reviewed)),
                             "origins": list(self.origins), "links": self.links,
                             "chars": "".join(sorted(self._chars))},
                            protocol=pickle.HIGHEST_PROTOCOL)
        payload = len(head).to_bytes(4, "big") + head + b"".join(sections)
        checked = len(payload) - len(index)
        return _MAGIC + zlib.adler32(payload[:checked]).to_bytes(4, "big") + payload

    @classmethod
    def from_bytes(cls, data: bytes) -> "Lexicon":
        """The lexicon ``to_bytes`` wrote; ValueError for anything else (an older format,
        a damaged blob)."""
        view = memoryview(data)
        # the magic, then an Adler-32 (against damage; half the cost of a CRC-32) of all
        # but the search index, which is checked as it is unpickled (lookup/index.py)
        start = len(_MAGIC) + 4
        if bytes(view[:len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a lexicon of this format")
        at = start + 4
        size = int.from_bytes(view[start:at], "big")
        head = pickle.loads(view[at:at + size])
        body = at + size
        index_at = body + head["contents"]["index"][0]
        if zlib.adler32(view[start:index_at]).to_bytes(4, "big") != view[len(_MAGIC):start]:
            raise ValueError("the lexicon is damaged")

        def section(name: str) -> bytes:
            offset, length = head["contents"][name]
            if body + offset + length > len(data):
                raise ValueError(f"the lexicon's section {name!r} is cut short")
            return data[body + offset:body + offset + length]

        def strings(name: str) -> PackedStrings:
            starts = array("I")
            starts.frombytes(section(name + ".starts"))
            return PackedStrings(section(name), starts)

        rows, ids = strings("rows"), strings("ids")
        if not len(rows) == len(ids) == len(head["reviewed"]) == len(head["origins"]):
            raise ValueError("the lexicon's sections disagree in length")
        lexicon = cls(TermRows(rows, ids), strings("keys"),  # type: ignore[arg-type]
                      [bool(b) for b in head["reviewed"]], head["origins"],
                      strings("sources"), head["links"], head["chars"])
        attach_compiled(lexicon.glossary, section("index"))
        return lexicon


_MAGIC = b"cngloss-lexicon\n"


def state(db: sqlite3.Connection) -> str:
    """What the lexicon depends on: the reports, the glossary files, the curated links."""
    reports = db.execute("SELECT count(*), coalesce(max(id), 0) FROM report").fetchone()
    try:
        glossaries = db.execute("SELECT count(*), coalesce(max(id), 0) FROM glossary").fetchone()
    except sqlite3.OperationalError:  # a library of format 1: no glossary files
        glossaries = (0, 0)
    try:
        links = hashlib.sha256(bundled_variants_path().read_bytes()).hexdigest()[:16]
    except OSError:
        links = "-"
    return f"{LEXICON_FORMAT}:{reports[0]}:{reports[1]}:{glossaries[0]}:{glossaries[1]}:{links}"


def load(library: Library) -> Lexicon:
    """The library's lexicon: the compiled one if it is up to date, else built (and kept,
    when the library can be written)."""
    db = library.db
    now = state(db)
    where = str(Path(library.path).resolve())
    kept = _LOADED.get(where)
    if kept is not None and kept[0] == now:  # a long-lived caller's next query
        return kept[1]
    lexicon = None
    try:
        row = db.execute("SELECT state, data FROM lexicon WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # format 1, read-only: no lexicon table
        row = None
    if row is not None and row[0] == now:
        try:
            lexicon = Lexicon.from_bytes(row[1])
        except Exception:  # noqa: BLE001 - a damaged blob is only a cache: build afresh
            lexicon = None
    if lexicon is None:
        lexicon = build(db)
        if library.writable:
            save(db, lexicon, now)
    _LOADED.clear()  # one library at a time: the memory of one lexicon at most
    _LOADED[where] = (now, lexicon)
    return lexicon


# The lexicon last loaded in this process, by library path, with the state it was made for.
_LOADED: dict[str, tuple[str, Lexicon]] = {}


def refresh(library: Library) -> None:
    """Compile the lexicon again after a change (inside no transaction). The state is taken
    first: if another writer adds while this one builds, the lexicon is kept as of the older
    state, and the next load builds it again."""
    db = library.db
    now = state(db)
    save(db, build(db), now)


def save(db: sqlite3.Connection, lexicon: Lexicon, now: str) -> None:
    data = lexicon.to_bytes()
    with write_transaction(db):
        db.execute("INSERT OR REPLACE INTO lexicon VALUES(1, ?, ?)", (now, data))


class _Group:
    __slots__ = ("base", "origin", "headwords", "notes")

    def __init__(self) -> None:
        self.base: Term | None = None
        self.origin: str | None = None
        self.headwords: Counter[str] = Counter()
        self.notes: list[tuple[NoteSource, str]] = []  # and the note's definition


def build(db: sqlite3.Connection, links: dict[str, str] | None = None) -> Lexicon:
    """Merge the glossary files and every report's notes by headword key."""
    links = load_variants() if links is None else links
    groups: dict[str, _Group] = {}

    def group(headword: str) -> _Group:
        return groups.setdefault(canonical(headword_key(headword), links), _Group())

    try:
        files = db.execute("SELECT source, terms FROM glossary ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        files = []
    for source, rows in files:
        for row in json.loads(rows):
            term = term_from_row(row)
            found = group(term.term)
            if found.base is None:
                found.base, found.origin = term, source
    notes = db.execute(
        "SELECT n.report_id, n.seq, n.number, n.headword, n.definition, r.year, r.place, "
        "r.level FROM note n JOIN report r ON r.id = n.report_id "
        "WHERE n.headword IS NOT NULL AND n.headword != '' "
        "ORDER BY r.year, r.place, n.report_id, n.seq")
    for rid, seq, number, headword, definition, year, place, level in notes:
        if not headword_key(headword) or not_a_term(headword):
            continue  # a note explaining a statement (新增普通高校7所), not a term
        found = group(headword)
        found.headwords[_displayed(headword)] += 1
        found.notes.append((NoteSource(rid, seq, number, year, place, level), definition))
    return _compile(groups, links)


def _displayed(headword: str) -> str:
    """A note's headword as an entry shows it: no quotes, bold markers, spaces, bracketed
    note number left at the start (``﹝5﹞``) or 【】 around it."""
    text = "".join(strip_quotes(headword).replace("*", "").split())
    text = _LEFT_NUMBER.sub("", text, count=1)
    if text.startswith("【") and text.endswith("】"):
        text = text[1:-1]
    return text or headword


_LEFT_NUMBER = re.compile(r"^[\[［〔﹝(（【]\d{1,3}[\]］〕﹞)）】]")


def _compile(groups: dict[str, _Group], links: dict[str, str]) -> Lexicon:
    from ..corpus.suggest import make_id, pinyin_of  # lazy: pypinyin, on a change only

    terms, keys, reviewed, origins, sources = [], [], [], [], []
    taken: set[str] = set()
    for key, found in groups.items():
        # the most printed headword, but the one a curated link points to before its variants
        shown = sorted(found.headwords, key=lambda h: (headword_key(h) != key,
                                                       -found.headwords[h]))
        if found.base is not None:
            base = found.base
            extra = tuple(h for h in shown if h != base.term and h not in base.variants)
            taken.add(base.id)
            term = base.replace(variants=base.variants + extra)
        else:
            headword = shown[0]
            newest = found.notes[-1][1]
            term = Term(id=make_id(headword, taken), term=headword,
                        pinyin=pinyin_of(headword, newest), definition=newest,
                        variants=tuple(shown[1:]), unreviewed=("pinyin", "definition"))
        terms.append(term)
        keys.append(key)
        reviewed.append(found.base is not None)
        origins.append(found.origin)
        sources.append(json.dumps([list(source) for source, _ in found.notes],
                                  ensure_ascii=False, separators=(",", ":")))
    return Lexicon(terms, keys, reviewed, origins, sources, links)


# --------------------------------------------------------------------------- glossary files


class GlossaryAdded(NamedTuple):
    """What adding glossary files did."""

    added: int
    replaced: int
    unchanged: int
    terms: int


def add_glossaries(library: Library, paths: list[Path]) -> GlossaryAdded:
    """Add glossary files (read and checked first: a file that is not a glossary raises
    GlossaryError and nothing is added). The same content again is a no-op; a changed file
    replaces what it gave before."""
    from ..sources.glossary import load_glossary  # lazy: the YAML reader, for glossaries only

    loaded = [(Path(p), _read(Path(p), load_glossary)) for p in paths]
    db = library.db
    added = replaced = unchanged = terms = 0
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with write_transaction(db):
        for path, glossary in loaded:
            rows = [term_to_row(t) for t in glossary.terms]
            data = json.dumps(rows, ensure_ascii=False)
            sha = hashlib.sha256(data.encode("utf-8")).hexdigest()
            key = str(path.resolve())
            if db.execute("SELECT 1 FROM glossary WHERE content_sha = ?", (sha,)).fetchone():
                unchanged += 1
                continue
            if db.execute("DELETE FROM glossary WHERE source_key = ?", (key,)).rowcount:
                replaced += 1
            db.execute("INSERT INTO glossary(content_sha, source_key, source, title, terms, "
                       "added_at) VALUES(?,?,?,?,?,?)",
                       (sha, key, str(path), glossary.title, data, now))
            added += 1
            terms += len(rows)
    return GlossaryAdded(added, replaced, unchanged, terms)


def remove_glossaries(library: Library, paths: list[Path]) -> int:
    """Take these glossary files out, in one transaction; all of them or none."""
    from ..errors import NotFoundError  # lazy: remove only

    db = library.db
    keys = [str(Path(p).resolve()) for p in paths]
    with write_transaction(db):
        for given, key in zip(paths, keys):
            if not db.execute("DELETE FROM glossary WHERE source_key = ?", (key,)).rowcount:
                raise NotFoundError(f"no glossary in the library was added from {str(given)!r}")
    return len(keys)


def _read(path: Path, load_glossary) -> Glossary:
    """The glossary file, or one error line naming it and how to see all its problems."""
    import shlex  # lazy: for a bad file's hint only

    from ..errors import DataError, GlossaryError, Problem  # lazy: a bad file only

    try:
        return load_glossary(path)
    except DataError as exc:
        first = exc.problems[0] if exc.problems else Problem(str(path), None, str(exc))
        more = len(exc.problems) - 1
        where = f"{first.path}:{first.line}" if first.line else first.path
        raise GlossaryError(Problem(
            where, None, f"is not a glossary cngloss can add: {first.message}"
            + (f" (and {more} more problem(s))" if more > 0 else ""),
            fix=f"see them all with: cngloss --glossary {shlex.quote(str(path))} check"
        )) from None


def is_glossary_path(path: Path) -> bool:
    """A glossary file is named ``*.yaml`` or ``*.yml``; everything else is a report."""
    return Path(path).suffix.lower() in (".yaml", ".yml")
