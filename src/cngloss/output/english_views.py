"""The sourced English renderings in the terminal views: every rendering with its source
(outlet, date, address), a term with none saying so, and a headword's senses each with its
own English and its own reports (docs/glossary.md, "Senses").

In a table the English column holds one rendering: the curated one where there is one,
else the first sourced one with a note number (``[1]``), and the table is followed by the
notes, each naming the rendering's source in full.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .blocks import Blank, Block, Line, Span, _plural, field, line

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..model import Entry, EntrySense, SourcedRendering, Term

NONE = "no sourced English rendering"
OTHER_SENSE = "another sense"


def source_text(rendering: "SourcedRendering") -> str:
    """``China Daily, 2015-11-05`` (``undated``), ``secondary source`` where not official."""
    text = f"{rendering.outlet}, {rendering.date or 'undated'}"
    return text + (f", {rendering.kind} source" if rendering.kind != "official" else "")


def rendering_spans(rendering: "SourcedRendering") -> list[Span]:
    """``zombie company — China Daily, 2015-11-05 <http://…>``."""
    return [(rendering.english, "english"), (f" — {source_text(rendering)} ", "dim"),
            (f"<{rendering.url}>", "dim")]


def new_renderings(term: "Term", renderings: Sequence["SourcedRendering"]
                   ) -> list["SourcedRendering"]:
    """The sourced renderings a term's curated ones do not already give (same words at the
    same address)."""
    given = {(r.text.casefold(), r.url) for r in term.english}
    return [r for r in renderings if (r.english.casefold(), r.url) not in given]


class Notes:
    """The numbered source notes under a table (``[1] …``), one per rendering shown."""

    def __init__(self) -> None:
        self.renderings: list["SourcedRendering"] = []

    def cell(self, term: "Term", renderings: Sequence["SourcedRendering"]) -> list[Span]:
        """A table's English cell: the curated rendering, else the first sourced one and
        its note number, else nothing."""
        if term.english:
            return [(term.english[0].text, "english")]
        if not renderings:
            return [("", "english")]
        first = renderings[0]
        if first not in self.renderings:
            self.renderings.append(first)
        return [(first.english, "english"), (f" [{self.renderings.index(first) + 1}]", "dim")]

    def blocks(self) -> list[Block]:
        return [line((f"[{k}] ", "dim"), (r.english, "english"), ": ",
                     (source_text(r), "dim"), " ", (f"<{r.url}>", "dim"), hang=4)
                for k, r in enumerate(self.renderings, 1)]


# --------------------------------------------------------------------------- show


def english_field(term: "Term", entry: "Entry | None" = None) -> list[Line]:
    """``English``: the curated renderings with their sources, then the sourced renderings
    of the sense of the term's own definition, or that there is none."""
    values: list[list[Span]] = []
    for rendering in term.english:
        value: list[Span] = [(rendering.text, "english")]
        if rendering.source:
            value.append((f" — {rendering.source}", "dim"))
        values.append(value)
    own = next((s for s in entry.senses if s.own), None) if entry is not None else None
    sourced = new_renderings(term, own.renderings) if own is not None else []
    values += [rendering_spans(r) for r in sourced]
    if own is None or not own.renderings:
        values.append([(NONE, "dim")] + _searched(own))
    return field("English", values)


def _searched(sense: "EntrySense | None") -> list[Span]:
    if sense is None or not sense.searched:
        return []
    return [(" (searched for; none found)", "dim")]


def senses_view(entry: "Entry") -> list[Block]:
    """The senses of the headword other than the entry's own: each with its meaning, the
    reports whose notes define it so, and its English (or that it has none)."""
    others = [s for s in entry.senses if not s.own]
    if not others:
        return []
    blocks: list[Block] = [Blank(), line(("Other senses", "heading"))]
    for sense in others:
        name = OTHER_SENSE if sense.sense == "other" else f"{sense.sense} sense"
        head: list[Span] = [(name, "headword")]
        if sense.meaning:
            head.append((f"  {sense.meaning}", None))
        defined = (f"defined so by the notes of {_plural(sense.reports, 'report')}"
                   if sense.reports else "no report's note here defines it so")
        head.append((f"  ({defined})", "dim"))
        blocks.append(line(*head, indent=2, hang=4))
        if sense.renderings:
            blocks += [Line(rendering_spans(r), 4, 6) for r in sense.renderings]
        else:
            blocks.append(line((NONE, "dim"), *_searched(sense), indent=4, hang=6))
    return blocks


def sense_mark(sense: str | None) -> list[Span]:
    """How the notes' definitions say which sense each has."""
    if sense is None:
        return []
    return [(f"  ({OTHER_SENSE if sense == 'other' else sense + ' sense'})", "dim")]
