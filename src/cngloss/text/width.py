"""Terminal width of text: CJK characters take two columns, combining marks none.

Used to align plain-text tables and to wrap plain-text output, where ``len()`` would
misplace every column that holds Chinese.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Columns one character takes in a terminal."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns."""
    return text + " " * max(0, columns - width(text))


def wrap(text: str, columns: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Wrap to ``columns`` terminal columns, breaking between CJK characters or at spaces.

    CJK text has no spaces between words, so a line may break between any two ideographs;
    Latin words break at spaces (a word longer than a line is cut). Closing punctuation is
    kept off the start of a line. ``subsequent`` indents the lines after the first.
    """
    subsequent = indent if subsequent is None else subsequent
    columns = max(columns, width(indent) + 4, width(subsequent) + 4)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        prefix, line = indent, []  # line: the tokens after the prefix
        for token in _tokens(paragraph):
            used = width(prefix) + sum(width(t) for t in line)
            if used + width(token) > columns and any(t.strip() for t in line):
                carried = []
                if _no_break_before(token) and len(line) > 1 and line[-1] != " ":
                    carried = [line.pop()]  # keep 、。 off the line start: take a character along
                while len(line) > 1 and line[-1] in _OPENING:
                    carried.insert(0, line.pop())  # and “ 《 off the line end
                lines.append((prefix + "".join(line)).rstrip())
                prefix, line = subsequent, carried
                if token == " " and not carried:
                    continue
                used = width(prefix) + sum(width(t) for t in line)
            while width(token) > columns - used and len(token) > 1:  # longer than a line
                cut = _fit(token, columns - used)
                while 1 < cut < len(token) and (_no_break_before(token[cut:])
                                                or token[cut] == ">"):
                    cut -= 1  # no lone "." or ">" (of a file name, a <URL>) on the next line
                lines.append((prefix + "".join(line) + token[:cut]).rstrip())
                token = token[cut:]
                prefix, line = subsequent, []
                used = width(prefix)
            line.append(token)
        lines.append((prefix + "".join(line)).rstrip())
    return lines


def _fit(token: str, room: int) -> int:
    """How many characters of ``token`` fit in ``room`` columns (at least one)."""
    used = 0
    for i, ch in enumerate(token):
        used += char_width(ch)
        if used > room:
            return max(1, i)
    return len(token)


def _tokens(text: str) -> list[str]:
    """Split into units that must not be broken: Latin words, single CJK characters, spaces."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(" ")
        elif char_width(ch) == 2:
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


_OPENING = set("“‘《（「『〔【([{»")


def _no_break_before(token: str) -> bool:
    return token[:1] in "，。、；：！？）》」』”’〕】,.;:!?)]}%«"


def wrap_spans(spans: list[tuple[str, str | None]], columns: int, indent: int = 0,
               hang: int | None = None) -> list[list[tuple[str, str | None]]]:
    """Styled text wrapped by ``wrap`` (so by the same CJK rules), its styles kept.

    ``spans`` are (text, style) pieces of one line; the result is one list of pieces per
    output line, the first indented by ``indent`` columns, the others by ``hang``. Every
    place that wraps text for a terminal goes through here and ``wrap``: one set of rules.
    """
    hang = indent if hang is None else hang
    text = "".join(t for t, _ in spans)
    lines = wrap(text, columns, " " * indent, " " * hang)
    styles = [style for chunk, style in spans for _ in chunk]
    out: list[list[tuple[str, str | None]]] = []
    pos = 0
    for number, line in enumerate(lines):
        prefix = indent if number == 0 else hang
        content = line[prefix:]
        while pos < len(text) and text[pos] == " " and not text.startswith(content, pos):
            pos += 1  # the space a line break took
        if not text.startswith(content, pos):  # cannot happen; never lose text over it
            return [[(" " * indent, None)] + list(spans)]
        pieces: list[tuple[str, str | None]] = [(" " * prefix, None)] if prefix else []
        for i in range(pos, pos + len(content)):
            if pieces and pieces[-1][1] == styles[i] and (len(pieces) > 1 or not prefix):
                pieces[-1] = (pieces[-1][0] + text[i], styles[i])
            else:
                pieces.append((text[i], styles[i]))
        out.append(pieces)
        pos += len(content)
    return out
