"""``search`` and ``show`` over every glossary in use: the curated glossary (the authority
for what it curates), the glossary files added to the library and the notes of its reports
(docs/library.md, "Glossaries in the library"). One call per command, as in ``queries``.

A query runs through the curated glossary's search and the library lexicon's search, with
every query form of ``lookup.search``; the hits are merged into one row per headword key,
the curated term standing for its key wherever it has one.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..corpus.english import renderings_for, sense_of_any
from ..errors import AmbiguousError, NotFoundError
from ..lookup.resolve import GUESSES, guess_note, not_found, tie_message
from ..lookup.search import Hit, search
from ..model import Entry, Glossary, NoteDefinition, Row, Term
from ..text.query import clean_query
from . import lexicon as lexicon_module
from .headwords import definition_key, definition_text
from .lexicon import Lexicon, NoteSource
from .queries import LibraryPassages, _guard, _open, show
from .catalog import Filters, reports

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.english import EnglishIndex
    from ..corpus.load import Corpus


class Found(NamedTuple):
    """Search rows, best first; ``missing`` is the error to raise when there are none."""

    query: str
    rows: list[Row]
    missing: NotFoundError | None


class AmbiguousRows(AmbiguousError):
    """A query fits several headwords equally well; ``terms`` are theirs."""

    def __init__(self, message: str, terms: tuple[Term, ...]):
        super().__init__(message, tuple(t.id for t in terms))
        self.terms = terms


class _Keys:
    """Headword keys of the curated glossary's terms, worked out once per lexicon."""

    def __init__(self, corpus: "Corpus", lexicon: Lexicon):
        self.lexicon = lexicon
        self.curated: dict[str, Term] = {}
        for term in corpus.glossary.terms:
            self.curated.setdefault(lexicon.key_of(term.term), term)

    def row(self, term: Term, hit: Hit, curated: bool) -> tuple[str, Row]:
        lex = self.lexicon
        key = lex.key_of(term.term) if curated else lex.keys[lex.position_of_id(term.id)]
        own = self.curated.get(key)
        position = lex.position(key)
        sources = lex.sources(position) if position is not None else ()
        if own is not None:
            return key, Row(own, hit, True, True, None, sources)
        return key, Row(term, hit, False, lex.reviewed[position], lex.origins[position], sources)


def _merge(corpus: "Corpus", lexicon: Lexicon, query: str, limit: int | None,
           db=None, english: "EnglishIndex | None" = None) -> list[Row]:
    curated = search(corpus.glossary, query, limit=None)
    more = None if limit is None else limit + len(curated)
    library = search(lexicon.glossary, query, limit=more)
    keys = _Keys(corpus, lexicon)
    rows: dict[str, Row] = {}
    for hits, is_curated in ((curated, True), (library, False)):
        for hit in hits:
            key, row = keys.row(hit.term, hit, is_curated)
            if key not in rows or hit.score > rows[key].hit.score:
                rows[key] = row
    if english is not None and db is not None:
        _sourced_rows(keys, query, db, english, rows)
    ranked = sorted(rows.values(), key=lambda r: (-r.hit.score, r.only_sourced, not r.curated,
                                                  -r.reports, r.term.term))
    ranked = ranked if limit is None else ranked[:limit]
    return with_english(db, ranked, english) if db is not None else ranked


def _sourced_rows(keys: _Keys, query: str, db, english: "EnglishIndex",
                  rows: dict[str, Row]) -> None:
    """The entries whose sourced English renderings match the query (``lookup.
    match_sourced``), where the sense rendered is one their definitions have; an entry of
    the file whose forms no glossary in use has is listed itself (``corpus.english.
    file_row``)."""
    # lazy: an English query only
    from ..corpus.english import file_row
    from ..lookup.match_sourced import match_sourced

    lexicon = keys.lexicon
    for found in match_sourced(english.data.entries, query):
        named = False
        for form in (found.entry.term, *found.entry.forms):
            key = lexicon.key_of(form)
            position = lexicon.position(key)
            own = keys.curated.get(key)
            if position is None and own is None:
                continue
            named = True
            term = own if own is not None else lexicon.glossary.terms[position]
            key, row = keys.row(term, found.hit(term), own is not None)
            if key in rows and rows[key].hit.score >= found.score:
                continue
            texts = [row.term.definition] + _note_texts(db, row.sources)
            if sense_of_any(found.entry, texts):
                rows[key] = row
        if not named:
            listed = file_row(found, english.data.path)
            rows.setdefault(listed.term.id, listed)


