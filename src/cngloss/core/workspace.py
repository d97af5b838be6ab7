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
from ..model import (Annotated, Discovered, Filters, Found, Glossary, Listing, Passages,
                     Related, Row, Removed, ReportInfo, Shown)
from . import one_report

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.checks import CheckResult
    from ..corpus.load import Corpus
    from ..library.queries import LibraryPassages, TermTrend


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

    # ------------------------------------------------------------------ term commands

    def search(self, query: str, limit: int | None = 10) -> Found:
        """Terms of every glossary in use matching ``query``, best first."""
        library = self.library
        if library is not None:
            from ..library.glossary_queries import find  # lazy: the library's search

            found = find(self._reader, self.corpus, query, limit)
            return Found(found.query, found.rows, found.missing)
        from ..corpus.queries import find  # lazy: the one report's search

        found = find(self.corpus, query, limit)
        return Found(found.query, [one_report.row(h.term, h, self._one) for h in found.hits],
                     found.missing)

    def show(self, query: str, context: str = "sentence", filters: Filters = Filters(),
             per_report: int | None = None, limit: int | None = None) -> Shown:
        """The entry ``query`` names and every passage that uses one of its forms (in a
        library: paragraphs, newest report first; in the one report: ``context``)."""
        library = self.library
        if library is not None:
            from ..library.glossary_queries import entry_with_passages  # lazy: library only

            shown, found = entry_with_passages(self._reader, self.corpus, query, filters,
                                               per_report, limit)
            return Shown(shown, self._library_passages(found), shown.guess)
        from ..corpus.queries import show  # lazy: the one report's show

        found = show(self.corpus, query, context)
        term = found.term
        entry = one_report.entry(term, self._one, found.guess)
        passages = (found.passages or []) if one_report.allows(filters, self._one) else []
        missing = None if passages else NotFoundError(
            f"{term.term!r} does not occur in the report body")
        # show's passages do not list the glossary terms they use (grep's do): the term
        # shown is their subject, and finding the others cost its cold start 5%
        nothing = [()] * len(passages)
        return Shown(entry, one_report.passages(term.term, term.forms, passages, nothing,
                                                nothing, self._one, per_report, limit,
                                                missing), found.guess)

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

        corpus = self.corpus
        return Listing([one_report.row(t, Hit(t, 100, "headword", "hanzi", "exact"), self._one)
                        for t in corpus.glossary.terms], corpus.passage_counts(), False)

    def _selection(self, filters: Filters, reviewed: bool) -> list[Row]:
        library = self.library
        if library is None:
            raise UsageError("selecting entries by place, year or review needs a library "
                             "of reports (none is in use: add reports to one first)")
        from ..library.glossary_queries import select  # lazy: library only

        return select(self._reader, self.corpus, filters, reviewed)

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

        return selected_glossary(select(self._reader, self.corpus), glossary.title)

    def annotate(self, document: str, parts: bool = False, encoding: str | None = None,
                 stdin: BinaryIO | None = None) -> Annotated:
        """Every term of the glossaries in use that ``document`` uses, and where."""
        from ..corpus.annotate import annotate  # lazy: annotate only

        glossary = self.annotating_glossary()
        return Annotated(annotate(glossary.terms, document, parts, encoding, stdin), glossary)

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
        terms = [t for name, text in texts for t in discover_text(name, text, defined, kind)]
        names = [name for name, _ in texts]
        missing = None if terms else NotFoundError(
            f"{', '.join(names)}: no numbered slogan{' of kind ' + kind if kind else ''} "
            "found")
        return Discovered(names, terms, missing)

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
        return render_appendix(corpus, fmt, sort, width, standalone, annotation)

    def appendix_files(self, folder: str | os.PathLike[str], sort: str = "note",
                       width: int = 80, force: bool = False, filters: Filters = Filters(),
                       reviewed: bool = False, selection: str | None = None) -> list[Path]:
        """Every appendix format written into ``folder``; the paths written."""
        from ..render.appendix import write_all_formats  # lazy: the renderers

        return list(write_all_formats(self.appendix_corpus(filters, reviewed, selection),
                                      folder, sort, width, force))

    # ------------------------------------------------------------------ the library

    def trend(self, texts: Sequence[str], by: str | None = None,
              filters: Filters = Filters()) -> list["TermTrend"]:
        """Per year: the reports, those using each text, its uses and rate. NotFoundError
        (after the result: the caller prints it first) is ``trend_missing``."""
        from ..library.queries import trend  # lazy: library only

        return trend(self.library_target, list(texts), by, filters)

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

    # ------------------------------------------------------------------ conversions

    def _library_passages(self, found: "LibraryPassages", with_terms: bool = True) -> Passages:
        """The library's passages with (``with_terms``) the curated glossary's terms each
        uses."""
        from ..lookup.passages import find_keys, find_spans  # lazy: with a library only
        from ..model import FoundPassage, ReportPassages, section_path

        terms = self.corpus.glossary.terms if with_terms else ()
        texts = [p.text for g in found.groups for p in g.passages]
        keys = iter(find_keys(texts, {i: t.forms for i, t in enumerate(terms)}) if terms
                    else [set() for _ in texts])
        groups = []
        for g in found.groups:
            listed = []
            for p in g.passages:
                used = tuple(terms[i] for i in sorted(next(keys)))
                spans = tuple(find_spans(p.text, [f for t in used for f in t.forms]))
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
