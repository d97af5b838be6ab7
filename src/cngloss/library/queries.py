"""What each library command asks, answered in one call (like ``corpus.queries``): the
command line parses its arguments, makes one of these calls and prints the result."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..collector import paused
from ..errors import NotFoundError, UsageError
from ..model import Term, TrendSeries, YearPoint
from ..text.hanzi import strip_quotes
from ..text.matching import restore, restored_spans
from ..text.query import clean_query
from ..text.spacing import normalize_spaces
from . import catalog, text_search
from .catalog import Filters, ReportInfo
from .postings import report_of
from .store import Library, describe_error, open_library

if TYPE_CHECKING:  # pragma: no cover - types only
    from .ingest import AddResult

BY_CHOICES = ("level", "place")
TOP_PLACES = 5


def _open(path: "Path | Library", write: bool = False) -> Library:
    """The library at ``path``, opened; or, given a library already open (a ``Workspace``
    opens it once per command), that one, left open when the query is done."""
    if isinstance(path, Library):
        return _Borrowed(path)
    return open_library(path, write=write)


class _Borrowed(Library):
    """An open library lent to one query: closing it is its owner's business."""

    def __init__(self, library: Library):
        super().__init__(library.path, library.db, library.writable)
        self.catalog_cache = library.catalog_cache  # the owner's, shared

    def close(self) -> None:
        pass


def _guard(path: "Path | Library", call: Callable):
    try:
        return call()
    except sqlite3.DatabaseError as exc:
        raise describe_error(getattr(path, "path", path), exc) from None


def _query(path: Path, call: Callable):
    """``_guard(path, call)`` with the cyclic garbage collector paused (``collector``): a
    query of a common term makes tens of thousands of tuples that all live until it
    returns, and the collector's passes over them were 7% of its time."""
    with paused():
        return _guard(path, call)


# --------------------------------------------------------------------------- add, reports


def add(path: Path, sources: Iterable[Path],
        progress: Callable[[int, str], None] | None = None) -> "AddResult":
    """Add reports to the library at ``path`` (created if missing)."""
    return add_all(path, sources, progress)[0]


def add_all(path: Path, sources: Iterable[Path],
            progress: Callable[[int, str], None] | None = None
            ) -> tuple["AddResult", "lexicon.GlossaryAdded | None"]:
    """Add reports and glossary files (``*.yaml``) to the library at ``path``; the glossary
    files are read first, so one that is not a glossary stops the add before anything is
    written. The merged glossaries are compiled again after any change."""
    from . import ingest  # lazy: the readers and the parser, for add only
    from . import lexicon  # lazy: the glossaries, for add and remove only

    sources = list(sources)
    files = [p for p in sources if lexicon.is_glossary_path(p) and Path(p).is_file()]
    reports_in = [p for p in sources if p not in files]
    with _open(path, write=True) as library:
        def run():
            glossaries = lexicon.add_glossaries(library, files) if files else None
            result = ingest.add(library, reports_in, progress) if reports_in else \
                ingest.AddResult(0, 0, 0, [], [])
            if result.added or (glossaries and glossaries.added) or _stale(library):
                lexicon.refresh(library)
            return result, glossaries
        return _guard(path, run)


def _stale(library: Library) -> bool:
    from . import lexicon  # lazy: the glossaries, for add and remove only

    row = library.db.execute("SELECT state FROM lexicon WHERE id = 1").fetchone()
    return row is None or row[0] != lexicon.state(library.db)


def reports(path: Path, filters: Filters = Filters()) -> list[ReportInfo]:
    """The library's reports the filters allow, newest first."""
    with _open(path) as library:
        return list(_guard(path, lambda: catalog.reports(library.db, filters)).values())


