"""The reviewed corrections file: extraction errors that no general rule can repair.

Each entry names the original text (as it reads once page breaks are joined), the
correction and the reason. The parser applies them and records where; ``cngloss check``
reports any correction that no longer applies, so nothing is ever changed silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ReportError
from ..model import Correction
from .files import read_text
from .yaml_reader import BudgetExceeded, Reader, compose

FIELDS = ("original", "corrected", "reason", "count")


def load_corrections(path: str | Path) -> tuple[Correction, ...]:
    """Read a corrections file; any problem with it raises ReportError."""
    path = Path(path)
    text = read_text(path, ReportError, what="corrections")
    root = compose(text, path, ReportError, what="corrections")
    if root is None:
        return ()
    reader = Reader.for_text(path, text)
    try:
        top = reader.mapping(root, None, ("corrections",), required=("corrections",))
        found = reader.items(top["corrections"], "corrections",
                             lambda node: _read_one(reader, node)) if top and "corrections" in top else ()
    except BudgetExceeded:
        reader.problem(root, "YAML aliases expand to far more values than the file holds")
        found = ()
    if reader.problems:
        raise ReportError(reader.problems)
    return found


def _read_one(reader: Reader, node: Any) -> Correction | None:
    fields = reader.mapping(node, "corrections", FIELDS, required=("original", "corrected", "reason"))
    if not fields or not all(k in fields for k in ("original", "corrected", "reason")):
        return None
    original = reader.string(fields["original"], "original")
    corrected = reader.string(fields["corrected"], "corrected", allow_empty=True)
    reason = reader.string(fields["reason"], "reason")
    count = reader.integer(fields["count"], "count") if "count" in fields else 1
    if original is None or corrected is None or reason is None or count is None:
        return None
    return Correction(original, corrected, reason, count, node.line)
