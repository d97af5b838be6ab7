"""A term's English renderings for the termbase formats, each with what is known of its
source, in one place: ``tbx``, ``memoq-csv``, ``anki`` and ``pleco`` call ``renderings``.

Today a rendering is a ``model.Rendering`` (text, source, url). A richer rendering (the
sourced renderings of issue 25: ``english``, ``kind``, ``outlet``, ``url``, ``date``) is
read by attribute name too, so a renderer needs no change when entries carry them.
"""

from __future__ import annotations

from typing import NamedTuple


class English(NamedTuple):
    """One English rendering and a one-line note of its source ("" when none is known)."""

    text: str
    source: str


def _field(rendering: object, *names: str) -> str:
    for name in names:
        value = getattr(rendering, name, None)
        if value:
            return str(value).strip()
    return ""


def source_note(rendering: object) -> str:
    """``official, Xinhua, 2021-03-05, https://…``: what is known of where a rendering comes
    from, in that order; "" when nothing is."""
    parts = [_field(rendering, "kind"), _field(rendering, "outlet", "source"),
             _field(rendering, "date"), _field(rendering, "url")]
    return ", ".join(part for part in parts if part)


def renderings(term: object) -> list[English]:
    """The English renderings of ``term`` (its ``renderings`` if it has them, else its
    ``english``), in order, without empty or repeated texts."""
    items = getattr(term, "renderings", None) or getattr(term, "english", ()) or ()
    out: list[English] = []
    seen: set[str] = set()
    for item in items:
        text = item if isinstance(item, str) else _field(item, "english", "text")
        if text and text not in seen:
            seen.add(text)
            out.append(English(text, "" if isinstance(item, str) else source_note(item)))
    return out
