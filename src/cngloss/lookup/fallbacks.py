"""The stages of search that run only when the direct keys found nothing: sound-alike hanzi
(homophone typos) and typos by edit distance, each after traditional characters are made
simplified (``text.folding``). Their third-party libraries are imported only when a query
gets this far."""

from __future__ import annotations

from operator import itemgetter

from ..text.folding import to_simplified
from ..text.hanzi import hanzi_key
from ..text.pinyin import decompose
from .index import ByLength, SearchIndex, english_key, stem
from .match_english import rendering_with
from .match_pinyin import match_pinyin
from .query import Query
from .results import Results


def match_sound_alike(index: SearchIndex, q: Query, results: Results) -> None:
    """Read unknown hanzi by their usual reading and match by sound: 八有一抄 -> 八有一超.

    The readings come with the index (``SearchIndex.homophones``), so this never imports
    pypinyin and its phrase dictionary.
    """
    text = to_simplified(hanzi_key(q.text))
    readings = index.sounds_of(text)
    match_pinyin(index, text, "homophone", results, readings=readings, penalty=20)
    for i, (score, field, _, _, snippet) in list(results.best.items()):
        results.best[i] = (score, field, "homophone", "homophone", snippet)


def max_edits(length: int) -> int:
    """Typos tolerated in a query of this many letters: none below four, so that one, two
    or three letters never match loosely."""
    if length < 4:
        return 0
    if length < 8:
        return 1
    return 2 if length < 12 else 3


def _fuzzy_score(edits: float, length: int) -> float:
    """Fuzzy hits score 20-50: below every direct match."""
    return 20 + 30 * max(0.0, 1 - edits / max(1, length))


def suggestion_edits(length: int, hanzi: bool) -> int:
    """Edits a "did you mean" suggestion may be away from what was typed, more than a
    search tolerates (``max_edits``) but no further than a reader would call close: a
    third of the letters (``lwiuen`` -> liuwen; ``lvse`` is two letters from ``less`` and
    ``use`` and suggests nothing), or half of the hanzi, each a word-sized unit (八无 ->
    八有一超). Beyond that a suggestion is noise, and none is better."""
    return length // 2 if hanzi else length // 3


def match_fuzzy(index: SearchIndex, q: Query, results: Results, loose: bool = False) -> None:
    """Typos: edit distance (with transpositions) to pinyin keys, headwords, English words.

    A key is compared whole and by its prefix of the query's length, so a typo in the first
    syllables (``liuwne``) finds the term. ``loose`` (for "did you mean") allows more edits
    (``suggestion_edits``).
    """
    from rapidfuzz import process  # lazy: rapidfuzz, for the typo stage only
    from rapidfuzz.distance import OSA

    def matches(query: str, keys: ByLength, edits: int | None = None):
        """(owner, distance) of keys within ``edits`` of the query, whole or by the prefix
        of the query's length."""
        n = len(query)
        if edits is None:
            edits = suggestion_edits(n, hanzi=False) if loose else max_edits(n)
        if not edits or not query:
            return
        a, b = keys.span(n - edits, n + edits)
        for _, distance, k in process.extract(query, keys.keys[a:b], scorer=OSA.distance,
                                              score_cutoff=edits, limit=None):
            yield keys.owners[a + k], distance
        c, _ = keys.span(n + 1)
        prefixes = list(map(itemgetter(slice(None, n)), keys.keys[c:]))
        for _, distance, k in process.extract(query, prefixes, scorer=OSA.distance,
                                              score_cutoff=edits, limit=None):
            yield keys.owners[c + k], distance

    if q.has_hanzi:
        key = hanzi_key(to_simplified(q.text))
        # A hanzi is a word-sized unit: one wrong character in three is already a lot.
        edits = suggestion_edits(len(key), hanzi=True) if loose else (1 if len(key) >= 3 else 0)
        for i, distance in matches(key, index.fuzzy_headwords, edits):
            results.add(i, _fuzzy_score(distance, len(key)), "headword", "hanzi", "fuzzy",
                        lambda t: t.term)
        return
    letters = "".join(ch for ch in decompose(q.text)[0] if ch.isascii() and ch.isalpha())
    for i, distance in matches(letters, index.fuzzy_pinyin):
        results.add(i, _fuzzy_score(distance, len(letters)), "pinyin", "pinyin", "fuzzy",
                    lambda t: t.pinyin)
    for word in (w for w in english_key(q.text).split() if len(w) >= 3):
        for w, distance in matches(stem(word), index.fuzzy_words):
            similar = index.vocabulary[w]
            for i in index.postings[similar]:
                results.add(i, _fuzzy_score(distance, len(word)), "english", "english",
                            "fuzzy", rendering_with(index, i, [similar]))
