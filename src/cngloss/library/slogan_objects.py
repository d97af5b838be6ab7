"""A slogan's ``discover`` object across the library (``summarize``: from its stored uses
over the reports selected; ``add_passages``: the passage of each sense) and its JSON as
``discover --json`` prints it (``rendered``): shared by the summaries made at write time
(slogan_summary.py), the queries over selected reports (slogan_selected.py, slogan_queries.py)
and the look-ups of search and show (slogan_lookup.py).
"""

from __future__ import annotations

import json
import sqlite3
from json.encoder import encode_basestring as _quote  # the C one, when built

from ..model import ReportInfo

LEVELS = ("national", "province", "city")
SIMILAR = 0.5  # two item sets are one sense when they share this much of the smaller one
INDENT = "    "  # a term object's depth in {"version": 2, "terms": [...]} (slogan_summary)


def defined_headwords(db: sqlite3.Connection) -> set[str]:
    """Every headword some report's notes define (what makes a slogan ``defined``)."""
    return {row[0] for row in db.execute(
        "SELECT DISTINCT headword FROM note WHERE headword IS NOT NULL")}


def add_passages(db: sqlite3.Connection, item: dict) -> None:
    """The passage of each sense of ``item`` (read only for the senses shown: reading them
    for every row was half of a cold query)."""
    for sense in item["senses"]:
        source = sense["expansion"]["source"]
        source["text"] = db.execute(
            "SELECT source FROM slogan WHERE term = ? AND report_id = ?",
            (item["term"], source["report"])).fetchone()[0]


def _report(info: ReportInfo) -> dict:
    return {"id": info.id, "place": info.place, "level": info.level, "year": info.year,
            "title": info.title}


def summarize(term: str, used: list[tuple], allowed: dict[int, ReportInfo]) -> dict:
    """The JSON object of one term from its rows (``defined`` False, passages not read);
    one row a report (the table's key is the term and the report)."""
    infos = [(allowed[r[1]], r) for r in used]
    dated = sorted(infos, key=lambda x: (x[0].year if x[0].year is not None else 10 ** 6,
                                         x[0].id))
    first = dated[0][0]
    by_level: dict = dict.fromkeys(LEVELS)
    years: dict[int, list] = {}
    places = set()
    for info, _ in dated:  # one pass, in date order: the first at each level is the first seen
        level = info.level
        if level in by_level and by_level[level] is None:
            by_level[level] = {"year": info.year, "report": info.id}
        places.add(info.place)
        if info.year is not None:
            entry = years.get(info.year)
            if entry is None:
                years[info.year] = [1, {info.place}]
            else:
                entry[0] += 1
                entry[1].add(info.place)
    senses = _senses(infos) if any(r[5] for r in used) else []
    return {
        "document": None, "term": term, "kind": used[0][2], "count": sum(r[3] for r in used),
        "lines": None, "reports": len(used), "places": len(places),
        "first_year": first.year, "first_report": _report(first), "first_by_level": by_level,
        "last_year": max(years) if years else None,
        "years": {str(y): {"reports": e[0], "places": len(e[1])}
                  for y, e in sorted(years.items())},
        "expansion": senses[0]["expansion"] if senses else None,
        "senses": senses, "defined": False,
    }


def _senses(infos: list[tuple[ReportInfo, tuple]]) -> list[dict]:
    groups: list[dict] = []
    for info, row in sorted(infos, key=lambda x: (x[0].year or 0, x[0].id)):
        if not row[5]:
            continue
        items = json.loads(row[5])
        key = set(items)
        for group in groups:
            if len(key & group["keys"]) >= SIMILAR * min(len(key), len(group["keys"])):
                group["reports"].append(info.id)
                group["keys"] |= key
                break
        else:
            groups.append({"keys": key, "reports": [info.id], "expansion": {
                "items": items, "source": {"report": info.id, "line": row[6],
                                           "text": None}}})  # read for the senses shown
    groups.sort(key=lambda g: -len(g["reports"]))
    return [{"expansion": g["expansion"], "reports": g["reports"]} for g in groups]


