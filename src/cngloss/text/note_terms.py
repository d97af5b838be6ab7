"""Which notes name a term: a note's headword that is no term, by class.

Most notes of a notes section define a term (六稳六保, 四好农村公路, 碳汇, 4050, RCEP). Some
explain a *statement* of the report instead: a figure (``新增普通高校7所``), the state of a
target (``主要指标完成情况``), a sentence. They are the report's notes and stay notes, but
they are not glossary terms: the library's merged glossary leaves them out, and ``import``
says so for review. What the reader misread (an empty headword, a label, a number or page
reference left in it) is fixed in the reader; ``not_a_term`` still names those classes, so
the benchmark (bench/junk_headwords.py) can count them in any reader's output.

Kept, because they are terms when their note defines them: codes without hanzi (``9+3``,
``51025``: the report's own name, used in its body), Latin acronyms, single common words
given a policy sense (``升高``, as a note of 长沙 2019 defines it), long names of several items.
"""

from __future__ import annotations

import re

__all__ = ["JUNK_CLASSES", "drop_page_reference", "not_a_term"]

JUNK_CLASSES = (
    "no headword", "label", "list item", "numbering left", "page reference",
    "broken quote or bold", "definition in the headword", "sentence", "statement", "remark",
)

# A page reference printed after the headword: ``（《报告》第1页第13行）``, ``（第3页）``, ``（P20）``.
_PAGE_REF = re.compile(
    r"\s*[（(]\s*(?:《[^》]{1,12}》\s*)?(?:第\s*\d+\s*页(?:\s*第\s*\d+\s*行)?"
    r"|[Pp]\s*\.?\s*\d+(?:\s*[-—~～]\s*\d+)?)\s*[）)](?=(?:\*\*)?\s*[：:]?\s*(?:\*\*)?\s*$)")


def drop_page_reference(printed: str) -> str:
    """The printed headword without a page reference after it (``甲乙（P20）`` -> ``甲乙``)."""
    return _PAGE_REF.sub("", printed)


_QUOTES = re.compile(r"[“”\"‘’「」『』]")
_QUOTED = re.compile(r"[“\"「『‘][^”\"」』’]*[”\"」』’]")
_LABELS = frozenset({"解释", "释义", "报告原文", "原文", "来源", "附", "注", "说明", "备注"})
# 一、创建一批平安社区 (not 一、二、三板块 or 三、二、一: slogans counting down)
_LIST_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])"
                        r"(?![一二三四五六七八九十][、.．]|[一二三四五六七八九十]$)")
_NUMBER_LEFT = re.compile(r"^[\[［〔﹝(（【]\s*\d{1,3}\s*[\]］〕﹞)）】]|^[①-⑳]")
_DEFINITION_IN = re.compile(r"(?:\s|[”\"])(?:是指|指(?![导标数挥南引定令])|即)\S")
_SENTENCE = re.compile(r"[。；！？]|[;!?]$")
_REMARK = re.compile(r"情况$|^关于|未完成")
# A figure: Arabic digits and a measure word (quoted codes such as “18条” excluded)
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:个|家|所|条|项|座|处|名|位|亿元|万元|元|%|％|公里|千米"
                     r"|万亩|亩|辆|套|批|万人|人|户|次|年|倍|米|件|类|亿)")
_CLAIM = re.compile(r"新增|增加|增长|实现|位居|居全|入选|启动|完成|达到|突破|提高|获评|成功|荣获"
                    r"|排名|跻身|列入|被评为|获得|建成|创建|下降|减少|超过|首次|连续|开工|投入"
                    r"|覆盖|通过|力争|推进|打造|培育|建设")


def not_a_term(headword: str) -> str | None:
    """The class (one of ``JUNK_CLASSES``) of a note headword that names no term, or None."""
    head = headword.replace("**", "").strip()
    if not head:
        return "no headword"
    bare = _QUOTES.sub("", head)
    if bare in _LABELS:
        return "label"
    if _LIST_ITEM.match(bare):
        return "list item"
    if _NUMBER_LEFT.match(head):
        return "numbering left"
    if drop_page_reference(head) != head:
        return "page reference"
    if not re.search(r"\w", bare):
        return "broken quote or bold"  # “ alone: the rest of the headword went to the definition
    if len(bare) > 12 and _DEFINITION_IN.search(head):
        return "definition in the headword"
    if _SENTENCE.search(bare):
        return "sentence"
    if _REMARK.search(bare):
        return "remark"
    unquoted = _QUOTED.sub("", head)
    if _CLAIM.search(unquoted) and _FIGURE.search(unquoted):
        return "statement"
    return None
