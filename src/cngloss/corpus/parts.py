"""The parts of a numbered slogan, read from its definition: 八有一超 -> 八有 (有稳固住房, 有饮用水,
…) and 一超 (家庭年人均纯收入超过国家扶贫标准).

The headword gives the groups: one per numeral segment (``text/slogans.py``), each with the
number of items it counts. The definition gives the items, found in this order:

1. a section per group (``“六稳”指…；“六保”指…``, ``一园，即…；五区，即…``), read like
   a definition of its own;
2. an enumeration (``一是…二是…``, ``（1）…（2）…``) with as many items as counted;
3. one list for all groups, in the headword's order, in the first sentence or clause that
   splits into exactly the items counted: at ；, else at ，, else at 、 (a list of its
   own before one mixed with ，), and at 和/及/与/以及 before the last item or where one
   group ends and the next begins; or one piece of the sentence per group (``三甲一乙``:
   ``…、…、…，乙``); for two groups, the list in the other order (三站一园: ``甲园和乙站、
   丙站、丁站``);
4. one list for numerals that count the same items (三水三定: ``以水定甲、以水定乙、…``).

The items are cleaned as ``part_items.py`` says. Where the numerals do not count the items
listed, there are no parts: a guess that does not add up is worse than none.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..text.hanzi import is_hanzi
from ..text.lists import (EDGE, INTRO_WORDS, LEAD, LEVELS, conj_split, enumeration, regions,
                          split_top, top_level, unquote)
from ..text.numerals import NUMERAL_CHARS, numeral_value, numerals_for
from ..text.slogans import MEASURES, Segment, counts_periods, readings
from .part_items import (NOT_ITEM, clean, clean_first, cut_copula, cut_restated, keyed,
                         listlike, quoted_names, valid)

# A clause that sets the scene of the list: 到某年末, 按照某某程序, …时, 2025年底前.
_ADVERBIAL = re.compile(r"^(?:到|在|从|按照|根据|为了|为|围绕|依托|经过|对照).*"
                        r"|.*(?:时|期间|中|下|后|[年月日底]前)$")
# A word that joins a clause to the one before: 从而实行甲、乙、丙三权分置.
_CONNECTIVE = re.compile(r"^(?:从而|因此|所以|并且|而且|进而)[，,]?")
# What is done with a list, after its items: 对甲、乙、丙实行统一管理.
_PREDICATE = re.compile("(?<=.)(?:实行|实施|进行)")


def split_one(region: str, seg: Segment, mixed: bool = True) -> list[str] | None:
    """The ``seg.count`` items of one group from a region, or None. Unless ``mixed``, a
    list at 、 has no ，or ；between its items (甲，推动乙与丙、丁 is not 甲、乙、丙)."""
    region = LEAD.sub("", region, count=1).strip(EDGE)
    if not region:
        return None
    if seg.count == 1:
        first = split_top(cut_restated(region, [1], [seg]), LEVELS[1])[0]
        item = clean([first], seg)
        return item if valid(item, seg) and keyed(first, seg) else None
    colon = next((i for i, (ch, top) in enumerate(zip(region, top_level(region)))
                  if top and ch in "：:"), 0)
    if colon >= 2:  # 甲带和乙带：沿某路形成… (what follows the list explains it)
        before = split_one(region[:colon], seg, mixed)
        if before:
            return before
    restated = _restated_within(cut_restated(region, [seg.count], [seg]), seg)
    if restated != region:  # a list that restates its count: 从而实行甲、乙、丙三权分置
        restated = _CONNECTIVE.sub("", restated)
    region = restated
    plus = split_top(region, "+＋")  # 甲+乙+丙+丁推进机制: items joined as a code joins
    if len(plus) == seg.count and all(p.strip(EDGE) and len(split_top(p, LEVELS[-1])) == 1
                                      for p in plus):  # (not 甲、乙+丙: 乙+丙 is one item)
        items = clean(plus, seg)
        if valid(items, seg):
            return items
    for level in LEVELS:
        if level == LEVELS[-1] and not mixed and len(split_top(region, LEVELS[1])) > 1:
            continue
        clauses = level != LEVELS[0] and len(split_top(region, "，,")) > 1
        pieces = [p for p in split_top(region, level) if p.strip(EDGE)]
        if level == LEVELS[1] and seg.count >= 3 and any(
                len(split_top(p, "、")) >= seg.count for p in pieces):
            continue  # clauses that count as many as the list in one: 对甲、乙、丙实行…，…
        for candidate in _candidates(pieces, seg, level):
            if NOT_ITEM.search(candidate[0].strip(EDGE)):
                continue  # 因为…而不同于甲及乙、丙
            if clauses and not listlike([c.strip(EDGE) for c in candidate]):
                continue
            items = clean(list(candidate), seg)
            if _other_count(candidate[-1], seg):
                continue
            ending = pieces[-len(candidate):]  # (as written, before a modifier's 的 is cut)
            if valid(items, seg, long=level != LEVELS[-1]) and not _examples(
                    ending if ending[-1] == candidate[-1] else candidate, items, seg):
                return items
    return None


def _other_count(last: str, seg: Segment) -> bool:
    """Whether the list restates another count than the segment's after its last item
    (甲、乙、丙等8个高新区 under 三角): it lists some of more items, not the ones counted."""
    m = re.search(rf"等(\d{{1,2}}|[{NUMERAL_CHARS}]{{1,3}})\s*[{MEASURES}]", last)
    value = (int(m.group(1)) if m.group(1).isdigit() else numeral_value(m.group(1))) if m else None
    return value is not None and value != seg.count


def _examples(pieces: Sequence[str], items: Sequence[str], seg: Segment) -> bool:
    """Whether a list gives examples of something else, not what the numeral counts: it
    modifies a noun (a 的 before its first item) and ends in 等 and a noun that neither restates the count nor shares a character with the
    headword (缴费、网购、普惠金融等村级便民服务平台 under 三农红 E邮; not …等提升工程 under
    十大工程), and no item names a character of the headword's key."""
    last = pieces[-1]
    if "等" not in last or "的" not in pieces[0] or seg.code or not seg.key:
        return False
    after = last[last.rindex("等") + 1:]
    return bool(after) and not re.search(r"[\d一二两三四五六七八九十]", after) \
        and not set(after) & set(seg.context) and not any(ch in i for i in items for ch in seg.key)


