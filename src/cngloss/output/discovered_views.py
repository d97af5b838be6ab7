"""Discovered terms in the other commands' views: ``search``'s list of the slogans found
in the text, not defined; ``show`` of one; ``annotate --discover``'s table. Marked in the
``discovered`` style (‹› without colour), apart from the glossary's terms."""

from __future__ import annotations

from .blocks import Block, Table, field, line

DISCOVERED_NOTE = "found in the text, not defined: a numbered slogan no glossary in use has"
DISCOVERED_STYLE = "discovered"  # a discovered slogan's mark (console.MARKED: ‹›)


def _first(t: dict) -> str:
    first = t["first_report"] or {}
    return f"{t['first_year'] or '?'} {first.get('place') or ''}".strip()


def _items(t: dict) -> str:
    return "、".join(t["expansion"]["items"]) if t["expansion"] else "-"


def discovered_search_view(terms: list[dict]) -> list[Block]:
    """``search``: after the glossary's rows, the slogans the texts use that no glossary
    defines, with their first use, reports, last year and expansion."""
    table = Table(["term", "kind", "reports", "first use", "last", "expansion"], [],
                  wrap=(5,))
    for t in terms:
        table.rows.append([[(t["term"], DISCOVERED_STYLE)], [(t["kind"], None)],
                           [(str(t["reports"]), "number")], [(_first(t), None)],
                           [(str(t["last_year"] or "?"), "number")], [(_items(t), None)]])
    return [line((f"Found in the text, not defined ({len(terms)})", "heading"),
                 ("  numbered slogans no glossary in use has (cngloss discover)", "dim")),
            table]


def discovered_entry_view(t: dict) -> list[Block]:
    """``show`` of a discovered slogan: kind, expansion and where it was found, dates."""
    blocks: list[Block] = [line((t["term"], DISCOVERED_STYLE), ("  ", None),
                                (DISCOVERED_NOTE, "dim"))]
    blocks += field("Kind", [[(t["kind"], None)]])
    expansion = t["expansion"]
    if expansion:
        source = expansion["source"]
        where = f"line {source['line']}" + (f" of report {source['report']}"
                                             if source.get("report") is not None else "")
        blocks += field("Expansion", [[(_items(t), None), (f"  ({where})", "dim")]])
        if len(t.get("senses") or ()) > 1:
            blocks += field("Other senses", [[("、".join(s["expansion"]["items"]), None),
                                              (f"  ({len(s['reports'])} reports)", "dim")]
                                             for s in t["senses"][1:]])
    else:
        blocks += field("Expansion", [[("none listed beside a use", "dim")]])
    blocks += _english(t)
    first = t["first_report"] or {}
    blocks += field("First use", [[(_first(t), None)] + (
        [(f"  (report {first['id']})", "dim")] if first.get("id") is not None else [])])
    levels = [f"{level} {at['year']}" for level, at in (t["first_by_level"] or {}).items()
              if at is not None]
    if levels:
        blocks += field("By level", [[(", ".join(levels), None)]])
    reports, places = t["reports"], t.get("places")
    blocks += field("Used by", [[(f"{reports} report{'s' * (reports != 1)}"
                                  + (f", {places} place{'s' * (places != 1)}"
                                     if places is not None else "")
                                  + f"; last {t['last_year'] or '?'}", None)]])
    return blocks


def _english(t: dict) -> list[Block]:
    """``English``: the sourced renderings of the slogan's sense, with their sources, and
    whether the sense was checked against the items the text lists; or that there is none."""
    from ..model import SourcedRendering  # lazy: show of a discovered term only
    from .english_views import NONE, rendering_spans  # lazy: as above

    found = t.get("renderings") or []
    if not found:
        return field("English", [[(NONE, "dim")]])
    values = [rendering_spans(SourcedRendering(**r)) for r in found]
    sense = t.get("english_sense") or {}
    if not sense.get("checked"):
        values.append([(f"(the {sense.get('sense', 'national')} sense's rendering: the text "
                        "lists no items beside a use to check the sense by)", "dim")])
    return field("English", values)


def slogan_uses_view(slogans) -> list[Block]:
    """``annotate --discover``: the numbered slogans the document uses that no glossary in
    use defines: kind, count, first line, expansion (where the text lists one)."""
    table = Table(["slogan", "kind", "count", "first line", "expansion"], [], wrap=(4,))
    for s in slogans:
        table.rows.append([[(s.term, DISCOVERED_STYLE)], [(s.kind, None)],
                           [(str(s.count), "number")], [(str(s.lines[0]), "number")],
                           [("、".join(s.expansion.items) if s.expansion else "-", None)]])
    return [line((f"{len(slogans)} numbered slogan{'s' * (len(slogans) != 1)} found in the "
                  "text, not defined (‹›: cngloss discover)", "dim")), table]
