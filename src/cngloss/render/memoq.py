"""memoq-csv: the appendix as a delimited termbase for memoQ's and Trados MultiTerm's
importers (docs/formats.md, "Termbases"): UTF-8 with a byte order mark (so the importers,
and a spreadsheet, detect the encoding), a header row of field names, one entry a line,
comma-separated, written by ``text.csvcell`` (the one CSV policy: a formula lead guarded).

The field names follow memoQ's own CSV export (``Entry_ID``, ``Entry_Note``, a language
column and its ``_Def``inition column): its importer maps such a header onto the term base
by itself, and MultiTerm's Glossary Converter maps a column a language. A second English
rendering goes in the same cell after ``;`` (memoQ's "split alternatives" option).
"""

from __future__ import annotations

from .appendix import Appendix
from .english import renderings
from ..text.csvcell import record

BOM = "\ufeff"
COLUMNS = ("Entry_ID", "Entry_Note", "Chinese_Simplified", "Chinese_Simplified_Def",
           "Chinese_Simplified_Pinyin", "English", "English_Source")
ALTERNATIVES = "; "


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    rows = [BOM + record(COLUMNS)]
    for entry in appendix.entries:
        term = entry.term
        english = renderings(term)
        forms = ALTERNATIVES.join(term.forms)
        note = f"note {term.note} of {appendix.source}" if (
            term.note is not None and appendix.source and not appendix.for_document) else ""
        rows.append(record([
            term.id, note, forms, term.definition, term.pinyin,
            ALTERNATIVES.join(e.text for e in english),
            " | ".join(e.source for e in english) if any(e.source for e in english) else "",
        ]))
    return "".join(rows)
