"""One line of a notes section: its number (in any style) and its headword and definition.

Reports number their notes in a dozen ways (``〔1〕 [1] ［1］ [ 1 ] ①…⑳ 1. 1． 1、 （1） (1)
[^1]:``, bold around the number, digits glued to the headword ``1两计划两工程：``, or no
number at all) and separate the headword from its definition by a colon (full-width or
ASCII), by bold (``**headword：**definition``, ``**headword** definition``), by 【】, by a space
(``十大产业 指…``), by a full stop, or by a line break. ``match_number`` reads the first,
``split_headword`` the second; ``clean_headword`` makes the headword a glossary headword.
"""

from __future__ import annotations

import re
from typing import NamedTuple

BOLD = "**"

CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}                    # ①..⑳
CIRCLED.update({chr(0x3251 + i): 21 + i for i in range(15)})             # ㉑..㉟
CIRCLED.update({chr(0x32B1 + i): 36 + i for i in range(15)})             # ㊱..㊿
CIRCLED_CLASS = "".join(CIRCLED)

# Numbering styles, tried in this order at the start of a line whose leading ``**`` was
# removed; group "n" is the number (absent for bullets and circled numbers).
NUMBER_STYLES = (
    ("footnote", re.compile(r"\[\^\s*(?P<n>\d+)\s*\]\s*[:：]\s*")),
    ("square", re.compile(r"\[\s*(?P<n>\d+)\s*\]\s*")),
    ("fw-square", re.compile(r"［\s*(?P<n>\d+)\s*］\s*")),
    ("tortoise", re.compile(r"〔\s*(?P<n>\d+)\s*〕\s*")),
    ("small-tortoise", re.compile(r"﹝\s*(?P<n>\d+)\s*﹞\s*")),
    ("lenticular", re.compile(r"【\s*(?P<n>\d+)\s*】\s*")),
    ("paren", re.compile(r"[（(]\s*(?P<n>\d+)\s*[）)]\s*")),
    ("circled", re.compile(rf"(?P<c>[{CIRCLED_CLASS}])\s*")),
    ("dot", re.compile(r"(?P<n>\d+)\s*[.．]\s*")),
    ("comma", re.compile(r"(?P<n>\d+)\s*、\s*")),
    ("numcolon", re.compile(r"(?P<n>\d+)\s*[：:]\s*")),
    ("bullet", re.compile(r"[〇●◆■□•·▲★]\s*")),
)
# Digits glued to the headword: ``1两计划两工程：`` (Huangshi), ``11五大发展理念：`` (Ji'an).
GLUED = re.compile(r"(?P<n>\d+)\s*(?=[“\"《\u4e00-\u9fff])")

# Styles that may alternate within one section (``[1]`` with ``［2］``, ``1.`` with ``2、``).
FAMILIES = ({"square", "fw-square"}, {"dot", "comma", "numcolon"})

_SPACE_SPLIT = re.compile(r"^(\S{1,30}?)[ \u3000\u2002]+(\S.*)$", re.S)
_QUOTED_THEN_VERB = re.compile(r"^(\S{1,24}?[”\"])((?:指|即|是).*)$", re.S)
_LEADING_QUOTE = re.compile(r"^[“\"][^”\"]{1,30}[”\"]")
_ONLY_QUOTED = re.compile(r"(?:[“\"‘「『][^“”\"‘’「」『』]*[”\"’」』][、和与及\s]*)+")
_QUOTE_CHARS = re.compile(r"[“”\"‘’「」『』]")
# A headword glued to its definition (see ``_split_glued``).
_GLUED_VERB = re.compile(r"^([^，。；：:“”\s]{2,12}?)(?=是指|指(?![导标数挥南引定令])|即)")
_GLUED_QUOTED = re.compile(
    r"^[^，。；：:“”\s]{0,12}“[^“”，。]{1,16}”(?:[和与及、][^，。；：:“”\s]{0,8}“[^“”，。]{1,16}”)*")
_VERB_AFTER_QUOTE = re.compile(r"([\u4e00-\u9fff]{0,4}?)(?=是指|指(?![导标数挥南引定令])|即|包括)")
_ENUMERATION = re.compile(r"[一二三四五六七八九十]是|第[一二三四五六七八九十]|[一二三四五六七八九十]、")
# A colon split that took the definition's first words (``九项工程 指…任务，具体是：``).
_EARLY_VERB = re.compile(r"(?:[ \u3000]+|(?<=[”\"]))(?=(?:是指|指(?![导标数挥南引定令])|即)\S)")
_OPENING = "“\"‘「『《"
_CLOSING = "”\"’」』》）)"


