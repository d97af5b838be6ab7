"""Finding terms from whatever people type: hanzi, pinyin in every form, English.

The index (``index.py``) is built once per glossary from the curated data, or loaded with
the compiled cache; every stage scans its strings at C speed, and Term objects are only
looked at for the hits that are returned, so a query stays fast at 100,000 terms.

A query runs in stages, each only when the one before found nothing:

1. direct keys: exact forms, id, hanzi prefix/substring, pinyin (full, prefix, initials,
   half-typed last syllable, tone marks or numbers, digits for numerals, hanzi mixed in),
   parts, English, tags, definition text. Traditional characters are converted first
   (zhconv-rs, OpenCC dictionaries), but only when the query has characters the index
   does not know.
2. sound-alike: hanzi the index does not know are read by their usual reading (from
   pypinyin's single-character table, kept with the index) and matched as pinyin (a
   homophone typo such as 八有一抄).
3. fuzzy: rapidfuzz against pinyin, headwords and English words, with a threshold that
   rises as the query gets shorter, so one or two letters never match loosely.

Scores run 0-100 in tiers, so an exact match always outranks a partial one, which always
outranks a fuzzy one (README, "Search").
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from itertools import product
from operator import itemgetter
from typing import Callable

from .errors import UsageError
from .index import ByLength, Lines, SearchIndex, decode, english_key, stem
from .model import Glossary, Term
from .pinyin import DIGIT_NUMERALS, decompose, has_tone_marks, is_hanzi
from .query import clean_query
from .quotes import hanzi_key
from .textwidth import safe

_SEPARATORS = " '’-_·.,/"
# Words too common to say which term is meant: never a match on their own.
STOP_WORDS = frozenset("a an and as at by for from in into is of on or the to with".split())


@dataclass(frozen=True)
class Hit:
    """One search result: the term, its score, and what it matched on."""

    term: Term
    score: int
    field: str  # headword, variant, id, printed, pinyin, initials, part, english, tag, definition
    form: str  # how the query was written: hanzi, traditional, pinyin, tone marks, ...
    kind: str  # exact, prefix, initials, partial, homophone, fuzzy
    snippet: str | None = None

    def matched(self) -> dict[str, str | None]:
        return {"field": self.field, "form": self.form, "kind": self.kind,
                "snippet": self.snippet}


# --------------------------------------------------------------------------- query


@dataclass
class Query:
    """A query, normalised, with the facts the stages need."""

    text: str
    has_hanzi: bool
    has_latin: bool

    @classmethod
    def parse(cls, raw: str) -> "Query":
        text = clean_query(raw, compatibility=True)
        return cls(text, any(is_hanzi(ch) for ch in text),
                   any(ch.isascii() and ch.isalpha() or ch.lower() in "üāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
                       for ch in text))


def digit_variants(text: str) -> list[tuple[str, bool]]:
    """Readings of the digits in a query, most likely first: tone numbers or numerals.

    A query that opens with a digit writes numerals (``6wen6bao`` -> ``六wen六bao``,
    ``2buchou3baozhang`` -> ``两buchou三baozhang``); otherwise a digit 1-5 after a letter is
    first read as a tone (``liu4wen3``), then as a numeral. Returns (text, used_numerals).
    """
    parts = re.split(r"(\d+)", text)
    numerals_first = text[:1].isdigit()
    choices: list[list[str]] = []
    for i, piece in enumerate(parts):
        if i % 2 == 0:
            choices.append([piece])
            continue
        numerals = list(DIGIT_NUMERALS.get(piece, ()))
        after_letter = i > 0 and parts[i - 1][-1:].isalpha() and parts[i - 1][-1:].isascii()
        is_tone = after_letter and piece in "12345"
        if not numerals:
            options = [piece]
        elif is_tone:
            options = numerals + [piece] if numerals_first else [piece] + numerals
        else:
            options = numerals
        choices.append(options)
    out: list[tuple[str, bool]] = []
    for combo in product(*choices):
        joined = "".join(combo)
        out.append((joined, joined != text))
        if len(out) >= 8:
            break
    return out


# --------------------------------------------------------------------------- index


_INDEXES: "weakref.WeakKeyDictionary[Glossary, SearchIndex]" = weakref.WeakKeyDictionary()


def index_for(glossary: Glossary) -> SearchIndex:
    """The glossary's search index: from the cache entry it was loaded with, or built on
    first use; kept while the glossary lives."""
    index = _INDEXES.get(glossary)
    if index is None:
        from .cache import pending_index

        blob = pending_index(glossary)
        index = None
        if blob is not None:
            import pickle

            try:
                index = pickle.loads(blob)
                index.glossary = glossary
            except Exception:  # noqa: BLE001 - a damaged cache entry: build afresh
                index = None
        if index is None or index.size != len(glossary.terms):
            index = SearchIndex(glossary)
        _INDEXES[glossary] = index
    return index


# --------------------------------------------------------------------------- search


class _Results:
    """The best match per term, by term index; Hits are made only for what is returned."""

    def __init__(self, index: SearchIndex, limit: int | None = None):
        self.index = index
        self.limit = limit
        self.best: dict[int, tuple] = {}

    def add(self, i: int, score: float, field: str, form: str, kind: str,
            snippet: "str | Callable[[Term], str | None] | tuple | None" = None) -> None:
        score = int(round(max(0, min(100, score))))
        current = self.best.get(i)
        if current is None or score > current[0]:
            self.best[i] = (score, field, form, kind, snippet)

    def score(self, i: int) -> int:
        current = self.best.get(i)
        return current[0] if current else -1

    def ranked(self, limit: int | None = None) -> list[Hit]:
        order = sorted(self.best, key=lambda i: (-self.best[i][0], i))
        if limit is not None:
            order = order[:limit]
        hits = []
        for i in order:
            score, field, form, kind, snippet = self.best[i]
            term = self.index.term(i)
            if callable(snippet):  # worked out only for the hits that are returned
                snippet = snippet(term)
            elif isinstance(snippet, tuple):  # (Lines, line) of a pinyin key
                snippet = snippet[0].key(snippet[1]).strip("|").replace("|", " ")
            hits.append(Hit(term, score, field, form, kind, snippet))
        return hits


def search(glossary: Glossary, query: str, limit: int | None = 10) -> list[Hit]:
    """Terms matching ``query``, best first; each hit says what it matched on.

    Raises UsageError for an empty or overlong query.
    """
    q = Query.parse(query)
    index = index_for(glossary)
    results = _Results(index, limit)
    _direct(index, q, results)
    if not results.best and q.has_hanzi:
        _sound_alike(index, q, results)
    if not results.best:
        _fuzzy(index, q, results)
    return results.ranked(limit)


def suggest(glossary: Glossary, query: str, limit: int = 3) -> list[Term]:
    """The terms closest to a query that matched nothing, for "did you mean"."""
    try:
        q = Query.parse(query)
    except UsageError:
        return []
    index = index_for(glossary)
    results = _Results(index)
    _fuzzy(index, q, results, loose=True)
    return [h.term for h in results.ranked(limit)]


def _direct(index: SearchIndex, q: Query, results: _Results) -> None:
    text = q.text
    form = "hanzi"
    if q.has_hanzi and any(is_hanzi(ch) and ch not in index.known_chars for ch in text):
        converted = to_simplified(text)
        if converted != text:
            text, form = converted, "traditional"
    _exact(index, text, form, results)
    if q.has_hanzi:
        _hanzi(index, text, form, results)
    if q.has_latin or any(ch.isdigit() for ch in text):
        _pinyin(index, text, results)
    if q.has_latin:
        _english(index, text, results)


def _exact(index: SearchIndex, text: str, form: str, results: _Results) -> None:
    for line in index.forms.exact(hanzi_key(text)):
        i, kind = decode(index.forms.owners[line])
        results.add(i, 96 if kind == "variant" else 100, kind, form, "exact")
    for line in index.ids.exact(text.lower()):
        results.add(index.ids.owners[line], 100, "id", "id", "exact")
    for i in index.tags.get(text.lower(), ()):
        results.add(i, 62, "tag", "english", "exact")


def _hanzi(index: SearchIndex, text: str, form: str, results: _Results) -> None:
    key = hanzi_key(text)
    if not key or not all(is_hanzi(ch) or not ch.isalpha() for ch in key):
        return  # mixed hanzi and pinyin: the pinyin stage handles it
    forms = index.forms
    for pos, line in forms.find(key):
        i, kind = decode(forms.owners[line])
        if kind == "printed":
            continue
        prefix = pos == forms.starts[line]
        score = (84 if prefix else 78) - (0 if kind == "headword" else 2)
        if score > results.score(i):
            results.add(i, score, kind, form, "prefix" if prefix else "partial",
                        lambda t, key=forms.key(line): _form_of(t, key))
    for line in index.items.exact(key):
        results.add(index.items.owners[line], 72, "part", form, "exact", key)
    if len(key) >= 2:
        for pos, line in index.items.find(key):
            i = index.items.owners[line]
            if results.score(i) < 66:
                results.add(i, 66, "part", form, "partial", index.items.key(line))
        for pos, line in index.definitions.find(key):
            i = index.definitions.owners[line]
            if results.score(i) < 55:
                results.add(i, 55, "definition", form, "partial",
                            _snippet(index.definitions, pos, len(key), line))


def _form_of(term: Term, key: str) -> str:
    """The headword or variant (as written) whose match key is ``key``."""
    for form in (term.term, *term.variants, term.printed or ""):
        if hanzi_key(form) == key:
            return form
    return key


def _snippet(lines: Lines, pos: int, length: int, line: int, context: int = 12) -> str:
    start = lines.starts[line]
    end = lines.text.index("\n", pos)
    a, b = max(start, pos - context), min(end, pos + length + context)
    return ("…" if a > start else "") + lines.text[a:b] + ("…" if b < end else "")


# --------------------------------------------------------------------------- pinyin


def _pinyin(index: SearchIndex, text: str, results: _Results) -> None:
    """Try each reading of the query's digits, most likely first, until one matches."""
    for variant, numerals in digit_variants(text):
        has_hanzi = any(is_hanzi(ch) for ch in variant)
        if numerals:
            form = "digits"
        elif has_hanzi:
            form = "mixed"
        elif any(ch in "12345" for ch in variant):
            form = "tone numbers"
        elif has_tone_marks(variant):
            form = "tone marks"
        else:
            form = "pinyin"
        before = len(results.best)
        match_pinyin(index, variant, form, results, readings=index.char_readings)
        if len(results.best) > before:
            return