def _restated_within(region: str, seg: Segment) -> str:
    """A region cut where its count is restated right after the list, before the clause
    goes on (甲、乙、丙三级纵向到底、丁横向到边的体系 -> 甲、乙、丙)."""
    pieces = split_top(region, "、")
    if len(pieces) <= seg.count or any(ch in "".join(pieces[:seg.count]) for ch in "，,；;"):
        return region
    last = pieces[seg.count - 1]
    m = re.search(rf"(?<=.)(?:{seg.numeral}|{seg.count})(?=[{MEASURES}]|{re.escape(seg.key[:1])})",
                  last) if seg.key else None
    if not m or any(ch in last[:m.start()] for ch in "第和及与"):
        return region
    return "、".join(pieces[:seg.count - 1] + [last[:m.start()]])


def _candidates(pieces: list[str], seg: Segment, level: str) -> list[list[str]]:
    """The ways ``pieces`` may give ``seg.count`` items, most likely first."""
    count, out = seg.count, []
    if len(pieces) == count:
        out.append(pieces)
    elif len(pieces) == count - 1 and not (
            len(pieces) >= 3 and all(conj_split(p) for p in pieces[:-1])):
        tail = conj_split(pieces[-1])  # (not in a list of pairs: 甲和乙融合、丙和丁互动)
        if tail:
            out.append(pieces[:-1] + tail)
        joined = [i for i, p in enumerate(pieces[:-1]) if conj_split(p)]
        if not tail and len(joined) == 1 and level == LEVELS[-1]:  # 推动甲与乙、丙联动
            at = joined[0]
            out.append(pieces[:at] + conj_split(pieces[at]) + pieces[at + 1:])
    elif len(pieces) > count:
        for size in range(len(seg.key), 0, -1):  # the pieces that name the key
            naming = [i for i, p in enumerate(pieces) if seg.key[:size] in p]
            if len(naming) == count and naming[-1] - naming[0] == count - 1:
                out.append(pieces[naming[0]:naming[-1] + 1])
                break
            if len(naming) >= count:
                break
        rest = list(pieces)  # after the clauses that set the scene
        while len(rest) > count and _ADVERBIAL.match(rest[0].strip(EDGE)):
            rest.pop(0)
        if len(rest) == count:
            out.append(rest)
        cut = _predicate_cut(pieces, count) if level == LEVELS[-1] else None
        if cut:
            out.append(cut)
        modified = _after_modifier(pieces, count) if level == LEVELS[-1] else None
        if modified:
            out.append(modified)
    if len(pieces) == 1 and seg.key and len(pieces[0]) % count == 0 and all(
            is_hanzi(ch) for ch in pieces[0]):  # 扩容扩能 (双扩): words of the key, unjoined
        size = len(pieces[0]) // count
        words = [pieces[0][k:k + size] for k in range(0, len(pieces[0]), size)]
        if size >= 2 and all(w.startswith(seg.key[:1]) for w in words):
            out.append(words)
    return out


