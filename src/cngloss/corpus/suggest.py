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
from ..text.numerals import NUMERAL_CHARS
from .parts import find_parts, group_name

ID_MAX = 48


def pinyin_of(term: str) -> str:
    """Tone-marked pinyin, one syllable per hanzi, read by pypinyin with its phrase data
    over the whole headword (so 重庆 is chóng qìng). The same reading ``check`` compares
    with, so a fresh import has no pinyin warning."""
    from pypinyin import Style, pinyin  # lazy: pypinyin and its phrase data, import only

    hanzi = hanzi_of(term)
    return " ".join(r[0] for r in pinyin(hanzi, style=Style.TONE)) if hanzi else ""


def make_id(term: str, taken: set[str]) -> str:
    """A unique ASCII id from the toneless pinyin: words split at numerals and at anything
    that is not a hanzi (六稳六保 -> liuwen-liubao, 1+5+N创新平台体系 -> 1-5-n-chuangxin-pingtai-tixi),
    runs of four or more in pairs; ``-2``, ``-3`` … where it is taken. Adds it to ``taken``."""
    from pypinyin import lazy_pinyin  # lazy: pypinyin, import only

    words: list[str] = []
    for chunk in _chunks(term):
        if is_hanzi(chunk[0]):
            words.append("".join(lazy_pinyin(chunk)))
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
    """Parts for the numbered slogans of a headword (八有一超 -> 八有 + 一超), each with the
    items the definition lists for it, as ``parts.py`` finds them; and the flags for a
    reviewer. Where the numerals do not count the items listed there are no parts."""
    groups, flags = find_parts(term, definition)
    texts = [seg.text for seg, _ in groups]
    return [{"name": group_name(seg, items, texts[:k] + texts[k + 1:]), "items": list(items)}
            for k, (seg, items) in enumerate(groups)], flags


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
