"""One object for every command: the glossary in use and the library (or none), opened once,
with one method per command and one result type per method.

Like sqlite-utils' ``Database``, the object is what a front end holds: the CLI makes one per
run and calls one method; a web page or a terminal browser makes one and calls the same
methods, so none of them decides which source answers. Without a library the glossary's own
report is a library of one report (``one_report``): ``show``, ``grep``, ``search`` and ``list``
return the same types either way, and the JSON made from them has one shape.

Each method imports what it needs when it runs: opening a workspace costs nothing, and a
command pays only for its own path (the cold start of ``show`` never imports the store).
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Mapping, Sequence

from ..errors import NotFoundError, UsageError
from ..model import (Annotated, Discovered, Entry, Filters, Found, Glossary, Listing, Passages,
                     Related, Removed, ReportInfo, Row, Shown, SourcedRendering, Term)
from . import one_report

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.checks import CheckResult
    from ..corpus.english import EnglishIndex
    from ..corpus.load import Corpus
    from ..library.queries import LibraryPassages, TermTrend
    from ..model import ReportText


class Workspace:
    """The glossary in use (``glossary``: a path, else ``$CNGLOSS_GLOSSARY``, else the
    bundled one) and the library (``library``: a path, else ``$CNGLOSS_LIBRARY``, else the
    default one when it exists; none otherwise)."""

    def __init__(self, glossary: str | os.PathLike[str] | None = None,
                 library: str | os.PathLike[str] | None = None,
                 environ: Mapping[str, str] | None = None):
        self.glossary_path = glossary
        self.library_given = Path(library) if library is not None else None
        self.environ = os.environ if environ is None else environ

    def __repr__(self) -> str:
        return f"Workspace(glossary={self.glossary_path!r}, library={self.library_given!r})"

    # ------------------------------------------------------------------ what it opens

    @cached_property
    def corpus(self) -> "Corpus":
        """The glossary in use and its report (loaded on first use)."""
        from ..corpus.load import load_corpus  # lazy: not for the library-only commands

        return load_corpus(self.glossary_path, self.environ)

    @cached_property
    def _library_location(self) -> tuple[Path, bool]:
        from ..library.location import library_path  # lazy: only commands that may use one

        return library_path(self.library_given, self.environ)

    @property
    def library(self) -> Path | None:
        """The library in use: named (by argument or environment) or the default one when it
        exists; None: the glossary's own report is the library of one report."""
        path, named = self._library_location
        return path if named or path.exists() else None

    @cached_property
    def _reader(self):
        """The library in use, opened for reading once for all the queries of this
        workspace (None: there is none)."""
        path = self.library
        if path is None:
            return None
        from ..library.store import open_library  # lazy: library queries only

        return open_library(path)

    def close(self) -> None:
        """Close the library, if a query opened it."""
        reader = self.__dict__.pop("_reader", None)
        if reader is not None:
            reader.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def library_target(self) -> Path:
        """The library ``add``, ``reports``, ``remove`` and ``trend`` work on, even before
        it exists (``add`` creates it)."""
        return self._library_location[0]

    @cached_property
    def _one(self) -> ReportInfo | None:
        return one_report.report_info(self.corpus)

    @cached_property
    def english(self) -> "EnglishIndex":
        """The sourced English renderings in use (``$CNGLOSS_ENGLISH``, else the bundled
        ``data/english.yaml``), read on first use."""
        from ..corpus.english import english_index  # lazy: the commands that show English

        return english_index(self.environ)

    # ------------------------------------------------------------------ term commands

    def search(self, query: str, limit: int | None = 10) -> Found:
        """Terms of every glossary in use matching ``query``, best first; then
        (``discovered``) the numbered slogans the texts use that no glossary defines, named
        by the query or holding it: after every row, never among them."""
        found = self._search(query, limit)
        forms = {form for row in found.rows for form in row.term.forms}
        terms = [t for t in self._discovered(query, False, limit=limit)
                 if not t["defined"] and t["term"] not in forms]
        if not terms:
            return found
        return found._replace(discovered=tuple(self._with_english(terms)), missing=None)

    def _with_english(self, terms: list[dict]) -> list[dict]:
        """Discovered slogans with the sourced renderings of their sense (issue 25: English
        wherever a headword appears, discovered terms included)."""
        from ..corpus.english import discovered_english  # lazy: a discovered term only

        english = self.english
        return [discovered_english(t, english) for t in terms]

    def _search(self, query: str, limit: int | None) -> Found:
        library = self.library
        if library is not None:
            from ..library.glossary_queries import find  # lazy: the library's search

            found = find(self._reader, self.corpus, query, limit, self.english)
            return Found(found.query, found.rows, found.missing)
        from ..corpus.queries import find  # lazy: the one report's search

        found = find(self.corpus, query, limit)
        rows = one_report.with_sourced([one_report.row(h.term, h, self._one)
                                        for h in found.hits], found.query, self.english,
                                       self.corpus.glossary, self._one)
        rows = rows if limit is None else rows[:limit]
        return Found(found.query, rows, None if rows else found.missing)

    def show(self, query: str, context: str = "sentence", filters: Filters = Filters(),
             per_report: int | None = None, limit: int | None = None,
             glosses: bool = False) -> Shown:
        """The entry ``query`` names and every passage that uses one of its forms (in a
        library: paragraphs, newest report first; in the one report: ``context``);
        ``glosses``: with the dictionary glosses of its words if it has no English."""
        try:
            shown = self._show(query, context, filters, per_report, limit)
        except NotFoundError:
            shown = self._show_discovered(query, filters, per_report, limit)
            if shown is None:
                raise
        else:  # a typo's guess never hides a slogan the texts use under the very name typed
            if shown.guess is not None:
                shown = self._show_discovered(query, filters, per_report, limit) or shown
        if not glosses:
            return shown
        if shown.discovered is not None:
            return shown._replace(glosses=self._glosses([shown.entry.term]).get(None, ()))
        from ..corpus.english import applying  # lazy: --glosses only

        term = shown.entry.term
        if term.english or applying(shown.entry):
            return shown._replace(glosses=())
        return shown._replace(glosses=self._glosses([term]).get(term.id, ()))

    def _glosses(self, terms: Iterable[Term]) -> dict[str, tuple]:
        """The dictionary glosses of each term's words, by id."""
        from ..corpus.glosses import word_glosses  # lazy: --glosses only

        terms = list(terms)
        found = word_glosses(t.term for t in terms)
        return {t.id: found.get(t.term, ()) for t in terms}

    def _show(self, query: str, context: str, filters: Filters, per_report: int | None,
              limit: int | None) -> Shown:
        library = self.library
        if library is not None:
            # lazy: library only
            from ..corpus.english import passage_senses, with_senses
            from ..library.glossary_queries import entry_with_passages

            shown, found = entry_with_passages(self._reader, self.corpus, query, filters,
                                               per_report, limit, self.english)
            entry, passages = passage_senses(with_senses(shown, self.english),
                                             self._library_passages(found), self.english)
            return Shown(entry, passages, shown.guess)
        # lazy: the one report's show
        from ..corpus.english import passage_senses, with_senses
        from ..corpus.queries import show

        found = show(self.corpus, query, context)
        term = found.term
        entry = with_senses(one_report.entry(term, self._one, found.guess), self.english)
        passages = (found.passages or []) if one_report.allows(filters, self._one) else []
        missing = None if passages else NotFoundError(
            f"{term.term!r} does not occur in the report body")
        # show's passages do not list the glossary terms they use (grep's do): the term
        # shown is their subject, and finding the others cost its cold start 5%
        nothing = [()] * len(passages)
        entry, shown = passage_senses(entry, one_report.passages(
            term.term, term.forms, passages, nothing, nothing, self._one, per_report, limit,
            missing), self.english)
        return Shown(entry, shown, found.guess)

    def _discovered(self, query: str, exact: bool, filters: Filters = Filters(),
                    limit: int | None = None) -> list[dict]:
        """The numbered slogans the texts use named ``query`` (``exact``) or holding it
        (``discover``'s term objects): the library's (those of two reports or more, but for
        the name typed), else the glossary's own report's (``core/discovered.py``)."""
        from .discovered import hanzi_query, matching  # lazy: a slogan may be asked for

        text = hanzi_query(query)
        if text is None:
            return []
        path = self.library
        if path is not None:
            if not path.exists():
                return []
            # lazy: the library's slogans, for a discovered term only
            from ..library.queries import _guard
            from ..library.slogan_lookup import lookup_slogans
            from ..library.slogan_queries import MIN_REPORTS

            reader = self._reader
            return _guard(reader.path, lambda: lookup_slogans(
                reader.db, text, exact, filters, MIN_REPORTS, limit, reader.reports(filters)))
        if not one_report.allows(filters, self._one):
            return []
        found = matching(self._report_slogans, text, exact)
        return found if limit is None else found[:limit]

    @cached_property
    def _report_slogans(self) -> list[dict]:
        from .discovered import report_slogans  # lazy: the finder, for a discovered term

        return report_slogans(self.corpus, self._one)

    def _show_discovered(self, query: str, filters: Filters, per_report: int | None,
                         limit: int | None) -> Shown | None:
        """``show`` of a numbered slogan the texts use under the name ``query`` that no
        glossary defines: the slogan (expansion, dates) and its passages; None: none."""
        found = [t for t in self._discovered(query, True, filters) if not t["defined"]]
        if not found:
            return None
        slogan = self._with_english(found[:1])[0]
        name = slogan["term"]
        term = Term(None, name, None, None)  # type: ignore[arg-type]  # no glossary entry
        entry = Entry(term, False, False, None, [], None, (name,))
        return Shown(entry, self.grep(name, filters, per_report, limit), None,
                     discovered=slogan)

    def grep(self, text: str, filters: Filters = Filters(), per_report: int | None = None,
             limit: int | None = None) -> Passages:
        """Every passage that uses ``text`` (any words, not only terms), with the glossary
        terms each uses."""
        library = self.library
        if library is not None:
            from ..library.queries import grep  # lazy: the library's exact search

            return self._library_passages(grep(self._reader, text, filters, per_report, limit))
        from ..corpus.queries import grep  # lazy: the one report's passage finder

        found = grep(self.corpus, text)
        kept = one_report.allows(filters, self._one)
        missing = found.missing if kept else NotFoundError(
            f"{found.query!r} does not occur in the report body (with these filters)")
        if not kept:
            return one_report.passages(found.query, (found.query,), [], [], [], self._one,
                                       per_report, limit, missing)
        return one_report.passages(found.query, (found.query,), found.passages, found.terms,
                                   found.term_spans, self._one, per_report, limit, missing)

    def related(self, query: str, depth: int = 2) -> Related:
        """The cross-reference tree of the entry ``query`` names, ``depth`` levels."""
        library = self.library
        if library is not None:
            from ..library.glossary_queries import related  # lazy: library only

            tree, guess = related(self._reader, self.corpus, query, depth)
            return Related(tree, guess)
        from ..corpus.queries import related  # lazy: for related only

        found = related(self.corpus, query, depth)
        return Related(found.tree, found.guess)

    def terms(self, filters: Filters = Filters(), reviewed: bool = False) -> Listing:
        """``list``: the curated glossary with its passage counts; with filters or
        ``reviewed``, the entries of every glossary in the library that they select."""
        if filters != Filters() or reviewed:
            rows = self._selection(filters, reviewed)
            if not rows:
                raise NotFoundError("no entry of the glossaries in use is selected")
            return Listing(rows, {}, True)
        from ..lookup.results import Hit  # lazy: a listed term's "hit"

        from ..corpus.english import term_renderings  # lazy: list only

        corpus, english = self.corpus, self.english
        return Listing([one_report.row(t, Hit(t, 100, "headword", "hanzi", "exact"), self._one)
                        ._replace(english=term_renderings(english, t))
                        for t in corpus.glossary.terms], corpus.passage_counts(), False)

    def _selection(self, filters: Filters, reviewed: bool) -> list[Row]:
        library = self.library
        if library is None:
            raise UsageError("selecting entries by place, year or review needs a library "
                             "of reports (none is in use: add reports to one first)")
        from ..library.glossary_queries import select  # lazy: library only

        return self._remember(select(self._reader, self.corpus, filters, reviewed,
                                     self.english))

    def _remember(self, rows: list[Row]) -> list[Row]:
        """Rows selected from the library, their sourced English kept for ``english_of``."""
        known = self.__dict__.setdefault("_row_english", {})
        known.update((row.term.id, row.english) for row in rows)
        return rows

    def english_of(self, terms: Iterable[Term]) -> dict[str, tuple[SourcedRendering, ...]]:
        """The sourced renderings of these terms, by id: those their rows were selected
        with (the senses their notes' definitions have too), else those of the senses their
        own definitions have."""
        from ..corpus.english import term_renderings  # lazy: the commands that show English

        known = self.__dict__.get("_row_english", {})
        return {t.id: known[t.id] if t.id in known else term_renderings(self.english, t)
                for t in terms}

    def annotating_glossary(self) -> Glossary:
        """The terms ``annotate`` and ``appendix --for`` look for: the glossary in use, and
        with a library every glossary in it too, the curated terms first (so that a curated
        term owns its forms)."""
        glossary = self.corpus.glossary
        library = self.library
        if library is None:
            return glossary
        # lazy: the library's glossaries, with a library only
        from ..library.glossary_queries import select, selected_glossary

        return selected_glossary(self._remember(select(self._reader, self.corpus,
                                                       english=self.english)),
                                 glossary.title)

    def annotate(self, document: str, parts: bool = False, encoding: str | None = None,
                 stdin: BinaryIO | None = None, glosses: bool = False,
                 discover: bool = False) -> Annotated:
        """Every term of the glossaries in use that ``document`` uses, and where, with the
        sourced English of each; ``glosses``: the dictionary glosses of the words of those
        with no English rendering; ``discover``: the numbered slogans it uses that no
        glossary in use defines too (where a term's use is, the term is marked)."""
        from ..corpus.annotate import annotate  # lazy: annotate only

        glossary = self.annotating_glossary()
        found = annotate(glossary.terms, document, parts, encoding, stdin)
        english = self.english_of(u.term for u in found.terms)
        bare = [u.term for u in found.terms if not u.term.english and not english[u.term.id]]
        slogans = None
        if discover:
            from .discovered import document_slogans  # lazy: --discover only

            slogans = tuple(document_slogans(
                found.text, {form for term in glossary.terms for form in term.forms},
                [(o.start, o.end) for o in found.occurrences]))
        return Annotated(found, glossary, english, self._glosses(bare) if glosses else None,
                         slogans)

    def discover(self, documents: Sequence[str | os.PathLike[str]], kind: str | None = None,
                 encoding: str | None = None, stdin: BinaryIO | None = None,
                 filters: Filters = Filters(), new_in: int | None = None,
                 min_reports: int | None = None, by: str | None = None) -> Discovered:
        """The numbered slogans each document uses (no library needed), with their
        expansions from the text and whether the glossaries in use define them; without
        documents, the library's slogans (``library_terms``: dicts, library/slogan_queries.py)
        used by ``min_reports`` or more of the reports ``filters`` select, dated and placed;
        ``new_in``: only those first used that year."""
        from ..discover import KINDS  # lazy: discover only
        from ..errors import ChoiceError

        if kind is not None and kind not in KINDS:
            raise ChoiceError("kind", kind, KINDS)
        if by is not None and by != "level":
            raise ChoiceError("by", by, ("level",))
        if not documents:
            found = self._discover_library(kind, filters, new_in, min_reports)
            if by is None:
                return found
            from ..library.slogan_queries import level_lags  # lazy: --by level only

            return found._replace(lags=level_lags(found.library_terms))
        if by is not None or new_in is not None or min_reports is not None \
                or filters != Filters():
            raise UsageError("--by, --new-in, --min-reports, --year, --place and --level "
                             "are for the library: leave out the FILEs")
        # lazy: discover of FILEs only
        from ..corpus.annotate import STDIN, STDIN_NAME, read_source
        from ..discover import discover_text

        texts = [(STDIN_NAME if str(d) == STDIN else str(d), read_source(d, encoding, stdin).text)
                 for d in documents]  # every document read (and checked) before any work
        defined = {form for term in self.annotating_glossary().terms for form in term.forms}
        attested = self._attested_slogans()
        terms = [t for name, text in texts
                 for t in discover_text(name, text, defined, kind, attested)]
        names = [name for name, _ in texts]
        missing = None if terms else NotFoundError(
            f"{', '.join(names)}: no numbered slogan{' of kind ' + kind if kind else ''} "
            "found")
        return Discovered(names, terms, missing)

    def _attested_slogans(self) -> set[str]:
        """The library's lexicon of collection-attested slogans (empty without a library):
        a document may be one of the library's reports, so one place more is asked than the
        two other places the lexicon's rule needs (library/slogan_lexicon.py)."""
        path = self.library
        if path is None or not path.exists():
            return set()
        from ..library.queries import _guard  # lazy: discover of FILEs with a library only
        from ..library.slogan_lexicon import MIN_PLACES, stored_forms

        library = self._reader
        return _guard(library.path, lambda: stored_forms(library.db, MIN_PLACES + 1))

    def _discover_library(self, kind: str | None, filters: Filters, new_in: int | None,
                          min_reports: int | None) -> Discovered:
        from ..library.queries import _guard  # lazy: discover across the library only
        from ..library.slogan_queries import MIN_REPORTS, library_slogans

        path = self.library
        library = self._reader if path is not None and path.exists() else None
        if library is None:
            raise UsageError("no library: pass FILEs to discover, or add reports first "
                             "(cngloss add REPORT...)")
        least = MIN_REPORTS if min_reports is None else min_reports
        found = _guard(library.path, lambda: library_slogans(
            library.db, library.path, filters, kind, new_in, least))
        missing = None if found else NotFoundError(
            f"{library.path}: no numbered slogan{' of kind ' + kind if kind else ''} used by "
            f"{least} or more of the reports selected")
        return Discovered([], [], missing, found)

    # ------------------------------------------------------------------ appendix

    def appendix_corpus(self, filters: Filters = Filters(), reviewed: bool = False,
                        selection: str | None = None) -> "Corpus":
        """What an appendix lists: the curated glossary and its report, or (filters,
        ``reviewed``) the library's entries they select, under a title naming the selection
        (``selection``: its words, as the front end says them)."""
        if filters == Filters() and not reviewed:
            return self.corpus
        from ..corpus.load import Corpus  # lazy: a selection only
        from ..library.glossary_queries import selected_glossary  # lazy: a selection only

        rows = self._selection(filters, reviewed)
        if not rows:
            raise NotFoundError("no entry of the glossaries in use is selected")
        return Corpus(selected_glossary(rows, "Glossary of the library: "
                                        + (selection or "a selection")), None)

    def appendix(self, fmt: str = "md", sort: str | None = None, width: int = 80,
                 standalone: bool = False, filters: Filters = Filters(),
                 reviewed: bool = False, selection: str | None = None,
                 document: str | None = None, encoding: str | None = None,
                 stdin: BinaryIO | None = None) -> str:
        """The glossary appendix in ``fmt``; ``document``: only the terms it uses, each with
        the lines that use it."""
        from ..render.appendix import render_appendix  # lazy: the renderers

        corpus = self.appendix_corpus(filters, reviewed, selection)
        annotation = None
        if document is not None:
            from ..corpus.annotate import annotate  # lazy: --for only
            from ..corpus.load import Corpus  # lazy: --for only

            if corpus is self.corpus:
                corpus = Corpus(self.annotating_glossary(), corpus.report)
            annotation = annotate(corpus.glossary.terms, document, encoding=encoding,
                                  stdin=stdin)
            if annotation.missing:
                raise annotation.missing
        elif encoding is not None:
            raise UsageError("an encoding is for the document an appendix is made for")
        terms = [u.term for u in annotation.terms] if annotation else corpus.glossary.terms
        return render_appendix(corpus, fmt, sort, width, standalone, annotation,
                               self.english_of(terms))

    def appendix_files(self, folder: str | os.PathLike[str], sort: str = "note",
                       width: int = 80, force: bool = False, filters: Filters = Filters(),
                       reviewed: bool = False, selection: str | None = None) -> list[Path]:
        """Every appendix format written into ``folder``; the paths written."""
        from ..render.appendix import write_all_formats  # lazy: the renderers

        corpus = self.appendix_corpus(filters, reviewed, selection)
        return list(write_all_formats(corpus, folder, sort, width, force,
                                      self.english_of(corpus.glossary.terms)))

    # ------------------------------------------------------------------ the library

    def trend(self, texts: Sequence[str], by: str | None = None,
              filters: Filters = Filters()) -> list["TermTrend"]:
        """Per year: the reports, those using each text, its uses and rate. NotFoundError
        (after the result: the caller prints it first) is ``trend_missing``."""
        from ..library.queries import trend  # lazy: library only

        # the workspace's reader where the library exists (its catalogue kept between
        # queries); else the path, for trend's own error
        reader = self._reader if self.library is not None else None
        return trend(reader or self.library_target, list(texts), by, filters)

    @staticmethod
    def trend_missing(trends: Sequence["TermTrend"], filters: Filters = Filters()
                      ) -> NotFoundError | None:
        """The error for a trend none of whose texts occurs (None when one does)."""
        if any(t.occurrences for t in trends):
            return None
        return NotFoundError("none of these texts occurs in the library's reports"
                             + (" (with these filters)" if filters != Filters() else ""))

    def reports(self, filters: Filters = Filters()) -> list[ReportInfo]:
        """The library's reports the filters allow, newest first."""
        from ..library.queries import reports  # lazy: library only

        return reports(self.library_target, filters)

    def add(self, paths: Iterable[Path], progress: Callable[..., None] | None = None):
        """Add reports and glossary files to the library (created if missing)."""
        from ..library.queries import add_all  # lazy: the readers and the store

        return add_all(self.library_target, paths, progress)

    def remove(self, selectors: Sequence[str], filters: Filters = Filters()) -> "Removed":
        """Take reports (ids, the paths they were added from, or the filters' selection) and
        glossary files (``*.yaml``) out of the library."""
        from ..library.lexicon import is_glossary_path  # lazy: remove only
        from ..library.queries import remove, remove_glossaries  # lazy: remove only

        files = [s for s in selectors if is_glossary_path(Path(s))]
        rest = [s for s in selectors if s not in files]
        glossaries = remove_glossaries(self.library_target, files) if files else None
        if files and not rest and filters == Filters():
            return Removed([], glossaries)
        removed = remove(self.library_target, rest, filters)
        if not removed:
            raise NotFoundError("no report in the library matches")
        return Removed(removed, glossaries)

    def check(self) -> "CheckResult":
        """Every check of the glossary in use against itself and its report."""
        from ..corpus.checks import run_checks  # lazy: pypinyin, for check only

        return run_checks(self.glossary_path, environ=self.environ)

    def report_text(self, report_id: int) -> "ReportText":
        """A report of the library, its paragraphs as read (NotFoundError: no such id).
        Without a library, id 0 is the glossary's own report."""
        from ..model import SECTION_SEP, ReportText  # lazy: serve's report page only

        if self.library is None:
            report, info = self.corpus.report, self._one
            if report_id != 0 or report is None or info is None:
                raise NotFoundError(f"no report {report_id} (without a library the "
                                    "glossary's own report is report 0)")
            return ReportText(info, [(p.number, SECTION_SEP.join(p.section), p.text)
                                     for p in report.paragraphs])
        from ..library.catalog import paragraphs, reports  # lazy: serve's report page only

        info = reports(self._reader.db).get(report_id)
        if info is None:
            raise NotFoundError(f"no report {report_id} in the library (see: cngloss reports)")
        return ReportText(info, paragraphs(self._reader.db, report_id))

    def mark_terms(self, text: str):
        """Every use in ``text`` of the terms ``annotate`` looks for (the matcher built once
        per workspace): occurrences with ``start``, ``end`` and ``term``."""
        return self._matcher.find(text)

    @cached_property
    def _matcher(self):
        from ..lookup.matcher import TermMatcher  # lazy: serve's report page only

        return TermMatcher(self.annotating_glossary().terms)

    # ------------------------------------------------------------------ conversions

    def _library_passages(self, found: "LibraryPassages", with_terms: bool = True) -> Passages:
        """The library's passages with (``with_terms``) the curated glossary's terms each
        uses (the collector paused: ``collector``)."""
        from ..collector import paused  # lazy: with a library only

        with paused():
            return self._passages_with_terms(found, with_terms)

    def _passages_with_terms(self, found: "LibraryPassages", with_terms: bool) -> Passages:
        from ..lookup.passages import find_keys, find_spans  # lazy: with a library only
        from ..model import FoundPassage, ReportPassages, section_path
        from ..text.matching import SearchText

        terms = self.corpus.glossary.terms if with_terms else ()
        passages = [p for g in found.groups for p in g.passages]
        # the stored search texts: the texts without their quotes, made once at add time
        keys = iter(find_keys([p.text for p in passages],
                              {i: t.forms for i, t in enumerate(terms)},
                              [p.search for p in passages]) if terms
                    else [set() for _ in passages])
        groups = []
        for g in found.groups:
            listed = []
            for p in g.passages:
                used = tuple(terms[i] for i in sorted(next(keys)))
                spans = tuple(find_spans(p.text, [f for t in used for f in t.forms],
                                         SearchText.known(p.text, p.search, p.edits))
                              if used else ())
                listed.append(FoundPassage(p.paragraph, p.line, section_path(p.section),
                                           p.text, p.spans, None, (), used, spans))
            groups.append(ReportPassages(g.report, listed, g.more))
        return Passages(found.query, found.forms, groups, found.reports, found.passages,
                        found.hits, found.missing)


def open_workspace(glossary: str | os.PathLike[str] | None = None,
                   library: str | os.PathLike[str] | None = None,
                   environ: Mapping[str, str] | None = None) -> Workspace:
    """A workspace over a glossary and a library (see ``Workspace``)."""
    return Workspace(glossary, library, environ)


__all__ = ["Workspace", "open_workspace"]