def _after_modifier(pieces: list[str], count: int) -> list[str] | None:
    """The last ``count`` pieces when the first of them opens after a 的 that ends a
    modifier holding a list of its own: 在甲空间、乙空间、丙空间划定的子、丑、寅 -> 子, 丑, 寅
    (分别由甲、乙、丙部门核发的子、丑、寅)."""
    first = pieces[-count]
    at = first.rfind("的")
    if at < 2 or len(first) - at <= 2 or any("的" in p for p in pieces[-count + 1:]):
        return None
    return [first[at + 1:]] + pieces[-count + 1:]


def _predicate_cut(pieces: list[str], count: int) -> list[str] | None:
    """The first ``count`` pieces when the last of them goes on into what is done with
    the list: 对甲、乙、丙实行统一管理、分别考核 -> 甲, 乙, 丙."""
    m = _PREDICATE.search(pieces[count - 1])
    return pieces[:count - 1] + [pieces[count - 1][:m.start()]] if m else None


def split_many(region: str, segs: Sequence[Segment], strict: bool = False
               ) -> list[list[str]] | None:
    """The items of several groups from one region: one piece per group, or one list cut
    into the groups in order. ``strict``: every item names its group's key (for a list in
    another order than the headword's)."""
    region = LEAD.sub("", region, count=1).strip(EDGE)
    counts = [s.count for s in segs]
    total = sum(counts)
    region = cut_restated(region, [counts[-1]], segs[-1:])
    plus = _by_plus(region, segs)
    if plus:
        return plus
    for level in LEVELS:
        pieces = [p for p in split_top(region, level) if p.strip(EDGE)]
        while len(pieces) > len(segs) and pieces[-1].strip(EDGE).startswith("是"):
            pieces.pop()  # 甲，乙、丙，是某规划提出的格局: what the list is, after it
        if len(pieces) == len(segs) and total > len(segs) and not strict:
            groups = [split_one(p, s) for p, s in zip(pieces, segs)]
            if all(groups):
                return groups
        flat = []
        while len(pieces) > total and _ADVERBIAL.match(LEAD.sub("", pieces[0], count=1)):
            pieces = pieces[1:]
        if len(pieces) == total:
            flat.append((pieces, False))
        elif len(pieces) == total - 1:
            ends = {sum(counts[:k + 1]) - 1 for k in range(len(counts))}
            for at in sorted(ends, reverse=True):
                if at < len(pieces):
                    tail = conj_split(pieces[at])
                    if tail:
                        flat.append((pieces[:at] + tail + pieces[at + 1:], True))
        for pieces, joined in flat:
            if level != LEVELS[0] and len(split_top(region, "，,")) > 1 and not listlike(
                    [p.strip(EDGE) for p in pieces]):
                continue
            if len(segs) == 2 and counts[0] == counts[1] and _interleaved(pieces, segs):
                pieces = pieces[0::2] + pieces[1::2]  # 一清甲，建乙；二清丙，建丁
            groups, k = [], 0
            for seg in segs:
                own = pieces[k:k + seg.count]  # …甲6个综合产业和乙、丙2个新兴产业
                own[-1] = cut_restated(own[-1], [seg.count], [seg]) if seg.code else own[-1]
                groups.append(clean(own, seg, opens=not k))
                k += seg.count
            if segs[0].count == 1:  # the list's lead before a group of one: 建设甲基地和乙中心…
                groups[0][0] = clean_first(groups[0][0], [i for g in groups[1:] for i in g],
                                            segs[0])
            names = iter(cut_copula(quoted_names([i for g in groups for i in g])))  # 建设“甲”和“乙”的
            groups = [[unquote(next(names)) for _ in g] for g in groups]
            if strict and not all(s.key[-1:] in i for g, s in zip(groups, segs) for i in g):
                continue
            if level == LEVELS[-1] and total == len(segs) and not joined and all(
                    len(g[0]) <= 10 for g in groups):
                named = True  # 一甲一乙: 子园、丑平台 (short names, keys or not)
            else:
                named = all(s.count > 1 or s.code or keyed(g[0], s) for g, s in zip(groups, segs))
            if named and all(valid(g, s, long=level != LEVELS[-1])
                             for g, s in zip(groups, segs)):
                return groups
    return None


