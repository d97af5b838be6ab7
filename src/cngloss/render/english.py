"""A term's English as the termbase formats print it (``tbx``, ``memoq-csv``, ``anki``,
``pleco``): each rendering once, with a one-line note of its source.

Which English a term has, and its sources, is decided in one place:
``corpus.english.term_english`` (the curated renderings, then the sourced ones of
``data/english.yaml`` the curated do not give), which the appendix applies to every entry's
``term.english`` before any format renders it. This module only formats that.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Rendering, Term


class English(NamedTuple):
    """One English rendering and a one-line note of its source ("" when none is known)."""

    text: str
    source: str


def source_note(rendering: Rendering) -> str:
    """``China Daily, 2015-11-05, https://…``: the source, then the address; "" for
    neither."""
    return ", ".join(part.strip() for part in (rendering.source or "", rendering.url or "")
                     if part and part.strip())


def renderings(term: Term) -> list[English]:
    """The English renderings of ``term``, in order, each text once whatever its case (the
    first one and its source)."""
    out: list[English] = []
    seen: set[str] = set()
    for rendering in term.english:
        text = rendering.text.strip()
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(English(text, source_note(rendering)))
    return out