def remove(path: Path, selectors: list[str], filters: Filters) -> list[ReportInfo]:
    """Take out the reports named by id or by the path they were added from (a collection:
    all its records), and/or all the reports the filters allow (at least one is needed)."""
    if not selectors and filters == Filters():
        raise UsageError("name the reports to remove: ids, paths, or a place, year or level")
    from . import ingest  # lazy: ingest imports the readers, which queries do not need

    with _open(path, write=True) as library:
        def run() -> list[ReportInfo]:
            db = library.db
            chosen = catalog.reports(db, filters)
            if selectors:
                wanted: set[int] = set()
                for selector in selectors:
                    found = _select(db, selector)
                    if not found:
                        raise NotFoundError(f"no report in the library is {selector!r} (see: "
                                            "cngloss reports)")
                    wanted |= found
                chosen = {k: v for k, v in chosen.items() if k in wanted}
            ingest.remove(library, list(chosen))
            if chosen:
                from . import lexicon  # lazy: the glossaries, for add and remove only

                lexicon.refresh(library)  # the removed reports' notes go with them
            return list(chosen.values())
        return _guard(path, run)


def remove_glossaries(path: Path, files: list[str]) -> int:
    """Take out glossary files added before, by the path they were added from (NotFoundError,
    and nothing removed, if one of them was not added)."""
    from . import lexicon  # lazy: the glossaries, for add and remove only

    with _open(path, write=True) as library:
        def run() -> int:
            count = lexicon.remove_glossaries(library, [Path(f) for f in files])
            lexicon.refresh(library)
            return count
        return _guard(path, run)


def _select(db: sqlite3.Connection, selector: str) -> set[int]:
    if selector.isdigit():
        return {r for (r,) in db.execute("SELECT id FROM report WHERE id = ?", (int(selector),))}
    key = str(Path(selector).resolve())
    # the file itself, a collection's records (path#record), or a folder's files (path/...)
    return {r for (r,) in db.execute(
        "SELECT id FROM report WHERE source_key = ? OR substr(source_key, 1, ?) IN (?, ?)",
        (key, len(key) + 1, key + "#", key.rstrip("/") + "/"))}


# --------------------------------------------------------------------------- grep, show


class LibraryPassage(NamedTuple):
    """A paragraph that uses the text, as displayed, with the hits' offsets in it."""

    paragraph: int
    line: int
    section: str
    text: str
    spans: tuple[tuple[int, int], ...]
    search: str = ""  # the text without its quotation marks, as stored (``set_aside``)
    edits: Sequence = ()  # the runs of quotation marks taken out: (offset in search, run)


class ReportPassages(NamedTuple):
    report: ReportInfo
    passages: list[LibraryPassage]
    more: int  # passages of this report left out by the per-report limit


class LibraryPassages(NamedTuple):
    """Where a text (or a term's forms) is used across the library, newest report first.

    ``reports``/``passages``/``hits`` count everything found; ``groups`` hold what the
    limits let through; ``missing`` is the error to raise when nothing was found."""

    query: str
    forms: tuple[str, ...]
    groups: list[ReportPassages]
    reports: int
    passages: int
    hits: int
    missing: NotFoundError | None
    term: Term | None = None
    guess: str | None = None

    @property
    def shown(self) -> int:
        return sum(len(g.passages) for g in self.groups)


def grep(path: Path, text: str, filters: Filters = Filters(), per_report: int | None = None,
         limit: int | None = None) -> LibraryPassages:
    """Every paragraph of the library's reports that uses ``text`` (UsageError if empty)."""
    needle = normalize_spaces(clean_query(text))
    return _passages(path, needle, (strip_quotes(needle),), filters, per_report, limit)


def show(path: Path, term: Term, guess: str | None, filters: Filters = Filters(),
         per_report: int | None = None, limit: int | None = None) -> LibraryPassages:
    """Every paragraph of the library that uses one of the term's forms."""
    forms = tuple(dict.fromkeys(strip_quotes(f) for f in term.forms if f))
    found = _passages(path, term.term, forms, filters, per_report, limit)
    return found._replace(term=term, guess=guess)


