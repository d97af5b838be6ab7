"""The JSON contract: how terms, passages and problems are written for machines.

Every command with ``--json`` prints what one of these functions builds, so a term looks
the same wherever it appears. The README ("JSON contract") documents these shapes; changing
one is a breaking change.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..model import Glossary, Passage, Term

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..library.glossary_queries import Entry, Found as GlossaryFound, Row
    from ..library.ingest import AddResult
    from ..library.lexicon import GlossaryAdded, NoteSource
    from ..library.queries import LibraryPassages, TermTrend
    from ..library.search import ReportInfo
    from ..model import YearPoint
    from ..corpus.checks import CheckResult
    from ..corpus.queries import Found, GrepResult, Shown
    from ..corpus.annotate import Annotation
    from ..lookup.related import Node


def term_to_dict(term: Term, glossary: Glossary) -> dict[str, Any]:
    """A term as a JSON object: the fields of the glossary entry, related from both ends."""
    return {
        "id": term.id,
        "note": term.note,
        "term": term.term,
        "printed": term.printed,
        "pinyin": term.pinyin,
        "english": [{"text": e.text, "source": e.source, "url": e.url} for e in term.english],
        "definition": term.definition,
        "variants": list(term.variants),
        "parts": [{"name": p.name, "items": list(p.items)} for p in term.parts],
        "tags": list(term.tags),
        "related": [{"id": r.id, "note": r.note, "term": r.term}
                    for r in glossary.related(term)],
        "remark": term.remark,
    }


def passage_to_dict(passage: Passage) -> dict[str, Any]:
    """A passage as a JSON object; ``spans`` are [start, end) offsets into ``text``.

    ``line``/``column`` locate the passage's first character in the report file (from 1,
    columns in characters); ``locations`` gives [line, column] of each span's first character.
    """
    return {
        "text": passage.text,
        "section": list(passage.section),
        "paragraph": passage.paragraph,
        "line": passage.line,
        "column": passage.column,
        "spans": [list(s) for s in passage.spans],
        "locations": [list(place) for place in passage.locations],
    }


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    return {
        "severity": problem.severity,
        "path": problem.path,
        "line": problem.line,
        "term": problem.term,
        "field": problem.field,
        "message": problem.message,
        "fix": problem.fix,
    }


def dumps(data: Any) -> str:
    """JSON as cngloss prints it: UTF-8 Chinese (not \\u escapes), indented, stable."""
    return json.dumps(data, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- commands
# What each command prints with --json (README, "JSON contract").


def list_to_dict(glossary: Glossary, counts: dict[str, int | None]) -> dict[str, Any]:
    """``list --json``: every term with its number of passages (null: no report)."""
    return {"terms": [dict(term_to_dict(t, glossary), passages=counts[t.id])
                      for t in glossary.terms]}


def show_to_dict(shown: "Shown", glossary: Glossary) -> dict[str, Any]:
    """``show --json``: the term and every passage that uses it."""
    data = term_to_dict(shown.term, glossary)
    data["passages"] = [passage_to_dict(p) for p in shown.passages or ()]
    return data


def search_to_dict(found: "Found", glossary: Glossary) -> dict[str, Any]:
    """``search --json``: the query as matched, and each hit with what it matched on."""
    return {"query": found.query, "results": [
        dict(term_to_dict(hit.term, glossary), score=hit.score, matched={
            "field": hit.field, "form": hit.form, "kind": hit.kind, "snippet": hit.snippet})
        for hit in found.hits]}


def grep_to_dict(result: "GrepResult") -> dict[str, Any]:
    """``grep --json``: the uses, and the glossary terms each passage uses."""
    return {"query": result.query, "count": result.count, "passages": [
        dict(passage_to_dict(p), terms=[{"id": t.id, "term": t.term} for t in terms])
        for p, terms in zip(result.passages, result.terms)]}


def related_to_dict(node: "Node") -> dict[str, Any]:
    """``related --json``: the term and, nested, the terms it is related to."""
    term = node.term
    return {"id": term.id, "note": term.note, "term": term.term, "tags": list(term.tags),
            "related": [related_to_dict(child) for child in node.related]}


def check_to_dict(result: "CheckResult") -> dict[str, Any]:
    """``check --json``: counts, every problem, and every correction applied."""
    report = result.report
    return {
        "glossary": str(result.glossary_path),
        "report": str(report.path) if report else None,
        "terms": result.terms,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [problem_to_dict(p) for p in result.problems],
        "corrections": [
            {"original": a.correction.original, "corrected": a.correction.corrected,
             "reason": a.correction.reason, "paragraph": a.paragraph, "line": a.line}
            for a in (report.applied if report else ())
        ],
    }


# --------------------------------------------------------------------------- the library


def report_info_to_dict(info: "ReportInfo") -> dict[str, Any]:
    return {"id": info.id, "place": info.place, "level": info.level, "year": info.year,
            "title": info.title, "source": info.source, "paragraphs": info.paragraphs,
            "characters": info.chars, "added": info.added}


def reports_to_dict(infos: list["ReportInfo"]) -> dict[str, Any]:
    return {"reports": [report_info_to_dict(i) for i in infos]}


def add_to_dict(result: "AddResult", glossaries: "GlossaryAdded | None" = None
                ) -> dict[str, Any]:
    data = {"added": result.added, "replaced": result.replaced, "unchanged": result.unchanged,
            "failed": [{"source": f.source, "reason": f.reason} for f in result.failures],
            "skipped": [{"source": f.source, "reason": f.reason} for f in result.skipped]}
    if glossaries is not None:
        data["glossaries"] = glossaries._asdict()
    return data


def note_source_to_dict(source: "NoteSource") -> dict[str, Any]:
    """A report's note that defines a headword: the report (id, place, year, level) and
    the note's number (null: unnumbered)."""
    return {"report": source.report_id, "place": source.place, "year": source.year,
            "level": source.level, "note": source.number}


