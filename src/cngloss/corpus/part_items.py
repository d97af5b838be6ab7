"""A numbered slogan's items as a reader quotes them, from the pieces a list splits into:
without the words that lead into the list (即, 一是, a verb that governs every item, the
subject before 的) or follow its last item (等五项, 三个方面, the headword's own noun:
运营好农村公路 under 四好农村公路), without quotation marks around a whole item.

Each rule compares an item with the others of its list, since what they share is the
list's, not the item's: 实施 before 甲、乙、丙提升工程 governs all three, 农村公路 after 建好、
管好、护好、运营好 names all four. And which pieces are no items at all.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..text.hanzi import strip_quotes
from ..text.lists import (EDGE, LEAD, LEVELS, REPORTING, common_prefix, common_suffix, split_top,
                          top_level, unquote)
from ..text.numerals import numerals_for
from ..text.slogans import MEASURES, Segment
from .align import align

# A word that governs the whole list, before its first item: 实施甲、乙、丙提升工程.
_GOVERNING = ("大力推进", "加快推进", "着力推进", "深入推进", "全面推进", "着力建设", "大力发展",
              "加快建设", "加快", "着力构建", "着力打造", "构建", "打造", "推行", "促进", "实施",
              "推进", "建设", "开展", "采取", "创建", "争取", "通过", "推动", "实行", "减轻",
              "改建", "进一步", "全市", "全省", "全县", "要", "努力", "在", "对", "集",
              "重点增强", "全面增强", "增强", "牢固树立", "树立", "界定", "重点发展", "重点培育",
              "培育壮大", "打好")
# 某市把甲产业、乙产业…; 把某地建设成甲基地、乙基地…
_BA = re.compile(r"^[^，、]{0,6}?把[^，、]{1,12}?(?:建设成为|建设成|建成|打造成|打造为|列为|确定为"
                 r"|作为)|^[^，、]{1,6}?[把将](?=.)")
# Who said the list, before it: 党的十八大提出甲、乙…; 某纲要提出，到某年…
_REPORTED = re.compile(rf"^[^，、]{{0,24}}?(?:{REPORTING})的?[，,：:]?(?=.)")
# What sets the scene before the list's verb: 在某地13个县强化甲、乙…; 帮助企业解决甲、乙…;
# 由甲、乙…构成; 根据甲、乙…
_SCENE = re.compile(r"^在[^，、；]{1,30}?(?:强化|加强|开展|推进|实施|推行|落实)(?=.)"
                    r"|^(?:帮助|协助)[^，、；]{1,8}?(?:解决|破解|化解)(?=.)"
                    r"|^(?:形成|建立|构建)?由(?=.)|^根据(?=.)")
# Who does the list, before it: a clause ending in a verb and 的 (东莞近年来力推的甲、乙…;
# 省委省政府部署实施的甲工程、…; 某部门在某方面实行的甲的一律不批), or an agent and its
# verb (各村居组建甲和乙; 各中心承担甲、乙…).
_DOER = re.compile(r"^[^，、；]{2,24}?(?:力推|推行|部署实施|组织实施|实施|实行|部署|确定|开展|推出)的"
                   r"|^各[^，、；的]{1,10}?(?:组建|承担|设立|建立|成立)(?=..)")
# A number each item opens with, the list's: 第1条起于…；第2条…
_NUMBERED = re.compile(r"^第(?:\d{1,2}|[一二三四五六七八九十]{1,2})[条个项](?=..)")
# A later item's adverbial that the first has not: 调整甲，首先要调整乙
_LATER = re.compile(r"^(?:首先|其次|同时|也|还|更)要(?=..)")
# A joining word that opens an item: …，以及甲.
_JOINING = re.compile(r"^(?:以及|及(?![时早格])|并且)(?=..)")
# The frame of a list of fields after its last item: 在甲、乙、丙领域开展…
_FIELD = re.compile("(?<=.)(?:等)?(?:领域|方面)")
# A verb that names the list after its last item: …辛产业确定为八大产业.
_NAMING = re.compile("确定为|列为|作为|称为|统称为|统称|简称|合称|于一体")
_GENERIC_TAILS = ("产业链", "工程", "行动", "方面", "领域", "措施", "内容", "项目", "工作", "政策",
                  "问题", "活动", "现象", "行为", "情况")
# The count restated after the last item: …等五项, …三个方面, “十大”甲.
_RESTATED = re.compile(r"(?:[一二两三四五六七八九十]+|(?<!\d)\d{1,2})"
                       r"(?:个|项|大|条|种|类|件|方面|家|所|座|名|支)")
# Pieces that are no items: a clause that goes on (因为…, 故…, 以确保…), a time alone
# (从某年起).
NOT_ITEM = re.compile(r"^(?:因为|因此|所以|故(?!意|障|事|宫|乡|居|里)|但|但是|从而|由于|目前|即使|如果|虽然|而且|并且|以便|"
                      r"旨在|目的|其中|同时[，,]|以(?:确保|保证|便|免|防)|也不|也是|还有|而是|不仅|"
                      r"不再)|^(?:从|自|到|在|截至|截止).{0,12}(?:起|以来|开始|后|时|前|期间)$")


def clean(items: list[str], seg: Segment, listed: bool = True, opens: bool = True) -> list[str]:
    """The items of one group as a reader quotes them. ``listed`` is False for an
    enumeration's sentences, which keep their words; ``opens`` is False for a group that
    continues a list, whose first item has no lead of its own (only verbs)."""
    items = [unquote(i.strip(EDGE)) for i in items]
    items[0] = unquote(LEAD.sub("", items[0], count=1).strip(EDGE))
    if len(items) >= 2 and all(_NUMBERED.match(i) for i in items):
        items = [_NUMBERED.sub("", i) for i in items]
    if 2 <= len(items) <= 9 and all(i.startswith("一二三四五六七八九"[k]) and len(i) > 2
                                    for k, i in enumerate(items)):
        items = [i[1:] for i in items]  # 一清甲，…；二清乙，…: the numbers in order are the list's
    if len(items) >= 2 and not _LATER.match(items[0]):
        items = items[:1] + [_LATER.sub("", i) for i in items[1:]]
    if seg.lead and seg.lead in items[0][:-1]:
        items[0] = items[0][items[0].index(seg.lead) + len(seg.lead):]
    if not listed:
        return [i.strip(EDGE) for i in items]
    if len(items) == 1 and seg.key and not seg.code:  # 一个中心区 under 一中心: the count, again
        m = re.match(rf"{seg.numeral}[{MEASURES}](?={re.escape(seg.key[:1])}.)", items[0])
        items[0] = items[0][m.end():] if m else items[0]
    items = [_JOINING.sub("", i) for i in items]
    items[-1] = _as_key(items[-1], seg, alone=len(items) == 1)
    framed = items[0].startswith("在")  # 在甲、乙、丙领域…
    made = re.match(r"(?:形成|建立|构建)?由", items[0])  # 由甲、乙、丙构成的…
    m = re.search("(?<=.)(?:构成|组成)", items[-1]) if made and len(items) >= 2 else None
    if m:
        items[-1] = items[-1][:m.start()]
    items[-1] = _cut_tail(items[-1], items[1:-1] or items[:-1], seg, framed)
    items = _objects(_shared_verb(items, seg))
    if len(items) >= 2:
        before = items[1:-1] or items[:-1]  # the first may carry a lead, not a tail: with
        if len(items) == 3 and len(common_suffix(items[:2])) >= 2:  # one middle item, an
            before = items[:2]  # ending both before the last share (…规划) gives the cut
        items[-1] = _clean_last(items[-1], before, seg)
        items[0] = clean_first(items[0], items[1:], seg, opens)
        items = align(cut_copula(items), seg)
    return [unquote(i.strip(EDGE)) for i in quoted_names(items)]


def _shared_verb(items: list[str], seg: Segment) -> list[str]:
    """Items that all open with one governing verb, without it: the verb is the list's,
    said once per item (打好甲攻坚战、打好乙攻坚战… -> 甲攻坚战, 乙攻坚战), unless the
    headword's key is that verb (两个推动) or it leaves an item of one character."""
    if len(items) < 3:
        return items
    word = next((w for w in _GOVERNING if len(w) >= 2 and all(i.startswith(w) for i in items)), None)
    if word is None or word in seg.context or any(len(i) - len(word) < 2 for i in items):
        return items
    return [i[len(word):] for i in items]


