"""The JSON contract: how terms, passages and problems are written for machines.

Every command with ``--json`` builds its output from these functions, so a term looks the
same wherever it appears. The README ("JSON contract") documents these shapes; changing
one is a breaking change.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import Problem
from .model import Glossary, Passage, Term


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
