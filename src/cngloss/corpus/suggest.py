"""Suggestions for a new glossary entry, made from the report: an id, pinyin, the parts of
a numbered slogan, the variants the body uses, the related terms. Each is a guess for a
translator to review (``cngloss import`` lists them under ``unreviewed``), never a fact.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..lookup.passages import PassageFinder
from ..model import Note, Report
from ..text.hanzi import CLOSING, OPENING, hanzi_of, is_hanzi, strip_quotes
from ..text.numerals import NUMERAL_CHARS, leading_count
from ..text.pinyin import toneless

ID_MAX = 48
# A numbered slogan inside a headword: a numeral and up to three hanzi that are not
# numerals (六稳, 两不愁, 三保障, 八有, 一超, 十校).
SLOGAN = re.compile(rf"([{NUMERAL_CHARS}]+)([^{NUMERAL_CHARS}\W\d]{{1,3}})")
_LIST_SPLIT = re.compile(r"[，,。；;：:（）()\n]")


def pinyin_of(term: str, definition: str = "") -> str:
    """Tone-marked pinyin, one syllable per hanzi (``corpus/readings.py``: words cut with
    pypinyin's phrases and the reviewed list, a slogan's polyphones read as its definition
    reads them, 一 and 不 in citation tones). The reading ``check`` compares with, so a
    fresh import has no pinyin warning."""
    from .readings import pinyin_text  # lazy: pypinyin and its phrase data, import only

    return pinyin_text(term, definition)


def make_id(term: str, taken: set[str]) -> str:
    """A unique ASCII id from the toneless pinyin (each chunk's reading as ``pinyin_of``
    reads it, ü as v): words split at numerals and at anything that is not a hanzi
    (六稳六保 -> liuwen-liubao, 1+5+N创新平台体系 -> 1-5-n-chuangxin-pingtai-tixi), runs of
    four or more in pairs; ``-2``, ``-3`` … where it is taken. Adds it to ``taken``."""
    from .readings import read  # lazy: pypinyin, import only

    words: list[str] = []
    for chunk in _chunks(term):
        if is_hanzi(chunk[0]):
            words.append("".join(plain for plain, _ in toneless(" ".join(read(chunk)))))
        else:
            words.extend(w for w in re.split(r"[^a-z0-9]+", chunk.lower()) if w)
    base = "-".join(w for w in ("".join(c for c in w if c.isascii() and c.isalnum())
                                for w in words) if w) or "term"
    while len(base) > ID_MAX and "-" in base:
        base = base.rsplit("-", 1)[0]
    base = base[:ID_MAX].strip("-")
    ident, k = base, 1
    while ident in taken:
        k += 1
        ident = f"{base}-{k}"
    taken.add(ident)
    return ident


def _chunks(term: str) -> list[str]:
    """Runs of hanzi split before a numeral (not at the start), then into pairs if long;
    other runs as they are."""
    out: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff\u3400-\u4dbf]+|[^\u4e00-\u9fff\u3400-\u4dbf]+", term):
        if not is_hanzi(run[0]):
            out.append(run)
            continue
        for word in re.split(rf"(?<=.)(?=[{NUMERAL_CHARS}])", run):
            if len(word) <= 3:
                out.append(word)
            else:
                pairs = [word[i:i + 2] for i in range(0, len(word), 2)]
                if len(pairs[-1]) == 1:
                    pairs[-2:] = [pairs[-2] + pairs[-1]]
                out.extend(pairs)
    return [c for c in out if c]


def suggest_parts(term: str, definition: str) -> tuple[list[dict], list[str]]:
    """Parts for the numbered slogans of a headword (六稳六保 -> 六稳 + 六保), each with the
    items the definition lists for it; and the flags: a slogan whose items do not add up to
    its numeral is kept as a plain list (``name: null``) and flagged.

    A slogan is a numeral and the one to three characters after it that every item of one
    of the definition's 、-lists contains (四好农村公路: 建好、管好、护好、运营好 -> 四好);
    failing that, the numeral and one character, with the one list of that many items."""
    parts, flags = [], []
    lists = _item_lists(definition)
    for m in SLOGAN.finditer(strip_quotes(term)):
        numeral = m.group(1)
        count = leading_count(numeral + m.group(2))
        if not count or count < 2:
            continue
        name, items = None, None
        measure = "个" if m.group(2).startswith("个") else ""  # 五个坚持: the key is 坚持
        after = m.group(2)[len(measure):]
        for size in range(len(after), 0, -1):
            key = after[:size]
            keyed = [found for _, found in lists if all(key in item for item in found)]
            if keyed:
                exact = [found for found in keyed if len(found) == count]
                name, items = numeral + measure + key, (exact or keyed)[0]
                break
        if items is None:
            sized = [found for _, found in lists if len(found) == count]
            if len(sized) != 1:
                continue
            name, items = numeral + m.group(2)[0], sized[0]
        if len(items) == count:
            parts.append({"name": name, "items": items})
        else:
            parts.append({"name": None, "items": items})
            flags.append(f"{name} counts {count} but the definition lists {len(items)}")
    return parts, flags


def _item_lists(definition: str) -> list[tuple[int, list[str]]]:
    """Lists of items the definition enumerates with 、 (each clause one list), with where
    each clause starts. The first item loses what introduces the list (``“六稳”指``), the
    last what follows a closing quote (``运营好”农村公路`` -> ``运营好``)."""
    found, pos = [], 0
    for clause in _LIST_SPLIT.split(definition):
        start = definition.find(clause, pos)
        pos = start + len(clause)
        items = clause.split("、")
        if len(items) < 2:
            continue
        lead = _STARTS.match(items[0]) or _INTRO.match(items[0])
        if lead and (len(lead.group(1)) >= 2 or lead.re is _STARTS):
            items[0] = lead.group(1)
        items[-1] = re.split(r"[“”\"]", items[-1].lstrip("“\""))[0]
        items = [i.strip().strip("“”‘’\" ") for i in items]
        if all(items):
            found.append((start, items))
    return found


# What introduces a list: everything up to the last quote or defining word of the item.
_STARTS = re.compile(r"^(?:是指|指|即|包括)(.+)$")
_INTRO = re.compile(r".*(?:[“”\"]|即|指|是|包括|为)(.+)$")


def suggest_variants(term: str, printed: str, note: Note, report: Report,
                     finder: PassageFinder) -> list[str]:
    """Forms the body writes where it marks this note, when the headword itself does not
    occur: the quoted text before the marker (``“X”〔1〕``) or inside the quotes with it
    (``“X〔1〕”``)."""
    if note.number is None or finder.occurs(term):
        return []
    out: list[str] = []
    for paragraph in report.paragraphs:
        for ref in paragraph.footnotes:
            if ref.note != note.number:
                continue
            form = _quoted_before(paragraph.text, ref.offset)
            if form and form != term and form not in out and finder.occurs(form):
                out.append(form)
    if not out and strip_quotes(printed) != term and finder.occurs(printed):
        out.append(strip_quotes(printed))
    return out


def _quoted_before(text: str, offset: int) -> str | None:
    before = text[:offset]
    if before.endswith(tuple(CLOSING)):
        opening = max(before.rfind(q, 0, len(before) - 1) for q in OPENING)
        inner = before[opening + 1:-1] if opening >= 0 else ""
    else:
        opening = max(before.rfind(q) for q in OPENING)
        closing = max(before.rfind(q) for q in CLOSING if q not in OPENING)
        inner = before[opening + 1:] if opening > closing else ""
    return inner if 2 <= len(inner) <= 30 else None


def suggest_related(notes: Sequence[Note], headwords: Sequence[str]) -> list[list[int]]:
    """For each note, the indexes of the other notes whose headword its definition names,
    each link declared once (by the earlier note)."""
    out: list[list[int]] = [[] for _ in notes]
    for i, note in enumerate(notes):
        for j, other in enumerate(headwords):
            if j == i or len(hanzi_of(other)) < 2 or other == headwords[i]:
                continue
            if strip_quotes(other) in strip_quotes(note.definition) and i not in out[j]:
                out[i].append(j)
    return out


def english_by_headword(terms: Iterable) -> dict[str, list[dict]]:
    """Headword -> English renderings (as YAML values) of an existing glossary's terms."""
    out: dict[str, list[dict]] = {}
    for term in terms:
        if term.english:
            out.setdefault(term.term, [
                {k: v for k, v in (("text", r.text), ("source", r.source), ("url", r.url))
                 if v is not None} for r in term.english])
    return out