def _objects(items: list[str]) -> list[str]:
    """Items that each name a different doer before one shared verb, as the objects of
    that verb: 分别由甲部门核发子证、乙部门核发丑证、丙部门核发寅证 -> 子证, 丑证, 寅证 (the
    list opens on 分别 or 由, which says the doers are the list's, not the items). The verb
    (two characters or more) stands once in each item, after words of its own and before
    two characters at least, and neither what comes before nor after it ends alike in every
    item (甲创新发展工程、乙创新发展工程: one name each)."""
    if len(items) < 3 or not re.match("分别由|分别|由", items[0]):
        return items
    shortest = min(items, key=len)
    for size in (4, 3, 2):
        for k in range(len(shortest) - size + 1):
            verb = shortest[k:k + size]
            if not all(i.count(verb) == 1 for i in items):
                continue
            parts = [i.split(verb) for i in items]
            befores = [b for b, _ in parts]
            afters = [a.removeprefix("的") for _, a in parts]  # (甲部门核发的子证)
            if all(b and len(a) >= 2 for b, a in parts) and len(set(befores)) == len(
                    befores) and not common_suffix(befores) and not common_suffix(afters):
                return afters
    return items


def cut_copula(items: list[str]) -> list[str]:
    """The last of short names without what the sentence goes on to say of them: 甲路、乙路和
    丙江是某规划的中心部分 -> 丙江."""
    if len(items) < 2 or any("是" in i for i in items[:-1]):
        return items
    longest = max(map(len, items[:-1]))
    at = items[-1].find("是")
    if longest <= 6 and 2 <= at <= longest + 2 and len(items[-1]) - at > 3:
        return items[:-1] + [items[-1][:at]]
    return items