def glossary_search_to_dict(found: "GlossaryFound", glossary: Glossary) -> dict[str, Any]:
    """``search --json`` with a library: the hits as without one (one per headword), each
    with where it is defined: curated, a glossary file, the reports' notes."""
    results = []
    for row in found.rows:
        hit = row.hit
        data = term_to_dict(row.term, glossary if row.curated else Glossary(glossary.path, ()))
        data.update(score=hit.score, matched={"field": hit.field, "form": hit.form,
                                              "kind": hit.kind, "snippet": hit.snippet})
        data.update((k, v) for k, v in _sourced(row, glossary).items() if k not in data)
        results.append(data)
    return {"query": found.query, "results": results}


def glossary_list_to_dict(rows: list["Row"], glossary: Glossary) -> dict[str, Any]:
    """``list --json`` with a selection: each entry as in ``search --json``, without the
    score and what it matched on."""
    return {"terms": [_sourced(row, glossary) for row in rows]}


def _sourced(row: "Row", glossary: Glossary) -> dict[str, Any]:
    data = term_to_dict(row.term, glossary if row.curated else Glossary(glossary.path, ()))
    data.update(curated=row.curated, reviewed=row.reviewed, glossary=row.origin,
                reports=row.reports, years=row.years,
                sources=[note_source_to_dict(s) for s in row.sources])
    return data


def definitions_to_dict(entry: "Entry") -> dict[str, Any]:
    """``show --json`` with a library: where the term comes from, and the notes'
    definitions (one per wording, with all their sources)."""
    return {"curated": entry.curated, "reviewed": entry.reviewed, "glossary": entry.origin,
            "reports": entry.reports,
            "definitions": [{"definition": d.text, "agrees": d.agrees,
                             "headwords": list(d.headwords),
                             "sources": [note_source_to_dict(s) for s in d.sources]}
                            for d in entry.definitions]}


def library_passages_to_dict(found: "LibraryPassages") -> dict[str, Any]:
    """Passages across the library: totals, then each report's passages (limits applied)."""
    return {"query": found.query, "forms": list(found.forms), "reports": found.reports,
            "passages": found.passages, "uses": found.hits, "shown": found.shown,
            "groups": [{"report": report_info_to_dict(g.report), "more": g.more,
                        "passages": [{"paragraph": p.paragraph, "line": p.line,
                                      "section": p.section, "text": p.text,
                                      "spans": [list(s) for s in p.spans]}
                                     for p in g.passages]}
                       for g in found.groups]}


def point_to_dict(point: "YearPoint") -> dict[str, Any]:
    return {"year": point.year, "reports": point.reports, "using": point.using,
            "occurrences": point.occurrences, "characters": point.characters,
            "rate": point.rate_rounded}


def trend_to_dict(trends: list["TermTrend"]) -> dict[str, Any]:
    return {"terms": [{"label": t.label, "reports": t.reports, "occurrences": t.occurrences,
                       "first_year": t.first_year, "last_year": t.last_year,
                       "top_places": [{"place": p, "occurrences": n, "reports": r}
                                      for p, n, r in t.top_places],
                       "series": [{"label": s.label,
                                   "points": [point_to_dict(p) for p in s.points]}
                                  for s in t.series]}
                      for t in trends]}


def annotation_to_dict(found: "Annotation", glossary: Glossary) -> dict[str, Any]:
    """``annotate --json``: the document, the terms it uses (term objects with their count,
    first line and lines) and every occurrence ([start, end) offsets into the document's
    text, line and column from 1)."""
    return {
        "document": found.name,
        "kind": found.kind,
        "characters": len(found.text),
        "uses": len(found.occurrences),
        "terms": [{**term_to_dict(use.term, glossary), "count": use.count,
                   "first_line": use.first.line, "lines": list(use.lines)}
                  for use in found.terms],
        "occurrences": [{"id": o.term.id, "term": o.term.term, "text": o.text,
                         "start": o.start, "end": o.end, "line": o.line, "column": o.column,
                         "part": o.part} for o in found.occurrences],
    }