def _interleaved(pieces: list[str], segs: Sequence[Segment]) -> bool:
    """Whether two groups' items alternate, each naming its own key (六清六建: 一清甲，建立乙；
    二清丙，建立丁…), where the first group's items in a row do not."""
    one, two = segs[0].key[:1], segs[1].key[:1]
    if not one or not two or one == two:
        return False
    return all(one in p for p in pieces[0::2]) and all(two in p for p in pieces[1::2]) \
        and not all(one in p for p in pieces[:segs[0].count])


def _by_plus(region: str, segs: Sequence[Segment]) -> list[list[str]] | None:
    """A code's groups written as the code is, joined by + (改革、开放、创新+乙 under 3+1)."""
    pieces = split_top(region, "+＋")
    if not all(s.code for s in segs) or len(pieces) != len(segs):
        return None
    groups = []
    for piece, seg in zip(pieces, segs):
        if seg.count == 1:
            items = clean([piece], seg)
            groups.append(items if valid(items, seg) else None)
        else:
            groups.append(split_one(piece, seg))
    return groups if all(groups) else None


# ------------------------------------------------------------------ the parts


def _sections(definition: str, segs: Sequence[Segment]
              ) -> list[tuple[str, Segment]] | None:
    """The text each group's own introduction opens (``“八有”指…；“一超”为…``), if every
    group has one; a lone segment may be introduced by a shorter name (三分甲乙法: “三分”指)."""
    starts, readers, pos = [], [], 0
    for seg in segs:
        # a lone segment may be introduced by a shorter name (三分甲乙法: “三分”指); the last
        # one by its text before an uncounted 多 it ran on into (三廊道多庄园: “三廊道”指)
        uncounted = seg.text.find("多", len(seg.numeral) + 1) if seg is segs[-1] else -1
        if len(segs) == 1 and not seg.code:
            names = [seg.text[:size] for size in range(len(seg.text), len(seg.numeral), -1)]
        else:
            names = [seg.text] + ([seg.text[:uncounted]] if uncounted > 0 else [])
        found = next((span for name in names if (span := _section_start(definition, name, pos))),
                     None)
        read_as = seg
        if found is None and seg.code:
            found, read_as = _counted_section(definition, seg, pos)
        if found is None:
            return None
        starts.append(found)
        readers.append(read_as)
        pos = found[1]
    out = []
    for k, (_, start) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(definition)
        if segs[k].code:  # …，“X”代表…: a code's letter has a section of its own
            letter = _LETTER_SECTION.search(definition, start, end)
            end = letter.start() if letter else end
        elif k + 1 == len(starts):  # …；“多庄园”指…: a part the headword does not count
            label = _LABEL_SECTION.search(definition, start, end)
            end = label.start() if label else end
        out.append(definition[start:end])
    if len(segs) == 1:  # a section of its own ends with its clause: “三分”指…；“甲乙”指…
        out = [split_top(out[0], "；;。\n")[0]]
    return list(zip(out, readers))


