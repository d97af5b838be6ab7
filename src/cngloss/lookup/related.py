"""The cross-reference neighbourhood of a term, as a tree."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Glossary, Term


class Node(NamedTuple):
    """A term in a neighbourhood, with the related terms below it."""

    term: Term
    related: tuple["Node", ...]


def neighbourhood(glossary: Glossary, term: Term, depth: int = 2) -> Node:
    """The term, the terms related to it, and theirs, ``depth`` levels down.

    A term already on the path from the root is not repeated below itself, so cycles
    (A - B - A) end; a term may still appear under two different branches.
    """
    def node(t: Term, level: int, path: tuple[str, ...]) -> Node:
        children = []
        if level < depth:
            for other in glossary.related(t):
                if other.id not in path:
                    children.append(node(other, level + 1, path + (other.id,)))
        return Node(t, tuple(children))

    return node(term, 0, (term.id,))
