"""Plain text, wrapped to a width counted in terminal columns (a CJK character is two).

A source's URL is printed in angle brackets after it, since nothing in plain text can be
followed as a link.
"""

from __future__ import annotations

from .appendix import Appendix, Entry
from ..model import Term
from ..text.escape import safe
from ..text.width import width as columns, wrap

INDENT, SUBSEQUENT = "  ", "    "


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    width = max(width, 20)
    title = wrap(safe(appendix.title), width)
    out = title + ["=" * min(width, max(columns(line) for line in title)), ""]
    meta = appendix.count_note()
    if appendix.source:
        meta += f" {safe(appendix.source_note())}"
    out += wrap(meta, width) + [""]
    for entry in appendix.entries:
        out += _entry(entry, width, appendix.separator)
    return "\n".join(out).rstrip("\n") + "\n"


def _field(label: str, text: str, width: int) -> list[str]:
    """``  Label: text``, continuation lines indented under it."""
    return wrap(f"{label}: {safe(text)}", width, indent=INDENT, subsequent=SUBSEQUENT)


def _list_field(label: str, items: list[str], width: int, separator: str) -> list[str]:
    """``  Label: a · b · c``, wrapped between items where it can, so that a separator always
    ends a line and never starts one (a lone ``·`` at a line start reads as an item)."""
    mark = separator.rstrip()
    lines = [f"{INDENT}{label}:"]
    for i, item in enumerate(items):
        tail = mark if i < len(items) - 1 else ""
        piece = safe(item) + tail
        if columns(f"{lines[-1]} {piece}") <= width:
            lines[-1] = f"{lines[-1]} {piece}"
        elif columns(SUBSEQUENT + piece) <= width:
            lines.append(SUBSEQUENT + piece)
        else:  # an item longer than a line: wrap it on from where the line stands
            lines[-1:] = wrap(f"{lines[-1]} {safe(item)}", width, subsequent=SUBSEQUENT)
            if columns(lines[-1] + tail) > width:  # the mark takes the last character along
                lines[-1], last = lines[-1][:-1], lines[-1][-1]
                lines.append(SUBSEQUENT + last)
            lines[-1] += tail
    return lines


def _english(term: Term) -> list[str]:
    """Each rendering as ``text — source <url>``: a dash, not parentheses, because a source
    often carries its own parenthesis."""
    out = []
    for rendering in term.english:
        text = rendering.text
        if rendering.source:
            text += f" — {rendering.source}"
        if rendering.url:
            text += f" <{rendering.url}>"
        out.append(text)
    return out


def _entry(entry: Entry, width: int, separator: str) -> list[str]:
    term = entry.term
    head = f"{safe(term.term)}  {safe(term.pinyin)}"
    if term.note is not None:
        head += f"  〔{term.note}〕"
    out = wrap(head, width)
    for text in _english(term):
        out += _field("English", text, width)
    if term.printed and term.printed != term.term:
        out += _field("Printed", term.printed, width)
    if term.variants:
        out += _list_field("Also written", list(term.variants), width, separator)
    out += _field("Definition", term.definition, width)
    if term.remark:
        out += _field("Remark", term.remark, width)
    for part in term.parts:
        name = f"{part.name} ({len(part.items)})" if part.name else "Parts"
        out += _list_field(safe(name), list(part.items), width, separator)
    if term.tags:
        out += _field("Tags", ", ".join(term.tags), width)
    if entry.related:
        out += _list_field("See also", [r.term for r in entry.related], width, separator)
    if entry.uses:
        out += _field("Used in", "；".join(u.label() for u in entry.uses), width)
    return out + [""]
