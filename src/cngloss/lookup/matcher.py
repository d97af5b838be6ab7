"""Every use of a list of terms in any text, in one pass: the matcher behind ``annotate``.

All the forms of all the terms (headwords and variants, and with ``parts`` the numbered
slogans and items they expand) go into one Aho-Corasick automaton (ahocorasick_rs, chosen
by measurement: docs/development.md, "Dependencies, and why"), which is run over the document's search
text (``text.matching.SearchText``: quotes and footnote markers set aside, traditional
characters folded, offsets mapped back).
Matches are leftmost-longest and do not overlap: where terms overlap, the one that starts
first wins, and of those the longest, so 新时代枫桥经验 is one find, not also 枫桥经验.

The matcher takes any sequence of terms: the bundled glossary, a ``--glossary`` file, or
terms gathered from elsewhere.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from functools import cached_property
from itertools import chain, repeat
from operator import add
from typing import NamedTuple, overload

from ..collector import paused as collector_paused  # the collector off while the matcher
# makes many objects that cannot form cycles (strings, ints, the automaton's tuples): their
# allocations set off collections that walked every live object again and again, a quarter
# of the time of 100,000 terms over a million characters
from ..model import Term
from ..text.folding import fold_text, traditional_folding
from ..text.hanzi import CLOSING, OPENING, strip_quotes
from ..text.lines import LineTable
from ..text.matching import QUOTE_RUN, SearchText, widen_to_quotes


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
        with collector_paused():
            self.owners, forms, owner_of = _forms(terms, parts)
            self.needles, self.needle_owners = _needles(forms, owner_of)
        self._automaton = None

    @property
    def automaton(self):
        if self._automaton is None:
            import ahocorasick_rs  # lazy: the automaton, for annotate only

            # The contiguous NFA: about as quick to build as the default, and a fifth
            # quicker to search (docs/development.md, "Dependencies, and why").
            self._automaton = ahocorasick_rs.AhoCorasick(
                self.needles, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                implementation=ahocorasick_rs.Implementation.ContiguousNFA)
        return self._automaton

    def find(self, text: str) -> "Matches":
        """Every use of the terms in ``text``, in order."""
        if not self.needles or not text:
            return Matches(text, self.owners, [])
        search = SearchText(text, traditional_folding(text))
        with collector_paused():  # half a million tuples, gone before it runs again
            found = self.automaton.find_matches_as_indexes(search.text)
            needles, starts, ends = zip(*found) if found else ((), (), ())  # one pass
            del found
            owners = array("l", map(self.needle_owners.__getitem__, needles))
            spans = (array("l", starts), array("l", ends))
            del needles, starts, ends
        return Matches(text, self.owners, owners, spans, search)


def _forms(terms: Sequence[Term], parts: bool) -> tuple["Owners", list[str], list[int]]:
    """Every form to look for, in order of precedence (every term's own forms, then with
    ``parts`` their parts), with the index of its owner in the owners returned. Built in
    C-speed passes, with no object per term: 100,000 terms took a fifth of a second more."""
    terms = list(terms)
    variants = [term.variants for term in terms]
    # a term's own forms first: they win over another term's part
    forms = list(chain.from_iterable(map(chain, zip([term.term for term in terms]), variants)))
    owner_of = list(chain.from_iterable(map(repeat, range(len(terms)),
                                            map(add, map(len, variants), repeat(1)))))
    pieces: list[tuple[Term, str]] = []
    if parts:
        for term in terms:
            for part in term.parts:
                for piece in ((part.name,) if part.name else ()) + part.items:
                    owner_of.append(len(terms) + len(pieces))
                    pieces.append((term, piece))
                    forms.append(piece)
    return Owners(terms, pieces), forms, owner_of


class Owners(Sequence[Owner]):
    """Who owns each needle: the terms (their own forms), then the parts of terms; an Owner
    is made only when one is looked at."""

    def __init__(self, terms: list[Term], pieces: list[tuple[Term, str]]):
        self.terms, self.pieces = terms, pieces

    def __len__(self) -> int:
        return len(self.terms) + len(self.pieces)

    @overload
    def __getitem__(self, k: int) -> Owner: ...

    @overload
    def __getitem__(self, k: slice) -> list[Owner]: ...

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if 0 <= k < len(self.terms):
            return Owner(self.terms[k], None)
        return Owner(*self.pieces[k - len(self.terms)])


_JOIN = "\0"  # between forms while they are cleaned in one go (no form has one, or see below)


def _needles(forms: list[str], owner_of: list[int]) -> tuple[list[str], list[int]]:
    """The distinct needles the forms become, each with its owner (the first form's): quotes
    taken out, spaces trimmed, and folded as documents are (a traditional variant becomes its
    headword: one needle for both, and the same folding on both sides). Empty needles and
    needles across lines are left out. All forms are cleaned as one string, in C-speed
    passes: 100,000 terms' forms one at a time took most of a second."""
    joined = _JOIN.join(forms)
    if joined.count(_JOIN) != len(forms) - 1:  # a form with the separator in it: one by one
        cleaned = [strip_quotes(form).strip() for form in forms]
        fold = traditional_folding("".join(cleaned))
        cleaned = [fold_text(needle, fold) for needle in cleaned]
    else:
        joined = re.sub(QUOTE_RUN, "", joined)  # strip_quotes, for a long text
        joined = joined.translate(traditional_folding(joined))  # dense here: translate wins
        cleaned = list(map(str.strip, joined.split(_JOIN)))
    # The first form of a needle owns it: built from the end, the first assignment is last.
    owner_by_needle = dict(zip(reversed(cleaned), reversed(owner_of)))
    owner_by_needle.pop("", None)
    if "\n" in joined:
        for needle in [n for n in owner_by_needle if "\n" in n]:
            del owner_by_needle[needle]
    return list(owner_by_needle), list(owner_by_needle.values())


class Matches(Sequence[Occurrence]):
    """The uses found in a text, kept as arrays of numbers (a 100,000-term glossary matches
    every other character of a text: an object per use is made only when one is looked at,
    and arrays, unlike lists, are nothing the garbage collector walks). ``indexes`` are the
    owners of the uses; ``spans`` their starts and ends in ``search``'s text, mapped to the
    document's offsets (``starts``, ``ends``) all at once only when all are needed: the table
    of terms needs only each term's first use."""

    def __init__(self, text: str, owners: Sequence[Owner], indexes: Sequence[int],
                 spans: tuple[Sequence[int], Sequence[int]] = ((), ()),
                 search: SearchText | None = None):
        self.text, self.owners, self.indexes = text, owners, indexes
        self.spans, self.search = spans, search

    @cached_property
    def starts(self) -> Sequence[int]:
        return self._offsets[0]

    @cached_property
    def ends(self) -> Sequence[int]:
        return self._offsets[1]

    @cached_property
    def _offsets(self) -> tuple[Sequence[int], Sequence[int]]:
        if self.search is None:
            return self.spans
        with collector_paused():
            starts, ends = self.search.originals(*self.spans)
            return array("l", starts), array("l", ends)

    def span(self, k: int) -> tuple[int, int]:
        """The k-th use's start and end in the document (before widening to quotes)."""
        if "_offsets" in self.__dict__ or self.search is None:
            return self.starts[k], self.ends[k]
        return (self.search.offset(self.spans[0][k]),
                self.search.offset(self.spans[1][k], end=True))

    def __len__(self) -> int:
        return len(self.indexes)

    @overload
    def __getitem__(self, k: int) -> Occurrence: ...

    @overload
    def __getitem__(self, k: slice) -> list[Occurrence]: ...

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        text, (start, end) = self.text, self.span(k)
        if (start and text[start - 1] in OPENING) or (end < len(text) and text[end] in CLOSING):
            start, end = widen_to_quotes(text, start, end)
        line, column = self.line_table.locate(start)
        owner = self.owners[self.indexes[k]]
        return Occurrence(start, end, line, column, owner.term, text[start:end], owner.part)

    @cached_property
    def line_table(self) -> LineTable:
        return LineTable(self.text)

    @cached_property
    def lines(self) -> list[int]:
        """The line of each use (a quote widening a use never moves it to another line)."""
        return self.line_table.lines(self.starts)

