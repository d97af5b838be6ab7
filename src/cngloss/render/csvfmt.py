"""CSV: one row per term, for spreadsheets and flashcard apps (RFC 4180 quoting).

A cell that a spreadsheet would run as a formula (starting with = + - @) is prefixed with
an apostrophe, so hostile text stays text; control characters (which CSV cannot carry: a NUL
is refused outright by some Python versions) are written visibly, as ``\x00``.
"""

from __future__ import annotations

import csv
import io

from .appendix import Appendix
from ..text.escape import safe

COLUMNS = ("id", "note", "term", "pinyin", "english", "definition", "parts", "tags", "related",
           "uses")


def cell(value: object) -> str:
    text = "" if value is None else safe(str(value))
    # (a carriage return never leads: ``safe`` has already written it as ``\x0d``)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t") else text


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    sep = appendix.separator  # items of a cell: never 、, which occurs inside headwords
    for entry in appendix.entries:
        term = entry.term
        parts = "; ".join(
            (f"{p.name}: " if p.name else "") + sep.join(p.items) for p in term.parts)
        writer.writerow([cell(v) for v in (
            term.id, term.note, term.term, term.pinyin,
            "; ".join(e.text for e in term.english), term.definition, parts,
            ", ".join(term.tags), sep.join(r.term for r in entry.related),
            "; ".join(u.label() for u in entry.uses),
        )])
    return buffer.getvalue()
