"""CSV cells and records: the one policy for every CSV cngloss writes (docs/commands.md, "CSV").

- A text cell is written safe (``escape.safe``: control characters visible, ``\\x1b``; tab and
  line feed kept) and, when it then begins with ``= + - @``, a tab, a carriage return or a
  line feed, with an apostrophe before it, so a spreadsheet reads it as text and never runs
  it as a formula (OWASP, "CSV Injection").
- A number cngloss computed (an int or a float: a year, an offset, a rate) is written as it
  is, so ``-3`` stays a number; ``None`` is an empty cell.
- A cell holding a comma, a double quote, a carriage return or a line feed is quoted, its
  double quotes doubled (RFC 4180, as the csv module's minimal quoting writes it); a record
  ends in CRLF (RFC 4180).

Written by hand, not with the csv module: its writer checks every character of every field
through a function call, which was a third of the CPU of ``grep --csv`` of a common term.
"""

from __future__ import annotations

from typing import Iterable

from .escape import safe

# The first characters a spreadsheet takes as the start of a formula (OWASP).
FORMULA_LEADS = frozenset("=+-@\t\r\n")
TERMINATOR = "\r\n"


def inert(text: str) -> str:
    """``text`` as a text cell holds it, before quoting: safe, and with an apostrophe before
    a formula lead."""
    text = safe(text)
    return "'" + text if text[:1] in FORMULA_LEADS else text


def quoted(text: str) -> str:
    """``text`` as one field: quoted, its double quotes doubled, when it must be."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def cell(value: object) -> str:
    """One field: a number as it is, ``None`` empty, anything else a guarded text cell."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    return quoted(inert(str(value)))


def record(fields: Iterable[object]) -> str:
    """One CSV record, ending in CRLF."""
    return ",".join(map(cell, fields)) + TERMINATOR


def offset_in_cell(text: str, index: int) -> int:
    """Where ``text[index]`` stands in ``inert(text)`` (``safe`` rewrites character by
    character, so the cell's tail after that point is ``safe(text[index:])``)."""
    return len(inert(text)) - len(safe(text[index:]))
