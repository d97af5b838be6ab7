"""Finding terms from whatever people type: hanzi, pinyin in every form, English.

The index is built once per glossary from the curated data (no pypinyin): exact-form
dictionaries, and one newline-separated string per kind of key (pinyin syllables, hanzi
forms, definitions) that a compiled regular expression or ``str.find`` scans at C speed,
so a query stays fast at 100,000 terms.

A query runs in stages, each only when the one before found nothing:

1. direct keys: exact forms, id, hanzi prefix/substring, pinyin (full, prefix, initials,
   half-typed last syllable, tone marks or numbers, digits for numerals, hanzi mixed in),
   parts, English, tags, definition text. Traditional characters are converted first
   (zhconv-rs, OpenCC dictionaries), but only when the query has characters the index
   does not know.
2. sound-alike: hanzi the index does not know are read with pypinyin and matched as pinyin
   (a homophone typo such as 八有一抄).
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

from .errors import UsageError
from .model import Glossary, Term
from .pinyin import DIGIT_NUMERALS, decompose, has_tone_marks, is_hanzi, split_tone, syllables
from .query import clean_query
from .quotes import strip_quotes
from .textwidth import safe

_LATIN_WORD = re.compile(r"[a-z0-9]+")
_SEPARATORS = " '’-_·.,/"


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
    """Readings of the digits in a query: as tone numbers, or as the numerals of a slogan.

    ``6wen6bao`` -> ``六wen六bao``; ``liu4wen3`` stays (tones); ``2buchou3baozhang`` gives
    both ``两buchou三baozhang`` and ``两buchou3baozhang``. Returns (text, used_numerals).
    """
    parts = re.split(r"(\d+)", text)
    choices: list[list[str]] = []
    for i, piece in enumerate(parts):
        if i % 2 == 0:
            choices.append([piece])
            continue
        numerals = list(DIGIT_NUMERALS.get(piece, ()))
        after_letter = i > 0 and parts[i - 1][-1:].isalpha() and parts[i - 1][-1:].isascii()
        is_tone = after_letter and piece in "12345"
        options = ([piece] if is_tone or not numerals else []) + numerals
        choices.append(options or [piece])
    out: list[tuple[str, bool]] = []
    for combo in product(*choices):
        joined = "".join(combo)
        out.append((joined, joined != text))
        if len(out) >= 8:
            break
    return out


# --------------------------------------------------------------------------- index


@dataclass
class _Line:
    term: int
    field: str  # "headword" or "variant"
    tones: tuple[int, ...]


class _Corpus:
    """Keys of one kind, one per line of a single string, with a map back to the terms."""

    def __init__(self) -> None:
        self._keys: list[str] = []
        self.starts: list[int] = []
        self.owners: list = []
        self._length = 0
        self._text: str | None = None

    def add(self, key: str, owner: object) -> None:
        key = key.replace("\n", " ")
        self.starts.append(self._length + 1)
        self.owners.append(owner)
        self._keys.append(key)
        self._length += len(key) + 1
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join("\n" + k for k in self._keys)
        return self._text

    def owner_at(self, pos: int) -> tuple[object, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.owners[i], self.starts[i]


class SearchIndex:
    """Precomputed search keys of one glossary."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.terms = glossary.terms
        self.exact: dict[str, list[tuple[int, str]]] = {}
        self.ids: dict[str, int] = {}
        self.parts: dict[str, list[int]] = {}
        self.tags: dict[str, list[int]] = {}
        self.english_exact: dict[str, list[int]] = {}
        self.english_words: list[list[tuple[str, ...]]] = []
        self.word_terms: dict[str, set[int]] = {}
        self.char_readings: dict[str, set[str]] = {}
        self.pinyin = _Corpus()
        self.hanzi = _Corpus()
        self.items = _Corpus()
        self.definitions = _Corpus()
        self.toneless: list[str] = []
        for i, term in enumerate(self.terms):
            self._add(i, term)
        self.known_chars = set(self.char_readings) | {
            ch for t in self.terms for ch in t.definition if is_hanzi(ch)}
        self.vocabulary = sorted(self.word_terms)

    def _add(self, i: int, term: Term) -> None:
        for form, kind in ((term.term, "headword"), (term.printed, "printed"),
                           *((v, "variant") for v in term.variants)):
            if form:
                key = strip_quotes(form)
                self.exact.setdefault(key, []).append((i, kind))
                if kind != "printed":
                    self.hanzi.add(key, (i, kind))
        self.ids[term.id.lower()] = i
        sylls = [split_tone(s) for s in syllables(term.pinyin)]
        chars = [ch for ch in term.term if is_hanzi(ch)]
        if len(chars) == len(sylls):
            for ch, (plain, _) in zip(chars, sylls):
                self.char_readings.setdefault(ch, set()).add(plain.replace("ü", "v"))
        self._add_pinyin(i, "headword", sylls)
        self.toneless.append("".join(p.replace("ü", "v") for p, _ in sylls))
        readings = dict(zip(chars, sylls)) if len(chars) == len(sylls) else {}
        for variant in term.variants:
            vchars = [ch for ch in variant if is_hanzi(ch)]
            if vchars and all(ch in readings for ch in vchars):
                self._add_pinyin(i, "variant", [readings[ch] for ch in vchars])
        for part in term.parts:
            for name in ((part.name,) if part.name else ()) + part.items:
                self.parts.setdefault(name, []).append(i)
                self.items.add(name, i)
        for tag in term.tags:
            self.tags.setdefault(tag.lower(), []).append(i)
        words = []
        for rendering in term.english:
            norm = _english_key(rendering.text)
            self.english_exact.setdefault(norm, []).append(i)
            words.append(tuple(_stem(w) for w in norm.split()))
            for w in words[-1]:
                self.word_terms.setdefault(w, set()).add(i)
        self.english_words.append(words)
        self.definitions.add(term.definition, i)

    def _add_pinyin(self, i: int, kind: str, sylls: list[tuple[str, int]]) -> None:
        if sylls:
            key = "|" + "|".join(p.replace("ü", "v") for p, _ in sylls) + "|"
            self.pinyin.add(key, _Line(i, kind, tuple(t for _, t in sylls)))


    def __getstate__(self) -> dict:
        """Pickled without the glossary: ``index_for`` attaches the one it belongs to."""
        state = dict(self.__dict__)
        state.pop("glossary", None)
        state.pop("terms", None)
        return state