def match_pinyin(index: SearchIndex, text: str, form: str, results: _Results,
                 readings: dict[str, tuple[str, ...]], penalty: int = 0) -> None:
    """Match pinyin (possibly with hanzi mixed in) against every term's syllables.

    Matches from the start of a key are exact, prefix or initials matches; for queries of
    three letters or more, a match may also start inside a key (partial).
    """
    plain, tones = decompose(text)
    tokens = _tokens(plain, readings)
    if tokens is None:
        return
    if len(tokens) == 1 and isinstance(tokens[0], str) and not tones and not penalty:
        _one_letter(index, tokens[0], form, results)
        return
    body = _pattern_body(tokens)
    if body is None:
        return
    typed = _typed_letters(tokens)
    has_literal = any(isinstance(t, tuple) for t in tokens)
    lines = index.pinyin
    text = lines.text
    # A literal first character lets the regex engine skip ahead: "\n|" for keys that
    # must match from their start, "|" when a match may also start inside a key.
    partial = typed >= 3 or has_literal
    pattern = re.compile(body if partial else "\n" + body)
    starts, owners, counts = lines.starts, lines.owners, index.syllable_counts
    best = results.best
    find_line = bisect.bisect_right
    tone_text = "".join(map(str, tones))
    ceiling = 92 - penalty
    for m in pattern.finditer(text):
        begin, end = m.span()
        if not partial:
            begin += 1
        anchored = text[begin - 1] == "\n"
        consumed = text.count("|", begin, end) - 1
        if not anchored and consumed < 2 and typed < 4:
            continue
        line = find_line(starts, begin) - 1
        owner = owners[line]
        i = owner >> 2
        current = best.get(i)
        if current is not None and current[0] >= ceiling:
            continue  # nothing here can do better than what this term has
        in_syllables = end - begin - consumed - 1
        if not anchored:
            score, match_kind, field = 64, "partial", "pinyin"
        elif typed == in_syllables:
            if consumed == counts[line]:
                score, match_kind, field = 90, "exact", "pinyin"
            else:
                score, match_kind, field = 80, "prefix", "pinyin"
        elif typed == consumed:
            score, match_kind, field = 78, "initials", "initials"
        else:
            score, match_kind, field = 78, "prefix", "pinyin"
        if owner & 3 == 1:  # a variant's pinyin
            score -= 2
        if tones:
            first = text.count("|", starts[line], begin)
            mine = index.tones[line][first:first + consumed]
            if len(tones) == len(mine):
                score += 2 if tone_text == mine else -8
        score -= penalty
        if current is None or score > current[0]:
            best[i] = (score, field, form, match_kind, (lines, line))


