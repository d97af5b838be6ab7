"""The search stage of the sourced English renderings (``data/english.yaml``): a query in
English that one of them holds finds the headword it renders, scored as the glossary's own
English is (``match_english``: a whole rendering 74, by its words 68), so that ``three
critical battles`` finds 三大攻坚战 above any fuzzy match on ``three``.

The renderings are indexed as a small glossary of their own (one term per entry of the
file, its renderings as its English), with the index every glossary has; which glossary
entry a hit stands for, and whether its sense is that entry's, the caller decides.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from ..model import SOURCED_ENGLISH, EnglishEntry, Glossary, Rendering, Term
from ..text.query import clean_query
from .index import index_for
from .match_english import match_english
from .query import Query
from .results import Hit, Results


class SourcedHit(NamedTuple):
    """An entry of the file whose renderings match the query: how well, and which one."""

    entry: EnglishEntry
    score: int
    kind: str  # exact or partial
    snippet: str | None

    def hit(self, term: Term) -> Hit:
        """The search hit of ``term`` (the entry a glossary has for the headword, or
        ``corpus.english.file_term``'s), matched on a sourced rendering."""
        return Hit(term, self.score, SOURCED_ENGLISH, "english", self.kind, self.snippet)


_GLOSSARIES: dict[int, tuple[Sequence[EnglishEntry], Glossary]] = {}


def _glossary(entries: Sequence[EnglishEntry]) -> Glossary:
    """The entries as a glossary to index (made once per tuple of entries)."""
    kept = _GLOSSARIES.get(id(entries))
    if kept is not None and kept[0] is entries:
        return kept[1]
    terms = tuple(Term(id=f"e{i}", term=e.term, pinyin="", definition="",
                       english=tuple(Rendering(r.english) for r in e.renderings))
                  for i, e in enumerate(entries))
    glossary = Glossary(Path("english"), terms)
    _GLOSSARIES.clear()
    _GLOSSARIES[id(entries)] = (entries, glossary)
    return glossary


def match_sourced(entries: Sequence[EnglishEntry], query: str) -> list[SourcedHit]:
    """The entries whose renderings match ``query`` (English; nothing for a query without
    Latin letters), best first."""
    q = Query.parse(clean_query(query))
    if not q.has_latin or not entries:
        return []
    glossary = _glossary(entries)
    index = index_for(glossary)
    results = Results(index)
    match_english(index, q.text, results)
    return [SourcedHit(entries[int(hit.term.id[1:])], hit.score, hit.kind, hit.snippet)
            for hit in results.ranked()]