_INDEXES: "weakref.WeakKeyDictionary[Glossary, SearchIndex]" = weakref.WeakKeyDictionary()


def index_for(glossary: Glossary) -> SearchIndex:
    """The glossary's search index: from the cache entry it was loaded with, or built on
    first use; kept while the glossary lives."""
    index = _INDEXES.get(glossary)
    if index is None:
        from .cache import pending_index

        blob = pending_index(glossary)
        if blob is not None:
            import pickle

            index = pickle.loads(blob)
            index.glossary, index.terms = glossary, glossary.terms
        else:
            index = SearchIndex(glossary)
        _INDEXES[glossary] = index
    return index


# --------------------------------------------------------------------------- search


class _Results:
    """The best hit per term."""

    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms
        self.best: dict[int, Hit] = {}

    def add(self, i: int, score: float, field: str, form: str, kind: str,
            snippet: str | None = None) -> None:
        score = int(round(max(0, min(100, score))))
        current = self.best.get(i)
        if current is None or score > current.score:
            self.best[i] = Hit(self.terms[i], score, field, form, kind, snippet)

    def ranked(self) -> list[Hit]:
        order = {id(t): k for k, t in enumerate(self.terms)}
        return sorted(self.best.values(), key=lambda h: (-h.score, order[id(h.term)]))


def search(glossary: Glossary, query: str, limit: int | None = 10) -> list[Hit]:
    """Terms matching ``query``, best first; each hit says what it matched on.

    Raises UsageError for an empty or overlong query.
    """
    q = Query.parse(query)
    index = index_for(glossary)
    results = _Results(index.terms)
    _direct(index, q, results)
    if not results.best and q.has_hanzi:
        _sound_alike(index, q, results)
    if not results.best:
        _fuzzy(index, q, results)
    hits = results.ranked()
    return hits if limit is None else hits[:limit]


def suggest(glossary: Glossary, query: str, limit: int = 3) -> list[Term]:
    """The terms closest to a query that matched nothing, for "did you mean"."""
    try:
        q = Query.parse(query)
    except UsageError:
        return []
    index = index_for(glossary)
    results = _Results(index.terms)
    _fuzzy(index, q, results, loose=True)
    return [h.term for h in results.ranked()[:limit]]


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
    key = strip_quotes(text)
    for i, kind in index.exact.get(key, ()):
        results.add(i, 100 if kind != "variant" else 96, kind, form, "exact")
    if text.lower() in index.ids:
        results.add(index.ids[text.lower()], 100, "id", "id", "exact")
    for i in index.tags.get(text.lower(), ()):
        results.add(i, 62, "tag", "english", "exact")