def _one_letter(index: SearchIndex, letter: str, form: str, results: _Results) -> None:
    """A single letter: the terms whose first syllable starts with it, in three tiers.

    The syllable itself as the whole key is exact (90), as the first of several syllables
    a prefix (80), any other first syllable starting with the letter an initial (78). The
    last tier can be thousands of terms; all share one score and rank in glossary order, so
    the scan stops once the limit is filled.
    """
    lines, text, best = index.pinyin, index.pinyin.text, results.best
    letters = "uv" if letter == "u" else letter
    filled = [sum(1 for v in best.values() if v[0] >= 78)]  # terms already ranked >= 78

    def record(pos: int, score: int, kind: str, field: str) -> None:
        line = bisect.bisect_right(lines.starts, pos) - 1
        owner = lines.owners[line]
        i = owner >> 2
        score -= 2 if owner & 3 == 1 else 0
        current = best.get(i)
        if current is None or score > current[0]:
            if score >= 78 and (current is None or current[0] < 78):
                filled[0] += 1
            best[i] = (score, field, form, kind, (lines, line))

    for ch in letters:
        whole = "\n|" + ch + "|"
        pos = text.find(whole)
        while pos != -1:
            exact = text.startswith("\n", pos + len(whole))
            record(pos + 1, 90 if exact else 80, "exact" if exact else "prefix", "pinyin")
            pos = text.find(whole, pos + 1)
    for m in re.finditer("\n\\|[" + letters + "]", text):
        if results.limit is not None and filled[0] >= results.limit:
            break  # every later 78 ranks below the ones already found
        record(m.start() + 1, 78, "initials", "initials")


