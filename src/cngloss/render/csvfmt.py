"""CSV: one row per term, for spreadsheets and flashcard apps, written by ``text.csvcell``
(the one CSV policy, docs/commands.md, "CSV": RFC 4180 quoting, CRLF, a formula lead guarded with an
apostrophe, control characters written visibly, as ``\\x00``)."""

from __future__ import annotations

from .appendix import Appendix
from ..text.csvcell import record

COLUMNS = ("id", "note", "term", "pinyin", "english", "definition", "parts", "tags", "related",
           "uses")


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    sep = appendix.separator  # items of a cell: never 、, which occurs inside headwords
    rows = [record(COLUMNS)]
    for entry in appendix.entries:
        term = entry.term
        parts = "; ".join(
            (f"{p.name}: " if p.name else "") + sep.join(p.items) for p in term.parts)
        rows.append(record([
            term.id, term.note, term.term, term.pinyin,
            "; ".join(e.text for e in term.english), term.definition, parts,
            ", ".join(term.tags), sep.join(r.term for r in entry.related),
            "; ".join(u.label() for u in entry.uses),
        ]))
    return "".join(rows)
