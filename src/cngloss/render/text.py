"""Plain text, wrapped to a width counted in terminal columns (a CJK character is two)."""

from __future__ import annotations

from ..appendix import Appendix, Entry, parts_label, section_label
from ..textwidth import safe, width as columns, wrap


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    width = max(width, 20)
    title = wrap(safe(appendix.title), width)
    out = title + ["=" * min(width, max(columns(line) for line in title)), ""]
    meta = f"{len(appendix.entries)} terms."
    if appendix.source:
        meta += f" ¶ numbers are paragraphs of {safe(appendix.source)}."
    out += wrap(meta, width) + [""]
    for entry in appendix.entries:
        out += _entry(entry, width)
    return "\n".join(out).rstrip("\n") + "\n"


def _field(label: str, text: str, width: int) -> list[str]:
    """``  Label: text``, continuation lines indented under it."""
    return wrap(f"{label}: {safe(text)}", width, indent="  ", subsequent="    ")


def _entry(entry: Entry, width: int) -> list[str]:
    term = entry.term
    head = f"{safe(term.term)}  {safe(term.pinyin)}"
    if term.note is not None:
        head += f"  〔{term.note}〕"
    out = wrap(head, width)
    for rendering in term.english:
        text = rendering.text + (f" ({rendering.source})" if rendering.source else "")
        out += _field("English", text, width)
    if term.printed and term.printed != term.term:
        out += _field("Printed", term.printed, width)
    if term.variants:
        out += _field("Also written", "、".join(term.variants), width)
    out += _field("Definition", term.definition, width)
    if term.remark:
        out += _field("Remark", term.remark, width)
    for name, items in parts_label(term):
        out += _field(name or "Parts", items, width)
    if term.tags:
        out += _field("Tags", ", ".join(term.tags), width)
    if entry.related:
        out += _field("See also", "、".join(r.term for r in entry.related), width)
    if entry.uses:
        out += _field("Used in", "；".join(f"¶{u.paragraph} ({section_label(u)})"
                                           for u in entry.uses), width)
    return out + [""]