# A code's number named in words where its section opens: 1个核心产业，即…; “五节点”即…;
# 三大优势产业集群即… (the 3 of “343”).
_COUNTED_LABEL = (r"(?:^|(?<=[；;。，,\s]))[\u4e00-\u9fff]{{0,3}}?[“\"]?({})"
                  r"([个大项条类]?[\u4e00-\u9fff]{{0,10}}?)"
                  r"[”\"]?[，,]?(?:即|是指|指|是|为|[：:]|—+)[：:，,]?")


def _counted_section(definition: str, seg: Segment, pos: int
                     ) -> tuple[tuple[int, int] | None, Segment]:
    """Where a code's number opens a section as a count with its noun (3个支柱产业，即…),
    and the segment that count names, read as a slogan of its own (三大优势产业集群: its
    noun after the last item is the list's, 产业集群 of 新材料产业集群)."""
    names = "|".join(re.escape(n) for n in (seg.text, *numerals_for(seg.count)))
    m = re.compile(_COUNTED_LABEL.format(names)).search(definition, pos)
    if not m or not m.group(2):
        return None, seg
    if seg.count == 1:  # one item: the section names it, as a code's 1 (一个子即甲)
        return (m.start(), m.end()), seg
    named = m.group(2)
    key = named[1:] if named[0] in MEASURES else named
    text = m.group(1) + named
    return (m.start(), m.end()), seg._replace(text=text, key=key, rest=named)


# What follows a group's name where its section opens: “六稳”指, 一园，即, 五区：, “三保”问题指.
_INTRODUCED = re.compile(rf"[”\"]?(?:[\u4e00-\u9fff]{{0,4}}?(?:[，,：:]\s*)?(?:{INTRO_WORDS}|为"
                         rf"|(?<=[：:]))[：:，,]?|[：:]|—+)")


_LETTER_SECTION = re.compile(r"[“\"][NnXx][”\"]|(?<=[；;。，,])[NnXx](?=即|指|是|代表|为|[：:])")
_LABEL_SECTION = re.compile(rf"(?<=[；;。])[“\"][^“”\"]{{1,8}}[”\"](?:{INTRO_WORDS})")
_CODE_INTRODUCED = re.compile(rf"[”\"]?(?:{INTRO_WORDS}|代表|为|是|[：:])[：:，,]?")


def _section_start(definition: str, name: str, pos: int) -> tuple[int, int] | None:
    """Where the first section of ``name`` after ``pos`` starts, and where its text does."""
    at = definition.find(name, pos)
    while at >= 0:
        m = _INTRODUCED.match(definition, at + len(name))
        if name.isdigit():  # a code's number, quoted or standing alone: “1”代表…, 1是…
            alone = (at == 0 or not definition[at - 1].isdigit()) and not definition[
                at + len(name):at + len(name) + 1].isdigit()
            m = _CODE_INTRODUCED.match(definition, at + len(name)) if alone else None
        if m:
            return at - (at > 0 and definition[at - 1] in "“\""), m.end()
        at = definition.find(name, at + 1)
    return None