def quoted_names(items: list[str]) -> list[str]:
    """Quoted names in a sentence: 国家建设“甲”和“乙”的简称 -> 甲, 乙: the first item ends on
    its quotation, the last opens on one and goes on by a character or two."""
    first, last = items[0], items[-1]
    if len(items) < 2 or not (first.endswith("”") and "“" in first[:-1] and last.startswith("“")):
        return items
    close = last.find("”")
    if close < 0 or len(last) - close - 1 > 2 or not all(
            i.startswith("“") and i.endswith("”") for i in items[1:-1]):
        return items
    return [first[first.rindex("“"):]] + items[1:-1] + [last[:close + 1]]


def _as_key(item: str, seg: Segment, alone: bool) -> str:
    """An item that says what it is to the slogan, without saying so: 以城区为中心 ->
    城区 (一中心, ``alone`` in its group), 星子、东陂为支点的… -> 东陂 (两支点)."""
    m = re.search(f"为{re.escape(seg.key)}", item) if len(seg.key) >= 2 else None
    if not m or m.start() == 0:
        return item
    return item[1 if alone and item.startswith("以") else 0:m.start()]


def _cut_tail(last: str, others: list[str], seg: Segment, framed: bool = False) -> str:
    """The last item without what names the whole list after it."""
    last = _cut_noun(last, others, seg)
    # …的甲乙 after items of one opening: 清理甲、清理乙、清理丙的专项整治; 全面甲、全面乙的战略布局
    prefix = common_prefix(others) if len(others) >= 2 else ""
    if len(prefix) >= 2 and last.startswith(prefix) and "的" in last and not any(
            "的" in o for o in others):
        at = last.rindex("的")
        if 2 <= len(last) - at - 1 <= 6 and at <= max(map(len, others)) + 2:
            last = last[:at]
    # the fields a list names: 在甲、乙、丙领域开展… -> 丙
    m = _FIELD.search(last) if framed else None
    if m and others and not any(m.group()[-2:] in o for o in others):
        last = last[:m.start()]
    # 在甲、乙、丙上实现…: the frame closes with 上
    at = last.find("上") if framed and not any("上" in o for o in others) else -1
    return last[:at] if at >= 2 else last


