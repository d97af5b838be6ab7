"""The reading of a headword: tone-marked pinyin, one syllable per hanzi, for ``import``,
the library's unreviewed terms and ``check`` alike (docs/development.md, "Dependencies, and why").

Three steps, each measured on a hand-labelled sample (BENCHMARKS.md, "Readings"):

1. **Words.** The hanzi are cut into the fewest words of pypinyin's phrase dictionary and of
   ``data/pinyin-phrases.yaml`` (a reviewed list of policy vocabulary); among cuts with as
   many words, the one that gives the reviewed list the most characters, then the one with
   the longer first word (pypinyin's own forward matching). pypinyin's dictionary keeps only
   phrases whose reading it needs, so its own greedy cut takes 生发 (shēng fà) out of 卫生发展
   or 建行 (the bank) out of 三打两建行动; the reviewed list also names ordinary words
   (发展, 行动) so that they win their place.
2. **Readings.** A word of the reviewed list reads as listed, any other as pypinyin reads
   it (its phrase, else each character's usual reading).
3. **Context.** A numbered slogan abbreviates the words its definition lists (the 重 of
   三重一大 stands for words like 重大, zhòng; that of 三重三置换 for 重新, chóng): a
   polyphone right after a numeral, or read alone, takes the reading that most of the
   definition's words starting or ending with it give it (in a full tone: 这个 does not
   count for 三个), when the reviewed list does not set it.

一 and 不 are written with their citation tones (yī, bù), as GB/T 16159-2012 does and as the
curated glossary writes them: pypinyin's phrases carry the sandhi (一个 yí gè).

pypinyin and the list are imported on the first reading only: never by a lookup.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ..text.hanzi import hanzi_of, is_hanzi
from ..text.numerals import NUMERAL_CHARS
from ..text.pinyin import split_tone, syllables

CITATION = {"一": "yī", "不": "bù"}
# What may count a slogan's items before a character (三重, 双调, 百强).
_COUNTERS = set(NUMERAL_CHARS) | {"双", "两"}


def read(hanzi: str, definition: str = "") -> list[str]:
    """The syllables of ``hanzi`` (hanzi only: callers drop the rest with ``hanzi_of``),
    the polyphones of a slogan read as ``definition`` reads them."""
    if not hanzi:
        return []
    words = segment(hanzi)
    out = _read_words(words)
    if definition:
        open_chars = _open_positions(hanzi, words)
        if open_chars:
            votes = _votes(definition, {hanzi[i] for i in open_chars})
            for i in open_chars:
                best = votes.get(hanzi[i], Counter()).most_common(2)
                if best and (len(best) == 1 or best[0][1] > best[1][1]):
                    out[i] = best[0][0]
    return [CITATION.get(ch, s) for ch, s in zip(hanzi, out)]


def pinyin_text(term: str, definition: str = "") -> str:
    """``read`` of the hanzi of ``term``, space-separated (``""`` when it has none)."""
    return " ".join(read(hanzi_of(term), definition))


def segment(hanzi: str) -> list[str]:
    """The words step 1 of the module docstring cuts ``hanzi`` into."""
    phrases, ours, longest = _lexicon()
    n = len(hanzi)
    cost: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    size_at = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        best: tuple[int, int] | None = None
        for size in range(min(longest, n - i), 0, -1):  # longer first: ties keep it
            word = hanzi[i:i + size]
            if size > 1 and word not in ours and word not in phrases:
                continue
            rest = cost[i + size]
            mine = (rest[0] + 1, rest[1] - (size if word in ours else 0))
            if best is None or mine < best:
                best, size_at[i] = mine, size
        cost[i] = best or (0, 0)
    words, i = [], 0
    while i < n:
        words.append(hanzi[i:i + size_at[i]])
        i += size_at[i]
    return words


def _read_words(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        out.extend(_word_reading(word))
    return out


@lru_cache(maxsize=65536)
def _word_reading(word: str) -> tuple[str, ...]:
    """A word of the reviewed list as listed, any other as pypinyin reads it (its phrase,
    else each character's usual reading)."""
    from pypinyin import Style, pinyin  # lazy: pypinyin and its phrase data, readings only

    ours = reviewed_phrases()
    if word in ours:
        return tuple(ours[word])
    return tuple(r[0] for r in pinyin([word], style=Style.TONE))


def _open_positions(hanzi: str, words: list[str]) -> list[int]:
    """Where a polyphone's reading is not fixed by a word: right after a numeral, or a word
    of one character; never inside a word of the reviewed list."""
    ours = reviewed_phrases()
    out, start = [], 0
    for word in words:
        for k, ch in enumerate(word):
            i = start + k
            after_numeral = i > 0 and hanzi[i - 1] in _COUNTERS and ch not in _COUNTERS
            if word not in ours and (len(word) == 1 or after_numeral) and _is_polyphone(ch):
                out.append(i)
        start += len(word)
    return out


def _votes(definition: str, chars: set[str]) -> dict[str, Counter]:
    """How the definition reads each of ``chars`` where a word starts or ends with it in a
    full tone (the words a slogan abbreviates: 重大 for 三重, 体育场 for 一场; not 这个 for
    三个): reading -> occurrences."""
    votes: dict[str, Counter] = {}
    run = ""
    for ch in definition + " ":
        if is_hanzi(ch):
            run += ch
            continue
        if run and chars & set(run):
            for word in segment(run):
                for k in {0, len(word) - 1}:
                    syllable = _word_reading(word)[k] if word[k] in chars else None
                    if syllable and split_tone(syllable)[1] != 5:
                        votes.setdefault(word[k], Counter())[syllable] += 1
        run = ""
    return votes


@lru_cache(maxsize=4096)
def _is_polyphone(ch: str) -> bool:
    from pypinyin.pinyin_dict import pinyin_dict  # lazy: pypinyin's table, readings only

    return "," in pinyin_dict.get(ord(ch), "")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Mapping[str, object], Mapping[str, list[str]], int]:
    """pypinyin's phrases, the reviewed ones, and the longest of either."""
    from pypinyin.constants import PHRASES_DICT  # lazy: pypinyin's phrases, readings only

    ours = reviewed_phrases()
    longest = max(max(map(len, PHRASES_DICT), default=1), max(map(len, ours), default=1))
    return PHRASES_DICT, ours, longest