def _hanzi(index: SearchIndex, text: str, form: str, results: _Results) -> None:
    key = strip_quotes(text).replace(" ", "")
    if not key or not all(is_hanzi(ch) or not ch.isalpha() for ch in key):
        return  # mixed hanzi and pinyin: the pinyin stage handles it
    corpus = index.hanzi
    pos = corpus.text.find(key)
    while pos != -1:
        (i, kind), start = corpus.owner_at(pos)
        line_end = corpus.text.find("\n", start)
        whole = corpus.text[start:line_end if line_end != -1 else None]
        if pos == start:
            results.add(i, 84 if kind == "headword" else 82, kind, form, "prefix", whole)
        else:
            results.add(i, 78 if kind == "headword" else 76, kind, form, "partial", whole)
        pos = corpus.text.find(key, pos + 1)
    for i in index.parts.get(key, ()):
        results.add(i, 72, "part", form, "exact", key)
    if len(key) >= 2:
        for pos, (i, start) in _find_all(index.items, key):
            end = index.items.text.find("\n", start)
            results.add(i, 66, "part", form, "partial",
                        index.items.text[start:end if end != -1 else None])
        for pos, (i, start) in _find_all(index.definitions, key):
            results.add(i, 55, "definition", form, "partial",
                        _snippet(index.definitions.text, pos, len(key), start))


def _find_all(corpus: _Corpus, key: str):
    pos = corpus.text.find(key)
    while pos != -1:
        owner, start = corpus.owner_at(pos)
        yield pos, (owner, start)
        pos = corpus.text.find(key, pos + 1)


def _snippet(text: str, pos: int, length: int, start: int, context: int = 12) -> str:
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    a, b = max(start, pos - context), min(end, pos + length + context)
    return ("…" if a > start else "") + text[a:b] + ("…" if b < end else "")


# --------------------------------------------------------------------------- pinyin


def _pinyin(index: SearchIndex, text: str, results: _Results) -> None:
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
        match_pinyin(index, variant, form, results, readings=index.char_readings)


def match_pinyin(index: SearchIndex, text: str, form: str, results: _Results,
                 readings: dict[str, set[str]], penalty: int = 0) -> None:
    """Match pinyin (possibly with hanzi mixed in) against every term's syllables."""
    plain, tones = decompose(text)
    tokens = _tokens(plain, readings)
    if tokens is None:
        return
    letters = sum(len(t) for t in tokens if isinstance(t, str) and t not in (" ",))
    pattern = _pattern(tokens)
    if pattern is None:
        return
    short = letters <= 2 and not any(isinstance(t, tuple) for t in tokens)
    corpus = index.pinyin
    seen: set[int] = set()
    for m in pattern.finditer(corpus.text):
        line, start = corpus.owner_at(m.start())
        anchored = m.start() == start
        if short and not anchored:
            continue
        key_end = corpus.text.find("\n", start)
        key = corpus.text[start:key_end if key_end != -1 else None]
        total = key.count("|") - 1
        matched = m.group()
        first = key[: m.start() - start].count("|")
        consumed = matched.count("|") - 1
        typed = _typed_letters(tokens)
        in_syllables = len(matched) - matched.count("|")
        if anchored and consumed == total and typed == in_syllables:
            score, kind, fld = 90, "exact", "pinyin"
        elif typed == in_syllables:
            score, kind, fld = 80, "prefix", "pinyin"
        elif typed == consumed:
            score, kind, fld = 78, "initials", "initials"
        else:
            score, kind, fld = 78, "prefix", "pinyin"
        if not anchored:
            if consumed < 2 and typed < 4:
                continue
            score, kind = 64, "partial"
        if line.field == "variant":
            score -= 2
        if tones:
            mine = line.tones[first:first + consumed]
            if len(tones) == len(mine):
                score += 2 if tuple(tones) == tuple(mine) else -8
        if line.term in seen and results.best.get(line.term, None) and \
                results.best[line.term].score >= score - penalty:
            continue
        seen.add(line.term)
        results.add(line.term, score - penalty, fld, form, kind, key.strip("|").replace("|", " "))


def _tokens(plain: str, readings: dict[str, set[str]]) -> list | None:
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
            tokens.append(tuple(sorted(options)))
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


def _pattern(tokens: list) -> re.Pattern | None:
    """A regex over ``|syl|syl|`` keys: each syllable is typed whole or by a prefix.

    Between two typed letters the syllable may end (``(?:[a-z]*\\|)?``), so ``lwlb``,
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
                out.append(r"(?:[a-z]*\|)?")
            out.append("[uv]" if t == "u" else re.escape(t))
            prev = "letter"
    if prev == "letter":
        out.append(r"[a-z]*\|")
    if len(out) > 1200:
        return None
    return re.compile("".join(out))


# --------------------------------------------------------------------------- English


def _english_key(text: str) -> str:
    return " ".join(_LATIN_WORD.findall(text.lower()))


def _stem(word: str) -> str:
    """A plural-insensitive form of an English word: guarantees -> guarantee."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _english(index: SearchIndex, text: str, results: _Results) -> None:
    norm = _english_key(text)
    if not norm:
        return
    for i in index.english_exact.get(norm, ()):
        results.add(i, 74, "english", "english", "exact", _english_of(index.terms[i], norm))
    words = [_stem(w) for w in norm.split()]
    if len(words) == 1 and len(words[0]) < 3:
        return  # one or two letters are never an English word match
    candidates: set[int] | None = None
    for k, word in enumerate(words):
        found = set(index.word_terms.get(word, ()))
        if k == len(words) - 1 and len(word) >= 3:
            at = bisect.bisect_left(index.vocabulary, word)
            while at < len(index.vocabulary) and index.vocabulary[at].startswith(word):
                found |= index.word_terms[index.vocabulary[at]]
                at += 1
        candidates = found if candidates is None else candidates & found
        if not candidates:
            return
    for i in sorted(candidates or ()):
        for rendering in index.english_words[i]:
            if _words_match(words, rendering):
                results.add(i, 68, "english", "english", "partial",
                            _english_of(index.terms[i], norm))
                break


