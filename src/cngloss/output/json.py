"""The JSON contract: how terms, passages and problems are written for machines.

Every command with ``--json`` prints what one of these functions builds, so a term looks
the same wherever it appears. The README ("JSON contract") documents these shapes; changing
one is a breaking change.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..errors import Problem
from ..model import Glossary, Passage, Term

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..model import Discovered, Found, Listing, Shown
    from ..library.ingest import AddResult
    from ..library.lexicon import GlossaryAdded
    from ..library.queries import TermTrend
    from ..model import (Entry, EntrySense, FoundPassage, NoteSource, Passages, ReportInfo,
                         Row, SloganUse, SourcedRendering, WordGloss, YearPoint)
    from ..corpus.checks import CheckResult
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


def rendering_to_dict(rendering: "SourcedRendering") -> dict[str, Any]:
    """A sourced English rendering: the words, the kind of source, the outlet, the page
    (title, address, date: null where the page gives none) and the excerpt it was seen in,
    and the sense it renders."""
    return {"english": rendering.english, "kind": rendering.kind, "outlet": rendering.outlet,
            "title": rendering.title, "url": rendering.url, "date": rendering.date,
            "excerpt": rendering.excerpt, "sense": rendering.sense}


def renderings_to_list(renderings) -> list[dict[str, Any]]:
    return [rendering_to_dict(r) for r in renderings]


def sense_to_dict(sense: "EntrySense") -> dict[str, Any]:
    """One sense of a headword: its name (``national``; ``other``: one the file of
    renderings has none for), meaning, renderings (or the searches that found none),
    whether the entry's own definition has it, and the notes that define it so."""
    return {"sense": sense.sense, "meaning": sense.meaning,
            "renderings": renderings_to_list(sense.renderings),
            "searched": list(sense.searched), "own": sense.own, "reports": sense.reports,
            "sources": [note_source_to_dict(s) for s in sense.sources],
            "used_in": [report_info_to_dict(r) for r in sense.uses]}


def glosses_to_list(glosses) -> list[dict[str, Any]] | None:
    """``--glosses``: each word of the headword with its dictionary glosses (CC-CEDICT; not
    a translation); None when they were not asked for."""
    if glosses is None:
        return None
    return [{"word": g.word, "pinyin": g.pinyin, "glosses": list(g.glosses)} for g in glosses]


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
# What each command prints with --json (docs/json.md): one shape per command, the same with
# a library or without one (the glossary's own report is then a library of one report).

JSON_VERSION = 2  # the contract's version, in every command's object (CHANGELOG.md)


def versioned(data: dict[str, Any]) -> dict[str, Any]:
    """A command's JSON object, ``version`` first."""
    return {"version": JSON_VERSION, **data}


def row_to_dict(row: "Row", glossary: Glossary) -> dict[str, Any]:
    """An entry of the glossaries in use: the term object, then where it is defined (curated,
    reviewed, the glossary file, the reports' notes)."""
    data = term_to_dict(row.term, glossary if row.curated else Glossary(glossary.path, ()))
    data.update(renderings=renderings_to_list(row.english), curated=row.curated,
                reviewed=row.reviewed, glossary=row.origin, reports=row.reports,
                years=row.years, sources=[note_source_to_dict(s) for s in row.sources])
    return data


def list_to_dict(listing: "Listing", glossary: Glossary) -> dict[str, Any]:
    """``list --json``: every entry listed, with its number of passages (null: not counted:
    no report, or entries selected from a library)."""
    return versioned({"terms": [dict(row_to_dict(row, glossary),
                                     passages=listing.counts.get(row.term.id))
                                for row in listing.rows]})


def search_to_dict(found: "Found", glossary: Glossary) -> dict[str, Any]:
    """``search --json``: the query as matched, and each entry found with its score and
    what it matched on."""
    results = []
    for row in found.rows:
        hit = row.hit
        data = row_to_dict(row, glossary)
        data.update(score=hit.score, matched={"field": hit.field, "form": hit.form,
                                              "kind": hit.kind, "snippet": hit.snippet})
        results.append(data)
    return versioned({"query": found.query, "results": results,
                      "discovered": list(found.discovered)})


def show_to_dict(shown: "Shown", glossary: Glossary) -> dict[str, Any]:
    """``show --json``: the term, where it comes from, every note's definition, and the
    passages that use it."""
    entry = shown.entry
    return versioned({
        "term": term_to_dict(entry.term, glossary if entry.curated
                             else Glossary(glossary.path, (entry.term,))),
        "renderings": renderings_to_list(r for s in entry.senses if s.own or s.sources
                                         for r in s.renderings),
        "senses": [sense_to_dict(s) for s in entry.senses],
        "glosses": glosses_to_list(shown.glosses),
        **definitions_to_dict(entry),
        "discovered": shown.discovered,
        "passages": passages_to_dict(shown.passages)})


