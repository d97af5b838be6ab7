"""The numbered slogans of a headword: 八有一超 -> 八有 (counting 8) and 一超 (counting 1).

One segment per numeral that counts: it runs from the numeral to the next numeral that
starts a word of its own, or to the end of its phrase (the headword cut at punctuation and
quotation marks, and at 和/与/及 before a numeral: 甲三园和乙五区). Digits count too, with
a measure word (4条甲) or as the numbers of a code (1+4: one segment per number).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .hanzi import is_hanzi, strip_quotes
from .numerals import NUMERAL_CHARS, slogan_count

NUMERAL_RUN = re.compile(f"[{NUMERAL_CHARS}]+|[0-9０-９]+")
# A code of counts joined by plus signs: “1+4”, 6＋2, 1+2+5+X (a letter counts no fixed
# number: no group of its own).
_CODE = re.compile(r"(?<![0-9０-９.])(?:[0-9０-９]{1,2}|[NnXx])(?:[+＋](?:[0-9０-９]{1,2}|[NnXx]))+"
                   r"(?![0-9０-９.%％])")
# A code of one-digit counts written together and quoted: “343” (three, four and three
# items), “76554”.
_DIGIT_CODE = re.compile("[1-9]{3,6}")
DIGIT_MAX = 40  # a written count of items (30个专项行动); more is a quantity
# The measure word between a numeral and what it counts: 五个坚持, 四个不摘, 三项甲.
MEASURES = "个大项条种类件张场名座"
_HEAD_BREAK = re.compile(rf"[、，,；;“”\"‘’「」『』《》〈〉（）()\[\]【】·・\s/／]+"
                         rf"|(?:和|与|及)(?=[{NUMERAL_CHARS}])")
# A numeral in a word that counts nothing: 统一, 合一, 第二 (the character before); 三年, 十倍
# (the one after); 一体, 千方百计, 三亚 (whole words). Right after a numeral's character the
# first reading splits (甲单一乙 is 甲单 + 一乙), the second keeps the word (六统一管理).
_WORD_BEFORE = "第合统单唯同之专逐万"
_WORD_AFTER = "年月日天周岁倍成亿万元届次期号代时秒%％"
_WORDS = ("一体", "一揽子", "一站式", "一次", "一般", "一些", "一切", "一致", "一起", "一道",
          "一直", "一流", "一线", "一把手", "一批", "一样", "一定", "一键", "一码", "一证", "一卡",
          "一网通", "千方百计", "百分之", "十分",
          # places
          "三亚", "三明", "三门峡", "三沙", "十堰", "六安", "六盘水", "七台河", "九江", "四平",
          "五指山", "双鸭山", "双流", "五莲", "三原", "八一")


class Segment(NamedTuple):
    """One numbered slogan in a headword: 八有 of 八有一超."""

    text: str  # as the headword writes it: 八有, 四方责任, 四个不摘; a code's number: 4 of 1+4
    count: int  # how many items it counts
    key: str  # what follows the numeral and its measure word: 有, 方责任, 不摘 ("" in a code)
    lead: str  # what its phrase writes before it, where phrases have their own verb
    rest: str  # the segment after its numeral; the last one's runs to the headword's end
    #            (好农村公路 of 四好农村公路)
    end: int = 0  # where it ends in the headword
    context: str = ""  # the whole headword, unquoted

    @property
    def numeral(self) -> str:
        return NUMERAL_RUN.match(self.text).group()

    @property
    def code(self) -> bool:
        """Whether this is one number of a code (the 4 of 1+4), which names nothing."""
        return self.text.isdigit()


def readings(headword: str) -> list[list[Segment]]:
    """The ways to read a headword's segments, most likely first: 六统一管理 is 六统 + 一管理
    as 三品一标 is 三品 + 一标, or 六统一管理 with the word 统一; the definition decides.
    Then the Chinese numerals alone (the 8条 of 三大甲的8条乙 counts roads it does not list);
    last, 期 as what is counted (三期叠加: three periods, where its items each name one)."""
    out = [segments(headword)]
    for other in (segments(headword, words_first=True), segments(headword, digits=False),
                  segments(headword, periods=True)):
        if other not in out:
            out.append(other)
    return out


def segments(headword: str, words_first: bool = False, digits: bool = True,
             periods: bool = False) -> list[Segment]:
    """The numbered slogans of a headword, in order: 八有一超 -> 八有, 一超; 五位一体 ->
    五位一体 (一体 counts nothing). A lone segment counting one (一超 alone) is no slogan to
    split; nor is a headword that lists its parts itself (甲、乙、丙三项). With
    ``words_first``, 统一 and 单一 are words even right after a numeral's character; without
    ``digits``, digit counts and codes count nothing; with ``periods``, 三期 counts periods
    (its items must each end in 期: see ``counts_periods``)."""
    out: list[Segment] = []
    pos, plain = 0, ""
    for phrase in _HEAD_BREAK.split(headword):
        start_in_head = headword.find(phrase, pos) if phrase else pos
        pos = start_in_head + len(phrase)
        found = _phrase_segments(phrase, words_first, digits, periods)
        if digits and _DIGIT_CODE.fullmatch(phrase) and f"“{phrase}”" in headword:
            found = [(k, k + 1, int(d), "") for k, d in enumerate(phrase)]  # “343”: 3, 4, 3
        for k, (start, end, count, measure) in enumerate(found):
            text = phrase[start:end]
            numeral = NUMERAL_RUN.match(text).group()
            # 三重一大: 大 (the measure word); 双零, 双千: 零, 千
            key = text[len(numeral) + len(measure):] or measure or numeral[1:]
            # its verb: 划清 of 划清两个甲, or the phrase before a quoted one: 增强“两个甲”
            lead = (phrase[:start] or (plain if len(plain) <= 3 else "")) if k == 0 else ""
            out.append(Segment(text, count, key, lead, strip_quotes(text[len(numeral):]),
                               start_in_head + end))
        plain = "" if found else phrase
    if not out or len(out) == 1 and out[0].count == 1 and not out[0].code:
        return []  # (a code's lone 1 is a group: 1+N)
    if sum(1 for s in out if s.lead) < 2:  # 划清两个甲、尽到一个乙: each its own verb
        out = [s._replace(lead="") for s in out]
    last = out[-1]  # its tail runs on to the headword's end: “四好”农村路
    tail = re.sub(r"^(?:[+＋][NnXx])+", "", strip_quotes(headword[last.end:]))  # 1+N政策: 政策
    out[-1] = last._replace(rest=last.rest + tail)
    out = [s._replace(context=strip_quotes(headword)) for s in out]
    listed = strip_quotes(headword).split("、")
    if len(out) == 1 and not out[0].code and len(listed) == out[0].count and not any(
            NUMERAL_RUN.search(p) for p in listed[:-1]):
        return []  # “甲、乙、丙”三项
    return out


def counts_periods(seg: Segment) -> bool:
    """Whether the segment counts periods (三期 read with ``periods``)."""
    return seg.text[len(seg.numeral):len(seg.numeral) + 1] == "期"


def _phrase_segments(phrase: str, words_first: bool, digits: bool = True,
                     periods: bool = False) -> list[tuple[int, int, int, str]]:
    """(start, end, count, measure word) of each counting numeral in one phrase."""
    code = _CODE.search(phrase) if digits else None
    if code:  # 1+2+5+X: one segment per number, each just the number
        out, pos = [], code.start()
        for part in re.split("[+＋]", code.group()):
            if part.isdigit() and 0 < int(part) <= DIGIT_MAX:
                out.append((pos, pos + len(part), int(part), ""))
            pos += len(part) + 1
        return out
    starts: list[tuple[int, int | None, str]] = []  # (start, count or None, measure)
    inside_word = 0
    for m in NUMERAL_RUN.finditer(phrase):
        s, run, after = m.start(), m.group(), phrase[m.end():] or " "
        if s < inside_word:
            continue  # the 百 of 千方百计
        if run.isdigit():  # 4条景观大道, 3个100公里: a count with its measure word
            before_digit = s > 0 and (phrase[s - 1].isdigit() or phrase[s - 1] in ".．")
            counted = s > 1 and phrase[s - 1] in MEASURES and phrase[s - 2] in NUMERAL_CHARS
            if digits and not before_digit and not counted and after[:1] in MEASURES \
                    and len(after) > 1 and 0 < int(run) <= DIGIT_MAX:
                starts.append((s, int(run), after[:1]))
            continue
        if run[0] in "零〇" and s > 0:  # 清零: the word's 零 counts nothing
            if len(run) == 1:
                continue
            s, run = s + 1, run[1:]
        word = next((w for w in _WORDS if phrase.startswith(w, s)), None)
        if run == "一" and phrase[s + 2:s + 3] == "制" and is_hanzi(phrase[s + 1:s + 2]):
            word = phrase[s:s + 3]  # 一单制, 一票制: a system of one, counts nothing
        if word and not (s == 0 and after[:1] in MEASURES):
            inside_word = s + len(word)
            continue
        owned = s > 1 and phrase[s - 2] in NUMERAL_CHARS  # 三品一标, 五个一甲
        if s > 0 and (phrase[s - 1] == "个" and owned or after == " "):
            continue  # 五个一甲, 六统一: the numeral belongs to the segment before
        if s > 0 and phrase[s - 1] in _WORD_BEFORE and not (owned and not words_first):
            continue
        if after[:1] in _WORD_AFTER and not (periods and after[:1] == "期"):
            starts.append((s, None, ""))  # 三年: ends the segment before, counts nothing
            continue
        measure = after[:1] if after[:1] in MEASURES or periods and after[:1] == "期" else ""
        starts.append((s, slogan_count(run), measure))
    out = []
    for i, (s, count, measure) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(phrase)
        if count is not None and end > s + 1:
            out.append((s, end, count, measure))
    return out