def _cut_noun(last: str, others: list[str], seg: Segment) -> str:
    """The last item without the headword's noun, a count restated or a naming verb."""
    m = _NAMING.search(last)  # only where what follows names the list: 确定为…八大…
    after = last[m.end():] if m else ""
    if m and m.start() > 0 and (m.group() == "于一体" or _RESTATED.search(after)
                                or seg.key in after or len(after) <= 4):
        last = last[:m.start()]
    # …等八大甲, …等乙工程 (the headword's noun), …等工程
    if "等" in last:
        cut = last.rindex("等")
        after = strip_quotes(last[cut + 1:])
        if cut > 0 and (not after or after in _GENERIC_TAILS or _RESTATED.search(after)
                        or after[:2] in ("领域", "方面", "行业")  # …等领域设备更新的方案
                        or after[-2:] in seg.rest):
            last = last[:cut]
    # the headword's own noun after the last item: 丙甲链 (三大甲链), 丙工程 (三项甲工程);
    # nothing where the item ends as the others do (丙产能工程 among …工程), and what they all
    # end with stays (丙网融合 under 三甲融合, items ending in 网 -> 丙网)
    shared = common_suffix(others) if len(others) >= 2 else ""
    if not seg.code and not (shared and last.endswith(shared)):  # (a code's items: names)
        for size in range(len(seg.rest), 1, -1):
            tail = seg.rest[-size:]
            at = last.rfind(tail)
            if at <= 0 or len(last) - at - size > 2:
                continue
            if others and (all(tail in o for o in others) or any(o.endswith(tail) for o in others)
                           or any(o.endswith(last[at:]) for o in others)) \
                    or not others and set(tail) & set(seg.key):
                continue  # (…行动计划 where items before end so too: the item's own noun)
            ending = common_suffix(others) if others else ""
            at += max(k for k in range(len(tail) + 1) if ending.endswith(tail[:k]))
            return last[:at].rstrip("的之有等")
    # whom or what the list is of: …无丙的城镇居民 (城镇“三无”人员)
    if others and "的" in last and not any("的" in o for o in others):
        at = last.rindex("的")
        noun = last[at + 1:]
        if at >= 2 and 2 <= len(noun) <= 6 and any(
                noun[k:k + 2] in seg.context for k in range(len(noun) - 1)):
            return last[:at]
    # a generic noun only the last of short items has: 早丙工作 (早甲、早乙)
    for noun in _GENERIC_TAILS:
        if others and max(map(len, others)) <= 4 and last.endswith(noun) and not any(
                o.endswith(noun) for o in others) and len(last) > len(noun) + 1:
            return last[:-len(noun)].rstrip("的之等")
    return last


def _clean_last(last: str, others: list[str], seg: Segment) -> str:
    """The last item cut where the items before it end: 运营好农村公路 -> 运营好 (建好、
    管好、护好); with one item before it, only at the key (乙财产权可以… under 两权)."""
    if len(others) >= 2:
        suffix = common_suffix(others)
    else:
        suffix = others[0][-1:] if others[0][-1:] and others[0][-1:] in seg.key else ""
    if suffix and not last.endswith(suffix) and suffix in last:
        cut = last.index(suffix) + len(suffix)
        if not (seg.key and seg.key in last[cut:]):
            last = last[:cut]
    # short items of one length and opening: 美丽甲园、…、美丽丁园建设行动 -> 美丽丁园
    size = len(others[0])
    if len(others) >= 3 and all(len(o) == size for o in others) and size <= 4:
        prefix = common_prefix(others)
        if prefix and last.startswith(prefix) and len(last) - size >= 2:
            last = last[:size]
    ending = "".join(ch for ch in "的之等" if not all(o.endswith(ch) for o in others))
    return last.rstrip(ending).strip(EDGE)  # (脚下走的 after 眼里有的, 脑里想的: 的 stays)


