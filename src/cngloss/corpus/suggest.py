"""Suggestions for a new glossary entry, made from the report: an id, pinyin, the parts of
a numbered slogan, the variants the body uses, the related terms. Each is a guess for a
translator to review (``cngloss import`` lists them under ``unreviewed``), never a fact.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..lookup.passages import PassageFinder
from ..model import Note, Report
from ..text.hanzi import CLOSING, OPENING, QUOTES, hanzi_of, is_hanzi, strip_quotes
from ..text.numerals import NUMERAL_CHARS
from ..text.pinyin import toneless
from .parts import find_parts, group_name

ID_MAX = 48
# A numbered slogan inside a headword's qualifier (六稳, 两不愁, 八有): such a qualifier is a
# slogan of its own, so the core after it does not stand for the headword (near forms).
SLOGAN = re.compile(rf"([{NUMERAL_CHARS}]+)([^{NUMERAL_CHARS}\W\d]{{1,3}})")


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


# Near forms: how a body writes a term it never writes whole (issue 23).
NEAR_GAP = 8          # characters a split form may insert between two pieces of the term
NEAR_GAPS = 2         # pieces inserted at most
NEAR_MIN = 4          # characters a shortened form keeps at least
# A tail that names the kind of thing, not the thing: 职教攻坚计划 is written 职教攻坚.
GENERIC_TAILS = ("计划", "工程", "行动", "试点", "工作", "体系", "机制", "模式", "政策", "项目")
_GAP_STOP = re.compile(r"[，,。；;：:！？!?\n（）()《》]|\d+\s*[个家项所条座处名位件万亿%％]")
# Where a numbered core starts inside a headword: digits or a numeral after a hanzi that
# is no numeral (藏区|9+3免费教育计划, 旅游产业发展|三年提升计划; not 1＋|7, 百|千万).
_NUMBERED_START = re.compile(
    rf"(?<=[^\W\d{NUMERAL_CHARS}A-Za-z])(?:\d|[{NUMERAL_CHARS}](?=[^{NUMERAL_CHARS}\W\d]))")
_SENTENCE = re.compile(r"[。；！？]")
_COUNTED = re.compile(rf"^(?:\d+|[{NUMERAL_CHARS}]+)[个项大条类]?")


def suggest_near_forms(term: str, printed: str, report: Report, finder: PassageFinder,
                       headwords: Sequence[str] = ()) -> list[str]:
    """Forms near the term that the body writes where it never writes the term itself, for
    review (``import`` lists them as unreviewed variants and flags them; nothing merges
    them): first a *split* form, the term's characters in order with a few inserted
    (市委二十字总任务 -> 市委二十字总体任务, 乙山片区扶贫攻坚试点 -> 乙山片区区域发展与扶贫攻坚
    试点); failing that, a *shortened* form, the term without a part that does not
    name it: its quoted tail (旅游重振工程“五大行动” -> 旅游重振工程), a generic tail (职教攻坚计划
    -> 职教攻坚), what comes before its numbered core (旅游产业发展三年提升计划 -> 三年提升计划).
    A shortened form that is another note's headword (``headwords``) is that note's."""
    bare = strip_quotes(term)
    if len(bare) < NEAR_MIN or finder.occurs(term):
        return []
    split = _split_form(bare, report)
    if split:
        return [split]
    others = {strip_quotes(h) for h in headwords} - {bare}
    return [form for form in _shortened_forms(bare, printed, report)
            if form not in others and finder.occurs(form)][:1]


def _split_form(bare: str, report: Report) -> str | None:
    """The body's shortest span holding the term's characters in order, in two or three
    pieces of two characters or more, each gap at most ``NEAR_GAP`` characters without
    sentence punctuation; as the body writes it (quotes inside kept)."""
    best: tuple[int, str] | None = None
    for paragraph in report.paragraphs:
        text, origin = _unquoted(paragraph.text)
        if bare[:2] not in text:
            continue
        for pieces in _pieces(bare):
            found = _find_pieces(text, pieces)
            if found is not None:
                start, end, gap = found
                form = _balanced(paragraph.text, origin[start], origin[end - 1] + 1)
                if best is None or gap < best[0]:
                    best = (gap, form)
    return best[1] if best else None


def _pieces(bare: str) -> Iterable[tuple[str, ...]]:
    n = len(bare)
    for i in range(2, n - 1):
        yield bare[:i], bare[i:]
    for i in range(2, n - 3):
        for j in range(i + 2, n - 1):
            yield bare[:i], bare[i:j], bare[j:]


def _find_pieces(text: str, pieces: tuple[str, ...]) -> tuple[int, int, int] | None:
    """Where the pieces occur in order, each after a gap of 1..NEAR_GAP characters with no
    sentence punctuation: (start, end, total gap) of the first such span, or None."""
    at = text.find(pieces[0])
    while at >= 0:
        pos, gap = at + len(pieces[0]), 0
        for piece in pieces[1:]:
            nxt = text.find(piece, pos + 1, pos + NEAR_GAP - gap + len(piece))
            inserted = text[pos:nxt]
            if nxt < 0 or _GAP_STOP.search(inserted) or ("、" in inserted and inserted != "、"):
                break  # not 做好“三甲”工作、完成“三乙”: two clauses
            gap += nxt - pos
            pos = nxt + len(piece)
        else:
            return at, pos, gap
        at = text.find(pieces[0], at + 1)
    return None


def _balanced(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened over the quotation marks just outside it that close or
    open one inside it (``五位一体”园区…`` -> ``“五位一体”园区…``)."""
    while start > 0 and text[start - 1] in OPENING and _lowest_depth(text[start:end]) < 0:
        start -= 1
    while end < len(text) and text[end] in CLOSING and _depth(text[start:end]) > 0:
        end += 1
    return text[start:end]