def grep_to_dict(found: "Passages") -> dict[str, Any]:
    """``grep --json``: the uses, grouped by report."""
    return versioned(passages_to_dict(found))


def definitions_to_dict(entry: "Entry") -> dict[str, Any]:
    """Where a term comes from, and the notes' definitions (one per wording, with all their
    sources)."""
    return {"curated": entry.curated, "reviewed": entry.reviewed, "glossary": entry.origin,
            "reports": entry.reports,
            "definitions": [{"definition": d.text, "agrees": d.agrees, "sense": d.sense,
                             "headwords": list(d.headwords),
                             "sources": [note_source_to_dict(s) for s in d.sources]}
                            for d in entry.definitions]}


def passages_to_dict(found: "Passages") -> dict[str, Any]:
    """Passages: totals, then each report's passages (the limits applied), each with the
    glossary terms it uses."""
    return {"query": found.query, "forms": list(found.forms), "reports": found.reports,
            "passages": found.passages, "uses": found.hits, "shown": found.shown,
            "groups": [{"report": report_info_to_dict(g.report), "more": g.more,
                        "passages": [found_passage_to_dict(p) for p in g.passages]}
                       for g in found.groups]}


def found_passage_to_dict(passage: "FoundPassage") -> dict[str, Any]:
    """A passage as found: where it stands, its text, the [start, end) offsets of the uses
    in it, and the glossary terms it uses. ``column`` and ``locations`` (the [line, column]
    of each use in the report file) are known for the glossary's own report only."""
    return {"paragraph": passage.paragraph, "line": passage.line,
            "column": passage.column, "section": list(passage.section),
            "text": passage.text, "spans": [list(s) for s in passage.spans],
            "locations": [list(place) for place in passage.locations],
            "terms": [{"id": t.id, "term": t.term} for t in passage.terms],
            "sense": passage.sense, "expansion": list(passage.expansion)}


def related_to_dict(node: "Node") -> dict[str, Any]:
    """``related --json``: the term and, nested, the terms it is related to."""
    return versioned(_node_to_dict(node))


def _node_to_dict(node: "Node") -> dict[str, Any]:
    term = node.term
    return {"id": term.id, "note": term.note, "term": term.term, "tags": list(term.tags),
            "related": [_node_to_dict(child) for child in node.related]}


def check_to_dict(result: "CheckResult") -> dict[str, Any]:
    """``check --json``: counts, every problem, and every correction applied."""
    report = result.report
    return versioned({
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
    })


# --------------------------------------------------------------------------- the library


def report_info_to_dict(info: "ReportInfo") -> dict[str, Any]:
    return {"id": info.id, "place": info.place, "level": info.level, "year": info.year,
            "title": info.title, "source": info.source, "paragraphs": info.paragraphs,
            "characters": info.chars, "added": info.added}


def reports_to_dict(infos: list["ReportInfo"]) -> dict[str, Any]:
    """``reports --json``."""
    return versioned({"reports": [report_info_to_dict(i) for i in infos]})


def add_to_dict(result: "AddResult", glossaries: "GlossaryAdded | None" = None
                ) -> dict[str, Any]:
    data = {"added": result.added, "replaced": result.replaced, "unchanged": result.unchanged,
            "failed": [{"source": f.source, "reason": f.reason} for f in result.failures],
            "skipped": [{"source": f.source, "reason": f.reason} for f in result.skipped]}
    if glossaries is not None:
        data["glossaries"] = glossaries._asdict()
    return versioned(data)


def note_source_to_dict(source: "NoteSource") -> dict[str, Any]:
    """A report's note that defines a headword: the report (id, place, year, level) and
    the note's number (null: unnumbered)."""
    return {"report": source.report_id, "place": source.place, "year": source.year,
            "level": source.level, "note": source.number}


def point_to_dict(point: "YearPoint") -> dict[str, Any]:
    return {"year": point.year, "reports": point.reports, "using": point.using,
            "occurrences": point.occurrences, "characters": point.characters,
            "rate": point.rate_rounded}


def trend_to_dict(trends: list["TermTrend"]) -> dict[str, Any]:
    """``trend --json``."""
    return versioned({"terms": [{"label": t.label, "reports": t.reports, "occurrences": t.occurrences,
                       "first_year": t.first_year, "last_year": t.last_year,
                       "top_places": [{"place": p, "occurrences": n, "reports": r}
                                      for p, n, r in t.top_places],
                       "series": [{"label": s.label,
                                   "points": [point_to_dict(p) for p in s.points]}
                                  for s in t.series]}
                      for t in trends]})


