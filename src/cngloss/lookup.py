"""Resolving what a user typed to one term: exact forms first, then search."""

from __future__ import annotations

from .errors import AmbiguousError, NotFoundError
from .query import clean_query
from .model import Glossary, Term
from .quotes import strip_quotes


def normalize_query(query: str) -> str:
    """The query cleaned for matching (see ``query.clean_query``); empty is a usage error."""
    return clean_query(query)


def exact_match(glossary: Glossary, query: str) -> Term | None:
    """The term whose id, headword, printed form or variant is exactly ``query``."""
    key = strip_quotes(query)
    for term in glossary.terms:
        if query == term.id or key in (strip_quotes(f) for f in term.forms) or \
                (term.printed and key == strip_quotes(term.printed)):
            return term
    return None


def resolve_term(glossary: Glossary, query: str) -> Term:
    """The one term ``query`` names; NotFoundError (with suggestions) if none or several."""
    query = normalize_query(query)
    term = exact_match(glossary, query)
    if term is not None:
        return term
    from .search import search  # the index is only built when an exact look-up fails

    hits = search(glossary, query, limit=10)
    if not hits:
        raise NotFoundError(f"no term matches {query!r}", suggestions=_closest(glossary, query))
    best = [h for h in hits if h.score == hits[0].score]
    if len(best) > 1:
        raise AmbiguousError(f"{query!r} fits {len(best)} terms equally well; name one of them",
                             candidates=tuple(h.term.id for h in best))
    return hits[0].term


def _closest(glossary: Glossary, query: str) -> tuple[str, ...]:
    from .search import suggest

    return tuple(t.term for t in suggest(glossary, query, limit=3))