class Numbered(NamedTuple):
    """What opens a note line: its numbering style, number (None: bullet) and the rest."""

    style: str
    number: int | None
    rest: str


def same_family(style: str, first: str) -> bool:
    """Whether a line numbered in ``style`` can follow notes numbered in ``first``."""
    return style == first or any({style, first} <= family for family in FAMILIES)


def match_number(line: str, expected: int | None = None) -> Numbered | None:
    """The numbering that opens ``line`` (stripped), or None.

    ``1.5万亩`` is not note 1 unless note 1 is expected, and ``13：`` only when 13 is:
    ``10.9个千亿级产业集群`` is note 10 where note 10 comes next.
    """
    text = line[2:].lstrip() if line.startswith(BOLD) else line
    for style, pattern in NUMBER_STYLES:
        m = pattern.match(text)
        if not m:
            continue
        if style == "circled":
            number: int | None = CIRCLED[m.group("c")]
        elif style == "bullet":
            number = None
        else:
            number = int(m.group("n"))
        rest = text[m.end():]
        if style in ("dot", "comma") and rest[:1].isdigit() and number != expected:
            return None
        if style == "numcolon" and number != expected:
            return None
        if line.startswith(BOLD):
            # **2.** closes the bold right after the number; **2. 头：定义** keeps it open
            rest = rest[2:] if rest.startswith(BOLD) else BOLD + rest
        return Numbered(style, number, rest)
    return None


def split_headword(rest: str, prefer_space: bool = False) -> tuple[str, str, str]:
    """The text after the number as (printed headword, separator, definition).

    Separators, tried in this order: "bold" (``**headword：**def``, ``**headword** def``),
    "lenticular" (``【headword】def``), "colon" (the first ：/: outside quotes and brackets),
    "period" (``“六个精准”。def``: a short first sentence without a comma), "space"
    (``十大产业 指…``), "line" (the headword alone; the definition is on the next line),
    "quote" (no separator: a leading quoted term), or "" (none found).
    ``prefer_space``: the section writes ``headword definition`` (Hangzhou 2013).
    """
    r = mend_bold(rest.strip())
    if prefer_space:
        m = _SPACE_SPLIT.match(r) or _QUOTED_THEN_VERB.match(r)
        if m:
            return m.group(1), "space", m.group(2).strip()
    if r.startswith(BOLD):
        found = _split_bold(r)
        if found is not None:
            if isinstance(found, str):
                r = found
            else:
                return found
    if r.startswith("【"):
        close = r.find("】")
        if 1 < close <= 50:
            return r[1:close].strip(), "lenticular", r[close + 1:].lstrip("：: ").strip()
    half = r.find("】")  # 市委“1139”工作部署】即… (the opening 【 lost in the source)
    if 0 < half <= 30 and "【" not in r[:half] and not any(p in r[:half] for p in "，。：:"):
        return r[:half].strip(), "lenticular", r[half + 1:].lstrip("：: ").strip()
    found = _split_punctuation(r)
    if found is not None:
        return found
    visible = r.replace(BOLD, "")
    space = _SPACE_SPLIT.match(r)
    if visible and len(visible) <= 40 and not any(p in visible for p in "。；;！？"):
        if space and len(space.group(2)) > 8:
            return space.group(1), "space", space.group(2).strip()
        return r, "line", ""
    if space:
        return space.group(1), "space", space.group(2).strip()
    q = _LEADING_QUOTE.match(r)
    if q:
        return q.group(), "quote", r[q.end():].strip()
    glued = _split_glued(r)
    if glued is not None:
        return glued
    return "", "", r


def _split_glued(r: str) -> tuple[str, str, str] | None:
    """A headword glued to its definition, no separator at all: up to a defining verb
    (``甲线是指…``, ``科技“1234”工程即…``) or to the quote that closes the headword
    (``乡村“五馆”到2030年…``, ``能耗“双控”和排放“双控”能耗“双控”是指…``)."""
    verb = _GLUED_VERB.match(r)
    quoted = _GLUED_QUOTED.match(r)
    if quoted:
        end = quoted.end()
        after = _VERB_AFTER_QUOTE.match(r, end)
        if after and not _ENUMERATION.match(r, end):
            end = after.end(1)
        return r[:end], "glued", r[end:].strip()
    if verb:
        return verb.group(1), "glued", r[verb.end(1):].strip()
    return None


