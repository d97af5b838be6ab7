"""What each command asks of a corpus, answered in one call: the command line parses its
arguments, makes one of these calls, and prints the result (README, "Architecture").

A query that finds nothing still returns its result (``search --json`` prints an empty
list) together with the error that says so, which the caller raises once it has printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..errors import NotFoundError, UsageError
from ..lookup.resolve import not_found, resolve
from ..lookup.search import Hit, search
from ..model import Passage, Term
from ..text.query import clean_query
from .load import Corpus, check_context

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..lookup.related import Node


class Shown(NamedTuple):
    """A term resolved from what was typed, with the passages that use it (None: no report).

    ``guess`` says which term is shown for a typo or homophone (None when it was typed)."""

    term: Term
    passages: list[Passage] | None
    guess: str | None
    report_name: str | None


class Related(NamedTuple):
    """A term's cross-reference tree; ``guess`` as in ``Shown``."""

    tree: "Node"
    guess: str | None


class Found(NamedTuple):
    """Search hits for a query, best first; ``missing`` is the error to raise when there are
    none (with suggestions, or a pointer to ``grep`` for a word the report uses)."""

    query: str
    hits: list[Hit]
    missing: NotFoundError | None


class GrepResult(NamedTuple):
    """Where a word or phrase is used: the passages, and in each the glossary terms it uses
    (glossary order) and their spans (for highlighting); ``missing`` as in ``Found``."""

    query: str
    passages: list[Passage]
    terms: list[list[Term]]
    term_spans: list[list[tuple[int, int]]]
    missing: NotFoundError | None

    @property
    def count(self) -> int:
        """Uses of the query (a passage may hold several)."""
        return sum(len(p.spans) for p in self.passages)


def show(corpus: Corpus, query: str, context: str = "sentence") -> Shown:
    """The term ``query`` names and every passage that uses it (NotFoundError if none)."""
    check_context(context)
    resolved = resolve(corpus.glossary, query, report_uses=corpus.uses)
    report = corpus.report
    passages = corpus.passages(resolved.term, context) if report else None
    return Shown(resolved.term, passages, resolved.note(), report.path.name if report else None)


def find(corpus: Corpus, query: str, limit: int | None = 10) -> Found:
    """Terms matching ``query``, best first (UsageError for an empty or overlong query)."""
    text = clean_query(query)
    hits = search(corpus.glossary, text, limit=limit)
    missing = None if hits else not_found(corpus.glossary, text, report_uses=corpus.uses)
    return Found(text, hits, missing)


def grep(corpus: Corpus, text: str) -> GrepResult:
    """Every sentence of the report body that uses ``text`` (any words, not only terms),
    with the glossary terms each of those sentences uses.

    The text is cleaned like a query and its spaces are treated as the report's are
    (``12.3 万吨`` finds ``12.3万吨``). UsageError for an empty query, or when the glossary
    names no report.
    """
    # lazy: the passage matcher and the spacing rules, for grep only
    from ..lookup.passages import find_keys
    from ..text.matching import find_spans
    from ..text.spacing import normalize_spaces

    needle = normalize_spaces(clean_query(text))
    if corpus.finder is None:
        raise UsageError("this glossary names no report to search (add 'report:' to it)")
    passages = corpus.finder.find([needle])
    terms = corpus.glossary.terms
    found = find_keys([p.text for p in passages], {i: t.forms for i, t in enumerate(terms)})
    forms = [f for t in terms for f in t.forms]
    missing = None if passages else \
        NotFoundError(f"{needle!r} does not occur in the report body")
    return GrepResult(needle, passages, [[terms[i] for i in sorted(keys)] for keys in found],
                      [find_spans(p.text, forms) for p in passages], missing)


def related(corpus: Corpus, query: str, depth: int = 2) -> Related:
    """The cross-reference neighbourhood of the term ``query`` names, ``depth`` levels."""
    from ..lookup.related import neighbourhood  # lazy: for related only

    resolved = resolve(corpus.glossary, query, report_uses=corpus.uses)
    return Related(neighbourhood(corpus.glossary, resolved.term, depth), resolved.note())
