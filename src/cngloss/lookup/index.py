"""The search index: every search key of a glossary, precomputed, compact and picklable.

Keys of one kind live in one ``Lines`` table: a single newline-separated string that
``str.find`` or a compiled regular expression scans at C speed, with arrays that map a
line back to its term. Exact look-ups are ``find("\\n" + key + "\\n")``. No per-key Python
objects, so an index of 100,000 terms pickles into the cache and loads back in tens of
milliseconds, and a query stays fast (BENCHMARKS.md).

Built from the curated data alone: pinyin keys come from each term's own pinyin, never
from pypinyin. Only the homophone classes (the usual reading of characters the glossary
does not write, for sound-alike search) come from pypinyin's single-character table,
worked out on first need and kept in the cache.
"""

from __future__ import annotations

import bisect
import pickle
import re
from array import array
from typing import Iterator

from ..model import Glossary, Term
from ..text.pinyin import toneless
from ..text.hanzi import hanzi_key, is_hanzi
from .registry import INDEXES as _INDEXES

KINDS = ("headword", "variant", "printed")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


class Lines:
    """Keys, one per line of ``text``, each owned by an integer (a term, or term and kind)."""

    __slots__ = ("text", "starts", "owners")

    def __init__(self, keys: list[str] = (), owners: list[int] = ()):  # type: ignore[assignment]
        clean = [k.replace("\n", " ") for k in keys]
        self.text = "\n" + "\n".join(clean) + "\n" if clean else "\n"
        self.starts = array("l")
        pos = 1
        for key in clean:
            self.starts.append(pos)
            pos += len(key) + 1
        self.owners = array("l", owners)

    def __len__(self) -> int:
        return len(self.starts)

    def __getstate__(self) -> tuple:
        return self.text, self.starts, self.owners

    def __setstate__(self, state: tuple) -> None:
        self.text, self.starts, self.owners = state

    def line_at(self, pos: int) -> int:
        """The number of the line that holds text position ``pos``."""
        return bisect.bisect_right(self.starts, pos) - 1

    def key(self, line: int) -> str:
        start = self.starts[line]
        return self.text[start:self.text.index("\n", start)]

    def exact(self, key: str) -> Iterator[int]:
        """Lines whose whole key is ``key``."""
        if "\n" in key or not key:
            return
        needle = "\n" + key + "\n"
        pos = self.text.find(needle)
        while pos != -1:
            yield self.line_at(pos + 1)
            pos = self.text.find(needle, pos + 1)

    def find(self, needle: str) -> Iterator[tuple[int, int]]:
        """(position, line) of every occurrence of ``needle`` inside a key."""
        if not needle or "\n" in needle:
            return
        pos = self.text.find(needle)
        while pos != -1:
            yield pos, self.line_at(pos)
            pos = self.text.find(needle, pos + 1)


class ByLength:
    """Keys sorted by length, so that edit-distance matching only compares keys whose
    length is within reach (and, for prefixes, only keys longer than the query)."""

    __slots__ = ("keys", "owners", "offsets")

    def __init__(self, keys: list[str], owners: list[int] | range | None = None):
        owners = list(range(len(keys))) if owners is None else list(owners)
        order = sorted(range(len(keys)), key=lambda k: len(keys[k]))
        self.keys = [keys[k] for k in order]
        self.owners = array("l", (owners[k] for k in order))
        self.offsets = array("l")
        for k, key in enumerate(self.keys):
            while len(self.offsets) <= len(key):
                self.offsets.append(k)
        self.offsets.append(len(self.keys))

    def __getstate__(self) -> tuple:
        return self.keys, self.owners, self.offsets

    def __setstate__(self, state: tuple) -> None:
        self.keys, self.owners, self.offsets = state

    def span(self, shortest: int, longest: int | None = None) -> tuple[int, int]:
        """The range of positions holding keys of length ``shortest`` .. ``longest``."""
        top = len(self.offsets) - 1
        a = self.offsets[min(max(shortest, 0), top)]
        b = self.offsets[min(top, longest + 1)] if longest is not None else len(self.keys)
        return a, b


def english_key(text: str) -> str:
    """English as matched: lower case, words only: ``"Four Good" roads`` -> ``four good roads``."""
    return " ".join(_LATIN_WORD.findall(text.lower()))