def with_english(db, rows: list[Row], english: "EnglishIndex | None") -> list[Row]:
    """Each row with the sourced renderings of the sense its own definition has
    (``corpus.english``): a rendering belongs to the definition shown beside it, so a local
    definition never gets the national rendering that another report's note would earn.
    Only a row without a definition of its own takes the senses of its notes."""
    if english is None or not len(english):
        return rows
    out = []
    for row in rows:
        entries = () if row.only_sourced else english.entries_for(row.term.forms)
        if entries:
            texts = [row.term.definition] if row.term.definition.strip() \
                else _note_texts(db, row.sources)
            row = row._replace(english=renderings_for(entries, texts))
        out.append(row)
    return out


def _note_texts(db, sources) -> list[str]:
    """The definitions of these notes."""
    texts = []
    for s in sources:
        found = db.execute("SELECT definition FROM note WHERE report_id = ? AND seq = ?",
                           (s.report_id, s.seq)).fetchone()
        if found:
            texts.append(found[0])
    return texts


def find(path: Path, corpus: "Corpus", query: str, limit: int | None = 10,
         english: "EnglishIndex | None" = None) -> Found:
    """Headwords of every glossary in use that match ``query``, best first."""
    text = clean_query(query)
    with _open(path) as library:
        def run() -> Found:
            lexicon = lexicon_module.load(library)
            rows = _merge(corpus, lexicon, text, limit, library.db, english)
            missing = None if rows else not_found(corpus.glossary, text,
                                                  report_uses=corpus.uses)
            return Found(text, rows, missing)
        return _guard(path, run)


def _resolve(corpus: "Corpus", lexicon: Lexicon, query: str, db=None,
             english: "EnglishIndex | None" = None) -> tuple[Row, str | None]:
    text = clean_query(query)
    keys = _Keys(corpus, lexicon)
    for glossary, is_curated in ((corpus.glossary, True), (lexicon.glossary, False)):
        term = glossary.get(text)
        if term is not None:
            return keys.row(term, Hit(term, 100, "id", "id", "exact"), is_curated)[1], None
    exact = _exact(keys, text)
    if exact is not None:  # a headword as some report prints it: no search index needed
        return exact, None
    # an entry only the file of renderings names has nothing to show: not a resolution
    rows = [r for r in _merge(corpus, lexicon, text, 10, db, english) if not r.only_sourced]
    if not rows:
        raise not_found(corpus.glossary, text, report_uses=corpus.uses)
    best = [r for r in rows if r.hit.score == rows[0].hit.score]
    if len(best) > 1:
        raise AmbiguousRows(tie_message(text, len(best)), tuple(r.term for r in best))
    row = rows[0]
    return row, guess_note(row.term, text) if row.hit.kind in GUESSES else None


def _exact(keys: _Keys, text: str) -> Row | None:
    """The entry whose headword key is the query's, if any (the curated term first)."""
    lexicon = keys.lexicon
    key = lexicon.key_of(text)
    if not key:
        return None
    own = keys.curated.get(key)
    if own is not None:
        return keys.row(own, Hit(own, 100, "headword", "hanzi", "exact"), True)[1]
    position = lexicon.position(key)
    if position is None:
        return None
    term = lexicon.glossary.terms[position]
    return keys.row(term, Hit(term, 100, "headword", "hanzi", "exact"), False)[1]


def entry(path: Path, corpus: "Corpus", query: str, filters: Filters = Filters(),
          english: "EnglishIndex | None" = None) -> Entry:
    """The term ``query`` names across the glossaries, with every definition the notes of
    the reports the filters allow give for it."""
    with _open(path) as library:
        def run() -> Entry:
            lexicon = lexicon_module.load(library)
            row, guess = _resolve(corpus, lexicon, query, library.db, english)
            allowed = reports(library.db, filters) if filters != Filters() else None
            sources = [s for s in row.sources if allowed is None or s.report_id in allowed]
            definitions = _definitions(library.db, sources,
                                       row.term.definition if row.curated else None)
            position = lexicon.position(lexicon.key_of(row.term.term))
            forms = tuple(dict.fromkeys(row.term.forms + (
                lexicon.glossary.terms[position].forms if position is not None else ())))
            return Entry(row.term, row.curated, row.reviewed, row.origin, definitions, guess,
                         forms)
        return _guard(path, run)


