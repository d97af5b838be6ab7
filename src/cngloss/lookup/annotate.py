"""Every use of a list of terms in any text, in one pass: the matcher behind ``annotate``.

All the forms of all the terms (headwords and variants, and with ``parts`` the numbered
slogans and items they expand) go into one Aho-Corasick automaton (ahocorasick_rs, chosen
by measurement: README, "Dependencies, and why"), which is run over the document's search
text (``search_text``: quotes and footnote markers out, traditional characters folded).
Matches are leftmost-longest and do not overlap: where terms overlap, the one that starts
first wins, and of those the longest, so 新时代枫桥经验 is one find, not also 枫桥经验.

The matcher takes any sequence of terms: the bundled glossary, a ``--glossary`` file, or
terms gathered from elsewhere.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple, overload

from ..model import Term
from ..text.hanzi import CLOSING, OPENING, strip_quotes
from .passages import widen_to_quotes
from .search_text import SearchText, fold_text, value_at_each_offset, traditional_folding


class Occurrence(NamedTuple):
    """One use of a term in a document: ``text[start:end]`` of the document's text (end
    exclusive, quotes that belong to it included), on ``line`` at ``column`` (both from 1,
    columns in characters). ``part`` is the part (slogan or item) that was found, when a
    term's part stands alone and parts were asked for; None for the term itself."""

    start: int
    end: int
    line: int
    column: int
    term: Term
    text: str
    part: str | None = None


class Owner(NamedTuple):
    term: Term
    part: str | None


class TermMatcher:
    """Built once for a list of terms; ``find`` runs it over any number of texts."""

    def __init__(self, terms: Sequence[Term], parts: bool = False):
        owners: dict[str, Owner] = {}
        for term in terms:  # a term's own forms first: they win over another term's part
            for form in term.forms:
                owners.setdefault(strip_quotes(form).strip(), Owner(term, None))
        if parts:
            for term in terms:
                for part in term.parts:
                    for piece in ((part.name,) if part.name else ()) + part.items:
                        owners.setdefault(strip_quotes(piece).strip(), Owner(term, piece))
        owners = {needle: owner for needle, owner in owners.items()
                  if needle and "\n" not in needle}
        # Forms are folded as documents are (a traditional variant becomes its headword):
        # one needle for both, and the same folding on both sides.
        fold = traditional_folding("".join(owners))
        if fold:
            folded: dict[str, Owner] = {}
            for needle, owner in zip(fold_text("\n".join(owners), fold).split("\n"),
                                     owners.values()):
                folded.setdefault(needle, owner)
            owners = folded
        self.needles = list(owners)
        self.owners = list(owners.values())
        self._automaton = None

    @property
    def automaton(self):
        if self._automaton is None:
            import ahocorasick_rs  # lazy: the automaton, for annotate only

            self._automaton = ahocorasick_rs.AhoCorasick(
                self.needles, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        return self._automaton

    def find(self, text: str) -> "Matches":
        """Every use of the terms in ``text``, in order."""
        if not self.needles or not text:
            return Matches(text, self.owners, [], [], [])
        search = SearchText(text, traditional_folding(text))
        found = self.automaton.find_matches_as_indexes(search.text)
        starts, ends = search.originals(list(map(itemgetter(1), found)),
                                        list(map(itemgetter(2), found)))
        return Matches(text, self.owners, list(map(itemgetter(0), found)), starts, ends)


class Matches(Sequence[Occurrence]):
    """The uses found in a text, kept as parallel lists (a 100,000-term glossary matches every
    other character of a text: an object per use is made only when one is looked at)."""

    def __init__(self, text: str, owners: list[Owner], indexes: list[int], starts: list[int],
                 ends: list[int]):
        self.text, self.owners = text, owners
        self.indexes, self.starts, self.ends = indexes, starts, ends

    def __len__(self) -> int:
        return len(self.indexes)

    @overload
    def __getitem__(self, k: int) -> Occurrence: ...

    @overload
    def __getitem__(self, k: slice) -> list[Occurrence]: ...

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        text, start, end = self.text, self.starts[k], self.ends[k]
        if (start and text[start - 1] in OPENING) or (end < len(text) and text[end] in CLOSING):
            start, end = widen_to_quotes(text, start, end)
        line = bisect.bisect_right(self.line_starts, start)
        owner = self.owners[self.indexes[k]]
        return Occurrence(start, end, line, start - self.line_starts[line - 1] + 1, owner.term,
                          text[start:end], owner.part)

    @cached_property
    def line_starts(self) -> list[int]:
        return LineTable(self.text).starts

    @cached_property
    def lines(self) -> list[int]:
        """The line of each use (a quote widening a use never moves it to another line)."""
        line_starts = self.line_starts
        line_at = value_at_each_offset(line_starts, range(1, len(line_starts) + 1),
                                       len(self.text) + 1)
        return list(map(line_at.__getitem__, self.starts))


class LineTable:
    """Offsets to (line, column), both from 1."""

    def __init__(self, text: str):
        self.starts = [0]
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