def rendered(item: dict) -> bytes:
    """A term object as ``discover --json`` prints it (output.json's ``dumps``: indented by
    2, UTF-8 Chinese), every line after the first indented as a member of the ``terms``
    list, in UTF-8: the answer is put together from these bytes as they are stored."""
    if tuple(item) == SHAPE:
        return _term(item).encode("utf-8")
    return _json(item, "\n" + INDENT).encode("utf-8")


# the members of a term object as ``summarize`` makes it, in order
SHAPE = ("document", "term", "kind", "count", "lines", "reports", "places", "first_year",
         "first_report", "first_by_level", "last_year", "years", "expansion", "senses",
         "defined")
_M = "\n" + INDENT + "  "  # a member's line break
_MM = _M + "  "  # a member of a member


def _scalar(value) -> str:
    return "null" if value is None else _quote(value) if type(value) is str \
        else ("true" if value else "false") if type(value) is bool else int.__repr__(value)


def _term(item: dict) -> str:
    """``_json(item, "\\n" + INDENT)`` for an object of ``SHAPE`` (speed: the objects of
    a query over selected reports are rendered here, twice as fast; the same text)."""
    levels = item["first_by_level"]
    years = item["years"]
    year_lines = "{}" if not years else "{" + ",".join(
        f'{_MM}"{y}": {{{_MM}  "reports": {e["reports"]},{_MM}  "places": {e["places"]}{_MM}}}'
        for y, e in years.items()) + _M + "}"
    level_lines = "{}" if not levels else "{" + ",".join(
        f"{_MM}{_quote(lv)}: " + ("null" if at is None else _json(at, _MM))
        for lv, at in levels.items()) + _M + "}"
    return (
        "{" + _M + '"document": ' + _scalar(item["document"]) + "," + _M + '"term": '
        + _quote(item["term"]) + "," + _M + '"kind": ' + _scalar(item["kind"]) + "," + _M
        + '"count": ' + _scalar(item["count"]) + "," + _M + '"lines": '
        + _json(item["lines"], _M) + "," + _M + '"reports": ' + _scalar(item["reports"])
        + "," + _M + '"places": ' + _scalar(item["places"]) + "," + _M + '"first_year": '
        + _scalar(item["first_year"]) + "," + _M + '"first_report": '
        + _json(item["first_report"], _M) + "," + _M + '"first_by_level": ' + level_lines
        + "," + _M + '"last_year": ' + _scalar(item["last_year"]) + "," + _M + '"years": '
        + year_lines + "," + _M + '"expansion": ' + _json(item["expansion"], _M) + "," + _M
        + '"senses": ' + _json(item["senses"], _M) + "," + _M + '"defined": '
        + _scalar(item["defined"]) + "\n" + INDENT + "}")


def _json(value, indent: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for the values of a term object
    (str keys; str, int, bool, None, lists and dicts), ``indent`` the line break of its
    depth: the same text, 1.6 times faster than the json module's pure-Python
    indenting encoder, which was most of the summaries' time at add."""
    if isinstance(value, str):
        return _quote(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for key, v in value.items():  # a scalar written here: a call less per value
            kind = type(v)
            parts.append(_quote(key) + ": " + (
                _quote(v) if kind is str else int.__repr__(v) if kind is int
                else "null" if v is None else _json(v, inner)))
        return "{" + inner + ("," + inner).join(parts) + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(type(v) is int for v in value):  # a sense's reports: most of the values
            return "[" + inner + ("," + inner).join(map(int.__repr__, value)) + indent + "]"
        if all(type(v) is str for v in value):  # an expansion's items
            return "[" + inner + ("," + inner).join(map(_quote, value)) + indent + "]"
        return "[" + inner + ("," + inner).join(_json(v, inner) for v in value) + indent + "]"
    raise TypeError(f"not a value of a term object: {type(value).__name__}")
