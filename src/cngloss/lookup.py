"""Resolving what a user typed to one term: its id, else the best search hit (a tie is ambiguous)."""

from __future__ import annotations

from .errors import AmbiguousError, NotFoundError
from .model import Glossary, Term
from .query import clean_query


def resolve_term(glossary: Glossary, query: str) -> Term:
    """The one term ``query`` names; NotFoundError (with suggestions) if none or several.

    An id names its term; anything else goes through search, where an exact headword,
    printed form or variant scores highest and a tie is ambiguous.
    """
    query = clean_query(query)
    term = glossary.get(query)
    if term is not None:
        return term
    from .searching import search

    hits = search(glossary, query, limit=10)
    if not hits:
        raise NotFoundError(f"no term matches {query!r}", suggestions=_closest(glossary, query))
    best = [h for h in hits if h.score == hits[0].score]
    if len(best) > 1:
        raise AmbiguousError(f"{query!r} fits {len(best)} terms equally well; name one of them",
                             candidates=tuple(h.term.id for h in best))
    return hits[0].term


def _closest(glossary: Glossary, query: str) -> tuple[str, ...]:
    from .searching import suggest

    return tuple(t.term for t in suggest(glossary, query, limit=3))
