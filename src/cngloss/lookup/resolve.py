"""Resolving what a user typed to one term: its id, else the best search hit (a tie is ambiguous)."""

from __future__ import annotations

from typing import Callable, NamedTuple

from ..errors import AmbiguousError, NotFoundError
from ..model import Glossary, Term
from .search import search, suggest
from ..text.escape import shell_word
from ..text.query import clean_query

# Kinds of match that stand for another text than the one typed: showing their term
# without a word would let a user quote 八有一超 believing they looked up 八有一朝.
GUESSES = ("fuzzy", "homophone")


class Resolved(NamedTuple):
    """The term a query names, and whether it is only the closest guess at it."""

    term: Term
    query: str
    guessed: bool = False

    def note(self) -> str | None:
        """What to tell a user shown another term than the one typed (None if typed)."""
        return guess_note(self.term, self.query) if self.guessed else None


def guess_note(term: Term, query: str) -> str:
    """What to tell a user shown ``term`` as the closest match to what they typed."""
    return f"showing {term.term} ({term.pinyin}), the closest match to {query!r}"


def tie_message(query: str, count: int) -> str:
    """Why a query that fits several terms equally well names none of them."""
    return f"{query!r} fits {count} terms equally well; name one of them"


def resolve(glossary: Glossary, query: str,
            report_uses: Callable[[str], bool] | None = None) -> Resolved:
    """The one term ``query`` names; NotFoundError if none or several (see ``not_found``).

    An id names its term; anything else goes through search, where an exact headword,
    printed form or variant scores highest and a tie is ambiguous. A typo or homophone
    match resolves too, marked ``guessed``. ``report_uses`` (does the report body use
    this text?) lets a miss point to ``cngloss grep`` for a word that is not a term.
    """
    query = clean_query(query)
    term = glossary.get(query)
    if term is not None:
        return Resolved(term, query)
    hits = search(glossary, query, limit=10)
    if not hits:
        raise not_found(glossary, query, report_uses)
    best = [h for h in hits if h.score == hits[0].score]
    if len(best) > 1:
        raise AmbiguousError(tie_message(query, len(best)),
                             candidates=tuple(h.term.id for h in best))
    return Resolved(hits[0].term, query, guessed=hits[0].kind in GUESSES)


def resolve_term(glossary: Glossary, query: str) -> Term:
    """The one term ``query`` names; NotFoundError (with suggestions) if none or several."""
    return resolve(glossary, query).term


def not_found(glossary: Glossary, query: str,
              report_uses: Callable[[str], bool] | None = None) -> NotFoundError:
    """The error for a query no term matches.

    A word the report body uses but the glossary does not define (双区) is not a typo:
    say so and point to ``cngloss grep``, which shows where it is used. Otherwise offer
    the closest terms, if any is close enough to be meant (``search.suggest``).
    """
    if report_uses is not None and report_uses(query):
        return NotFoundError(f"{query!r} is not a glossary term",
                             hint=f"the report uses it: cngloss grep {shell_word(query)}")
    return NotFoundError(f"no term matches {query!r}", suggestions=_closest(glossary, query))


def _closest(glossary: Glossary, query: str) -> tuple[str, ...]:
    return tuple(t.term for t in suggest(glossary, query, limit=3))