def stem(word: str) -> str:
    """A plural-insensitive form of an English word: guarantees -> guarantee."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class SearchIndex:
    """Precomputed search keys of one glossary (pickled without the glossary itself)."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.size = len(glossary.terms)
        forms: tuple[list[str], list[int]] = ([], [])
        pinyin: tuple[list[str], list[int]] = ([], [])
        self.tones: list[str] = []
        items: tuple[list[str], list[int]] = ([], [])
        english: tuple[list[str], list[int]] = ([], [])
        postings: dict[str, list[int]] = {}
        tags: dict[str, list[int]] = {}
        readings: dict[str, set[str]] = {}
        ids, definitions, known = [], [], set()
        self.toneless: list[str] = []
        self.headwords: list[str] = []  # for completion
        for i, term in enumerate(glossary.terms):
            for kind, form in enumerate((term.term, term.printed)):
                if form:
                    forms[0].append(hanzi_key(form))
                    forms[1].append(i * 4 + (0 if kind == 0 else 2))
            for variant in term.variants:
                forms[0].append(hanzi_key(variant))
                forms[1].append(i * 4 + 1)
            ids.append(term.id.lower())
            self.headwords.append(term.term)
            sylls = toneless(term.pinyin)
            plain = [p for p, _ in sylls]
            self.toneless.append("".join(plain))
            chars = [ch for ch in term.term if is_hanzi(ch)]
            aligned = len(chars) == len(sylls)
            if aligned:
                for ch, p in zip(chars, plain):
                    readings.setdefault(ch, set()).add(p)
            if sylls:
                pinyin[0].append("|" + "|".join(plain) + "|")
                pinyin[1].append(i * 4)
                self.tones.append("".join(str(t) for _, t in sylls))
            own = dict(zip(chars, zip(plain, (t for _, t in sylls)))) if aligned else {}
            for variant in term.variants:
                vchars = [ch for ch in variant if is_hanzi(ch)]
                if vchars and all(ch in own for ch in vchars):
                    pinyin[0].append("|" + "|".join(own[ch][0] for ch in vchars) + "|")
                    pinyin[1].append(i * 4 + 1)
                    self.tones.append("".join(str(own[ch][1]) for ch in vchars))
            for part in term.parts:
                for name in ((part.name,) if part.name else ()) + part.items:
                    items[0].append(name)
                    items[1].append(i)
            for tag in term.tags:
                tags.setdefault(tag.lower(), []).append(i)
            for rendering in term.english:
                norm = english_key(rendering.text)
                english[0].append(" ".join(stem(w) for w in norm.split()))
                english[1].append(i)
                for word in {stem(w) for w in norm.split()}:
                    entry = postings.setdefault(word, [])
                    if not entry or entry[-1] != i:
                        entry.append(i)
            definitions.append(term.definition)
            known.update(ch for ch in term.definition if is_hanzi(ch))
            known.update(chars)
        self.forms = Lines(*forms)
        self.ids = Lines(ids, range(len(ids)))
        self.pinyin = Lines(*pinyin)
        self.syllable_counts = array("H", (min(k.count("|") - 1, 65535) for k in pinyin[0]))
        self.items = Lines(*items)
        self.definitions = Lines(definitions, range(len(definitions)))
        self.english = Lines(*english)
        self.postings = {w: tuple(p) for w, p in postings.items()}
        self.vocabulary = sorted(self.postings)
        self.fuzzy_pinyin = ByLength(self.toneless)
        del self.toneless  # kept, sorted by length, in fuzzy_pinyin
        self.fuzzy_headwords = ByLength([hanzi_key(h) for h in self.headwords])
        self.fuzzy_words = ByLength(self.vocabulary)
        self.tags = {t: tuple(p) for t, p in tags.items()}
        self.char_readings = {ch: tuple(sorted(r)) for ch, r in readings.items()}
        self.known = "".join(sorted(known | set(readings)))
        self._known_set: set[str] | None = None
        self._homophones: dict[str, str] | None = None

    def __getstate__(self) -> dict:
        """Each attribute pickled on its own: an index loaded from the cache unpickles only
        the tables its queries use (a headword search never reads the definitions)."""
        state = dict(self.__dict__)
        packed = dict(state.pop("_packed", None) or {})
        state.pop("glossary", None)
        state["_known_set"] = None
        for name, value in state.items():
            packed[name] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return {"_packed": packed}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str):
        """An attribute not yet unpickled: unpickled now, once (``__getstate__``)."""
        packed = self.__dict__.get("_packed")
        if not packed or name not in packed:
            raise AttributeError(name)
        try:
            value = pickle.loads(packed[name])
        except Exception:  # noqa: BLE001 - a damaged cache entry: build the index afresh
            fresh = SearchIndex(self.glossary)
            packed.clear()
            self.__dict__.update(fresh.__dict__)
            return getattr(self, name)
        del packed[name]
        setattr(self, name, value)
        return value

    @property
    def known_chars(self) -> set[str]:
        """Every hanzi the glossary uses (headwords and definitions)."""
        if self._known_set is None:
            self._known_set = set(self.known)
        return self._known_set

    def homophones(self) -> dict[str, str]:
        """Every character by its usual reading, for the syllables of the glossary's pinyin
        keys (``homophones.py``): worked out once, kept with the index in the cache."""
        if self._homophones is None:
            # lazy: the reading table, for sound-alike queries
            from .homophones import homophone_classes

            syllables = self.pinyin.text.replace("\n", "|").split("|")
            self._homophones = homophone_classes(s for s in syllables if s)
        return self._homophones

    def sounds_of(self, chars: str) -> dict[str, tuple[str, ...]]:
        """Readings of ``chars`` for sound-alike matching: the glossary's own reading of a
        character it writes in a headword, else its usual reading if that is one of the
        glossary's syllables (a character with neither cannot sound like a term)."""
        out: dict[str, tuple[str, ...]] = {}
        for ch in chars:
            if ch in out or not is_hanzi(ch):
                continue
            if ch in self.char_readings:
                out[ch] = self.char_readings[ch]
                continue
            for syllable, members in self.homophones().items():
                if ch in members:
                    out[ch] = (syllable,)
                    break
        return out

    def term(self, i: int) -> Term:
        return self.glossary.terms[i]


def decode(owner: int) -> tuple[int, str]:
    """(term index, kind) of an owner code of ``forms`` or ``pinyin`` (term * 4 + kind)."""
    return owner // 4, KINDS[owner % 4]


def index_for(glossary: Glossary) -> SearchIndex:
    """The glossary's search index: from the compiled cache, or built on first use."""
    found = _INDEXES.get(glossary)
    if isinstance(found, SearchIndex):
        return found
    index = None
    if found is not None:
        try:
            index = pickle.loads(found)
            index.glossary = glossary
        except Exception:  # noqa: BLE001 - a damaged cache entry: build afresh
            index = None
    if index is None or index.size != len(glossary.terms):
        index = SearchIndex(glossary)
    _INDEXES[glossary] = index
    return index


def compiled_index(glossary: Glossary) -> bytes:
    """The glossary's index, pickled for the cache, with what a sound-alike query needs
    worked out first (so that a cached search reads no pinyin table)."""
    index = index_for(glossary)
    index.homophones()
    return pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