def mend_bold(r: str) -> str:
    """Bold markup that cuts a headword, put back around the whole headword.

    ``“**甲乙”工程** 定义`` (the bold opens after the quote) -> ``**“甲乙”工程** 定义``;
    ``**“**甲**乙丙”：**定义`` (bold toggled inside the headword) -> ``**“甲乙丙”：**定义``.
    A toggle is undone only when the mended run ends at a colon, so ``**甲**指**乙**``
    (a bold headword, a bold word in the definition) is left alone.
    """
    m = re.match(rf"([{_OPENING}]+)\*\*(?!\*)", r)
    if m:
        r = BOLD + m.group(1) + r[m.end():]
    if not r.startswith(BOLD):
        return r
    while True:
        close = r.find(BOLD, 2)
        reopen = r.find(BOLD, close + 2) if close > 0 else -1
        if close < 0 or reopen < 0 or not 0 < reopen - close - 2 <= 3:
            return r
        gap = r[close + 2:reopen]
        end = r.find(BOLD, reopen + 2)
        if re.search(r"[：:，。；\s]", gap) or end < 0 or end > 60:
            return r
        merged = r[2:close] + gap + r[reopen + 2:end]
        after = r[end + 2:].lstrip()
        if not (merged.rstrip().endswith(("：", ":")) or after.startswith(("：", ":"))) \
                or any(p in merged for p in "。；"):
            return r
        r = BOLD + merged + r[end:]


def _split_bold(r: str) -> tuple[str, str, str] | str | None:
    """``**headword：**def`` and its kin; a str is the line to read on (bold over it all)."""
    close = r.find(BOLD, 2)
    if 2 < close <= 60:
        head = r[2:close].strip()
        after = r[close + 2:]
        shut = re.match(rf"[{_CLOSING}]+(?=\s*[：:])", after)
        if shut and (head.count("“") > head.count("”") or head.count("（") > head.count("）")):
            head, after = head + shut.group(), after[shut.end():]  # **“甲乙**”：def
        spill = re.search(rf"[：:]([{_OPENING}]+)$", head)
        if spill:  # **甲乙：“**丙”是… (the definition's opening quote in the bold)
            head, after = head[:spill.start() + 1], spill.group(1) + after
        if head.endswith(("：", ":")):
            return head[:-1].strip(), ("bold" if after.strip() else "line"), after.strip()
        a = after.lstrip()
        if a.startswith(("：", ":")):
            return head, "bold", a[1:].strip()
        if not a and not re.search(r"[：:。]", head[:-1]):
            return head, "line", ""
        if not a:
            return head  # bold over the whole note: **1. 头：定义。**
        if len(head) <= 40 and not any(p in head for p in "，。；"):
            return head, "bold", a.strip()
        return None
    if close < 0 or close > 60:
        return r[2:].lstrip()  # a bold run longer than a headword: read through it
    return None


def _split_punctuation(r: str) -> tuple[str, str, str] | None:
    """At the first colon (or a short first sentence's full stop) outside quotes/brackets."""
    depth = 0
    for i, ch in enumerate(r[:62]):
        if ch in "“‘「『《（(【[":
            depth += 1
        elif ch in "”’」』》）)】]":
            depth = max(0, depth - 1)
        elif ch in "：:" and depth == 0:
            head = r[:i].strip()
            if head and not any(p in head.replace(BOLD, "") for p in "。；;"):
                early = _EARLY_VERB.search(head) if "，" in head or len(head) > 24 else None
                if early and early.start() > 0:
                    return head[:early.start()].strip(), "space", r[early.end():].strip()
                definition = r[i + 1:].strip()
                return head, ("colon" if definition else "line"), definition
            return None
        elif ch == "。" and depth == 0:
            head = r[:i].strip()
            # (not ``甲乙 一个系统的简称。``: a space before the full stop separates first)
            # (、 only where the definition opens on a quoted part: 甲、乙。“甲”即…)
            listed = "、" in head and not r[i + 1:].lstrip().startswith("“")
            if head and i <= 30 and not listed and not any(p in head for p in "，,；; \u3000") \
                    and r[i + 1:].strip():
                return head, "period", r[i + 1:].strip()
            return None
    return None


def strip_bold(text: str) -> str:
    return text.replace(BOLD, "").strip()


def clean_headword(printed: str) -> str:
    """A glossary headword from the printed one: bold, a final colon and quotes removed.

    Quotes go only when the headword is nothing but quoted segments (joined by nothing,
    、 和 与 及 or spaces): ``“六稳”“六保”`` -> ``六稳六保``, ``“一个决定，两个方案”`` ->
    ``一个决定，两个方案``. A quoted part inside running text stays: ``专精特新“小巨人”企业``.
    """
    head = strip_bold(printed).rstrip("：:").strip()
    if _ONLY_QUOTED.fullmatch(head):
        return _QUOTE_CHARS.sub("", head).strip()
    return head
