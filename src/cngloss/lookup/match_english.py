"""The English stage of search: a whole rendering, its words (the last one as a prefix),
and tags; the snippet is the rendering that matched."""

from __future__ import annotations

import bisect
import re
from typing import Callable

from ..model import Term
from .index import SearchIndex, english_key, stem
from .results import Results

# Words too common to say which term is meant: never a match on their own.
STOP_WORDS = frozenset("a an and as at by for from in into is of on or the to with".split())


def match_english(index: SearchIndex, text: str, results: Results) -> None:
    norm = english_key(text)
    if not norm:
        return
    for line in index.english.exact(" ".join(stem(w) for w in norm.split())):
        i = index.english.owners[line]
        results.add(i, 74, "english", "english", "exact", _rendering_at(index, line))
    words = [stem(w) for w in norm.split() if w not in STOP_WORDS]
    if not words or len(words) == 1 and len(words[0]) < 3:
        return  # stop words, or one or two letters, are never an English word match
    _tag_words(index, words, results)
    candidates: set[int] | None = None
    for k, word in enumerate(words):
        found = set(index.postings.get(word, ()))
        if k == len(words) - 1 and len(word) >= 3:
            at = bisect.bisect_left(index.vocabulary, word)
            while at < len(index.vocabulary) and index.vocabulary[at].startswith(word):
                found.update(index.postings[index.vocabulary[at]])
                at += 1
        candidates = found if candidates is None else candidates & found
        if not candidates:
            return
    for i in candidates or ():
        if results.score(i) < 68:
            results.add(i, 68, "english", "english", "partial",
                        rendering_with(index, i, words, prefix_last=len(words[-1]) >= 3))


def _tag_words(index: SearchIndex, words: list[str], results: Results) -> None:
    """``poverty`` finds the terms tagged ``poverty-alleviation`` (below an exact tag)."""
    for tag, owners in index.tags.items():
        parts = [stem(p) for p in re.split(r"[-_\s]+", tag) if p]
        if all(any(p == w or (len(w) >= 3 and p.startswith(w)) for p in parts) for w in words):
            for i in owners:
                if results.score(i) < 60:
                    results.add(i, 60, "tag", "english", "partial", tag)


def _english_lines(index: SearchIndex, i: int) -> range:
    """The lines of ``index.english`` that hold term ``i``'s renderings, in their order
    (one line per rendering, terms in glossary order)."""
    owners = index.english.owners
    return range(bisect.bisect_left(owners, i), bisect.bisect_right(owners, i))


def _rendering_at(index: SearchIndex, line: int) -> Callable[[Term], str | None]:
    """The snippet of an exact English match: the rendering on that very line."""
    nth = line - _english_lines(index, index.english.owners[line]).start
    return lambda term: term.english[nth].text if nth < len(term.english) else None


def rendering_with(index: SearchIndex, i: int, words: list[str],
                    prefix_last: bool = False) -> Callable[[Term], str | None]:
    """The snippet of a match by words: the rendering of term ``i`` whose own (stemmed)
    words hold the most query words, the first of them on a tie. A term matches by the
    words of all its renderings together, so the one that holds them all is the one
    that matched; ``prefix_last``: the last word may be the start of a word."""

    def held(have: list[str]) -> int:
        last = len(words) - 1
        return sum(1 for k, w in enumerate(words)
                   if w in have or (prefix_last and k == last
                                    and any(h.startswith(w) for h in have)))

    def pick(term: Term) -> str | None:
        lines = _english_lines(index, i)
        if not lines:
            return None
        best = max(lines, key=lambda line: (held(index.english.key(line).split()), -line))
        nth = best - lines.start
        return term.english[nth].text if nth < len(term.english) else None

    return pick