def annotation_to_dict(found: "Annotation", glossary: Glossary,
                       english: "Mapping[str, Sequence[SourcedRendering]] | None" = None,
                       glosses: "Mapping[str, Sequence[WordGloss]] | None" = None,
                       slogans: "Sequence[SloganUse] | None" = None) -> dict[str, Any]:
    """``annotate --json``: the document, the terms it uses (term objects with their sourced
    renderings, count, first line and lines) and every occurrence ([start, end) offsets into
    the document's text, line and column from 1); ``--discover``: the numbered slogans no
    glossary defines (``discovered``: null when not asked for), their uses among the
    occurrences (``"discovered": true``, no id), in the order of the text."""
    english = english or {}
    occurrences = [{"id": o.term.id, "term": o.term.term, "text": o.text,
                    "start": o.start, "end": o.end, "line": o.line, "column": o.column,
                    "part": o.part, "discovered": False} for o in found.occurrences]
    if slogans:
        occurrences += [{"id": None, "term": s.term, "text": s.term, "start": start,
                         "end": end, "line": line, "column": column, "part": None,
                         "discovered": True}
                        for s in slogans for start, end, line, column in s.spans]
        occurrences.sort(key=lambda o: o["start"])
    return versioned({
        "document": found.name,
        "kind": found.kind,
        "characters": len(found.text),
        "uses": len(found.occurrences),
        "terms": [{**term_to_dict(use.term, glossary),
                   "renderings": renderings_to_list(english.get(use.term.id, ())),
                   "glosses": None if glosses is None
                   else glosses_to_list(glosses.get(use.term.id, ())),
                   "count": use.count, "first_line": use.first.line,
                   "lines": list(use.lines)}
                  for use in found.terms],
        "discovered": None if slogans is None else [slogan_use_to_dict(s) for s in slogans],
        "occurrences": occurrences,
    })


def slogan_use_to_dict(slogan: "SloganUse") -> dict[str, Any]:
    """A numbered slogan a document uses that no glossary defines (``annotate
    --discover``): its kind, uses, first line, lines and expansion (null: the text lists
    no items beside a use; the line of the document they were found on)."""
    expansion = slogan.expansion
    return {"term": slogan.term, "kind": slogan.kind, "discovered": True,
            "count": slogan.count, "first_line": slogan.lines[0], "lines": list(slogan.lines),
            "expansion": None if expansion is None else {
                "items": list(expansion.items),
                "source": {"report": None, "line": expansion.line, "text": expansion.text}}}


def discover_json(found: "Discovered") -> "str | bytes":
    """``discover --json``: ``dumps(discover_to_dict(found))``; with term objects stored
    already rendered (``RenderedTerms``), the same text in UTF-8, put together from their
    bytes as they are (decoding and encoding 28 MB again was most of a query's time)."""
    fragments = getattr(found.library_terms, "fragments", None)
    if not fragments:
        return dumps(discover_to_dict(found))
    out: dict[str, Any] = {"terms": [_SLOT]}
    if found.lags is not None:
        out["lags"] = found.lags
    head, tail = dumps(versioned(out)).split(json.dumps(_SLOT))
    indent = head[head.rindex("\n") + 1:]  # the slot's line: its indentation
    assert indent == found.library_terms.indent  # where the stored objects were put
    between = f",\n{indent}".encode("utf-8")
    return head.encode("utf-8") + between.join(fragments) + tail.encode("utf-8")


_SLOT = "\0"  # where the stored term objects go (no term object is this string)


def discover_to_dict(found: "Discovered") -> dict[str, Any]:
    """``discover --json``: each numbered slogan of each document (the fields about the
    library, reports and dates are null for documents given as files; across the library,
    ``document`` and ``lines`` are; ``lags``: with ``--by level`` only)."""
    if found.library_terms is not None:
        out: dict[str, Any] = {"terms": list(found.library_terms)}
        if found.lags is not None:
            out["lags"] = found.lags
        return versioned(out)
    return versioned({"terms": [{
        "document": t.document, "term": t.term, "kind": t.kind, "count": t.count,
        "lines": list(t.lines), "reports": None, "places": None, "first_year": None,
        "first_report": None, "first_by_level": None, "last_year": None, "years": None,
        "expansion": None if t.expansion is None else {
            "items": list(t.expansion.items),
            "source": {"report": None, "line": t.expansion.line, "text": t.expansion.text}},
        "senses": None, "defined": t.defined} for t in found.terms]})
