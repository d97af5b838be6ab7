"""Word glosses from CC-CEDICT for headwords with no English rendering (``--glosses``):
what each word of the headword means in a dictionary, labelled so that nobody takes it for a
translation of the term (docs/glossary.md, "Dictionary glosses").

A headword the dictionary lacks (两违) is cut into the longest words it has, left to right
(两 + 违); a character it lacks is left out.
"""

from __future__ import annotations

from typing import Iterable

from ..model import WordGloss
from ..text.hanzi import is_hanzi

LONGEST = 8  # characters: the longest word looked for
PER_WORD = 3  # definitions kept of each reading
LABEL = "dictionary glosses, not a translation"


def _candidates(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text))
            for j in range(i + 1, min(len(text), i + LONGEST) + 1)}


def word_glosses(headwords: Iterable[str]) -> dict[str, tuple[WordGloss, ...]]:
    """Each headword's words with their dictionary glosses (``sources.cedict``; the
    ``glosses`` extra), by headword."""
    from ..sources.cedict import lookup  # lazy: the dictionary, for --glosses only

    heads = [h for h in dict.fromkeys(headwords)]
    texts = {h: "".join(ch for ch in h if is_hanzi(ch)) for h in heads}
    found = lookup(set().union(*(_candidates(t) for t in texts.values())) if texts else ())
    out: dict[str, tuple[WordGloss, ...]] = {}
    for head, text in texts.items():
        words: list[WordGloss] = []
        i = 0
        while i < len(text):
            for j in range(min(len(text), i + LONGEST), i, -1):
                entries = _useful(found.get(text[i:j], ()))
                if entries:
                    words.append(WordGloss(text[i:j], entries[0][0],
                                           tuple(g for _, gs in entries[:2]
                                                 for g in gs[:PER_WORD])))
                    i = j
                    break
            else:
                i += 1
        out[head] = tuple(words)
    return out


# Definitions that say nothing of what the word means here: a surname, a measure word, a
# pointer to another entry.
_NOT_MEANINGS = ("surname ", "CL:", "used in ", "see ", "variant of ", "old variant of ",
                 "erhua variant of ")


def _useful(entries):
    """The readings with definitions that gloss the word, common nouns (lower-case pinyin)
    before names."""
    kept = [(pinyin, tuple(g for g in glosses if not g.startswith(_NOT_MEANINGS)))
            for pinyin, glosses in entries]
    kept = [(pinyin, glosses) for pinyin, glosses in kept if glosses]
    return sorted(kept, key=lambda e: e[0][:1].isupper())
