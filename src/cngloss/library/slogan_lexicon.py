"""The lexicon of collection-attested slogans: the numbered forms that the reports of a
library, other than the one being read, attest as slogans.

One report cannot tell a bare numeral word used once and unquoted (四害, 三农, 四乱) from a
quantity; the collection can. A form is attested when the finder found it (quoted, defined,
named as a task or by its shape) in the reports of at least ``places`` distinct places, or
when some report's notes define it as a headword. The evidence must come from other reports:
``exclude`` leaves the reports being read out; a document whose report is not known may be
one of the library's, so the caller asks one place more (docs/discover.md, "The lexicon of
the collection").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..discover.slogans import NUMERALS

MIN_PLACES = 2  # distinct places besides the report being read


def attested_forms(db: sqlite3.Connection, exclude: Iterable[int] = (),
                   places: int = MIN_PLACES) -> set[str]:
    """The numbered forms found in the reports of ``places`` or more distinct places, and the
    numbered headwords some report's notes define, the reports ``exclude`` left out."""
    left_out = sorted(set(exclude))
    marks = ",".join("?" * len(left_out))
    where = f"WHERE s.report_id NOT IN ({marks})" if left_out else ""
    found = {term for (term,) in db.execute(
        f"SELECT s.term FROM slogan s JOIN report r ON r.id = s.report_id {where} "
        "GROUP BY s.term HAVING COUNT(DISTINCT r.place) >= ?", (*left_out, places))}
    note_where = f"AND report_id NOT IN ({marks})" if left_out else ""
    found |= {headword for (headword,) in db.execute(
        f"SELECT DISTINCT headword FROM note WHERE headword IS NOT NULL {note_where}",
        left_out)}
    return {form for form in found if len(form) >= 2 and form[0] in NUMERALS}