def _words_match(words: list[str], rendering: tuple[str, ...]) -> bool:
    """Every query word is a word of the rendering (the last may be a prefix of one)."""
    for k, word in enumerate(words):
        last = k == len(words) - 1
        if not any(w == word or (last and len(word) >= 3 and w.startswith(word))
                   for w in rendering):
            return False
    return True


def _english_of(term: Term, norm: str) -> str | None:
    first = norm.split()[0]
    for rendering in term.english:
        if first in _english_key(rendering.text):
            return rendering.text
    return term.english[0].text if term.english else None


# --------------------------------------------------------------------------- fallbacks


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (zhconv-rs with OpenCC's dictionaries)."""
    try:
        from zhconv_rs_opencc import zhconv
    except ImportError:  # pragma: no cover - a declared dependency
        return text
    return zhconv(text, "zh-Hans")


def _sound_alike(index: SearchIndex, q: Query, results: _Results) -> None:
    """Read unknown hanzi with pypinyin and match by sound: 八有一抄 -> 八有一超."""
    from pypinyin import Style, lazy_pinyin

    readings = dict(index.char_readings)
    for ch in q.text:
        if is_hanzi(ch) and ch not in readings:
            plain = lazy_pinyin(ch, style=Style.NORMAL, v_to_u=False)[0]
            readings[ch] = {plain.replace("ü", "v")}
    text = to_simplified(q.text)
    before = dict(results.best)
    match_pinyin(index, text, "hanzi", results, readings=readings, penalty=20)
    for i, hit in list(results.best.items()):
        if i not in before:
            results.best[i] = Hit(hit.term, hit.score, hit.field, "homophone", "homophone",
                                  hit.snippet)


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


def _fuzzy(index: SearchIndex, q: Query, results: _Results, loose: bool = False) -> None:
    """Typos: edit distance (with transpositions) to pinyin keys, headwords, English words.

    A key is compared whole and by its prefix of the query's length, so a typo in the first
    syllables (``liuwne``) finds the term. ``loose`` (for "did you mean") allows more edits.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    def matches(query: str, keys: list[str], edits: int | None = None):
        if edits is None:
            edits = max(1, len(query) // 2) if loose else max_edits(len(query))
        if not edits or not query:
            return
        prefixes = [key[: len(query)] for key in keys]
        for choices in (keys, prefixes):
            for _, distance, i in process.extract(query, choices, scorer=OSA.distance,
                                                  score_cutoff=edits, limit=None):
                yield i, distance

    if q.has_hanzi:
        key = strip_quotes(to_simplified(q.text)).replace(" ", "")
        headwords = [strip_quotes(t.term) for t in index.terms]
        # A hanzi is a word-sized unit: one wrong character in three is already a lot.
        edits = max(1, len(key) // 2) if loose else (1 if len(key) >= 3 else 0)
        for i, distance in matches(key, headwords, edits):
            results.add(i, _fuzzy_score(distance, len(key)), "headword", "hanzi", "fuzzy",
                        index.terms[i].term)
        return
    letters = "".join(ch for ch in decompose(q.text)[0] if ch.isascii() and ch.isalpha())
    for i, distance in matches(letters, index.toneless):
        results.add(i, _fuzzy_score(distance, len(letters)), "pinyin", "pinyin", "fuzzy",
                    index.terms[i].pinyin)
    for word in (w for w in _english_key(q.text).split() if len(w) >= 3):
        for w, distance in matches(_stem(word), index.vocabulary):
            similar = index.vocabulary[w]
            for i in index.word_terms[similar]:
                results.add(i, _fuzzy_score(distance, len(word)), "english", "english",
                            "fuzzy", _english_of(index.terms[i], similar))


def describe(hit: Hit) -> str:
    """``pinyin (tone numbers, prefix)``: what a hit matched on, for people."""
    details = [d for d in (hit.form, hit.kind)
               if d not in ("hanzi", "pinyin", "english", "id", hit.field)]
    details = list(dict.fromkeys(details))
    return safe(hit.field + (f" ({', '.join(details)})" if details else ""))