def entry_with_passages(path: Path, corpus: "Corpus", query: str, filters: Filters = Filters(),
                        per_report: int | None = None, limit: int | None = None,
                        english: "EnglishIndex | None" = None
                        ) -> tuple[Entry, LibraryPassages]:
    """``show`` across the library in one call: the entry with its definitions, and the
    paragraphs that use any form it has in any glossary."""
    with _open(path) as library:  # opened once for both
        shown = entry(library, corpus, query, filters, english)
        every_form = shown.term.replace(variants=shown.forms[1:]) if shown.forms else shown.term
        return shown, show(library, every_form, shown.guess, filters, per_report, limit)


def _definitions(db, sources: list[NoteSource], curated: str | None) -> list[NoteDefinition]:
    """The notes' definitions, the same wording (punctuation, quotes and a leading 指/即/是
    aside: ``headwords.definition_key``) once with all its sources, shown as the oldest note
    words it; wordings in the order they first appear (oldest report first)."""
    texts: dict[tuple[int, int], tuple[str, str]] = {}
    by_report: dict[int, list[int]] = defaultdict(list)
    for s in sources:
        by_report[s.report_id].append(s.seq)
    for rid, seqs in by_report.items():
        marks = ",".join("?" * len(seqs))
        for seq, headword, definition in db.execute(
                f"SELECT seq, headword, definition FROM note WHERE report_id = ? "
                f"AND seq IN ({marks})", (rid, *seqs)):
            texts[(rid, seq)] = (headword, definition)
    groups: dict[str, list] = {}
    ordered = sorted(sources, key=lambda s: (s.year is None, s.year or 0, s.place or "",
                                             s.report_id, s.seq))
    for s in ordered:
        headword, definition = texts.get((s.report_id, s.seq), ("", ""))
        group = groups.setdefault(definition_key(definition), [definition, [], []])
        group[1].append(s)
        if headword not in group[2]:
            group[2].append(headword)
    wanted = definition_key(curated) if curated is not None else None
    return [NoteDefinition(text, tuple(found), tuple(words),
                           None if wanted is None else key == wanted)
            for key, (text, found, words) in groups.items()]


# --------------------------------------------------------------------------- list, appendix


def select(path: Path, corpus: "Corpus", filters: Filters = Filters(),
           reviewed: bool = False, english: "EnglishIndex | None" = None) -> list[Row]:
    """The entries of every glossary in use that the selection keeps: with filters, those
    the notes of the reports they allow define (a curated term too only then), with their
    sources narrowed to those reports; ``reviewed``: only curated and glossary-file entries.
    Curated terms first, in their order, then the others in the order they were found."""
    with _open(path) as library:
        def run() -> list[Row]:
            lexicon = lexicon_module.load(library)
            allowed = reports(library.db, filters) if filters != Filters() else None
            keys = _Keys(corpus, lexicon)
            rows: list[Row] = []

            def kept(position: int | None) -> tuple[NoteSource, ...] | None:
                sources = lexicon.sources(position) if position is not None else ()
                if allowed is None:
                    return sources
                narrowed = tuple(s for s in sources if s.report_id in allowed)
                return narrowed or None

            for term in corpus.glossary.terms:
                sources = kept(lexicon.position(lexicon.key_of(term.term)))
                if sources is not None:
                    rows.append(Row(term, _listed(term), True, True, None, sources))
            taken = {r.term.id for r in rows} | set(corpus.glossary.ids)
            for position, key in enumerate(lexicon.keys):
                if key in keys.curated or (reviewed and not lexicon.reviewed[position]):
                    continue
                sources = kept(position)
                if sources is None:
                    continue
                term = _unique(lexicon.glossary.terms[position], taken)
                if allowed is not None and not lexicon.reviewed[position]:
                    term = term.replace(definition=_newest(library.db, sources)
                                   or term.definition)
                rows.append(Row(term, _listed(term), False, lexicon.reviewed[position],
                                lexicon.origins[position], sources))
            return with_english(library.db, rows, english)
        return _guard(path, run)


def _newest(db, sources: tuple[NoteSource, ...]) -> str | None:
    """The definition of the newest of these notes (sources are oldest first)."""
    last = sources[-1]
    row = db.execute("SELECT definition FROM note WHERE report_id = ? AND seq = ?",
                     (last.report_id, last.seq)).fetchone()
    return row[0] if row else None


def _listed(term: Term) -> Hit:
    return Hit(term, 100, "headword", "hanzi", "exact")