def find_parts(headword: str, definition: str
               ) -> tuple[list[tuple[Segment, list[str]]], list[str]]:
    """The groups of a numbered slogan with their items; or none, and for a reviewer the
    numerals that the list the definition gives them does not add up to (``三稳 counts 3
    but the definition lists 2``)."""
    flags: list[str] = []
    for k, segs in enumerate(readings(headword)):
        if any(_ordinal(definition, s) or _named(definition, s) for s in segs):
            continue  # “二环”: 第二环城林带, the second ring, not two
        found, miscounted = _read(definition, segs) if segs else ([], [])
        if any(counts_periods(seg) and not all(i.endswith("期") for i in items)
               for seg, items in found):
            found = []  # 三期: periods only where each item names one
        if any(seg.code and re.search(rf"(?<!\d){seg.text}0+(?!\d)", item)
               for seg, items in found for item in items):
            found = []  # “111”: 100个甲, 10个乙: the code's digits stand for quantities
        if found:
            return found, []
        flags = flags if k else miscounted
    return [], flags


def _ordinal(definition: str, seg: Segment) -> bool:
    """Whether the definition writes the segment's numeral as an ordinal before its key
    (第二环 under 二环): the numeral names a place in a row, it counts nothing."""
    return bool(seg.key) and not seg.code and f"第{seg.numeral}{seg.key[:1]}" in definition


def _named(definition: str, seg: Segment) -> bool:
    """Whether the definition glosses the numeral as a name in brackets (退二进三: 工业（二产）
    退出, 服务业（三产）进入): it names a sector, it counts nothing."""
    return not seg.code and re.search(rf"[（(]{seg.numeral}[\u4e00-\u9fff][）)]", definition) is not None


def _read(definition: str, segs: Sequence[Segment]
          ) -> tuple[list[tuple[Segment, list[str]]], list[str]]:
    """``find_parts`` for one reading of the headword."""
    sections = _sections(definition, segs)
    if sections:
        groups = [_section_items(text, reader) for text, reader in sections]
        if all(groups):
            return list(zip(segs, groups)), []
    found = _listed(definition, segs, equal_counts=not sections)
    if found:
        return found, []
    if sections:
        counted = [(seg, len(_first_list(text))) for seg, items, text in
                   zip(segs, groups, (text for text, _ in sections)) if items is None]
    else:
        counted = _keyed_counts(definition, segs)
    return [], [f"{seg.text} counts {seg.count} but the definition lists {n}"
                for seg, n in counted if n >= 2 and n != seg.count]


def _first_list(text: str) -> list[str]:
    """The items of the first list in ``text``: its first sentence cut at the first
    separator that cuts it, the last piece at its joining word."""
    sentence = LEAD.sub("", split_top(text, "。\n")[0], count=1).strip(EDGE)
    for level in LEVELS:
        pieces = [p for p in split_top(sentence, level) if p.strip(EDGE)]
        if len(pieces) > 1:
            return pieces[:-1] + (conj_split(pieces[-1]) or pieces[-1:])
    return conj_split(sentence) or []


def _keyed_counts(definition: str, segs: Sequence[Segment]) -> list[tuple[Segment, int]]:
    """How many items of the definition's first list each segment's key names, where every
    item names exactly one (甲园、乙园和丙区 under 三园一区: 三园 2, 一区 1)."""
    items = [i for c in split_top(split_top(definition, "。\n")[0], LEVELS[1])
             for i in _first_list(c)][:sum(s.count for s in segs) + 2]
    ends = [s.key[-1:] for s in segs]
    if len(items) < 2 or len(set(ends)) < len(ends) or not all(
            sum(e in i for e in ends) == 1 for i in items):
        return []
    return [(s, sum(e in i for i in items)) for s, e in zip(segs, ends)]


def _section_items(text: str, seg: Segment) -> list[str] | None:
    """A group's items from its own section: an enumeration, else a list."""
    enumerated = enumeration(text, seg.count)
    if enumerated:
        return clean(enumerated, seg, listed=False)
    if seg.code and seg.count == 1:  # “1”是指甲，…: its section names it
        item = clean([split_top(text, LEVELS[1])[0]], seg)
        return item if valid(item, seg) else None
    return next((items for mixed in (False, True) for region in regions(text)
                 if (items := split_one(region, seg, mixed))), None)


