"""The items of one list aligned on each other: the first item carries the list's lead and
the last its tail, so both are cut to the shape of the items between them.

Why by shape and not by words: a lead (国家级, 农村公路, 打好) or a tail (模范城市, 监督,
维护管理, 的督查方式) is any phrase the list shares; what marks it is that the middle items,
which carry neither, do not have it. The middle items give the shape: their common length,
the first or last character they all share (无…, …好, …仗), the character they all have at
one place (期限过长, 面积过大: 过 third), or the headword's key they all hold (三资: 资).
Where no shape is clear, nothing is cut.
"""

from __future__ import annotations

from typing import Sequence

from ..text.lists import common_prefix, common_suffix
from ..text.slogans import Segment

SHORT = 4  # items of 2 to 4 characters, all of one length, give a shape by length alone
JOINING = "和与及或、"


def align(items: list[str], seg: Segment) -> list[str]:
    """``items`` with the first cut to the shape of the others and the last to the shape
    of the items before it (after the first is cut)."""
    if len(items) < 3:
        return _align_pair(items, seg)
    first = _trim_first(items[0], items[1:-1] if len(items) >= 4 else items[1:], seg)
    before = items[1:-1] if len(items) >= 4 else [first] + items[1:-1]
    last = _trim_last(items[-1], before, seg)
    return [first] + items[1:-1] + [last]


def _length(ref: Sequence[str]) -> int | None:
    """The one length of the reference items, if they have one."""
    sizes = {len(i) for i in ref}
    return sizes.pop() if len(sizes) == 1 else None


def _place(ref: Sequence[str], from_end: bool) -> tuple[str, int] | None:
    """A character every reference item has at one place (counted from the start, or from
    the end): 过 at 2 in 面积过大, 租金过低."""
    size = min(map(len, ref))
    for k in range(size):
        chars = {(i[-1 - k] if from_end else i[k]) for i in ref}
        if len(chars) == 1:
            return chars.pop(), k
    return None


def _trim_first(first: str, ref: Sequence[str], seg: Segment) -> str:
    """The first item without a lead the reference items do not have: short items of one
    length, and a lead at least as long as what stays (新型工业化 keeps 新型, 城乡交通功能
    keeps 城乡: an item's own words, not a lead)."""
    size = _length(ref)
    if size is None or len(first) < 2 * size or not 2 <= size <= SHORT:
        return first
    if first[-size - 1] in JOINING:  # 子和丑甲 (寅甲, 卯甲): 子 is an item joined, no lead
        return first
    suffix = common_suffix(ref)
    if suffix and first.endswith(suffix):  # 农村公路建好 (管好, 护好): …好
        return first[-size:]
    place = _place(ref, from_end=False)
    if place and place[0] in seg.key:  # 农村土地对外发包期限过长 (面积过大, 租金过低): 过 third
        char, k = place
        at = first.rfind(char)
        if at - k > 0 and len(first) - (at - k) == size:
            return first[at - k:]
    if len(ref) >= 3 and _no_shape(ref) and len(first) > 2 * size:  # 国家级文明 (森林, …)
        return first[-size:]
    return first


def _trim_last(last: str, ref: Sequence[str], seg: Segment) -> str:
    """The last item without a tail the items before it do not have: after a 的, a 等 or
    the key where they have none; for short items of one length, a tail at least as long
    as what stays (同时投入运行 keeps 运行)."""
    cut = _before_de(last, ref) or _before_deng(last, ref)
    if cut:
        return cut
    size = _length(ref)
    if size is None or len(last) < 2 * size or not 2 <= size <= SHORT:
        return _before_key(last, ref, seg)
    place = _place(ref, from_end=False)
    if place and place[0] in seg.key and last[place[1]:place[1] + 1] == place[0]:
        return last[:size]  # 资源监督 (资金, 资产: 资 first, the key of 三资)
    if len(ref) >= 3 and _no_shape(ref) and len(last) > 2 * size:  # 环保模范城市 (森林,
        return last[:size]  # 卫生, 园林); not 督查考核 (目标, 平台, 项目): one item of two words
    return _before_key(last, ref, seg)


def _before_deng(last: str, ref: Sequence[str]) -> str | None:
    """The last item before a 等 that leaves it as long as the items before it, which
    all have one length and no 等: 乱建等河湖突出问题 (乱占, 乱采, 乱堆) -> 乱建."""
    size = _length(ref)
    if size and "等" in last and last.index("等") == size and not any("等" in i for i in ref):
        return last[:size]
    return None


def _no_shape(ref: Sequence[str]) -> bool:
    """Whether short items of one length share nothing but their length (森林, 卫生, 园林):
    then the length alone is their shape."""
    return not common_prefix(ref) and not common_suffix(ref)


def _before_de(last: str, ref: Sequence[str]) -> str | None:
    """The last item before a 的 and the noun it names, where no item before has 的 and
    what stands before it is as long as they are: 无卫生保洁人员的城区…小区 -> 无卫生保洁人员."""
    if "的" not in last or any("的" in i for i in ref):
        return None
    at = last.index("的")
    if min(map(len, ref)) <= at <= max(map(len, ref)) and len(last) - at > 2:
        return last[:at]
    return None


def _before_key(last: str, ref: Sequence[str], seg: Segment) -> str:
    """The last item before the headword's one-character key, a verb that follows the
    list (地下管网改造 under 四改), where no item before has it."""
    key = seg.key
    if len(key) != 1 or key not in last or any(key in i for i in ref):
        return last
    at = last.rindex(key)  # (not 奢靡之风 under 四风: the key as the item's own noun)
    return last[:at] if at >= 2 and len(last) - at == 2 else last


def _align_pair(items: list[str], seg: Segment) -> list[str]:
    """Two items: only the last, before a 的 and its noun (直插现场的督查方式, 直奔基层)."""
    if len(items) != 2:
        return items
    cut = _before_de(items[1], items[:1])
    return [items[0], cut] if cut else items