def phrases_path() -> Path:
    """``data/pinyin-phrases.yaml`` next to the bundled glossary."""
    from ..sources.paths import bundled_glossary_path  # lazy: only for a reading

    return bundled_glossary_path().parent / "pinyin-phrases.yaml"


@lru_cache(maxsize=1)
def reviewed_phrases() -> dict[str, list[str]]:
    return load_phrases(phrases_path())


def load_phrases(path: Path) -> dict[str, list[str]]:
    """The reviewed phrases, both lists (``readings`` and ``words``), as phrase ->
    syllables (DataError for a broken file)."""
    from ..errors import DataError, Problem  # lazy: errors of a broken list only
    from ..sources.yaml_reader import load_data_file  # lazy: YAML, only for a reading

    data = load_data_file(path)
    out: dict[str, list[str]] = {}
    for section in ("readings", "words"):
        entries = data.get(section) if isinstance(data, dict) else None
        if not isinstance(entries, dict):
            raise DataError(Problem(str(path), None, f"has no {section!r} mapping",
                                    fix=f"write {section}: {{phrase: reading, ...}}"))
        for phrase, reading in entries.items():
            syl = syllables(reading) if isinstance(reading, str) else []
            if not (isinstance(phrase, str) and len(phrase) > 1
                    and hanzi_of(phrase) == phrase and len(syl) == len(phrase)):
                raise DataError(Problem(str(path), None,
                                        f"entry {phrase!r}: {reading!r} needs two or more "
                                        "hanzi and one syllable for each",
                                        fix="write the phrase in hanzi and its reading"))
            out[phrase] = syl
    return out
