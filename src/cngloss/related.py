"""The cross-reference neighbourhood of a term, as a tree of plain dictionaries."""

from __future__ import annotations

from typing import Any

from .model import Glossary, Term


def neighbourhood(glossary: Glossary, term: Term, depth: int = 2) -> dict[str, Any]:
    """The term, the terms related to it, and theirs, ``depth`` levels down.

    A term already on the path from the root is not repeated below itself, so cycles
    (A - B - A) end; a term may still appear under two different branches.
    """

    def node(t: Term, level: int, path: tuple[str, ...]) -> dict[str, Any]:
        children = []
        if level < depth:
            for other in glossary.related(t):
                if other.id not in path:
                    children.append(node(other, level + 1, path + (other.id,)))
        return {"id": t.id, "note": t.note, "term": t.term, "tags": list(t.tags),
                "related": children}

    return node(term, 0, (term.id,))
