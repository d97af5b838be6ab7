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
    from ..corpus.english import not_curated  # lazy: show only (views load on every start)

    own = next((s for s in entry.senses if s.own), None) if entry is not None else None
    sourced = not_curated(term, own.renderings) if own is not None else ()
    values += [rendering_spans(r) for r in sourced]
    if own is None or not own.renderings:
        values.append([(NONE, "dim")])
    return field("English", values)


def senses_view(entry: "Entry") -> list[Block]:
    """The senses of the headword other than the entry's own: each with its meaning, the
    reports whose notes define it so, and its English (or that it has none)."""
    others = [s for s in entry.senses if not s.own]
    if not others:
        return []
    blocks: list[Block] = [Blank(), line(("Other senses", "heading"))]
    for sense in others:
        name = sense_name(sense.sense)
        head: list[Span] = [(name, "headword")]
        if sense.meaning:
            head.append((f"  {sense.meaning}", None))
        defined = (f"defined so by the notes of {_plural(sense.reports, 'report')}"
                   if sense.reports else "no report's note here defines it so")
        head.append((f"  ({defined})", "dim"))
        blocks.append(line(*head, indent=2, hang=4))
        if sense.uses:
            places = " · ".join(f"{r.place or '?'} {r.year or '?'}" for r in sense.uses)
            blocks.append(line(("used so in ", "dim"), (places, None),
                               (" (the items its text lists beside the headword)", "dim"),
                               indent=4, hang=6))
        if sense.renderings:
            blocks += [Line(rendering_spans(r), 4, 6) for r in sense.renderings]
        else:
            blocks.append(line((NONE, "dim"), indent=4, hang=6))
    return blocks


def sense_name(sense: str) -> str:
    """A sense as the views name it: ``national sense``, or ``another sense`` for one that
    is none of the file's (``corpus.english.OTHER``)."""
    return OTHER_SENSE if sense == "other" else f"{sense} sense"


def sense_mark(sense: str | None) -> list[Span]:
    """How the notes' definitions say which sense each has."""
    if sense is None:
        return []
    return [(f"  ({sense_name(sense)})", "dim")]


def passage_mark(sense: str | None, expansion: Sequence[str]) -> list[Span]:
    """A passage whose text lists the headword's items: the sense they give it."""
    if sense is None:
        return []
    return [(f"  ({sense_name(sense)}: {'、'.join(expansion)})", "dim")]


GLOSSES = "Dictionary glosses, not a translation"


def glosses_view(glosses, has_rendering: bool) -> list[Block]:
    """``--glosses``: each word with its pinyin and CC-CEDICT's glosses, under a heading
    that says what they are (nothing when none were asked for)."""
    if glosses is None:
        return []
    blocks: list[Block] = [Blank(), line((GLOSSES, "heading"), ("  CC-CEDICT", "dim"))]
    if not glosses:
        why = ("not shown: the term has an English rendering" if has_rendering
               else "none: the dictionary has none of its words")
        blocks.append(line((why, "dim"), indent=2))
    for word in glosses:
        blocks.append(line((word.word, "headword"), "  ", (word.pinyin, "pinyin"), "  ",
                           "; ".join(word.glosses), indent=2, hang=4))
    return blocks


def term_glosses_view(glosses, terms) -> list[Block]:
    """``annotate --glosses``: the glosses of each term with no English rendering."""
    if glosses is None:
        return []
    blocks: list[Block] = [Blank(), line((GLOSSES, "heading"), ("  CC-CEDICT, for the terms "
                                                                "with no English rendering",
                                                                "dim"))]
    listed = [t for t in terms if t.id in glosses]
    if not listed:
        blocks.append(line(("none: every term used has an English rendering", "dim"),
                           indent=2))
    for term in listed:
        words = glosses[term.id]
        text = " | ".join(f"{w.word} {w.pinyin}: {'; '.join(w.glosses)}" for w in words)
        blocks.append(line((term.term, "headword"), "  ",
                           text or ("the dictionary has none of its words", "dim"),
                           indent=2, hang=4))
    return blocks
