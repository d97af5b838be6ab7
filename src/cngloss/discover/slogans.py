"""Numbered slogans (数字式缩略语) in a text: found by patterns, expanded from the text.

A candidate starts at a numeral (一…十, 百, 千, 万, 两, 双) or at a digit code (``1+6+N``):
- period: 十X五 (十一五 … 十五五), a five-year plan;
- code: digits (or N/X) joined by ``+``;
- slogan: a numeral, an optional measure word of sets (个, 大, 项, 张, 条, 道…), then a short
  word; or a chain of numeral + word pairs (两不愁三保障, 三去一降一补, 双百双新);
- name: a chain that begins with 一 (一带一路, 一县一品): a programme named by its parts.

What is not a count is refused by what follows the numeral (a stop list of measure words and
quantity nouns: 三个月, 两年, 三季度, 一批, 两个百分点, 十多年), what comes before it (第一,
another numeral, 党的二十大) and a list of words whose numeral counts nothing (统一, 一些, 一直,
万一, 唯一, 一体化). A word alone after 一 counts nothing so often (一流, 一线, 一律…) that 一
starts a slogan only in a chain, in quotes, or when a glossary in use defines the word.

Where a slogan ends: a quoted slogan ends at its closing quote; otherwise at the first
punctuation or function character (的, 和, 等, 是…), and after at most a few characters for its
shape. Quotes, footnote markers ``[N]`` and Markdown (``**``, ``#``) never hide one: they are
read as boundaries, not as text.

What is cut out of a longer word is no slogan: after a measure word the word must end at a
boundary (四大连片特困地区: none), a numeral inside a quoted name starts nothing (“常州三杰”),
and a bare numeral word (no measure word, no quotes: 三联、好一多) is kept only where its
document quotes it, names it as a task (六稳工作) or defines it. Places (百朋镇), numeral
idioms (一呼百应) and the two directions a numeral counts (东西两翼) are refused too.

With a library, ``attested`` is the collection's lexicon (library/slogan_lexicon.py): forms
other reports attest, which make a bare word used once and unquoted (三农, 四乱) a slogan;
what the rules refuse in any text is never taken from it (``lexical``). The reasons for the
method are in docs/discover.md.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Sequence

from ..model import DiscoveredTerm, Expansion

NUMERALS = "一二三四五六七八九十百千万两双"
HEADS = "一二三四五六七八九十两双"  # the numerals that start a pair of a chain
VALUE = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
         "八": 8, "九": 9, "十": 10, "百": 100, "千": 1000, "万": 10000}
# measure words that count a set of items (三个一批, 三大攻坚战, 五张网, 三道防线)
SET_MEASURES = "个大项张条道支种类化件步"
OPEN_QUOTES = "“‘「『\""
CLOSE_QUOTES = "”’」』\""
# a character that ends a slogan written without quotes
BREAK = set("的和与及等是为在中上下了要把对以并从向将让使被由于之其也都又还就而或即"
            "，。、；：？！（）()《》〈〉…—·,.;:?! \t\n") | set(OPEN_QUOTES) | set(CLOSE_QUOTES)
# what follows a numeral in a quantity, a duration, an ordinal or a date: never a slogan
STOP_AFTER = (
    "个月 个百分点 个工作日 个小时 个季度 个亿 个以上 个左右 个多 个村 个县 个乡 个镇 个区 "
    "个市 个省 个项目 个重点 个方面 个国家 个城市 个单位 个部门 个片区 个园区 个行业 个领域 "
    "个百 个千 个万 个人 个别 个体 个性 "
    "项目 项工作 项任务 项指标 项措施 项政策 项改革 项制度 项实事 "
    "条件 条例 条线 条款 大会 大学 大厦 大道 大桥 大街 大赛 大数据 大家 大力 大幅 大型 大量 "
    "大批 大中 大小 大于 大多 大部 大约 大概 大局 大事 大气 大江 大河 大湾区 种植 种养 种业 "
    "种子 类别 类似 支持 支撑 支付 支出 支柱 支部 支队 张家 化肥 "
    "年 月 日 天 周 季 次 倍 名 人 户 家 座 所 元 亿 吨 亩 米 岁 位 级 期 届 轮 批 些 直 起 "
    "方面 是 成 分 层 环 码 号 片 股 份 场 间 台 辆 架 艘 处 栋 套 本 篇 份 块 只 头 "
    "多 余 几 来 半 点 线 流 律 致 切 同 道 并 再 度 手 举 样 般 定 旦 时 向 边 重 方 侧 "
    "中全会 届 代会 中 以上 以下 左右 以内 之一 之二 至 到 或 和 及 与 峡 亚 川 江 门 "
    "国 方 岸 产 地 市 县 区 省 村 镇 乡 家 所 期 批 类 维 氧 大提 大以 大精 大报 大代 大会 "
    "百分 百强 百万 千万 万亿 百亿 千亿 十亿 分之 "
    # units (千瓦时, 千兆), grades (四星级) and runs of wins (九连冠)
    "瓦 兆 伏 星 连冠 连胜 连霸").split()
# words whose numeral counts nothing
NOT_COUNTS = ("统一 一些 一直 万一 唯一 一体化 一起 一样 一定 一般 一系列 一流 一线 一律 一致 "
              "一切 一同 一道 一并 一再 一方面 一手 一举 一度 同一 单一 之一 逐一 一带动 "
              "一揽子 一站式 一体 一把手 一盘棋 一张蓝图 一件事 一次性 一季度 一年 "
              "十分 十足 万物 千里 百花 双方 双向 双边 双重 双赢 四川 三峡 三亚 九江 "
              "六盘水 五一 七一 八一 十一 三明 十堰 万州 九龙 三门 四平 一汽 两岸 两翼齐飞 "
              "一定程度 一大批 一大步 一大片 一番 一翻 百姓 万众 千方百计 千家万户 二氧化 万达 "
              "一心一意 一元化 多元化 十运会 一汽 十字 "
              # names and words a numeral is part of: 长三角, 珠三角, 西双版纳, 新三板, 二甲医院,
              # 己二腈, 双丰收, 千瓦时
              "三角 双版纳 三板 二甲 三甲 二腈 双丰收 千瓦 千兆 百兆 万兆").split()
DEFINED_MIN = 2  # a defined headword is taken only with this many characters or more

PERIOD = re.compile(r"十[一二三四五]五")
CODE = re.compile(r"(?<![0-9A-Za-z.])(?:[0-9]+(?:\.[0-9]+)?|[NX])(?:\+(?:[0-9]+(?:\.[0-9]+)?|[NnXx]))+"
                  r"(?![0-9A-Za-z.%]|\s*(?:等于|[=＝>＜<＞]))")  # not 1+1等于2
CHAIN = re.compile(rf"(?:[{HEADS}][^\W\d{HEADS}的和与及等是为在中了要把对以并]{{1,3}}){{2,4}}")
# a quoted numbered policy: 新“17条”措施, 促消费政策“24条”
NUMBERED_POLICY = re.compile(r"(?<=[“\"])[0-9]{1,3}条(?=[”\"])")
# a quoted number of three digits before a noun names a programme (“811”环境保护行动,
# “365”节约集约用地): not a year (four digits), not a quantity (“365”天)
QUOTED_DIGITS = re.compile(r"(?<=[“\"])[1-9][0-9]{2}(?=[”\"][\u4e00-\u9fff])(?![”\"][天年月日个万亿元])")
# speed: the scan jumps to the next numeral or opening quote (a numeral may sit inside “…”)
_NUMERAL = re.compile(f"[{NUMERALS}{re.escape(OPEN_QUOTES)}]")
# a count in digits of a set with a head noun: 打好…等9大攻坚战
DIGIT_SET = re.compile(r"(?<![0-9.])[1-9][0-9]?大[^\W\d]{0,4}?(?:攻坚战|工程|行动|战略|产业|体系|任务)")
# an earlier five-year plan, written without 十 (“九五”末, “四五”普法, 八五期间)
OLD_PERIOD = re.compile(r"[四五六七八九]五(?=[”\"]|时期|期间|计划|规划|末|普法)")
MARKUP = re.compile(r"\[\d{1,3}\]|\*\*|^#{1,6} ?|<sup>\d+</sup>|[①-⑳]", re.M)


class Use(NamedTuple):
    """One use of a slogan: the term, its kind, the line (from 1) and its offset in it."""

    term: str
    kind: str
    line: int
    start: int


def clean_line(line: str) -> str:
    """A line without footnote markers and Markdown marks (which split nothing)."""
    return MARKUP.sub("", line)


def count_of(term: str) -> int | None:
    """How many items a slogan counts: its numeral, or the sum of a chain's numerals
    (两不愁三保障: 5); None for a period or a code."""
    if PERIOD.fullmatch(term) or term[:1].isdigit():
        return None
    numbers = [VALUE[c] for c in term if c in VALUE and c not in "百千万"]
    if not numbers:
        return None
    if term[0] == "十" and len(term) > 1 and term[1] in VALUE and VALUE[term[1]] < 10:
        return 10 + VALUE[term[1]] if term[2:3] and term[2] not in BREAK else 10
    if not _is_chain(term) or re.search(r"位一体$", term):
        return numbers[0]  # 五位一体 counts five; a chain counts all its items
    return sum(numbers)


def _is_chain(term: str) -> bool:
    """Two or more numeral + word pairs (一带一路, 两不愁三保障, 双百双新), not a measure
    word after the first numeral (三个一批 is one count)."""
    return (len(term) >= 4 and term[1] not in SET_MEASURES + HEADS
            and CHAIN.fullmatch(term) is not None)


_STOPS = tuple(STOP_AFTER)  # one startswith call (speed: the same test as any(...))
# words a stop begins that are no quantity: 两个市场 (个市), 三次产业 (次)
NOT_STOPPED = ("个市场", "次产业")


def _stopped(rest: str) -> bool:
    return rest.startswith(_STOPS) and not rest.startswith(NOT_STOPPED)


# the words of NOT_COUNTS by each character they hold (speed: a word covering the numeral
# at ``at`` holds that numeral)
_NOT_COUNTS_WITH: dict[str, list[str]] = {}
for _w in NOT_COUNTS:
    for _c in set(_w):
        _NOT_COUNTS_WITH.setdefault(_c, []).append(_w)


def _not_count(line: str, at: int, term: str) -> bool:
    """Whether a word whose numeral counts nothing (统一, 一些, 十分) covers the numeral."""
    for word in _NOT_COUNTS_WITH.get(line[at], ()) if at < len(line) else ():
        lo = max(0, at - len(word) + 1)
        index = line.find(word, lo, at + len(word))
        while 0 <= index <= at:
            if index + len(word) > at:
                return True
            index = line.find(word, index + 1, at + len(word))
    return False


# any quote mark ends a quote: reports mix them ("三个离不开“和”五湖四海“)
QUOTE_MARKS = set(OPEN_QUOTES) | set(CLOSE_QUOTES)
LIST_SEPARATORS = re.compile(r"[、，,]")


def _quoted(line: str, at: int, limit: int = 10) -> str | None:
    """The quoted text that starts at ``at`` (just after an opening quote), up to
    ``limit`` characters, else None."""
    if at == 0 or line[at - 1] not in OPEN_QUOTES:
        return None
    end = at
    while end < len(line) and line[end] not in QUOTE_MARKS and end - at <= limit:
        end += 1
    if end < len(line) and line[end] in QUOTE_MARKS and end > at + 1:
        return line[at:end]
    return None


def _numbered_list(quoted: str) -> bool:
    """A quoted list whose every item is numbered (“一心、四带、两区”, “八个坚持、八个
    反对”, “三心六片，两轴两带”, “千村示范、万村整治”): one slogan, the whole quote."""
    items = LIST_SEPARATORS.split(quoted)
    return len(items) >= 2 and all(
        2 <= len(item) <= 6 and item[0] in NUMERALS and item[1:2] not in ("年", "月", "是")
        and all("\u4e00" <= ch <= "\u9fff" for ch in item) for item in items)


def _inner_numbered(line: str, at: int) -> str | None:
    """A short quote at ``at`` (an opening quote) whose numeral is not its first character
    but its last (“普九”, “退后十”) or one of several (“保五争三拼第一”), else None."""
    quoted = _quoted(line, at + 1, 12)
    if quoted is not None and len(quoted) > 8 and not _named_count(quoted):
        quoted = None
    if quoted is None or quoted[0] in NUMERALS or "第" + quoted[-1:] == quoted[-2:] and \
            sum(ch in NUMERALS for ch in quoted) < 3:
        return None
    if not all("\u4e00" <= ch <= "\u9fff" for ch in quoted):
        return None
    numerals = sum(ch in HEADS for ch in quoted)
    if _named_count(quoted):
        return quoted
    if (len(quoted) <= 3 and quoted[-1] in HEADS and quoted[-2] not in NUMERALS + "第") \
            or numerals >= 3:
        return quoted
    return None


# a count inside a quoted name: 八字 (“农业八字宪法”) or a set and its head noun at the end
# (“全面小康六大行动计划”)
NAMED_COUNT = re.compile(rf"[^{NUMERALS}]{{2,}}[{HEADS}](?:字[^\W\d]{{1,4}}|[大项个][^\W\d]{{0,3}}?"
                         r"(?:行动计划|工程|行动|战略|计划|体系|任务|攻坚战))")


def _named_count(quoted: str) -> bool:
    return NAMED_COUNT.fullmatch(quoted) is not None


def _word(line: str, at: int, limit: int) -> str:
    end = at
    while end < len(line) and end - at < limit and line[end] not in BREAK \
            and "\u4e00" <= line[end] <= "\u9fff":
        end += 1
    return line[at:end]


# what the first numeral of a chain never counts (一年一度, 三天两头, 一次一议)
FIRST_PAIR_STOPS = set("年月日天次周季倍批些期号")


def _chain(line: str, at: int) -> str | None:
    """A chain of numeral + short word pairs starting at ``at`` (一带一路, 三去一降一补,
    两不愁三保障, 双百双新), else None."""
    m = CHAIN.match(line, at)
    if not m:
        return None
    text = m.group(0)
    # each pair: a numeral then 1-3 other hanzi
    pairs = re.findall(rf"[{HEADS}][^{HEADS}]+", text)
    if len(pairs) < 2 or pairs[0][1] in FIRST_PAIR_STOPS:
        return None
    # the shortest reading with pairs of the first pair's length
    size = len(pairs[0])
    if size > 3 or pairs[0][1] in SET_MEASURES + "千万" or (  # not 一个近八亿, 一千一百
            pairs[0][1] == "百" and pairs[0][0] != "双") or any(
            _stopped(p[1:]) or len(p) < size for p in pairs[1:]):
        return None
    end = at
    for p in pairs:
        if len(p) < 2:
            break
        end += len(p)
    # do not run into the next word: the last pair as long as the first
    term = line[at:end]
    last = pairs[-1]
    if len(last) > size:
        term = term[:len(term) - (len(last) - size)]
    if len(set(re.findall(rf"[{HEADS}][^{HEADS}]+", term))) == 1:
        return None  # 一茬一茬, 一步一步: a reduplication, no set of items
    return term if len(term) >= 4 else None


def find_uses(text: str, defined: Iterable[str] = (),
              attested: Iterable[str] = ()) -> list[Use]:
    """Every use of a numbered slogan in ``text``, in order. ``defined``: headwords the
    glossaries in use define; a numbered one is a slogan wherever it occurs. ``attested``:
    forms the collection attests as slogans (a library's lexicon, library/slogan_lexicon.py):
    one is a slogan where it stands as a word (not inside a longer one), and the longer of it
    and what the rules find at the same place is taken."""
    numbered = sorted({d for d in defined if len(d) >= DEFINED_MIN and d[0] in NUMERALS},
                      key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    for d in numbered:
        by_first.setdefault(d[0], []).append(d)
    lexicon: dict[str, list[str]] = {}
    for a in sorted({a for a in attested if lexical(a)}, key=len, reverse=True):
        lexicon.setdefault(a[:2], []).append(a)  # by two characters: a few forms each
    uses: list[Use] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = clean_line(raw)
        taken_until = 0
        for pattern, kind in ((CODE, "code"), (NUMBERED_POLICY, "code"), (QUOTED_DIGITS, "code"),
                              (DIGIT_SET, "slogan")):
            for m in pattern.finditer(line):
                uses.append(Use(m.group(0), kind, number, m.start()))
        at = 0
        while at < len(line):
            m = _NUMERAL.search(line, max(at, taken_until))  # speed: jump to a numeral or quote
            if m is None:
                break
            at = m.start()
            c = line[at]
            inner = _inner_numbered(line, at) if c in OPEN_QUOTES and at >= taken_until \
                else None
            if inner is not None:  # “普九”, “保五争三拼第一”: the numeral is inside
                uses.append(Use(inner, "slogan", number, at + 1))
                taken_until = at = at + 1 + len(inner)
                continue
            if c not in NUMERALS or at < taken_until:
                at += 1
                continue
            found = _candidate(line, at, by_first.get(c, ()))
            form = _attested_form(line, at, lexicon.get(line[at:at + 2], ()))
            if form is not None and (found is None or len(form) > len(found[0]) and not any(
                    form.startswith(noun, len(found[0])) for noun in TRAILING)):  # 双拥 模范城
                found = form, _kind(form)
            if found is None:
                at += 1
                continue
            term, kind = found
            uses.append(Use(term, kind, number, at))
            taken_until = at + len(term)
            at = taken_until
    return _attested(uses, text.split("\n"), set(numbered) | {
        a for forms in lexicon.values() for a in forms})


# what makes a numeral a quantity, a duration or an ordinal whatever follows (三年行动, 七个
# 方面, 三类, 二手房); the rest of the stop list (places: 九江, 千村; 重: 三重压力) refuses a
# form of the lexicon only when it is all the form (两区)
QUANTITY_STOPS = tuple(
    "年 月 日 天 周 季 倍 名 户 元 亿 吨 亩 米 岁 位 级 期 届 轮 批 些 点 多 余 几 来 半 成 分 "
    "层 号 手 类 产 连冠 个月 个百分点 个方面 个小时 个季度 个多 个以上 个左右 个亿 个人 个别 "
    "以上 以下 左右 以内 之一 分之 次".split())


def paired(form: str) -> bool:
    """A chain of distinct pairs (一江两岸, 一港两区; not 一锤接着一锤敲, 一以贯之, 一处失信)."""
    pairs = re.findall(rf"[{HEADS}][^{HEADS}]+", form)
    return _is_chain(form) and len({p[:2] for p in pairs}) == len(pairs)


def lexical(form: str) -> bool:
    """Whether an attested form may be taken from the lexicon: what the rules refuse in any
    text (a quantity by the stop list: 三年行动, 七个方面; a word whose numeral counts nothing:
    一般; an ordinal or a congress: 十六, 二十大; 一 and a word under four characters: 一点;
    an idiom) is no
    slogan for being common, and a list (“两个市场、两种资源”) gives each of its slogans."""
    return len(form) >= DEFINED_MIN and form[0] in NUMERALS \
        and all("\u4e00" <= ch <= "\u9fff" for ch in form) \
        and not form[1:].startswith(QUANTITY_STOPS) and not _stopped(form) \
        and not (len(form) == 2 and _stopped(form[1:])) and not _not_count(form, 0, form) \
        and not (form[0] == "一" and len(form) < 4 and not _is_chain(form)) \
        and not _run_of_numerals(form) \
        and not _idiom(form)


def _attested_form(line: str, at: int, forms: Sequence[str]) -> str | None:
    """The longest form of the lexicon at ``at``, not after a numeral or 第 and not inside a
    quoted name (an attested form goes on into a compound as the slogan: 三农服务)."""
    if not forms or at and line[at - 1] in NUMERALS + "第0123456789" or \
            _inside_quote(line, at):
        return None
    for form in forms:  # longest first
        if line.startswith(form, at):
            return form
    return None


def bare(term: str) -> bool:
    """A numeral and one or two hanzi with no measure word (六稳, 三联): the shape a name
    cut out of a longer word (三联乳业, 七里海, 百步亭) has as well."""
    return len(term) <= 3 and term[0] in NUMERALS and term[0] != "双" \
        and term[1:2] not in SET_MEASURES \
        and not PERIOD.fullmatch(term) and all("\u4e00" <= ch <= "\u9fff" for ch in term)


def _attested(uses: list[Use], lines: Sequence[str], defined: set[str]) -> list[Use]:
    """The uses without the bare terms that the document never quotes, defines or follows
    with a trailing noun: a slogan of that shape is quoted where it is introduced (“六稳”,
    “三农”) or named as a task (六稳工作); a name cut out of a word is not (三联、七里海)."""
    quoted = set()
    for use in uses:
        line = clean_line(lines[use.line - 1])
        end = use.start + len(use.term)
        if use.start and line[use.start - 1] in OPEN_QUOTES or any(
                line.startswith(noun, end) for noun in TRAILING if len(noun) >= 2):
            quoted.add(use.term)  # “六稳”, or 六稳工作: a slogan's trailing noun
    return [u for u in uses if not bare(u.term) or u.term in quoted or u.term in defined]


# what a quoted numeral alone may count and still be a quantity (“两年”, “三个月”)
QUOTED_BARE = set("年 月 日 天 周 次 倍 名 人 户 家 元 亿 万 千 百 些 个 个月 季度 届 批 成 "
                  "个百分点 年来 年间 大".split())


IDIOM = re.compile(rf"一.[百千万].|[{HEADS}多].齐[下上发飞]|[{HEADS}多].并[举重进]")


def _idiom(term: str) -> bool:
    """A four-character idiom built on numerals (一呼百应, 一诺千金, 三管齐下): no count."""
    return len(term) == 4 and IDIOM.fullmatch(term) is not None


def _quoted_not_count(quoted: str) -> bool:
    """Whether a quoted phrase is a word whose numeral counts nothing (“一流”, “一体化”
    and what begins with one: “一站式…”)."""
    return any(quoted.startswith(word) for word in NOT_COUNTS)


def _candidate(line: str, at: int, defined: Sequence[str]) -> tuple[str, str] | None:
    before = line[at - 1] if at else ""
    for d in defined:  # longest first
        if line.startswith(d, at) and not (before and before in NUMERALS + "第"):
            return d, _kind(d)
    if before and (before in NUMERALS or before in "第0123456789每近前后上下头首约逾超数"):
        return None
    if line.startswith("十五计划", at) and before not in NUMERALS:
        return "十五", "period"
    m = PERIOD.match(line, at) or OLD_PERIOD.match(line, at)
    if m and not line.startswith(("年", "个", "万", "亿", "%"), m.end()) \
            and line[m.end():m.end() + 1] not in NUMERALS:
        return m.group(0), "period"
    listed = _quoted(line, at, 16)
    if listed is not None and _numbered_list(listed):
        return listed, "slogan"
    quoted = _quoted(line, at)
    if quoted is not None and "、" in quoted:
        quoted = quoted.split("、")[0]  # “一张网、一平台、全覆盖”: its first slogan
    if quoted is not None and re.fullmatch(r"十五", quoted):
        return quoted, "period"  # “十五”计划
    if quoted is not None:
        # a quoted phrase starting with a numeral: the quote is its boundary
        rest = quoted[1:]
        # quoted, a measure word and a noun are a name (“三件实事”, “两支队伍”): only a bare
        # quantity (“两年”, “三个月”) is refused
        bare = rest in QUOTED_BARE or len(quoted) <= 3 and (
            rest[:1] in "月日" or quoted[-1] in PLACE_ENDINGS) or _idiom(quoted)  # “万绿园”
        if (len(quoted) <= 10 and rest and not bare and all(
                "\u4e00" <= ch <= "\u9fff" or ch in "+" for ch in quoted)
                and not _quoted_not_count(quoted)):
            return quoted, _kind(quoted)
        return None
    chain = _chain(line, at)
    if chain is not None and not _not_count(line, at, chain) and not _idiom(chain):
        return chain, _kind(chain)
    c = line[at]
    if c == "一":
        return None  # alone after 一 a word counts nothing (see the module's docstring)
    if before == "党" or before and line.startswith(("大", "中"), at + 1) and before in "十二":
        return None
    if line[max(0, at - 2):at] in DIRECTION_PAIRS:
        return None  # 东西两翼, 南北两岸: the numeral counts the directions just named
    rest = line[at + 1:]
    if _stopped(rest) or not rest:
        return None
    if rest.startswith("次产业"):
        return line[at:at + 4], "slogan"  # 三次产业: the three sectors of the economy
    if rest[0] in SET_MEASURES:
        if rest[0] == "大" and rest[1:2] in ("以", "来", "精", "报", "代", "会"):
            return None  # 党的十九大以来: a congress, an ordinal
        measure = 2 if rest.startswith("大类") else 1
        word = _core(line, at + 1 + measure, 2 if rest[0] in "个大项件" else 1)
        if word is None or _runs_on(line, at + 1 + measure + len(word)) and (
                rest[0] == "个" or len(word) <= 2 and word not in HEADS_NOUNS
                or word.endswith("性")):  # 六大高耗能行业 ends at a head noun; 三大标志性企业 not
            return None  # 两个超级大国, 四大连片特困地区: the word goes on, no slogan cut out
        term = line[at:at + 1 + measure + len(word)]
    else:
        # without a measure word and without quotes: a word of one or two characters that
        # stands alone (六稳，, 十严格、); 五保供养 or 两国友好 are no slogan to cut out
        word = None
        for size in (2, 1):
            if size == 2 and any(line.startswith(noun, at + 2) for noun in TRAILING
                                 if len(noun) >= 2):
                continue  # 双拥共建: 双拥, then 共建
            candidate = _word(line, at + 1, size)
            after = line[at + 1 + size:at + 2 + size]
            if len(candidate) == size and (after == "" or after in BREAK or any(
                    line.startswith(noun, at + 1 + size) for noun in TRAILING)):
                word = candidate
                break
        if word is None:
            return None
        term = line[at:at + 1 + len(word)]
        if len(word) == 2 and word[-1] in PLACE_ENDINGS or _inside_quote(line, at):
            return None  # 百朋镇, 八马路: a place's name; “常州三杰”: the tail of a name
    if _not_count(line, at, term) or _run_of_numerals(term):
        return None
    return term, "slogan"


# two directions the numeral counts (东西两翼): a quantity
DIRECTION_PAIRS = set("东西 南北 左右 上下 前后 内外".split())
# the last character of a place's or a building's name (百朋镇, 八马路, 万绿园, 三电厂)
PLACE_ENDINGS = "镇乡村路街巷园厂寺庙港岛湾桥库召寨庄坝湖山峰岭洞塔楼宫"


# nouns after which a one- or two-character slogan without quotes may stand (六稳工作)
TRAILING = sorted("建设 工作 任务 目标 布局 要求 精神 政策 战略 发展 成果 成效 举措 措施 建 "
                  "取得 落实 推进 实施 全面 持续 深入 扎实 加快 共建 模范".split(), key=len, reverse=True)


# what extends a two-character core (三大攻坚战, 十大重点工程, 两个积极性)
HEADS_NOUNS = sorted("战 性 任务 项目 基地 工程 行动 战略 体系 布局 产业 优势 理念 平台 作物 "
                     "工作 行业 实事 支出 经费 节点 通道 设想 计划 产业带".split(), key=len,
                    reverse=True)


def _heads(line: str, at: int, gap: int) -> int | None:
    """Where a head noun that starts at ``at`` (after at most ``gap`` other hanzi: 六大高耗
    能行业) ends, else None."""
    for skip in range(gap + 1):
        if any(ch in BREAK for ch in line[at:at + skip]):
            break
        for noun in HEADS_NOUNS:
            if line.startswith(noun, at + skip):
                return at + skip + len(noun)
    return None


def _core(line: str, at: int, minimum: int) -> str | None:
    """The word after a measure word: two characters (one for 张, 道, 条…: 五张网), longer
    by a head noun that follows (三大攻坚战, 十大重点工程); None: too short."""
    long_head = next((n for n in HEADS_NOUNS if len(n) > 2 and line.startswith(n, at)), None)
    if long_head is not None:
        return long_head  # 三大产业带: a head noun of three characters after the measure
    word = _word(line, at, 2)
    pair = line[at:at + 2]
    if len(word) == 1 and len(pair) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in pair) \
            and pair[1] not in NUMERALS and _heads(line, at + 2, 1) is not None:
        word = pair  # 四大重要节点: 要 is a boundary only where no head noun follows
    if len(word) < minimum:
        return None
    if len(word) == 2:
        end = _heads(line, at + 2, 1)
        if end is not None:
            return line[at:_heads(line, end, 0) or end]  # 十大重点产业项目
    if len(word) == 2 and minimum == 1 and line[at + 2:at + 3] not in BREAK | {""}:
        return word[:1]  # 五张网建设: 五张网
    return word


def _inside_quote(line: str, at: int) -> bool:
    """Whether ``at`` is inside a quoted name that opened a few hanzi before it (“常州三杰”,
    “鹿城双马”): a numeral there is part of the name, not the start of a slogan."""
    for back in range(at - 1, max(-1, at - 9), -1):
        ch = line[back]
        if ch in OPEN_QUOTES and ch not in CLOSE_QUOTES:
            return back < at - 1
        if not "\u4e00" <= ch <= "\u9fff" or ch in BREAK:
            return False
    return False


def _runs_on(line: str, end: int) -> bool:
    """Whether the text after a cut-out word goes on as the same word (a hanzi that is no
    boundary, no trailing noun, no numeral)."""
    after = line[end:end + 1]
    if not after or not "\u4e00" <= after <= "\u9fff" or after in BREAK or after in NUMERALS:
        return False
    noun = next((n for n in TRAILING if line.startswith(n, end)), None)
    # a trailing noun ends the slogan unless it is itself the start of a longer word
    # (两个生态发展区: 发展 runs on as 发展区)
    return noun is None or len(noun) >= 2 and _runs_into(line, end + len(noun))


def _runs_into(line: str, end: int) -> bool:
    after = line[end:end + 1]
    return bool(after) and "\u4e00" <= after <= "\u9fff" and after not in BREAK


def _run_of_numerals(term: str) -> bool:
    return sum(c in NUMERALS for c in term) >= len(term) - 0 or (
        len(term) >= 2 and term[1] in NUMERALS and term[0] in NUMERALS and term[1] != "个"
        and not PERIOD.fullmatch(term) and not _is_chain(term))


def _kind(term: str) -> str:
    if PERIOD.fullmatch(term):
        return "period"
    if term[:1].isdigit() or "+" in term:
        return "code"
    if term[0] == "一" and _is_chain(term):
        return "name"
    return "slogan"


# --------------------------------------------------------------------------- expansion

LEAD_VERBS = sorted(("打好 打赢 坚决打好 坚决打赢 推进 深入推进 坚持 落实 做好 实施 抓好 推动 聚焦 "
                     "围绕 突出 强化 加快 统筹 统筹推进 扎实推进 扎实做好 全力 全力推进 持续 持续推进 "
                     "着力 深化 加强 完善 狠抓 开展 把握 实现 建设 构建 打造 用好 守住 守牢 筑牢 "
                     "做实 做到 树牢 增强 落细 全面 大力 突出抓好 纵深推进 集中 攻坚 决胜 "
                     "充分发挥 发挥 调动 充分调动 以 把 在 按照 围绕着 提升 做强 壮大 发展 培育 践行 贯彻 "
                     "抓住 紧紧抓住 夺取 奋力夺取 作为 促进 实现了").split(),
                    key=len, reverse=True)
AFTER = re.compile(r"^[”’」』\"]?(?:[，,]?\s*(?:即|就是|是指|分别是|包括)[：:]?|[（(]|[：:])"
                   r"\s*(?:是指|指|即)?[“\"]?")


def split_items(segment: str) -> list[str]:
    """Items listed in ``segment``: separated by 、, and the last by 和/及/与/以及."""
    parts = [p.strip(" “”‘’\"") for p in re.split(r"、|；|;", segment)]
    if parts:
        for conjunction in ("以及", "和", "及", "与"):
            head, found, tail = parts[-1].partition(conjunction)
            if found and head and tail:
                parts = parts[:-1] + [head, tail]
                break
    return [p for p in parts if p]


def expand_before(line: str, at: int, count: int) -> list[str] | None:
    """The items listed just before the use at ``at`` (打好A、B、C三大攻坚战)."""
    start = at
    if start and line[start - 1] in OPEN_QUOTES:
        start -= 1
    head = line[:start]
    clause = re.split(r"[，。；：！？,;:!?（）()]", head)[-1]
    items = split_items(clause)
    if len(items) != count:
        return None
    first = items[0]
    cuts = [(first.find(v), -len(v), v) for v in LEAD_VERBS if 0 <= first.find(v)
            and len(first) - first.find(v) - len(v) >= 2]
    if cuts:
        index, _, verb = min(cuts)
        first = first[index + len(verb):]
    items[0] = first.strip("“”")
    rest = {len(i) for i in items[1:]}
    if len(items) >= 3 and len(rest) == 1 and len(items[0]) > min(rest) and len(
            {i[-1] for i in items}) == 1:
        items[0] = items[0][-min(rest):]  # 农牧民作为投资主体、经营主体、受益主体
    if any(len(i) > 16 or len(i) < 2 for i in items):
        return None
    return items


def expand_after(line: str, at: int, term: str, count: int) -> list[str] | None:
    """The items listed just after the use (“三个一批”，即A、B、C)."""
    tail = line[at + len(term):]
    m = AFTER.match(tail)
    if not m:
        return None
    body = tail[m.end():]
    body = re.split(r"[。）)”]", body)[0]
    for separator in (r"、", r"[，；;,]"):
        items = [i.strip("“”‘’\" ") for i in re.split(separator, body)]
        if separator == "、":
            items = split_items(body.split("，")[0] if "，" in body else body)
        items = [i for i in items if i]
        if len(items) == count and all(2 <= len(i) <= 20 for i in items):
            return items
    return None


def expand(term: str, lines: Sequence[str], uses: Sequence[Use]) -> Expansion | None:
    """The items the text lists beside a use of ``term`` (before or after it), their number
    checked against the slogan's count, with the line they were found on; None: no use
    lists them."""
    count = count_of(term)
    if count is None or count < 2 or count > 12:
        return None
    for use in uses:
        line = clean_line(lines[use.line - 1])
        items = expand_before(line, use.start, count) or expand_after(line, use.start,
                                                                       term, count)
        if items:
            return Expansion(tuple(items), use.line, lines[use.line - 1].strip())
    return None


KINDS = ("slogan", "period", "code", "name")


def discover_text(document: str, text: str, defined: Iterable[str] = (),
                  kind: str | None = None, attested: Iterable[str] = ()) -> list[DiscoveredTerm]:
    """The numbered slogans ``text`` uses, in the order of their first use, each with its
    count, lines, expansion and whether it is in ``defined`` (the glossaries' headwords);
    ``attested``: the forms a library's collection attests (find_uses)."""
    defined = set(defined)
    uses = find_uses(text, defined, attested)
    by_term: dict[str, list[Use]] = {}
    for use in uses:
        by_term.setdefault(use.term, []).append(use)
    lines = text.split("\n")
    found = []
    for term, used in by_term.items():
        if kind is not None and used[0].kind != kind:
            continue
        found.append(DiscoveredTerm(document, term, used[0].kind, len(used),
                                    tuple(dict.fromkeys(u.line for u in used)),
                                    expand(term, lines, used), term in defined))
    return found