def clean_first(first: str, others: list[str], seg: Segment, opens: bool = True) -> str:
    """The first item without what leads into the list; where the group continues a list
    (``opens`` False), only the verbs before it."""
    m = _REPORTED.match(first) if opens else None
    if m and not any(m.group().rstrip("，,：:") in o for o in others):
        first = first[m.end():]
    m = _DOER.match(first) if opens else None
    if m and not any(m.group() in o for o in others) \
            and len(first) - m.end() <= max(map(len, others)) + 2:
        first = first[m.end():]
    m = _SCENE.match(first) if opens else None
    if m and not any(o.startswith(m.group()[:1]) for o in others):
        first = first[m.end():]
    m = _BA.match(first) if opens else None
    if m:
        first = first[m.end():]
    elif opens and first[:1] in "把将" and len(first) > 2 and max(map(len, others)) <= 10:
        first = first[1:]  # 将甲证、乙证和丙照合一 (not 将甲向乙集中, a clause of its own)
    # 一份包含甲证、乙证、…
    m = re.search("包括|包含|涵盖", first) if opens else None
    if m and not any(m.group() in o for o in others):
        first = first[m.end():]
    # what the headword writes before the slogan: 甲乙协作子倍增计划、丑倍增计划… (甲乙协作
    # “两个倍增计划”)
    before = seg.context[:seg.context.find(seg.text)] if seg.text in seg.context else ""
    shared = common_suffix(others) if len(others) >= 2 else ""
    if len(before) >= 2 and first.startswith(before) and len(shared) >= 3 \
            and first.endswith(shared) and not any(o.startswith(before) for o in others):
        first = first[len(before):]
    # …, or it and the key, where the other items are just what the key is done to or all
    # of one length: 法律进甲、乙 (法律七进); 农村甲变乙、丙变丁 (农村“三变”)
    if len(before) >= 2 and first.startswith(before) and not any(
            o.startswith(before) for o in others):
        rest = first[len(before):]
        if seg.key and rest.startswith(seg.key) and len(rest) > len(seg.key) + 1 \
                and not any(seg.key in o for o in others):
            first = rest[len(seg.key):]
        elif len({len(o) for o in others}) == 1 and len(rest) == len(others[0]) or (
                seg.count == 1 and seg.key and len(rest) >= 2 and rest.endswith(seg.key[-1:])):
            first = rest  # (省会某中心大剧院 under 省会某中心“一院三馆”: 大剧院 names 院)
    # the items are counted, what leads to the first count is the list's: 五年引进甲1000名…
    if others and all(o[:1].isdigit() for o in others) and not first[:1].isdigit():
        at = next((k for k, ch in enumerate(first) if ch.isdigit()), None)
        if at is not None and at <= 8:
            first = first[at:]
    # a word governing the whole list: 实施甲、乙…
    while not any(o.startswith(_GOVERNING) for o in others):
        word = next((w for w in _GOVERNING if first.startswith(w) and len(first) > len(w) + 1
                     and w not in seg.key), None)  # (建设好、管理好: 好 is no item)
        if word is None:
            break
        first = unquote(first[len(word):])
    # the key as a verb only the first item has: 推动甲和乙 (两个推动)
    if (len(seg.key) >= 2 or {len(o) for o in others} == {len(first) - 1}
            and not any(seg.key in o for o in others)) \
            and first.startswith(seg.key) and len(first) > len(seg.key) + 1 \
            and not any(o.startswith(seg.key[:1]) for o in others):  # (or 看甲的 before 乙的)
        first = unquote(first[len(seg.key):])
        if first[:1] == "其" and first[1:2] not in "他中余次实" and len(first) > 2:
            first = first[1:]  # 保障其甲、乙、丙 (三保障)
    longest = max(map(len, others))
    # what was done to the list: 某省率先启动了甲、乙、…
    if opens and "了" in first[:-1] and not any("了" in o for o in others):
        after = first[first.rindex("了") + 1:]
        if len(after) <= max(2 * longest, longest + 2):
            first = after
    # the subject or place before a list of short items: 某市的甲谷、乙谷、丙谷
    if opens and len(others) >= 2 and longest <= 10 and "的" in first \
            and not first.startswith(("将", "把")) and not any("的" in o for o in others):
        after = first[first.rindex("的") + 1:]
        if after and first.rindex("的") >= 2 and len(after) <= max(2 * longest, longest + 2) \
                and len(split_top(after, "、")) == 1:  # (宣传党的甲、乙、丙下基层: one item)
            first = after
    # an adverbial before what every other item opens with: 在某阶段免甲费、免乙费;
    # with one other item, only before the key (两免)
    if len(others) >= 2:
        prefix = common_prefix(others)
    else:
        prefix = others[0][:1] if others[0][:1] and others[0][:1] in seg.key + seg.numeral[1:] \
            else ""
    if prefix and not first.startswith(prefix) and prefix in first:
        # where it opens an item as long as the others (统一设置一块甲 -> 一块甲, not 一设置…)
        size = sum(map(len, others)) / len(others)
        cut = min((k for k in range(1, len(first)) if first.startswith(prefix, k)),
                  key=lambda k: abs(len(first) - k - size), default=first.index(prefix))
        if cut >= (1 if len(prefix) >= 2 else 2):  # 以最严的甲 (最严的乙、…)
            first = first[cut:]
    # short items of one length and ending: 某地甲权、乙权、丙权 -> 甲权
    size = len(others[0])
    if len(others) >= 2 and all(len(o) == size for o in others) and size <= 3:
        suffix = common_suffix(others)
        if suffix and first.endswith(suffix) and len(first) - size >= 3:
            first = first[-size:]
    return first


