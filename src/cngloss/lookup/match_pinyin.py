"""The pinyin stage of search: whole, prefix, initials, a half-typed last syllable, tone
marks or numbers, digits for numerals and hanzi mixed in, all one regular expression over
the index's syllable keys."""

from __future__ import annotations

import bisect
import re

from ..text.hanzi import is_hanzi
from ..text.pinyin import decompose, has_tone_marks
from .index import SearchIndex
from .query import digit_variants
from .results import Results

_SEPARATORS = " '’-_·.,/"


def match_typed_pinyin(index: SearchIndex, text: str, results: Results) -> None:
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


def match_pinyin(index: SearchIndex, text: str, form: str, results: Results,
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


def _one_letter(index: SearchIndex, letter: str, form: str, results: Results) -> None:
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