def _tokens(plain: str, readings: dict[str, tuple[str, ...]]) -> list | None:
    """Query -> letters, boundaries (" ") and syllable alternatives (tuples, for hanzi)."""
    tokens: list = []
    for ch in plain:
        if ch in _SEPARATORS:
            if tokens and tokens[-1] != " ":
                tokens.append(" ")
        elif is_hanzi(ch):
            options = readings.get(ch)
            if not options:
                return None
            tokens.append(tuple(options))
        elif ch.isascii() and ch.isalpha():
            tokens.append(ch)
        else:
            return None
    while tokens and tokens[-1] == " ":
        tokens.pop()
    while tokens and tokens[0] == " ":
        tokens.pop(0)
    return tokens or None


def _typed_letters(tokens: list) -> int:
    count = 0
    for t in tokens:
        if isinstance(t, tuple):
            count += len(t[0])
        elif t != " ":
            count += 1
    return count


def _pattern_body(tokens: list) -> str | None:
    """A regex over ``|syl|syl|`` keys: each syllable is typed whole or by a prefix.

    Between two typed letters the syllable may end (``(?:[a-z]*\\|)??``), so ``lwlb``,
    ``liuwlb`` and ``liuwenliubao`` all match ``|liu|wen|liu|bao|``; a boundary (space,
    apostrophe, tone number) or a hanzi forces the syllable to end there.
    """
    out = [r"\|"]
    prev = None  # None (syllable start), "letter"
    for t in tokens:
        if t == " ":
            if prev == "letter":
                out.append(r"[a-z]*\|")
            prev = None
        elif isinstance(t, tuple):
            if prev == "letter":
                out.append(r"[a-z]*\|")
            out.append("(?:" + "|".join(re.escape(s) for s in t) + r")\|")
            prev = None
        else:
            if prev == "letter":
                out.append(r"(?:[a-z]*\|)??")  # lazy: stay in the syllable if it can
            out.append("[uv]" if t == "u" else re.escape(t))
            prev = "letter"
    if prev == "letter":
        out.append(r"[a-z]*\|")
    if len(out) > 1200:
        return None
    return "".join(out)


# --------------------------------------------------------------------------- English


def _english(index: SearchIndex, text: str, results: _Results) -> None:
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
                        _rendering_with(index, i, words, prefix_last=len(words[-1]) >= 3))


def _tag_words(index: SearchIndex, words: list[str], results: _Results) -> None:
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


def _rendering_with(index: SearchIndex, i: int, words: list[str],
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


# --------------------------------------------------------------------------- fallbacks


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (zhconv-rs with OpenCC's dictionaries)."""
    try:
        from zhconv_rs_opencc import zhconv
    except ImportError:  # pragma: no cover - a declared dependency
        return text
    return zhconv(text, "zh-Hans")


def _sound_alike(index: SearchIndex, q: Query, results: _Results) -> None:
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


def _fuzzy(index: SearchIndex, q: Query, results: _Results, loose: bool = False) -> None:
    """Typos: edit distance (with transpositions) to pinyin keys, headwords, English words.

    A key is compared whole and by its prefix of the query's length, so a typo in the first
    syllables (``liuwne``) finds the term. ``loose`` (for "did you mean") allows more edits
    (``suggestion_edits``).
    """
    from rapidfuzz import process
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
                            "fuzzy", _rendering_with(index, i, [similar]))


def describe(hit: Hit) -> str:
    """``pinyin (tone numbers, prefix)``: what a hit matched on, for people."""
    details = [d for d in (hit.form, hit.kind)
               if d not in ("hanzi", "pinyin", "english", "id", hit.field)]
    details = list(dict.fromkeys(details))
    return safe(hit.field + (f" ({', '.join(details)})" if details else ""))
