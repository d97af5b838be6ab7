"""Plain data of cngloss: terms, the parsed report, passages. Standard library only.

Everything here is immutable. Loaders build these objects; the index, the renderers and the
CLI only read them. Value types are NamedTuples (cheap to define at start-up, cheap to
pickle into the cache); a Term and a Glossary are plain classes compared by identity. No
dataclasses: this module is imported on every cold start, and generating a dataclass's
methods costs about 1 ms each.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Mapping, NamedTuple, Sequence

# --------------------------------------------------------------------------- glossary


class Rendering(NamedTuple):
    """One English rendering of a term and where it comes from."""

    text: str
    source: str | None = None
    url: str | None = None


SOURCED_ENGLISH = "sourced-english"  # a search hit's field: it matched a sourced rendering


class SourcedRendering(NamedTuple):
    """An English rendering found in a named source (``data/english.yaml``): the words, the
    kind of source (``official``, or ``secondary``: a reputable outlet that is not the
    government's), the outlet, the page's title and address, its date (ISO, or None where
    the page gives none), the excerpt it was seen in, and the sense it renders."""

    english: str
    kind: str
    outlet: str
    url: str
    date: str | None = None
    title: str | None = None
    excerpt: str | None = None
    sense: str = "national"


class WordGloss(NamedTuple):
    """A word of a headword as a dictionary (CC-CEDICT) glosses it: not a translation of the
    term, a help to read it."""

    word: str
    pinyin: str
    glosses: tuple[str, ...]


class EnglishEntry(NamedTuple):
    """One headword's sense in the file of sourced renderings: the headword and the other
    forms it is written in, the sense (``national``), a short Chinese gloss of what it means
    in that sense (``meaning``: what a note's definition is compared with to tell senses
    apart), its renderings (none: searched for and not found, with the queries tried) and
    the file's line."""

    term: str
    sense: str
    renderings: tuple[SourcedRendering, ...]
    forms: tuple[str, ...] = ()
    meaning: str | None = None
    searched: tuple[str, ...] = ()
    line: int | None = None


class Part(NamedTuple):
    """A group of components a definition enumerates, e.g. 六稳 -> 稳就业, 稳金融, ...

    ``name`` is the numbered slogan the items expand (``六稳``), or None for a plain list.
    """

    name: str | None
    items: tuple[str, ...]


class Term:
    """One glossary entry, as curated in a glossary file (immutable, compared by identity).

    ``FIELDS`` are the fields in the order of the constructor's parameters (the cache's rows
    follow it).
    """

    FIELDS = ("id", "term", "pinyin", "definition", "note", "printed", "english", "variants",
              "parts", "tags", "related", "remark", "pinyin_reviewed", "unreviewed", "line")
    __slots__ = FIELDS

    id: str
    term: str
    pinyin: str
    definition: str
    note: int | None
    printed: str | None
    english: tuple[Rendering, ...]
    variants: tuple[str, ...]
    parts: tuple[Part, ...]
    tags: tuple[str, ...]
    related: tuple[str, ...]
    remark: str | None
    pinyin_reviewed: Mapping[str, str]
    unreviewed: tuple[str, ...]  # fields that are suggestions (cngloss import)
    line: int | None

    def __init__(self, id: str, term: str, pinyin: str, definition: str,
                 note: int | None = None, printed: str | None = None,
                 english: tuple[Rendering, ...] = (), variants: tuple[str, ...] = (),
                 parts: tuple[Part, ...] = (), tags: tuple[str, ...] = (),
                 related: tuple[str, ...] = (), remark: str | None = None,
                 pinyin_reviewed: Mapping[str, str] | None = None,
                 unreviewed: tuple[str, ...] = (), line: int | None = None):
        values = (id, term, pinyin, definition, note, printed, english, variants, parts, tags,
                  related, remark, {} if pinyin_reviewed is None else pinyin_reviewed,
                  unreviewed, line)
        for name, value in zip(Term.FIELDS, values):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Term cannot be changed (setting {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Term cannot be changed (deleting {name!r})")

    def replace(self, **changes: object) -> "Term":
        """A new Term with these fields changed (the others the same)."""
        unknown = set(changes) - set(Term.FIELDS)
        if unknown:
            raise TypeError(f"Term has no field {sorted(unknown)[0]!r}")
        return Term(**{name: changes.get(name, getattr(self, name)) for name in Term.FIELDS})

    def __reduce__(self) -> tuple:
        return (Term, tuple(getattr(self, name) for name in Term.FIELDS))

    def __repr__(self) -> str:
        return f"Term(id={self.id!r}, term={self.term!r})"

    @property
    def forms(self) -> tuple[str, ...]:
        """The headword and its variants: every form the report body may use."""
        return (self.term, *[v for v in self.variants if v != self.term])


class ReportSource(NamedTuple):
    """Where a glossary's report text and its corrections file are."""

    path: Path
    corrections: Path | None = None


class Glossary:
    """A loaded glossary file: its terms in file order, and the report it annotates.

    ``terms`` is any sequence of Terms: a tuple when read from YAML, or a lazy sequence
    when loaded from the compiled cache (see ``cache.TermRows``). The id look-up and the
    cross-references are worked out on first use. Compared by identity.
    """

    def __init__(self, path: Path, terms: Sequence[Term], title: str | None = None,
                 report: ReportSource | None = None,
                 links: Mapping[str, Sequence[str]] | None = None):
        self.path = path
        self.terms = terms
        self.title = title
        self.report = report
        self._links = links
        self._positions: dict[str, int] | None = None

    def __repr__(self) -> str:
        return f"Glossary({str(self.path)!r}, {len(self.terms)} terms)"

    @property
    def ids(self) -> Sequence[str]:
        """Every term's id, in order (without building the terms where they are lazy)."""
        return getattr(self.terms, "ids", None) or [t.id for t in self.terms]

    def position(self, term_id: str) -> int | None:
        """The index of the term with this id in ``terms``, or None."""
        if self._positions is None:
            positions: dict[str, int] = {}
            for i, ident in enumerate(self.ids):
                positions.setdefault(ident, i)
            self._positions = positions
        return self._positions.get(term_id)

    def get(self, term_id: str) -> Term | None:
        """The term with this id, or None."""
        i = self.position(term_id)
        return None if i is None else self.terms[i]

    @property
    def links(self) -> Mapping[str, Sequence[str]]:
        """Cross-references from both ends: id -> ids, each link declared once in the file."""
        if self._links is None:
            links: dict[str, list[str]] = {}
            for t in self.terms:
                for other in t.related:
                    if other != t.id and self.position(other) is not None:
                        for a, b in ((t.id, other), (other, t.id)):
                            if b not in links.setdefault(a, []):
                                links[a].append(b)
            self._links = links
        return self._links

    def related(self, term: Term) -> tuple[Term, ...]:
        """Terms cross-referenced with ``term``, from either end, in glossary order."""
        positions = sorted(p for p in (self.position(i) for i in self.links.get(term.id, ()))
                           if p is not None)
        return tuple(self.terms[p] for p in positions)


# --------------------------------------------------------------------------- report


class FootnoteRef(NamedTuple):
    """A footnote marker removed from a paragraph: which note, and where it stood.

    ``offset`` is the position in the cleaned paragraph text right after which the marker stood.
    """

    note: int
    offset: int
    # "caret-brace" ^{〔1〕}, "caret-bracket" ^[2], "bare" 〔6〕, "footnote" [^6], "square" [6],
    # "fw-square" ［6］, "paren" （6）, "circled" ⑥
    style: str


class Lead(NamedTuple):
    """A run-in heading inside a paragraph: a bold lead sentence or an enumerator (一是...)."""

    start: int
    end: int
    title: str


class Paragraph(NamedTuple):
    """One paragraph of the report body, cleaned, with its place in the section tree.

    ``line`` is the source line the paragraph starts on. ``origins`` maps the cleaned text
    back to the source despite joined page breaks and removed spaces and markers: runs of
    (offset in ``text``, source line, source column) where a run of consecutive source
    characters starts (see ``locate``).
    """

    number: int
    line: int
    text: str
    section: tuple[str, ...]
    leads: tuple[Lead, ...] = ()
    footnotes: tuple[FootnoteRef, ...] = ()
    origins: tuple[tuple[int, int, int], ...] = ()

    def locate(self, offset: int) -> tuple[int, int | None]:
        """Source line and column (both from 1) of the character at ``offset`` in ``text``;
        without origins, the paragraph's first line and no column."""
        k = bisect.bisect_right(self.origins, (offset, float("inf"))) - 1
        if k < 0:
            return self.line, None
        start, line, column = self.origins[k]
        return line, column + offset - start

    def section_at(self, offset: int) -> tuple[str, ...]:
        """The section path at ``offset``: the paragraph's section plus the lead governing it."""
        current = None
        for lead in self.leads:
            if lead.start <= offset:
                current = lead
        return self.section + ((current.title,) if current else ())


class Note(NamedTuple):
    """One entry of the report's 名词解释 (notes) section.

    ``number`` is None for an unnumbered note (``headword：definition``); ``printed`` is the
    headword as printed (quotes kept, bold removed), ``headword`` the clean one (quotes
    around the whole removed: ``“六稳”“六保”`` -> ``六稳六保``).
    """

    number: int | None
    printed: str
    definition: str
    line: int
    headword: str = ""


class ReportMetadata(NamedTuple):
    """What a report says about itself (front matter, opening lines), or the caller set.

    ``date`` is ISO (``2023-01-05``); ``level`` one of province, municipality, city, county.
    """

    place: str | None = None
    level: str | None = None
    year: int | None = None
    date: str | None = None
    title: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    front_matter: tuple[tuple[str, str], ...] = ()


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
    metadata: ReportMetadata = ReportMetadata()

    def note(self, number: int) -> Note | None:
        """The note with this number, or None."""
        for n in self.notes:
            if n.number == number:
                return n
        return None

    def note_for(self, headword: str) -> Note | None:
        """The note whose headword (clean or as printed) is ``headword``, or None."""
        for n in self.notes:
            if headword in (n.headword, n.printed):
                return n
        return None

    def paragraph(self, number: int) -> Paragraph:
        """The body paragraph with this (1-based) number."""
        return self.paragraphs[number - 1]


# --------------------------------------------------------------------------- passages


SECTION_SEP = " › "


def section_label(section: Sequence[str]) -> str:
    """A section path for people: ``2021年工作安排 › （五）… › 实施城市提质行动``, or
    ``opening`` for the paragraphs before the first heading. One label everywhere (the
    terminal, every appendix format)."""
    return SECTION_SEP.join(section) if section else "opening"


def section_path(label: str) -> tuple[str, ...]:
    """A section path from its label (the library stores paths as labels); () for none."""
    return tuple(label.split(SECTION_SEP)) if label else ()


class Passage(NamedTuple):
    """A stretch of report text that uses a term: a sentence, or a whole paragraph.

    ``line`` and ``column`` are where the passage's first character stands in the source
    file; ``locations`` gives (line, column) of each span's first character, for a sentence that
    a page break splits over several lines.
    """

    text: str
    paragraph: int
    line: int
    section: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    column: int | None = None
    locations: tuple[tuple[int, int | None], ...] = ()


RATE_PER = 100_000  # a trend's rate counts uses per this many characters


class YearPoint(NamedTuple):
    """One year of a trend series."""
    year: int
    reports: int          # reports of that year in the library (the denominator)
    using: int            # of those, the reports that use the term
    occurrences: int      # uses in those reports' bodies
    characters: int       # characters of that year's reports' bodies

    @property
    def rate(self) -> float:
        """Uses per 100,000 characters of that year's reports (0.0 for a year of empty
        reports): the one definition the chart, the JSON and the CSV read."""
        return self.occurrences * RATE_PER / self.characters if self.characters else 0.0

    @property
    def rate_rounded(self) -> float:
        """``rate`` to three decimals, as the JSON and the CSV give it."""
        return round(self.rate, 3)


class TrendSeries(NamedTuple):
    """How one term or text is used over the years (years without reports are absent: gaps)."""
    label: str
    points: tuple[YearPoint, ...]


# --------------------------------------------------------------------------- results
# What the commands return, the same for one report and for a library (a single report is a
# library of one report): the core (``cngloss.core``) builds these, the JSON contract and the
# views read them. Here, not in ``library/``, so that the one-report path makes them without
# importing the store.


class Filters(NamedTuple):
    """Which reports a query looks at; None: any."""

    place: str | None = None
    years: tuple[int | None, int | None] | None = None
    level: str | None = None


class ReportInfo(NamedTuple):
    """A report as a library lists it. The glossary's own report, outside any library, has
    ``id`` None (and ``added`` None)."""

    id: int | None
    place: str | None
    level: str | None
    year: int | None
    title: str | None
    source: str
    paragraphs: int
    chars: int
    added: str | None


class ReportText(NamedTuple):
    """A report's body as a reader sees it: its listing and each paragraph's number, section
    path (`` > `` between headings) and text (quotation marks restored)."""

    info: ReportInfo
    paragraphs: list[tuple[int, str, str]]


class NoteSource(NamedTuple):
    """One report's note that defines an entry: which report and note, and where from."""

    report_id: int | None
    seq: int  # the note's place in the report's notes section
    number: int | None  # as the report numbers it (None: unnumbered)
    year: int | None
    place: str | None
    level: str | None


class FoundPassage(NamedTuple):
    """A passage that uses the text, as displayed, with the hits' [start, end) offsets in it
    and the glossary terms it uses. ``column`` and ``locations`` (as in ``Passage``) are
    known for the glossary's own report only (None and () in a library)."""

    paragraph: int
    line: int
    section: tuple[str, ...]
    text: str
    spans: tuple[tuple[int, int], ...]
    column: int | None = None
    locations: tuple[tuple[int, int | None], ...] = ()
    terms: tuple["Term", ...] = ()  # the glossary's terms it uses, in glossary order
    term_spans: tuple[tuple[int, int], ...] = ()  # where those terms stand, to highlight
    # ``show``: the items the text lists beside the use (打好A、B、C三大攻坚战) and the sense
    # they give it (``corpus.english``); None and () where it lists none
    sense: str | None = None
    expansion: tuple[str, ...] = ()


class ReportPassages(NamedTuple):
    """One report's passages; ``more``: those left out by the per-report limit."""

    report: ReportInfo
    passages: list[FoundPassage]
    more: int


class Passages(NamedTuple):
    """Where a text (or a term's forms) is used, newest report first: ``grep``'s result and
    the passages of ``show``.

    ``reports``/``passages``/``hits`` count everything found; ``groups`` hold what the
    limits let through; ``missing`` is the error to raise when nothing was found."""

    query: str
    forms: tuple[str, ...]
    groups: list[ReportPassages]
    reports: int
    passages: int
    hits: int
    missing: Exception | None

    @property
    def shown(self) -> int:
        return sum(len(g.passages) for g in self.groups)


class Row(NamedTuple):
    """One headword across the glossaries in use: its term (the curated one where there is
    one), the best search hit (a ``lookup.results.Hit``), and the notes that define it."""

    term: Term
    hit: object
    curated: bool
    reviewed: bool
    origin: str | None  # the glossary file that defines it, if any (not the curated one)
    sources: tuple[NoteSource, ...]
    # the sourced renderings of the senses its definitions have (``corpus.english``)
    english: tuple[SourcedRendering, ...] = ()
    # named only by the file of sourced renderings: no glossary in use defines it
    only_sourced: bool = False

    @property
    def reports(self) -> int:
        return len({s.report_id for s in self.sources})

    @property
    def years(self) -> list[int]:
        return sorted({s.year for s in self.sources if s.year is not None})


class NoteDefinition(NamedTuple):
    """One wording of a definition, with every note that gives it (oldest first), and
    whether it is the curated definition's wording (None: no curated definition)."""

    text: str
    sources: tuple[NoteSource, ...]
    headwords: tuple[str, ...]  # as the notes print them
    agrees: bool | None
    sense: str | None = None  # its sense (``corpus.english``); None: the file names none


class Entry(NamedTuple):
    """What ``show`` prints before the passages: the term, where it comes from, and every
    definition the reports' notes give for it (the filters applied)."""

    term: Term
    curated: bool
    reviewed: bool
    origin: str | None
    definitions: list[NoteDefinition]
    guess: str | None
    forms: tuple[str, ...] = ()  # every headword of the merged entry, for the passages
    senses: tuple["EntrySense", ...] = ()  # the senses its English comes in (below)

    @property
    def reports(self) -> int:
        return len({s.report_id for d in self.definitions for s in d.sources})


class EntrySense(NamedTuple):
    """One sense of an entry's headword, with its sourced English: the sense (``national``,
    or ``other``: one the file of renderings has none for), its meaning, its renderings (or
    the searches that found none), whether the entry's own definition (the curated one) has
    it, and the notes that define the headword so."""

    sense: str
    meaning: str | None
    renderings: tuple[SourcedRendering, ...]
    searched: tuple[str, ...]
    own: bool
    sources: tuple[NoteSource, ...]
    # the reports (of the passages shown) whose text lists the items of this sense beside
    # a use of the headword (打好A、B、C三大攻坚战)
    uses: tuple[ReportInfo, ...] = ()

    @property
    def reports(self) -> int:
        return len({s.report_id for s in self.sources})


class Found(NamedTuple):
    """``search``: one row per headword, best first; ``missing`` is the error to raise when
    there are none (the caller prints the empty result first)."""

    query: str
    rows: list[Row]
    missing: Exception | None  # a NotFoundError
    # numbered slogans the texts use that no glossary in use defines, named by the query or
    # holding it (``discover``'s term objects, docs/json.md): listed after every row,
    # never among them
    discovered: tuple = ()


class Shown(NamedTuple):
    """``show``: the entry (term, where it comes from, every note's definition) and the
    passages that use any of its forms; ``guess`` names the term shown for a typo."""

    entry: Entry
    passages: Passages
    guess: str | None
    # ``--glosses``: the dictionary glosses of its words (a term with no English rendering
    # only; () for one with a rendering); None: not asked for
    glosses: tuple[WordGloss, ...] | None = None
    # a term no glossary in use defines but the texts use: a numbered slogan found in them
    # (``discover``'s term object); None for a defined term
    discovered: dict | None = None


class Related(NamedTuple):
    """``related``: the cross-reference tree; ``guess`` as in ``Shown``."""

    tree: "object"
    guess: str | None


class Listing(NamedTuple):
    """``list``: the entries selected, and (for the curated glossary with its report) how
    many passages use each, by term id (None where not counted)."""

    rows: list[Row]
    counts: dict[str, int | None]
    selected: bool  # True when filters chose the entries from the library


class Annotated(NamedTuple):
    """``annotate``: the document with its terms, the glossary they came from, and the
    sourced English renderings of the terms it uses, by id."""

    annotation: "object"
    glossary: "Glossary"
    english: Mapping[str, tuple[SourcedRendering, ...]] = {}
    # ``--glosses``: the dictionary glosses of the words of the terms used that have no
    # English rendering, by id; None: not asked for
    glosses: Mapping[str, tuple[WordGloss, ...]] | None = None
    # ``--discover``: the numbered slogans the document uses that no glossary in use
    # defines; None: not asked for
    discovered: "tuple[SloganUse, ...] | None" = None

    @property
    def missing(self) -> "Exception | None":
        """The error to raise after printing: no glossary term (and, with ``discovered``,
        no numbered slogan) occurs."""
        missing = getattr(self.annotation, "missing", None)
        if missing is None or self.discovered is None:
            return missing
        if self.discovered:
            return None
        return type(missing)(f"{missing} (and no numbered slogan)")


class Removed(NamedTuple):
    """``remove``: the reports taken out, and the number of glossary files (None: none
    named)."""

    reports: list[ReportInfo]
    glossaries: int | None


class Expansion(NamedTuple):
    """What a numbered slogan stands for, as the text lists it beside a use: the items, and
    the line (from 1) and its text where they were found."""

    items: tuple[str, ...]
    line: int
    text: str


class DiscoveredTerm(NamedTuple):
    """``discover``: a numbered slogan one document uses (kind: slogan, period, code or
    name), how often, on which lines, its expansion (None: the text lists no items beside
    any use) and whether the glossaries in use define it."""

    document: str
    term: str
    kind: str
    count: int
    lines: tuple[int, ...]
    expansion: Expansion | None
    defined: bool


class SloganUse(NamedTuple):
    """``annotate --discover``: a numbered slogan a document uses that no glossary in use
    defines: its kind, uses, lines, expansion (None: the text lists no items) and each
    use as (start, end, line, column): [start, end) offsets into the text, line and column
    from 1."""

    term: str
    kind: str
    count: int
    lines: tuple[int, ...]
    expansion: Expansion | None
    spans: tuple[tuple[int, int, int, int], ...]


class RenderedTerms(Sequence):
    """``discover`` across the library: term objects stored already rendered as JSON (the
    summaries made when reports are written), each decoded when it is asked for;
    ``fragments``: their JSON in UTF-8, each line after the first indented by ``indent``
    (their place in the printed list); ``first_years``: per term the first year of its
    national, province and city use (None: no such use)."""

    def __init__(self, fragments: list[bytes], first_years: list[tuple], indent: str):
        self.indent = indent
        self.fragments = fragments
        self.first_years = first_years

    def __len__(self) -> int:
        return len(self.fragments)

    def __getitem__(self, index):
        import json  # lazy: decoding is for the views and CSV, not --json

        if isinstance(index, slice):
            return [json.loads(text) for text in self.fragments[index]]
        return json.loads(self.fragments[index])


class Discovered(NamedTuple):
    """``discover``: the slogans of the documents, in the order of their first use in each
    document; ``missing``: the error to raise after printing when there is none."""

    documents: list[str]
    terms: list[DiscoveredTerm]
    missing: "object | None" = None
    library_terms: "list[dict] | RenderedTerms | None" = None  # across the library (no
                # documents): the JSON term objects, library/slogan_queries.py
    lags: "dict | None" = None  # --by level: {"province"|"city": {lag years: slogans}}