def _depth(text: str) -> int:
    """Opening minus closing quotation marks (straight quotes not counted)."""
    return sum(text.count(q) for q in "“‘「『") - sum(text.count(q) for q in "”’」』")


def _lowest_depth(text: str) -> int:
    """The lowest depth of quotation reached reading ``text``: below 0, a quote closes that
    opened before it."""
    depth = lowest = 0
    for ch in text:
        depth += (ch in "“‘「『") - (ch in "”’」』")
        lowest = min(lowest, depth)
    return lowest


def _unquoted(text: str) -> tuple[str, list[int]]:
    """``text`` without quotation marks, and where each character came from."""
    kept = [(i, ch) for i, ch in enumerate(text) if ch not in QUOTES]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _shortened_forms(bare: str, printed: str, report: Report) -> list[str]:
    out: list[str] = []
    tail = re.fullmatch(r"(.+?)[“\"][^“”\"]+[”\"]", printed.strip())
    if tail and strip_quotes(tail.group(1)).endswith(GENERIC_TAILS):
        out.append(strip_quotes(tail.group(1)))  # a named programme, not 安全生产“…”
    for generic in GENERIC_TAILS:
        if bare.endswith(generic):
            out.append(bare[:-len(generic)])
    core = _NUMBERED_START.search(bare, 2)
    if core and _core_fits(bare[core.start():], bare[:core.start()], report):
        out.append(bare[core.start():])
    return [form for form in dict.fromkeys(out)
            if len(form) >= NEAR_MIN and any(is_hanzi(ch) for ch in form) and form != bare]


def _core_fits(core: str, qualifier: str, report: Report) -> bool:
    """Whether the numbered core of a headword (三年提升计划 of 旅游产业发展三年提升计划)
    stands for it in this body: not a count of anything (10个项目), not the second of two
    slogans (三件大事|三大会战), and, unless it opens on a code (9+3免费教育计划 of 藏区“9+3”
    免费教育计划), every paragraph that writes it names its qualifier (two of its
    characters in a row, a pair that few paragraphs write) in every sentence that writes
    it: 四个最严 of 食品药品监管“四个最严” is not taken where the body writes 四个最严 for
    another field."""
    rest = core[_COUNTED.match(core).end():]
    if rest in GENERIC_TAILS or SLOGAN.search(qualifier):
        return False
    hanzi = hanzi_of(qualifier)
    pairs = {hanzi[i:i + 2] for i in range(len(hanzi) - 1)}
    if not pairs or core[0].isdigit():  # a year (2023年十件民生实事); a code (9+3免费教育计划)
        return True
    texts = [strip_quotes(p.text) for p in report.paragraphs]
    # pairs that name something: not those most paragraphs write (城市, 建设, 全国)
    rare = {pair for pair in pairs
            if sum(pair in text for text in texts) <= max(2, len(texts) // 10)}
    writing = [s for text in texts if core in text for s in _SENTENCE.split(text) if core in s]
    return bool(writing) and all(any(pair in s for pair in rare) for s in writing)


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
