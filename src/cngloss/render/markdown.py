"""Markdown (CommonMark / GitHub): a heading and an anchor per term, see-also links."""

from __future__ import annotations

import html
import re

from .appendix import Appendix, Entry, forms_line, web_url
from ..text.escape import safe

_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# What opens a block at the start of a line: a list bullet, a block quote, a setext underline
# (``-+=>*``), an ordered list number (``2021.``, ``1)``), or four spaces (a code block).
_LINE_START = re.compile(r"^([ \t]*)(?:([-+=>*])|(\d+)([.)]))", flags=re.M)
_INDENTED = re.compile(r"^(?= {4}|\t)", flags=re.M)


def escape(text: str) -> str:
    """Text that renders as itself: Markdown and HTML specials backslash-escaped.

    CommonMark escapes only ASCII punctuation: an ordered-list number is escaped at its
    delimiter (``2021\\.``), since a backslash before a digit would be shown as written."""
    text = _INLINE.sub(r"\\\1", safe(text))
    text = _LINE_START.sub(lambda m: m.group(1) + (
        "\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), text)
    return _INDENTED.sub("&#32;", text)


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    lines = [f"# {escape(appendix.title)}", ""]
    count = appendix.count_note()
    if appendix.source:
        count += f" {escape(appendix.source_note())}"
    lines += [count, ""]
    for entry in appendix.entries:
        lines += _entry(entry, "\u00a0" + escape(appendix.separator.strip()) + " ")  # no break before
    return "\n".join(lines).rstrip("\n") + "\n"


def _entry(entry: Entry, separator: str) -> list[str]:
    term = entry.term
    out = [f'## <a id="{html.escape(term.id)}"></a>{escape(term.term)}', ""]
    head = f"**{escape(term.pinyin)}**"
    if term.english:
        renderings = []
        for rendering in term.english:
            text = escape(rendering.text)
            if web_url(rendering.url):
                text = f"[{text}](<{rendering.url.replace('>', '%3E').replace(' ', '%20')}>)"
            if rendering.source:
                text += f" — *{escape(rendering.source)}*"
            renderings.append(text)
        head += " — " + "; ".join(renderings)
    out += [head, ""]
    sentence = "; ".join(filter(None, (forms_line(term, escape, separator),
                                       f"note {term.note}" if term.note is not None else "")))
    if sentence:
        out += ["*" + sentence[:1].upper() + sentence[1:] + "*", ""]
    out += ["> " + escape(term.definition), ""]
    if term.remark:
        out += [f"*Remark:* {escape(term.remark)}", ""]
    for part in term.parts:
        items = separator.join(escape(item) for item in part.items)
        out.append(f"- **{escape(part.name)}** ({len(part.items)}): {items}" if part.name
                   else f"- {items}")
    if term.parts:
        out.append("")
    facts = []
    if term.tags:
        facts.append("Tags: " + ", ".join(escape(t) for t in term.tags))
    if entry.related:
        facts.append("See also: " + separator.join(
            f"[{escape(r.term)}](#{html.escape(r.id)})" for r in entry.related))
    if entry.uses:
        facts.append("Used in: " + "; ".join(
            u.label(lambda s: f"({escape(s)})") for u in entry.uses))
    if facts:
        out += ["  \n".join(facts), ""]
    return out