def _unique(term: Term, taken: set[str]) -> Term:
    """The term with an id no other listed term has (``-2``, ``-3`` … where it is taken)."""
    ident, k = term.id, 1
    while ident in taken:
        k += 1
        ident = f"{term.id}-{k}"
    taken.add(ident)
    return term if ident == term.id else term.replace(id=ident)


def selected_glossary(rows: list[Row], title: str | None) -> Glossary:
    """The selected entries as one glossary, for the appendix: an entry from the notes
    says where it comes from (its sources, and that it is not reviewed) in its remark."""
    terms = []
    for row in rows:
        term = row.term
        if not row.curated and row.sources:
            where = "; ".join(_source_label(s) for s in row.sources)
            note = f"Defined in the notes of: {where}."
            if not row.reviewed:
                note += (" Not reviewed: the pinyin (as `import` suggests it), the definition"
                         " of the newest note.")
            term = term.replace(remark=f"{term.remark} {note}" if term.remark else note)
        terms.append(term)
    return Glossary(Path("library"), tuple(terms), title=title)


def _source_label(source: NoteSource) -> str:
    note = f"note {source.number}" if source.number is not None else "unnumbered note"
    return f"{source.place or '?'} {source.year or '?'} {note}"


# --------------------------------------------------------------------------- related

MENTION_MIN = 3  # shorter headwords (两新, 三资) occur inside too many other words
RELATED_MAX = 8  # cross-references shown per entry, the most defined first


class CrossReferences:
    """Cross-references across the glossaries, by headword: a curated term's own links (or
    those of the glossary file that defines it), then every entry whose headword (of at least ``MENTION_MIN`` characters) one of its
    definitions names, and every entry one of whose definitions names it (both ends).
    Quacks like ``Glossary.related`` for ``lookup.related.neighbourhood``."""

    def __init__(self, corpus: "Corpus", lexicon: Lexicon, db):
        self.corpus = corpus
        self.lexicon = lexicon
        self.keys = _Keys(corpus, lexicon)
        position: dict[tuple[int, int], int] = {}
        for i in range(len(lexicon.keys)):
            for s in lexicon.sources(i):
                position[(s.report_id, s.seq)] = i
        self.texts: dict[int, list[str]] = defaultdict(list)  # entry -> its definitions
        for rid, seq, definition in db.execute("SELECT report_id, seq, definition FROM note"):
            i = position.get((rid, seq))
            if i is not None:
                self.texts[i].append(definition_text(definition))
        self.long = [(i, k) for i, k in enumerate(lexicon.keys) if len(k) >= MENTION_MIN]

    def entry(self, i: int) -> Term:
        """The term that stands for entry ``i`` (the curated one where there is one)."""
        return self.keys.curated.get(self.lexicon.keys[i]) or self.lexicon.glossary.terms[i]

    def related(self, term: Term) -> tuple[Term, ...]:
        lexicon = self.lexicon
        key = lexicon.key_of(term.term)
        own = lexicon.position(key)
        found: dict[str, Term] = {}
        curated = self.keys.curated.get(key)
        if curated is not None:
            for other in self.corpus.glossary.related(curated):
                found.setdefault(lexicon.key_of(other.term), other)
        elif own is not None and lexicon.reviewed[own]:  # a glossary file's own links
            for other in lexicon.glossary.related(lexicon.glossary.terms[own]):
                found.setdefault(lexicon.key_of(other.term), other)
        texts = list(self.texts.get(own, [])) if own is not None else []
        texts.append(definition_text(term.definition))
        mentions: set[int] = set()
        for i, other in self.long:
            if i != own and any(other in text for text in texts):
                mentions.add(i)
        if len(key) >= MENTION_MIN:
            mentions.update(i for i, defs in self.texts.items()
                            if i != own and any(key in text for text in defs))
        ranked = sorted(mentions, key=lambda i: (-len(self.texts.get(i, ())), i))
        for i in ranked:
            if len(found) >= RELATED_MAX:
                break
            found.setdefault(lexicon.keys[i], self.entry(i))
        found.pop(key, None)
        return tuple(found.values())


def related(path: Path, corpus: "Corpus", query: str, depth: int = 2):
    """The cross-reference tree of the entry ``query`` names, across the glossaries."""
    from ..lookup.related import neighbourhood  # lazy: related only

    with _open(path) as library:
        def run():
            lexicon = lexicon_module.load(library)
            row, guess = _resolve(corpus, lexicon, query)
            references = CrossReferences(corpus, lexicon, library.db)
            return neighbourhood(references, row.term, depth), guess  # type: ignore[arg-type]
        return _guard(path, run)
