"""Plain data of cngloss: terms, the parsed report, passages. Standard library only.

Everything here is immutable. Loaders build these objects; the index, the renderers and the
CLI only read them. Value types are NamedTuples (cheap to define at start-up, cheap to
pickle into the cache); a Term and a Glossary are dataclasses compared by identity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, NamedTuple

# --------------------------------------------------------------------------- glossary


class Rendering(NamedTuple):
    """One English rendering of a term and where it comes from."""

    text: str
    source: str | None = None
    url: str | None = None


class Part(NamedTuple):
    """A group of components a definition enumerates, e.g. 六稳 -> 稳就业, 稳金融, ...

    ``name`` is the numbered slogan the items expand (``六稳``), or None for a plain list.
    """

    name: str | None
    items: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Term:
    """One glossary entry, as curated in a glossary file (compared by identity)."""

    id: str
    term: str
    pinyin: str
    definition: str
    note: int | None = None
    printed: str | None = None
    english: tuple[Rendering, ...] = ()
    variants: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    remark: str | None = None
    pinyin_reviewed: Mapping[str, str] = field(default_factory=dict)
    line: int | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The headword and its variants: every form the report body may use."""
        return (self.term, *[v for v in self.variants if v != self.term])


class ReportSource(NamedTuple):
    """Where a glossary's report text and its corrections file are."""

    path: Path
    corrections: Path | None = None


@dataclass(frozen=True, eq=False)
class Glossary:
    """A loaded glossary file: its terms in file order, and the report it annotates."""

    path: Path
    terms: tuple[Term, ...]
    title: str | None = None
    report: ReportSource | None = None

    def __post_init__(self) -> None:
        by_id = {t.id: t for t in self.terms}
        links: dict[str, list[str]] = {t.id: [] for t in self.terms}
        for t in self.terms:
            for other in t.related:
                if other in by_id and other != t.id:
                    for a, b in ((t.id, other), (other, t.id)):
                        if b not in links[a]:
                            links[a].append(b)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_links", links)

    def get(self, term_id: str) -> Term | None:
        """The term with this id, or None."""
        return self._by_id.get(term_id)  # type: ignore[attr-defined]

    def related(self, term: Term) -> tuple[Term, ...]:
        """Terms cross-referenced with ``term``, from either end, in glossary order."""
        ids = set(self._links.get(term.id, ()))  # type: ignore[attr-defined]
        return tuple(t for t in self.terms if t.id in ids)


# --------------------------------------------------------------------------- report


class FootnoteRef(NamedTuple):
    """A footnote marker removed from a paragraph: which note, and where it stood.

    ``offset`` is the position in the cleaned paragraph text right after which the marker stood.
    """

    note: int
    offset: int
    style: str  # "caret-brace" ^{〔1〕}, "caret-bracket" ^[2], "bare" 〔6〕


class Lead(NamedTuple):
    """A run-in heading inside a paragraph: a bold lead sentence or an enumerator (一是...)."""

    start: int
    end: int
    title: str


class Paragraph(NamedTuple):
    """One paragraph of the report body, cleaned, with its place in the section tree."""

    number: int
    line: int
    text: str
    section: tuple[str, ...]
    leads: tuple[Lead, ...] = ()
    footnotes: tuple[FootnoteRef, ...] = ()

    def section_at(self, offset: int) -> tuple[str, ...]:
        """The section path at ``offset``: the paragraph's section plus the lead governing it."""
        current = None
        for lead in self.leads:
            if lead.start <= offset:
                current = lead
        return self.section + ((current.title,) if current else ())


class Note(NamedTuple):
    """One entry of the report's 名词解释 (notes) section."""

    number: int
    printed: str
    definition: str
    line: int


class Section(NamedTuple):
    """A node of the report's section tree: a part, a numbered item or a lead sentence."""

    title: str
    kind: str  # "part", "item" or "lead"
    paragraph: int | None  # number of the first paragraph in it (None: empty part)
    children: tuple["Section", ...] = ()


class Correction(NamedTuple):
    """A reviewed fix of an extraction error that no general rule can repair."""

    original: str
    corrected: str
    reason: str
    count: int = 1
    line: int | None = None


class AppliedCorrection(NamedTuple):
    """A correction and where the parser applied it."""

    correction: Correction
    paragraph: int | None  # body paragraph number, or None in the notes section
    line: int


class Report(NamedTuple):
    """A parsed government work report."""

    path: Path
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...]
    sections: tuple[Section, ...]
    notes_title: str | None = None
    corrections: tuple[Correction, ...] = ()
    applied: tuple[AppliedCorrection, ...] = ()

    def note(self, number: int) -> Note | None:
        """The note with this number, or None."""
        for n in self.notes:
            if n.number == number:
                return n
        return None

    def paragraph(self, number: int) -> Paragraph:
        """The body paragraph with this (1-based) number."""
        return self.paragraphs[number - 1]


# --------------------------------------------------------------------------- passages


class Passage(NamedTuple):
    """A stretch of report text that uses a term: a sentence, or a whole paragraph."""

    text: str
    paragraph: int
    line: int
    section: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
