"""Lists in running Chinese text: where they split (；，、 outside brackets and quotation
marks), the joining word before an item (和, 及, 与, 以及, 或), an enumeration (一是…二是…),
the sentences and clauses a list may stand in, and the quotation marks around an item.

Pure string functions; ``corpus/parts.py`` reads a numbered slogan's items with them.
"""

from __future__ import annotations

import re
from typing import Sequence

OPEN = "（(《〈【[“‘「『"
CLOSE = "）)》〉】]”’」』"
SENTENCE = "。！？!?\n"
# The separators of a list, strongest first: a list at ， is also cut at ；, one at 、 at all.
LEVELS = ("；;", "；;，,", "；;，,、")
# What may stand around an item and is not part of it.
EDGE = "，,。；;：:、 \u3000\t"

# Words that introduce a list: “六稳”指…, 即…, 包括：…
INTRO_WORDS = ("即指|即|是指|指的是|分别指|分别对应|指|主要包括|包括|分别为|分别是|具体为|具体是|具体包括|"
               "具体指|主要有|主要是|其中")
_INTRO = re.compile(rf"(?:(?<=[，,”：:])|^)(?:{INTRO_WORDS})[：:，,]?")
# A list as the content of what follows it: 以甲、乙、丙为主要内容的…
_CONTENT = re.compile(r"以([^。；;]+?)为(?:主要|重点|核心)?内容")
# The verbs that report who set a list: 某纲要提出，…
REPORTING = "提出|指出|强调|明确"
_REPORTED = re.compile(rf"(?:{REPORTING})[，,：:]")
# What opens a list's first item and is no part of it: a number, an introducing word.
LEAD = re.compile(r"^\s*(?:[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,2})[）)]|[①-⑳]"
                  r"|(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:是|[、.．](?!\d)))?\s*"
                  rf"(?:{INTRO_WORDS})?[：:，,]?\s*")
# 和/及/与/以及/或 joining two items, not inside a word (和谐, 及时, 参与, 普及, 或是).
_CONJ = re.compile(r"以及|或者|(?<![共温缓平总调])和(?!谐)|(?<![普涉危顾波论企以])及(?![时早])"
                   r"|(?<![参给赋])与|或(?!是)")
# The markers of an enumeration, each with a place for the number: 一是, 一要, （1）, 第一，
_MARKERS = (r"(?:^|(?<=[。；;，,：:\s]))({})是", r"(?:^|(?<=[。；;，,：:\s]))({})要",
            r"[（(]({})[）)]", r"(?:^|(?<=[。；;，,：:\s]))第({})[，,、]")


def top_level(text: str) -> list[bool]:
    """For each character, whether it stands outside all brackets and quotation marks."""
    out, depth, straight = [], 0, False
    for ch in text:
        if ch in CLOSE and depth:
            depth -= 1
            out.append(False)
            continue
        out.append(depth == 0 and not straight)
        if ch in OPEN:
            depth += 1
        elif ch == '"':
            straight = not straight
    return out


def split_top(text: str, separators: str) -> list[str]:
    """``text`` cut at each of ``separators`` that stands outside brackets and quotes; where
    they include 、, also between two titles or quotations written one after the other
    (《甲》《乙》, “甲”“乙”)."""
    top = top_level(text)
    pieces, start = [], 0
    for i, ch in enumerate(text):
        if top[i] and ch in separators:
            pieces.append(text[start:i])
            start = i + 1
        elif ch in "《“" and top[i] and i > start and text[i - 1] == CLOSE[OPEN.index(ch)] \
                and "、" in separators:  # 《甲》《乙》, “甲”“乙”
            pieces.append(text[start:i])
            start = i
    pieces.append(text[start:])
    return pieces


def conj_split(piece: str) -> list[str] | None:
    """A piece with no separator of its own cut at its last joining word: ``甲和乙``."""
    top = top_level(piece)
    if any(top[i] and ch in LEVELS[-1] for i, ch in enumerate(piece)):
        return None
    for m in reversed(list(_CONJ.finditer(piece))):
        if top[m.start()] and m.start() > 0 and m.end() < len(piece):
            return [piece[:m.start()], piece[m.end():]]
    return None


def regions(text: str) -> list[str]:
    """Where a list may stand, most likely first: each sentence, the text after a colon or
    an introducing word in it, each of its ；- and ，-clauses, a long quotation and its
    clauses."""
    out: list[str] = []
    for sentence in split_top(text, SENTENCE):
        sentence = sentence.strip()
        if not sentence:
            continue
        candidates = [sentence]
        top = top_level(sentence)
        candidates += [sentence[i + 1:] for i, ch in enumerate(sentence)
                       if top[i] and ch in "：:"]
        candidates += [sentence[m.end():] for m in _INTRO.finditer(sentence) if top[m.start()]]
        candidates += [m.group(1) for m in _CONTENT.finditer(sentence)]
        candidates += [sentence[m.end():] for m in _REPORTED.finditer(sentence)]
        candidates += split_top(sentence, LEVELS[0]) + split_top(sentence, LEVELS[1])
        for m in re.finditer(r"“([^“”]{6,})”", sentence):
            quoted = m.group(1)
            candidates += [quoted] + split_top(quoted, LEVELS[0]) + split_top(quoted, LEVELS[1])
        for c in candidates:
            c = c.strip()
            if c and c not in out:
                out.append(c)
    return out


def enumeration(text: str, n: int) -> list[str] | None:
    """The items of ``一是…二是…`` (or ``一要…``, ``（1）…（2）…``, ``第一，…``) when there
    are exactly ``n``, in order; the last runs to the end of its sentence."""
    if n < 2 or n > 10:
        return None
    for marker in _MARKERS:
        for names in ("一二三四五六七八九十", [str(k) for k in range(1, 11)]):
            found, pos = [], 0
            for name in names[:n]:
                m = re.compile(marker.format(re.escape(name))).search(text, pos)
                if m is None:
                    break
                found.append(m)
                pos = m.end()
            if len(found) != n:
                continue
            items = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
            items.append(split_top(text[found[-1].end():], "。\n")[0])
            items = [i.strip(EDGE) for i in items]
            if all(items):
                return items
    return None


def unquote(item: str) -> str:
    """An item without the quotation marks around all of it (``“甲乙”``), keeping those
    inside (``甲“乙丙”``, ``“甲”乙和丙``)."""
    while len(item) > 2 and _enclosed(item):
        item = item[1:-1].strip()
    return item


def _enclosed(item: str) -> bool:
    """Whether the quotation mark that opens ``item`` is the one that closes it."""
    if item[0] == '"':
        return item[-1] == '"' and item.count('"') == 2
    if item[0] not in "“‘「『" or item[-1] not in "”’」』":
        return False
    depth = 0
    for i, ch in enumerate(item):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0:
                return i == len(item) - 1
    return False


def common_prefix(items: Sequence[str]) -> str:
    """What every item opens with (``""`` for none)."""
    first = items[0]
    for k in range(len(first)):
        if any(len(i) <= k or i[k] != first[k] for i in items[1:]):
            return first[:k]
    return first


def common_suffix(items: Sequence[str]) -> str:
    """What every item ends with (``""`` for none)."""
    return common_prefix([i[::-1] for i in items])[::-1]