def _passages(path: Path, query: str, forms: tuple[str, ...], filters: Filters,
              per_report: int | None, limit: int | None) -> LibraryPassages:
    with _open(path) as library:
        def run() -> LibraryPassages:
            db = library.db
            allowed = library.reports(filters)
            by_report: dict[int, list[text_search.Match]] = defaultdict(list)
            for match in text_search.matches(db, forms, allowed):
                by_report[report_of(match.paragraph_id)].append(match)
            order = [rid for rid in allowed if rid in by_report]  # newest first
            groups, shown = [], 0
            total_passages = sum(len(v) for v in by_report.values())
            total_hits = sum(len(m.spans) for v in by_report.values() for m in v)
            for rid in order:
                found = by_report[rid]
                keep = found if per_report is None else found[:per_report]
                if limit is not None:
                    keep = keep[:max(0, limit - shown)]
                if not keep:
                    if limit is not None and shown >= limit:
                        break
                    continue
                shown += len(keep)
                groups.append((rid, keep, len(found) - len(keep)))
            names = catalog.sections(db, ((rid, m.section) for rid, keep, _ in groups
                                         for m in keep))
            groups = [ReportPassages(allowed[rid], [_displayed(m, names[(rid, m.section)])
                                                    for m in keep], more)
                      for rid, keep, more in groups]
            missing = None if by_report else NotFoundError(
                f"{query!r} does not occur in the library's reports"
                + (" (with these filters)" if filters != Filters() else ""))
            return LibraryPassages(query, forms, groups, len(by_report), total_passages,
                                   total_hits, missing)
        return _query(path, run)


def _displayed(match: text_search.Match, section: str) -> LibraryPassage:
    """The paragraph as read (its quotation marks put back) and its hits' spans in it."""
    edits = match.edits
    if not edits:
        return LibraryPassage(match.number, match.line, section, match.text, match.spans,
                              match.text, edits)
    return LibraryPassage(match.number, match.line, section, restore(match.text, edits),
                          restored_spans(edits, match.spans), match.text, edits)


# --------------------------------------------------------------------------- trend


class TermTrend(NamedTuple):
    """One text's use over the years: a series (or one per level/place with ``--by``),
    the first and last year it is used, and the places that use it most."""

    label: str
    series: list[TrendSeries]
    first_year: int | None
    last_year: int | None
    reports: int
    occurrences: int
    top_places: list[tuple[str, int, int]]  # place, occurrences, reports


def trend(path: Path, texts: list[str], by: str | None = None,
          filters: Filters = Filters()) -> list[TermTrend]:
    """Per year: reports, reports using the text, occurrences, characters (for the rate)."""
    if by is not None and by not in BY_CHOICES:
        from ..errors import ChoiceError  # lazy: the error for a wrong --by only

        raise ChoiceError("by", by, BY_CHOICES)
    if not texts:
        raise UsageError("give at least one term or text")
    needles = [normalize_spaces(clean_query(t)) for t in texts]
    with _open(path) as library:
        def run() -> list[TermTrend]:
            db = library.db
            allowed = library.reports(filters)
            return [_trend(db, needle, allowed, by) for needle in needles]
        return _query(path, run)


def _group(info: ReportInfo, by: str | None) -> str:
    if by is None:
        return ""
    return (info.level if by == "level" else info.place) or "?"


def _trend(db: sqlite3.Connection, needle: str, allowed: dict[int, ReportInfo],
           by: str | None) -> TermTrend:
    counts: Counter[int] = Counter(text_search.uses_by_report(db, strip_quotes(needle),
                                                              allowed))
    totals: dict[str, dict[int, list[int]]] = defaultdict(dict)
    for rid, info in allowed.items():
        if info.year is None:
            continue
        point = totals[_group(info, by)].setdefault(info.year, [0, 0, 0, 0])
        point[0] += 1
        point[3] += info.chars
        if counts[rid]:
            point[1] += 1
            point[2] += counts[rid]
    groups = sorted(totals, key=lambda g: -sum(p[2] for p in totals[g].values()))
    series = [TrendSeries(needle if by is None else f"{needle} · {g}",
                          tuple(YearPoint(y, *totals[g][y]) for y in sorted(totals[g])))
              for g in groups
              if by is None or any(p[2] for p in totals[g].values())]
    years = sorted(allowed[r].year for r in counts if allowed[r].year is not None)
    places: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rid, n in counts.items():
        entry = places[allowed[rid].place or "?"]
        entry[0] += n
        entry[1] += 1
    top = sorted(places.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP_PLACES]
    return TermTrend(needle, series, years[0] if years else None,
                     years[-1] if years else None, len(counts), sum(counts.values()),
                     [(p, n, r) for p, (n, r) in top])
