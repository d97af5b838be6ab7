"""The glossary's own report as a library of one report: the results of ``cngloss.core``
made from a ``Corpus`` (a glossary and the report it annotates), in the same types as the
library's, so that a command's result, and so its JSON, has one shape whatever the source.

Nothing here opens a database or imports the store: the one-report commands stay as fast
to start as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..model import (Entry, Filters, FoundPassage, NoteDefinition, NoteSource, Passage,
                     Passages, ReportInfo, ReportPassages, Row, Term)

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.english import EnglishIndex
    from ..corpus.load import Corpus
    from ..model import Glossary


def report_info(corpus: "Corpus") -> ReportInfo | None:
    """The glossary's report as a library would list it (id None: in no library)."""
    report = corpus.report
    if report is None:
        return None
    meta = report.metadata
    return ReportInfo(None, meta.place, meta.level, meta.year, meta.title or report.title,
                      report.path.name, len(report.paragraphs),
                      sum(len(p.text) for p in report.paragraphs), None)


def allows(filters: Filters, info: ReportInfo | None) -> bool:
    """Whether the filters keep this report (as the library's SQL filters do: the place a
    part of the report's place name, the level equal, the year in the range)."""
    if info is None:
        return False
    if filters.place and (info.place is None or filters.place not in info.place):
        return False
    if filters.level and info.level != filters.level:
        return False
    if filters.years:
        low, high = filters.years
        if info.year is None or (low is not None and info.year < low) \
                or (high is not None and info.year > high):
            return False
    return True


def sources(term: Term, info: ReportInfo | None) -> tuple[NoteSource, ...]:
    """The report's note that defines a curated term (none for a term without a note)."""
    if info is None or term.note is None:
        return ()
    return (NoteSource(None, term.note - 1, term.note, info.year, info.place, info.level),)


def row(term: Term, hit: object, info: ReportInfo | None) -> Row:
    """A curated term as a row of the glossaries in use: curated and reviewed."""
    return Row(term, hit, True, True, None, sources(term, info))


def entry(term: Term, info: ReportInfo | None, guess: str | None) -> Entry:
    """A curated term with its one definition, the note of its report that gives it."""
    found = sources(term, info)
    definitions = [NoteDefinition(term.definition, found, (term.printed or term.term,), True)] \
        if found else []
    return Entry(term, True, True, None, definitions, guess, term.forms)


def passages(query: str, forms: Sequence[str], found: Sequence[Passage],
             terms: Sequence[Sequence[Term]], term_spans: Sequence[Sequence[tuple[int, int]]],
             info: ReportInfo | None, per_report: int | None, limit: int | None,
             missing: Exception | None) -> Passages:
    """The report's passages as one report group, the limits applied as in a library."""
    listed = [FoundPassage(p.paragraph, p.line, p.section, p.text, p.spans, p.column,
                           p.locations, tuple(t), tuple(s))
              for p, t, s in zip(found, terms, term_spans)]
    keep = listed if per_report is None else listed[:per_report]
    if limit is not None:
        keep = keep[:limit]
    groups = [ReportPassages(info, keep, len(listed) - len(keep))] \
        if keep and info is not None else []
    hits = sum(len(p.spans) for p in found)
    return Passages(query, tuple(forms), groups, 1 if found else 0, len(found), hits, missing)


def with_sourced(rows: list[Row], query: str, english: "EnglishIndex", glossary: "Glossary",
                 info: ReportInfo | None) -> list[Row]:
    """Search rows with their sourced renderings (the senses their definitions have), and
    the terms whose sourced renderings match the query (``lookup.match_sourced``): a
    curated term where the sense rendered is its own, else, where the glossary has none of
    the entry's forms, the file's entry itself (``corpus.english.file_row``); best first."""
    # lazy: the sourced English, for search only
    from ..corpus.english import file_row, form_key, sense_of_any, term_renderings
    from ..lookup.match_sourced import match_sourced

    by_id = {row.term.id: row for row in rows}
    found = match_sourced(english.data.entries, query)
    if found:
        by_key: dict[str, Term] = {}
        for term in glossary.terms:
            for form in term.forms:
                by_key.setdefault(form_key(form), term)
        for hit in found:
            forms = (hit.entry.term, *hit.entry.forms)
            terms = [by_key[k] for k in map(form_key, forms) if k in by_key]
            if not terms:
                listed = file_row(hit, english.data.path)
                by_id.setdefault(listed.term.id, listed)
                continue
            for term in terms:
                if not sense_of_any(hit.entry, (term.definition,)):
                    continue
                known = by_id.get(term.id)
                if known is None or known.hit.score < hit.score:
                    by_id[term.id] = row(term, hit.hit(term), info)
    order = {t.id: i for i, t in enumerate(glossary.terms)}
    ranked = sorted(by_id.values(), key=lambda r: (-r.hit.score, r.only_sourced,
                                                   order.get(r.term.id, 0)))
    return [r if r.only_sourced else r._replace(english=term_renderings(english, r.term))
            for r in ranked]