def _listed(definition: str, segs: Sequence[Segment], equal_counts: bool
            ) -> list[tuple[Segment, list[str]]]:
    """The groups from one list (or enumeration) of the definition for all segments."""
    if len(segs) == 1:
        enumerated = enumeration(definition, segs[0].count)
        if enumerated:
            return [(segs[0], clean(enumerated, segs[0], listed=False))]
    places = regions(definition)
    for mixed in (False, True):
        for region in places:
            if len(segs) == 1:
                items = split_one(region, segs[0], mixed)
                if items:
                    return [(segs[0], items)]
            elif mixed:
                groups = split_many(region, segs)
                if groups:
                    return list(zip(segs, groups))
    if len(segs) == 2:  # 三站一园: 建设甲园和乙站、丙站、丁站
        for region in places:
            groups = split_many(region, segs[::-1], strict=True)
            if groups:
                return list(zip(segs, groups[::-1]))
    for region in places:  # 两带一圈: 甲带、乙圈、丙带, each item in the group its key names
        groups = _by_keys(region, segs)
        if groups:
            return list(zip(segs, groups))
    if equal_counts and len(segs) > 1 and len({s.count for s in segs}) == 1 and segs[0].count > 1:
        # 三水三定: 以水定甲、以水定乙、以水定丙, one list for both numerals
        whole = Segment("".join(s.text for s in segs), segs[0].count, "", segs[0].lead,
                        segs[-1].rest, segs[-1].end, segs[-1].context)
        for region in places:
            items = split_one(region, whole)
            if items and all(_names_keys(i, region[:region.find(items[0])], segs) for i in items):
                return [(whole, items)]
    return []


def _by_keys(region: str, segs: Sequence[Segment]) -> list[list[str]] | None:
    """The groups of one list at 、 whose items are not in the headword's order, each item
    given to the one group whose key's last character it ends with, where that gives every
    group its count."""
    ends = [s.key[-1:] for s in segs]
    if len(segs) < 2 or not all(ends) or len(set(ends)) < len(ends):
        return None
    pieces = split_top(region, "、")
    pieces = pieces[:-1] + (conj_split(pieces[-1]) or pieces[-1:])
    items = [p.strip(EDGE) for p in pieces]
    owners = [[k for k, e in enumerate(ends) if i.endswith(e)] for i in items]
    if len(items) != sum(s.count for s in segs) or any(len(o) != 1 for o in owners):
        return None
    groups = [[i for i, o in zip(items, owners) if o == [k]] for k in range(len(segs))]
    if [len(g) for g in groups] != [s.count for s in segs] or groups == [
            items[sum(s.count for s in segs[:k]):][:s.count] for k, s in enumerate(segs)]:
        return None  # (in the headword's order: the lists above read it)
    groups = [clean(g, s) for g, s in zip(groups, segs)]
    return groups if all(valid(g, s) for g, s in zip(groups, segs)) else None


def _names_keys(item: str, lead: str, segs: Sequence[Segment]) -> bool:
    """Whether an item of one list for several numerals names each numeral's key, itself
    or in the words before the list (看有没有抓甲、抓乙… under 三抓三看)."""
    return all(s.key in item or s.key in lead for s in segs) and any(s.key in item for s in segs)


def group_name(seg: Segment, items: Sequence[str], others: Sequence[str] = ()) -> str:
    """The group's name: its segment, or the numeral and as much of the key as every item
    contains (四好农村公路 -> 四好), if that names none of the ``others`` (六好甲 and 六好乙
    stay as they are)."""
    numeral = seg.numeral
    measure = seg.text[len(numeral):len(seg.text) - len(seg.key)]
    for size in range(len(seg.key), 0, -1):
        if all(seg.key[:size] in i for i in items):
            short = numeral + measure + seg.key[:size]
            unique = not any(o.startswith(short) for o in others)
            return short if size <= len(seg.key) - 2 and unique else seg.text
    return seg.text