def cut_restated(region: str, counts: Sequence[int], segs: Sequence[Segment]) -> str:
    """A region without the count it restates after its last item: ``…和丙体制三个方面
    联动`` -> ``…和丙体制``; ``甲权、乙权、丙权三权分置`` -> ``甲权、乙权、丙权``."""
    top = top_level(region)
    last_sep = max((i for i, ch in enumerate(region) if top[i] and ch in LEVELS[-1]), default=0)
    numerals = {str(c) for c in counts} | {str(sum(counts))} | {s.numeral for s in segs} \
        | {n for c in counts for n in numerals_for(c)}  # 生物五大产业 under 5
    pieces = split_top(region, LEVELS[-1])
    numerals = {n for n in numerals if len(pieces) < 3 or not all(n in p for p in pieces[1:])}
    best = None  # (not what every item names: 选择5个甲、5个乙和5个丙)
    for m in re.finditer(r"[一二两双三四五六七八九十]+|\d+", region[last_sep + 1:]):
        at = last_sep + 1 + m.start()
        if m.group() not in numerals or at == last_sep + 1 or region[at - 1] in "第和及与":
            continue  # (第3条: an ordinal; 和1个乙: a count that opens the last item)
        after = region[at + len(m.group()):]
        if re.match(f"[”\"]?\\s*(?:{'|'.join(MEASURES)}|方面)", after) or any(  # 8 项
                s.key and after.startswith(s.key[:1]) for s in segs):
            best = at if best is None else min(best, at)
    return region[:best].rstrip("等的之这此“\"") if best is not None else region  # 这三项经费


def valid(items: Sequence[str], seg: Segment, long: bool = False) -> bool:
    """Whether cleaned items can be the group's: none empty, repeated, overlong, a clause
    that is no item, a definition, or naming the slogan itself (实现三网互通 under 三网);
    the hundreds of 双百 counted in them."""
    run = seg.numeral
    if len(run) == 2 and run[1] in "百千":  # all items but one count them (三千: 1000家, …)
        counted = sum(run[1] in i or ("100" if run[1] == "百" else "1000") in i for i in items)
        if counted < (len(items) - 1 if len(items) >= 3 else len(items)):
            return False
    limit = 200 if long else 80
    # 双鸭山市 and 深圳市 under 双深: the headword abbreviates the items, counts nothing
    initials = seg.text[:len(items)] if len(seg.text) >= len(items) >= 2 else ""
    abbreviated = bool(initials) and all(i.startswith(ch) for i, ch in zip(items, initials))
    return (not abbreviated and all(items) and len(set(items)) == len(items)
            and all(len(i) <= limit and not _no_item(i, seg) and "是指" not in i
                    for i in items)
            and not (len(seg.text) >= 2 and any(seg.text in i for i in items)))


# What marks a piece cut at ， as a clause of a sentence, not an item of a list: a date
# (2015年9月), an adverb or a shared verb that carries the sentence on (主要为…, 共同承建…).
_DATE = re.compile(r"\d{4}年|\d{1,2}月(?:\d{1,2}日)?|[一二三四五六七八九十]{1,3}月")
_CLAUSE_OPENING = re.compile(r"^(?:主要|共同|并|还|也|又|均|都|则|即可|使|让|进而)(?=..)")


def listlike(items: Sequence[str]) -> bool:
    """Whether pieces cut at ， read as the items of one list rather than the clauses of a
    sentence that happen to number as many (珠三角…: 2015年9月，国务院下发…，甲、乙等8个…;
    新三板: 甲系统，主要为…提供服务): no piece is a date or opens as a clause goes on (三农红 E邮: 甲承办，
    乙提供支撑，共同承建的丙、丁等平台), and none runs far beyond the others. When in doubt,
    no parts."""
    for mark in (_DATE.search, _CLAUSE_OPENING.match):  # (what all items have is parallel:
        marked = [bool(mark(i)) for i in items]  # 到2025年甲超过乙，到2030年丙超过丁)
        if any(marked) and not all(marked):
            return False
    sizes = sorted(map(len, items))
    return not (len(items) >= 2 and sizes[-1] > 12 and sizes[-1] > 3 * sizes[-2])


def _no_item(item: str, seg: Segment) -> bool:
    """Whether an item reads as a clause that is no item (``NOT_ITEM``), unless the words
    that make it so hold the key: 以防万一 is an item of 六防, not “so as to prevent”."""
    m = NOT_ITEM.search(item)
    return bool(m) and not (seg.key and seg.key[:1] in m.group())


def keyed(item: str, seg: Segment) -> bool:
    """Whether a group's one item shares a character with its key (一超: 超过国家扶贫标准);
    a code's number (the 1 of 1+4) has no key, so its one item needs a section or a list
    that adds up."""
    return any(ch in item for ch in seg.key)
