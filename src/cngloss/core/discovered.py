"""Discovered terms for ``search``, ``show``, ``annotate --discover`` and ``import``: the
numbered slogans a text uses that no glossary in use defines (issue 24, "use it
everywhere").

A discovered term is ``discover``'s term object (docs/json.md): the term, its kind, its
expansion (items and the passage they came from), its dates (first year and report, first
by level, reports, last year). With a library the rows stored at ``add`` time answer
(``library/slogan_lookup.py``); without one, the glossary's own report is a library of one
report and its body is discovered here (``report_slogans``). Imported only when a command
needs a discovered term: ``show``'s cold start never imports the finder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ..model import DiscoveredTerm, ReportInfo, SloganUse

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.load import Corpus

LEVELS = ("national", "province", "city")  # the levels ``first_by_level`` has


def report_slogans(corpus: "Corpus", info: ReportInfo | None) -> list[dict]:
    """The slogans the glossary's own report uses in its body that the glossary does not
    define, as ``discover``'s term objects (lines: the report file's lines)."""
    from ..discover import discover_text  # lazy: the finder, for a term not found otherwise

    report = corpus.report
    if report is None:
        return []
    paragraphs = report.paragraphs
    text = "\n".join(p.text.replace("\n", " ") for p in paragraphs)
    defined = {form for term in corpus.glossary.terms for form in term.forms}
    found = discover_text(str(report.path.name), text, defined)
    return [term_object(t, info, [p.line for p in paragraphs]) for t in found if not t.defined]


def term_object(found: DiscoveredTerm, info: ReportInfo | None,
                lines: Sequence[int] | None = None) -> dict:
    """A slogan of one report as ``discover`` across a library writes it: the report its
    only one (dated by its metadata), ``lines`` mapping the text's lines to the file's."""
    at = (lambda n: n) if lines is None else (lambda n: lines[n - 1])
    year = info.year if info else None
    report = None if info is None else {"id": info.id, "place": info.place,
                                        "level": info.level, "year": info.year,
                                        "title": info.title}
    expansion = None if found.expansion is None else {
        "items": list(found.expansion.items),
        "source": {"report": None, "line": at(found.expansion.line),
                   "text": found.expansion.text}}
    return {
        "document": found.document, "term": found.term, "kind": found.kind,
        "count": found.count, "lines": [at(n) for n in found.lines],
        "reports": 1, "places": 1, "first_year": year, "first_report": report,
        "first_by_level": {level: {"year": year, "report": None}
                           if info is not None and info.level == level else None
                           for level in LEVELS},
        "last_year": year,
        "years": {str(year): {"reports": 1, "places": 1}} if year is not None else {},
        "expansion": expansion,
        "senses": [] if expansion is None else [{"expansion": expansion, "reports": [None]}],
        "defined": found.defined,
    }


def matching(terms: Iterable[dict], query: str, exact: bool = False) -> list[dict]:
    """The terms named ``query`` (first) and, unless ``exact``, those holding it (a query
    of two characters or more), most reports first."""
    query = query.strip()
    if not query:
        return []
    hits = [t for t in terms if t["term"] == query
            or not exact and len(query) >= 2 and query in t["term"]]
    return sorted(hits, key=lambda t: (t["term"] != query, -(t["reports"] or 0), t["term"]))


def hanzi_query(query: str) -> str | None:
    """The query as a discovered term is written (simplified, no spaces, quotes or
    markup), or None when it has no hanzi or digit to match a slogan."""
    from ..text.folding import to_simplified  # lazy: only for a query that may be a slogan
    from ..text.hanzi import is_hanzi, strip_quotes

    text = strip_quotes("".join(query.split()))
    if not any(is_hanzi(ch) or ch.isdigit() for ch in text):
        return None
    return to_simplified(text)


def document_slogans(text: str, defined: Iterable[str],
                     taken: Iterable[tuple[int, int]] = ()) -> list[SloganUse]:
    """``annotate --discover``: the slogans ``text`` uses that are not in ``defined`` (the
    glossaries' forms), each with every use's [start, end) offsets and line and column
    (from 1); a use overlapping ``taken`` (a glossary term's use) is left to the term."""
    from ..discover import discover_text  # lazy: the finder, for --discover only

    defined = set(defined)
    taken = sorted(taken)
    lines = text.split("\n")
    starts, pos = [], 0
    for one in lines:
        starts.append(pos)
        pos += len(one) + 1
    out = []
    for found in discover_text("", text, defined):
        if found.defined:
            continue
        spans = []
        for number in found.lines:
            one, begin = lines[number - 1], 0
            while (at := one.find(found.term, begin)) >= 0:
                start = starts[number - 1] + at
                end = start + len(found.term)
                if not any(a < end and start < b for a, b in taken):
                    spans.append((start, end, number, at + 1))
                begin = at + len(found.term)
        if spans:
            out.append(SloganUse(found.term, found.kind, len(spans),
                                 tuple(dict.fromkeys(s[2] for s in spans)), found.expansion,
                                 tuple(spans)))
    return out


__all__ = ["document_slogans", "hanzi_query", "matching", "report_slogans",
           "term_object"]
