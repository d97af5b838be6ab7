"""The notes section (名词解释) of a report: found by its heading, read note by note.

A notes section is found by its *heading*, never by "a numbered list at the end": task lists
and appendices of projects end many reports and are not notes (BENCHMARKS.md counts 177 such
reports in the collection). A heading is a short line that, once markup and a prefix
(附件N, 附录N, 附, 资料, ``N.``) are removed, reads
``[YYYY年][《政府工作报告》][有关内容|有关|相关|部分|…][名词|词语|用语|术语|…]
(解释|注释|注解|释义|解析|说明)[和说明…][（…）][：|>>>]`` and has a word that means
"term" or "note" (so 有关情况说明 and 数据说明 are not headings). The last heading followed by
at least ``MIN_NOTES`` notes wins.

After the heading, the numbering of the first note line fixes the section's style: a later
line opens a note only in the same style (or, after ⑩/⑳, plain digits or unnumbered
``headword：`` lines); any other line continues the current note, so a sub-heading inside a
definition (``五院：…``) stays in it. The section ends at a line that cannot belong to it
(``---``, another appendix, a table, a date or editor's trailer) or where a numbered list
restarts at 1.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...text.note_terms import drop_page_reference
from .note_lines import (
    GLUED,
    Numbered,
    clean_headword,
    match_number,
    same_family,
    split_headword,
    strip_bold,
)

MIN_NOTES = 3

_HEAD_PREFIX = (r"(?:(?:附件|附录)[一二三四五六七八九十\d]*|附|资料|\d+[.．、]"
                r"|[一二三四五六七八九十]+、)?[：:]?")
_HEAD_CORE = (
    r"(?:\d{4}年)?(?:《?政府工作报告》?)?"
    r"(?:有关内容|有关|相关|部分|主要|特定)?"
    r"(?:名词术语|专业术语名词|名词|词语|用语|术语|特定词语|工作和用语|词)?"
    r"(?:解释|注释|注解|释义|解析|说明)"
    r"(?:和说明|及有关说明|和有关情况说明|及有关情况的说明|说明)?"
)
_HEADING = re.compile("^" + _HEAD_PREFIX + _HEAD_CORE +
                      r"(?:（[^）]*）|\([^)]*\))?[：:]?(?:>{2,})?$")
_TERM_WORD = re.compile(r"名词|用语|术语|词语|注释|注解|释义|解析|解释")
_SPACES = re.compile(r"[\s\u2002\u3000\u00a0]+")

# Lines that end the notes section.
_END = re.compile(
    r"^(?:-{3,}|\*{3,}|_{3,}|\|.*\||<!--.*-->\s*$"
    r"|\**\s*(?:附件|附表|附录)[一二三四五六七八九十\d]*\s*[：:]?\s*\**$"
    r"|\**\s*(?:附件|附表|附录)[一二三四五六七八九十\d]*[：:、\s].{0,30}$|\**\s*附\s*[：:]?\s*\**$)"
)
_EDITOR_TRAILER = re.compile(
    r"^[（(](?:注[：:].{0,300}?|(?:本文有删减|此件公开发布|来源[：:]|摘录于).{0,60}?)[）)]?"
    r"(?:[（(][^（）()]{0,60}[）)])*$")
# Who published the text: 来源：某市人民政府, （某某日报）, （某某办公厅 年鉴处）.
_CREDIT = (r"[（(](?![^（）()]*(?:简称|即|指|含|包括))[^（）()，。；]{2,24}"
           r"(?:日报|晚报|新闻网|门户网站|网站|网|年鉴处)[）)]")
_SOURCE_TRAILER = re.compile(rf"^(?:(?:信息|资料|稿件)?来源[：:][^，。；]{{1,40}}|{_CREDIT})$")
_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
# 2021年1月5日, （2021年1月5日）, 2020年2月9日印 (printed), ——2020年1月6日在…会议上 (delivered)
_DATE_TRAILER = re.compile(rf"^(?:[（(]?\s*{_DATE}\s*(?:印发?)?\s*[)）]?|——\s*{_DATE}[^。；]{{0,40}})$")
# What the source glued to the end of the last note: a speech date (…安全感。（2023年1月5日）),
# the speech line (…。——2020年1月6日在市十届人大三次会议上), a credit (…。（某某日报）, （市长 某某）).
_GLUED_TRAILER = re.compile(
    rf"(?<=[。！？；”）)])\s*(?:[（(]?\s*{_DATE}\s*[)）]?|——\s*{_DATE}[^。；（）]{{0,40}}"
    rf"|{_CREDIT}|[（(](?:市长|省长|州长|主席)\s*[\u4e00-\u9fff]{{2,4}}[）)])$")
# A note that only points elsewhere: 为民办实事项目：…详见附件。 (not a term: nothing is defined)
_POINTER = re.compile(r"^[^。；]{0,60}?(?:详见|具体见|参见|见)(?:附件|附表|附录)[一二三四五六七八九十\d]*[。.]?$")
# The labelled layout: 报告原文：(the report's sentence) 解释：(the definition), even on one line.
_QUOTED_LABEL = re.compile(r"^(?:报告原文|原文)[：:]")
_LABELLED_HEAD = re.compile(r"^[^，。；：:！？]{2,30}$")
_EXPLAINED = re.compile(r"^\s*(?:(?:报告原文|原文)[：:].*?[。！？])?\s*(?:解释|释义)[：:]")
# A short title line (the next document: 2020年市政府为民办8件实事, 有关数据说明) ...
_TITLE_LIKE = re.compile(r"^\**[^，。；：:！？、,;!?]{2,30}\**$")
# ... followed by the first item of its list.
_LIST_START = re.compile(r"^\**\s*(?:一\s*[、.．]|[（(]\s*[一1]\s*[）)]|1\s*[.．、]|①)")
_GROUP_HEADING = re.compile(
    r"^\**\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^，。；：:]{0,24}\**$")

# Where a second note may start inside a line, by the section's numbering style.
_INLINE = {
    "dot": r"{n}\s*[.．、]\s*", "comma": r"{n}\s*[.．、]\s*", "numcolon": r"{n}\s*[.．、：:]\s*",
    "square": r"[\[［]\s*{n}\s*[\]］]\s*", "fw-square": r"[\[［]\s*{n}\s*[\]］]\s*",
    "tortoise": r"〔{n}〕\s*", "small-tortoise": r"﹝\s*{n}\s*﹞\s*",
    "paren": r"[（(]{n}[）)]\s*", "lenticular": r"【{n}】\s*",
}
_DEFINING_VERBS = ("指", "即", "是", "又称")


class FoundNote(NamedTuple):
    """A note as the section prints it (bold kept in ``printed``/``definition``)."""

    number: int | None
    printed: str          # headword as printed (markers removed, quotes and bold kept)
    headword: str         # clean: see ``clean_headword``
    definition: str       # verbatim; continuation lines joined with "\n"
    line: int             # 1-based line where the note starts
    style: str = ""       # numbering style of the note line


class NotesSection(NamedTuple):
    """The notes section: its heading and the lines it covers (1-based, inclusive)."""

    heading: str
    start: int
    end: int
    style: str
    notes: tuple[FoundNote, ...]


def is_notes_heading(line: str) -> bool:
    """True for a notes heading line (名词解释, 《政府工作报告》注释, 注 释, 附：名词注解 …)."""
    if len(line) > 80:
        return False
    text = heading_text(line)
    if not text or len(text) > 40 or ".doc" in text or ".pdf" in text:
        return False
    return bool(_HEADING.match(text)) and bool(_TERM_WORD.search(text))


def heading_text(line: str) -> str:
    """A heading without markup (``**``, ``#``, ``【】``, ``<!-- -->``, a list dash, spaces)."""
    s = line.strip()
    s = re.sub(r"^<!--\s*|\s*-->$", "", s)
    s = re.sub(r"^#+\s*|^[-*]\s+", "", s)
    s = s.replace("**", "")
    m = re.fullmatch(r"[【\[](.*)[】\]]", s)
    if m:
        s = m.group(1)
    return _SPACES.sub("", s)


def find_notes(text: str) -> NotesSection | None:
    """The report's notes section (found by its heading, >= MIN_NOTES notes), or None."""
    lines = text.splitlines()
    heads = [i for i, line in enumerate(lines) if line.strip() and is_notes_heading(line)]
    for h in reversed(heads):
        merged, folded = _merge_labelled(lines, h)
        notes, style, last = _SectionReader(merged, h).read()
        while last + 1 in folded:  # the last note's label lines, folded into its line
            last += 1
        if len(notes) >= MIN_NOTES:
            return NotesSection(heading_text(lines[h]), h + 1, last + 1, style, tuple(notes))
    return None


def _merge_labelled(lines: list[str], heading: int) -> tuple[list[str], set[int]]:
    """The labelled layout, read as ``headword：definition`` lines: a headword alone on its
    line, then ``报告原文：`` (the report's sentence) and ``解释：`` (the definition) below it.

    Only where at least ``MIN_NOTES`` ``解释：`` lines follow the heading; the labels' lines
    are blanked (the line count stays, so note lines stay right) and the definition is
    verbatim. Elsewhere the lines are returned as they are. Also returned: the indices of
    the lines folded into a headword's line."""
    explained = [i for i in range(heading + 1, len(lines)) if _EXPLAINED.search(lines[i])]
    folded: set[int] = set()
    if len(explained) < MIN_NOTES:
        return lines, folded
    out = list(lines)
    for i in explained:
        m = _EXPLAINED.search(out[i])
        j = i - 1
        while j > heading and (not out[j].strip() or _QUOTED_LABEL.match(out[j].strip())):
            j -= 1
        head = out[j].strip().rstrip("：:")
        if j <= heading or not _LABELLED_HEAD.match(head):
            continue
        out[j] = f"{head}：{out[i][m.end():].strip()}"
        for k in range(j + 1, i + 1):
            out[k] = ""
            folded.add(k)
    return out, folded


def _is_end(line: str) -> bool:
    return bool(_END.match(line) or _DATE_TRAILER.match(line) or _SOURCE_TRAILER.match(line)
                or _EDITOR_TRAILER.match(line)) and not is_notes_heading(line)


def is_pointer(definition: str) -> bool:
    """A definition that only points to an attachment (``…详见附件。``): nothing is defined."""
    return bool(_POINTER.match(strip_bold(definition)))


def _terminal(text: str) -> bool:
    t = text.replace("**", "").rstrip().rstrip("”’」』）)")
    return bool(t) and t[-1] in "。！？!?；;：:…"


class _SectionReader:
    """Reads the notes after the heading at index ``heading`` of ``lines``."""

    def __init__(self, lines: list[str], heading: int):
        self.lines = lines
        self.heading = heading
        self.notes: list[FoundNote] = []
        self.first_style: str | None = None
        self.space_layout = False      # the section writes "headword definition"
        self.unnumbered_ok = False     # numbering stopped after ⑩/⑳ and may go on without
        self.current: dict | None = None
        self.awaiting_definition = False

    def read(self) -> tuple[list[FoundNote], str, int]:
        last = self.heading
        for i in range(self.heading + 1, len(self.lines)):
            s = self.lines[i].strip()
            if not s:
                continue
            if _is_end(s) or (is_notes_heading(s) and self.notes):
                break
            if _GROUP_HEADING.match(s):
                continue  # 一、2014年工作回顾: a group heading between notes
            start = self._note_start(s)
            if start is not None:
                if self._restarts(start):
                    break
                self._open(start, s, i)
                last = i
            elif self.current is None:
                if i - self.heading > 6:  # not notes after all
                    break
            elif self._next_document(s, i):
                break
            else:
                self._continue(s)
                last = i
        self._flush()
        return _split_inline(self.notes, self.first_style or ""), self.first_style or "", last

    def _next_document(self, s: str, i: int) -> bool:
        """A short title after a finished note, the first item of a list below it
        (``2020年市政府为民办8件实事`` / ``1.实施…``): the next document, not the note's text."""
        cur = self.current
        if cur is None or not cur["definition"] or not _terminal(cur["definition"]) \
                or not _TITLE_LIKE.match(s):
            return False
        following = next((line.strip() for line in self.lines[i + 1:] if line.strip()), "")
        return bool(_LIST_START.match(following))

    # ---------------------------------------------------------------- which lines open a note

    def _note_start(self, s: str) -> Numbered | None:
        cur = self.current
        expected = (cur["n"] + 1 if cur["n"] is not None else None) if cur else 1
        m = match_number(s, expected)
        if m and (self.first_style is None or same_family(m.style, self.first_style)
                  or self._digits_after_circled(m)):
            return m
        if cur is not None and self.first_style is not None:
            glued = self._glued(s, cur)
            if glued:
                return glued
        if self.first_style is None:
            g = GLUED.match(s)
            if g and int(g.group("n")) == 1 and split_headword(s[g.end():])[1] == "colon":
                return Numbered("glued", 1, s[g.end():])
        empty = cur is not None and not cur["printed"] and not cur["definition"]
        if (self.first_style in (None, "none") or self.unnumbered_ok) \
                and not self.awaiting_definition and not empty and self._unnumbered(s):
            start = _peel_number(s)
            if start.number is not None and start.number <= self._last_number():
                return None  # （1）子项：… inside the open note, not a note of its own
            return start
        if self.first_style == "none" and not self.awaiting_definition:
            m = match_number(s)
            if m and m.number is not None and not m.rest.strip():
                return m  # [4] alone on its line, the note below it (its number kept)
        return None

    def _digits_after_circled(self, m: Numbered) -> bool:
        """``④``'s successor written ``4.`` or ``4、`` after ``①②③``: the number that counts is
        the open note's (the last *closed* note is one behind)."""
        cur = self.current
        last = cur["n"] if cur is not None else None
        if self.first_style != "circled" or last is None or m.number is None:
            return False
        if m.style in ("dot", "comma"):
            return m.number == last + 1
        # ⑩ then （11）: circled numbers run out, the numbering goes on in brackets; a number
        # printed twice (（18） and （18）) is two notes when the line reads "headword：…"
        return (m.style not in ("circled", "bullet", "footnote") and last >= 10
                and (m.number == last + 1 or m.number == last and self._repeated(m)))

    def _last_number(self) -> int:
        numbers = [n.number for n in self.notes if n.number is not None]
        if self.current is not None and self.current["n"] is not None:
            numbers.append(self.current["n"])
        return max(numbers, default=0)

    def _repeated(self, m: Numbered) -> bool:
        cur = self.current
        head, sep, _ = split_headword(m.rest)
        return (cur is not None and m.style == cur["style"] and sep in ("colon", "bold")
                and 0 < len(strip_bold(head)) <= 30
                and not any(match_number(line) for line in cur["definition"].split("\n")))

    def _glued(self, s: str, cur: dict) -> Numbered | None:
        """Plain digits glued to the headword after ⑩ (Ji'an: ``11五大发展理念：``)."""
        text = s.lstrip("*")
        g = GLUED.match(text)
        if not g or self.first_style not in ("circled", "dot", "comma", "glued"):
            return None
        n = int(g.group("n"))
        expected = cur["n"] + 1 if cur["n"] is not None else len(self.notes) + 2
        if n == expected or (cur["n"] is None and n == expected + 1):
            return Numbered("glued", n, text[g.end():])
        return None

    def _unnumbered(self, s: str) -> bool:
        head, sep, rest = split_headword(s, self.first_style == "none" and self.space_layout)
        if (sep in ("colon", "bold", "lenticular")
                or (sep == "line" and s.rstrip("* ").endswith(("：", ":")))) \
                and head and len(strip_bold(head)) <= 40 \
                and not any(p in head for p in "，。；"):
            return True
        if self.first_style == "none" and self.space_layout and sep == "quote" \
                and rest.startswith(_DEFINING_VERBS):
            return True  # “科技创新30条”指… in a headword-space layout
        return sep == "space" and (self.first_style is None or
                                   (self.first_style == "none" and self.space_layout))

    def _restarts(self, start: Numbered) -> bool:
        """A numbered list restarting at 1 after notes of the same style ends the section."""
        cur = self.current
        return (self.first_style not in (None, "none", "bullet") and start.number == 1
                and cur is not None and cur["n"] is not None and cur["n"] >= 2)

    # ---------------------------------------------------------------- building notes

    def _open(self, start: Numbered, line: str, index: int) -> None:
        self._flush()
        if self.first_style is None:
            self.first_style = start.style
            if start.style == "none":
                self.space_layout = split_headword(line)[1] == "space"
        prefer_space = start.style == "none" and self.first_style == "none" and self.space_layout
        head, sep, definition = split_headword(start.rest, prefer_space)
        if sep == "" and not head:
            definition = start.rest.strip()
        self.current = {"n": start.number, "printed": head, "definition": definition,
                        "line": index + 1, "style": start.style}
        self.awaiting_definition = sep == "line"
        if start.style == "circled" and start.number in (10, 20):
            self.unnumbered_ok = True

    def _continue(self, s: str) -> None:
        cur = self.current
        assert cur is not None
        if not cur["printed"] and not cur["definition"]:  # the line under a number alone
            head, sep, definition = split_headword(s)
            if head:
                cur["printed"], cur["definition"] = head, definition
                self.awaiting_definition = sep == "line"
                return
        if self.awaiting_definition or not cur["definition"]:
            cur["definition"] = s if not cur["definition"] else cur["definition"] + "\n" + s
            self.awaiting_definition = False
        elif not _terminal(cur["definition"]) and not _ends_with_a_headword(cur):
            cur["definition"] += s  # cut by a page break or a blank line mid-sentence
        else:
            cur["definition"] += "\n" + s

    def _flush(self) -> None:
        cur = self.current
        if cur is not None:
            printed = drop_page_reference(cur["printed"])
            if not is_pointer(cur["definition"]):
                self.notes.append(FoundNote(cur["n"], printed, clean_headword(printed),
                                            cur["definition"], cur["line"], cur["style"]))
            self.current = None


def _ends_with_a_headword(cur: dict) -> bool:
    """The definition's last line ends with the next note's number and its headword alone
    (``…城市。2.六稳六保``, its definition on the lines below): not a sentence cut short,
    so the next line is not glued to it (``_split_inline`` splits the note off)."""
    pattern = _INLINE.get(cur["style"])
    if not pattern or cur["n"] is None:
        return False
    text = cur["definition"]
    for m in re.finditer(pattern.format(n=cur["n"] + 1), text):
        tail = text[m.end():]
        if m.start() > 0 and not text[m.start() - 1].isdigit() and "\n" not in tail \
                and _headword_alone(tail):
            return True
    return False


def _headword_alone(text: str) -> bool:
    """A short headword with nothing after it (``六稳六保``)."""
    return split_headword(text)[1] == "line" and len(text.strip()) <= 30


def _peel_number(s: str) -> Numbered:
    """An unnumbered note whose line starts with a number after all (``[2]惠十条：``, its
    note 1 printed without one): the number is the note's, not the headword's."""
    m = match_number(s)
    if m and m.number is not None and m.style not in ("dot", "comma", "numcolon") \
            and m.rest.strip():
        return m
    return Numbered("none", None, s)


def drop_glued_trailer(definition: str) -> str:
    """The last note without what the source glued to its end: a speech date
    (``…。（2023年1月5日）``), the speech line (``…。——2020年1月6日在…会议上``, even twice),
    a credit (``…。（某某日报）``)."""
    while True:
        shorter = _GLUED_TRAILER.sub("", definition).rstrip()
        if shorter == definition:
            return definition
        definition = shorter


def _split_inline(notes: list[FoundNote], style: str) -> list[FoundNote]:
    """Two notes on one line: ``11.“四县一山”：…。12.“两声三乱”：…`` / ``[35]三癌：…[36]HPV：…``.

    A note's definition is cut where the marker of the next number appears, followed by a
    short headword and a colon, and only when the next note in the section is not that
    number itself (so an enumeration inside a definition is left alone)."""
    pattern = _INLINE.get(style)
    if notes:
        last = notes[-1]
        notes[-1] = last._replace(definition=drop_glued_trailer(last.definition))
    if not pattern:
        return notes
    out: list[FoundNote] = []
    queue = list(notes)
    while queue:
        note = queue.pop(0)
        following = queue[0].number if queue else None
        if note.number is None or following == note.number + 1:
            out.append(note)
            continue
        want = note.number + 1
        for m in re.finditer(pattern.format(n=want), note.definition):
            if m.start() == 0 or note.definition[m.start() - 1].isdigit():
                continue
            rest = note.definition[m.end():]
            first, _, below = rest.partition("\n")
            if below.strip() and _headword_alone(first):  # the headword ends its line
                head, sep, definition = first.strip(), "line", below.strip()
            else:
                head, sep, definition = split_headword(rest)
            if sep in ("colon", "bold", "lenticular", "line") and len(head) <= 30:
                out.append(note._replace(definition=note.definition[:m.start()].rstrip()))
                queue.insert(0, FoundNote(want, head, clean_headword(head), definition,
                                          note.line, note.style + "+inline"))
                break
        else:
            out.append(note)
    return out
