"""The glossary appendix: every term with what a reader of a document needs, in order.

The renderers in ``render/`` only lay out what this module gathers: the terms in the chosen
order, the related terms of each (both ends), and where the report uses it, by paragraph
and section, like an index.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from typing import TYPE_CHECKING, Mapping, Sequence

from ..corpus.english import term_english
from ..corpus.load import Corpus
from ..errors import ChoiceError
from ..model import SourcedRendering, Term, section_label
from ..sources.files import make_folder, write_atomically
from ..text.pinyin import toneless
from . import formats

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.annotate import Annotation

SORTS = ("note", "pinyin")
SORTS_FOR = ("appearance", "note", "pinyin")  # appendix --for FILE: first use in FILE first


def __getattr__(name: str):
    """``FORMATS``: the names of the formats in the registry (``formats.FORMATS``), as they
    are now (a format registered later is in it)."""
    if name == "FORMATS":
        return formats.names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Use:
    """A paragraph of the report that uses a term, or (``paragraph`` None) a line of the
    document an appendix is made for (``appendix --for``)."""

    paragraph: int | None
    line: int
    section: tuple[str, ...]

    def label(self, section=lambda text: f"({text})") -> str:
        """``¶3 (section)``, the section passed through ``section``; or ``line 12``."""
        if self.paragraph is None:
            return f"line {self.line}"
        return f"¶{self.paragraph} {section(section_label(self.section))}"


@dataclass(frozen=True)
class Entry:
    """A term of the appendix: its English holds its curated renderings, then its sourced
    ones (``renderings``, each as a rendering whose source names the outlet and date), so
    that every format prints them with their sources as it prints any rendering."""

    term: Term
    related: tuple[Term, ...]
    uses: tuple[Use, ...]
    renderings: tuple[SourcedRendering, ...] = ()


def sourced_term(term: Term, renderings: Sequence[SourcedRendering]) -> Term:
    """The term with its sourced renderings after its curated ones (none: the term)."""
    english = term_english(term, renderings)
    return term if english == term.english else term.replace(english=english)


@dataclass(frozen=True)
class Appendix:
    title: str
    source: str | None  # the report file the uses refer to
    entries: tuple[Entry, ...]
    separator: str = " · "  # between the items of an inline list (see list_separator)
    for_document: bool = False  # the uses are lines of ``source``, a document (--for)

    def count_note(self) -> str:
        """``23 terms.``, ``1 term.`` (unescaped)."""
        count = len(self.entries)
        return f"{count:,} term{'' if count == 1 else 's'}."

    def source_note(self) -> str:
        """What the places in the entries refer to (unescaped), or ""."""
        if not self.source:
            return ""
        if self.for_document:
            return f"Line numbers are lines of {self.source}."
        return f"¶ numbers are paragraphs of {self.source}."


# Inline lists (see-also terms, part items, variants) need a separator that no item contains:
# 、 occurs inside headwords (一般债、专项债及特别国债) and part items (县、镇、村…), so a
# list joined with it reads as more terms than it has.
SEPARATORS = (" · ", " | ", " / ", " ◆ ")


def list_separator(texts) -> str:
    """The first of SEPARATORS whose mark occurs in none of ``texts`` (one for a whole appendix,
    so every list in it reads alike)."""
    texts = list(texts)
    for separator in SEPARATORS:
        if not any(separator.strip() in text for text in texts):
            return separator
    return SEPARATORS[-1]


def listed_texts(terms) -> list[str]:
    """Every text an appendix puts in an inline list: headwords, variants, part items."""
    out = []
    for term in terms:
        out += [term.term, *term.variants]
        out += [item for part in term.parts for item in part.items]
    return out


def pinyin_key(term: Term) -> tuple:
    """Sort by toneless pinyin, then tones, then headword: ``liang`` < ``liang wei`` < ``liu``."""
    parts = toneless(term.pinyin)
    return tuple(p for p, _ in parts), tuple(t for _, t in parts), term.term


def build_appendix(corpus: Corpus, sort: str = "note",
                   document: "Annotation | None" = None,
                   english: "Mapping[str, Sequence[SourcedRendering]] | None" = None
                   ) -> Appendix:
    """Gather the entries of the appendix in ``sort`` order (``note`` or ``pinyin``; with a
    ``document``, also ``appearance``, and then only the terms it uses, with its lines);
    ``english``: the sourced renderings of the terms, by id."""
    appendix = _appendix_for(corpus, document, sort) if document is not None \
        else _appendix(corpus, sort)
    if not english:
        return appendix
    entries = tuple(replace(e, term=sourced_term(e.term, english.get(e.term.id, ())),
                            renderings=tuple(english.get(e.term.id, ())))
                    for e in appendix.entries)
    return replace(appendix, entries=entries)


def _appendix(corpus: Corpus, sort: str) -> Appendix:
    if sort not in SORTS:
        raise ChoiceError("sort", sort, SORTS)
    glossary = corpus.glossary
    terms = _sorted(list(glossary.terms), sort)
    entries = []
    found = corpus.passages_for(terms)
    for term in terms:
        uses: dict[int, Use] = {}
        for passage in found[term.id]:
            uses.setdefault(passage.paragraph, Use(passage.paragraph, passage.line,
                                                   passage.section))
        entries.append(Entry(term, glossary.related(term), tuple(uses.values())))
    title = glossary.title or "Glossary"
    source = corpus.report.path.name if corpus.report else None
    return Appendix(title, source, tuple(entries), list_separator(listed_texts(terms)))


def _sorted(terms: list[Term], sort: str) -> list[Term]:
    """``pinyin`` order, or note order (terms without a note last, in file order)."""
    if sort == "pinyin":
        return sorted(terms, key=pinyin_key)
    order = {id(t): i for i, t in enumerate(terms)}
    return sorted(terms, key=lambda t: (t.note is None, t.note or 0, order[id(t)]))


def _appendix_for(corpus: Corpus, document: Annotation, sort: str) -> Appendix:
    """The appendix of the terms ``document`` uses, each with the lines that use it. See-also
    links stay inside the appendix (a link to a term the document does not use would lead
    nowhere)."""
    if sort not in SORTS_FOR:
        raise ChoiceError("sort", sort, SORTS_FOR)
    uses = {id(u.term): u for u in document.terms}
    terms = [u.term for u in document.terms]
    if sort != "appearance":
        terms = _sorted(terms, sort)
    entries = tuple(
        Entry(term, tuple(r for r in corpus.glossary.related(term) if id(r) in uses),
              tuple(Use(None, line, ()) for line in uses[id(term)].lines))
        for term in terms)
    name = Path(document.name).name
    title = f"{corpus.glossary.title or 'Glossary'}: the terms of {name}"
    return Appendix(title, name, entries, list_separator(listed_texts(terms)),
                    for_document=True)


def render_appendix(corpus: Corpus, fmt: str = "md", sort: str | None = None, width: int = 80,
                    standalone: bool = False, document: "Annotation | None" = None,
                    english: "Mapping[str, Sequence[SourcedRendering]] | None" = None
                    ) -> str | bytes:
    """The appendix in one format (see FORMATS): text, or bytes for a binary format; with
    ``document``, only the terms it uses (sort by default ``appearance``, else ``note``);
    ``english``: the terms' sourced renderings, by id."""
    chosen = formats.get(fmt)
    if chosen is None:
        raise ChoiceError("format", fmt, formats.names())
    sort = sort or ("appearance" if document is not None else "note")
    # the renderer's module is imported here, for the format asked for only
    out = chosen.renderer()(build_appendix(corpus, sort, document, english), width=width,
                            standalone=standalone)
    if not isinstance(out, bytes if chosen.binary else str):
        raise TypeError(f"the {fmt} renderer returned {type(out).__name__}, not "
                        f"{'bytes' if chosen.binary else 'str'} as its format says")
    return out


def write_all_formats(corpus: Corpus, folder: str | os.PathLike[str], sort: str = "note",
                      width: int = 80, force: bool = False,
                      english: "Mapping[str, Sequence[SourcedRendering]] | None" = None
                      ) -> list[Path]:
    """Write ``appendix.EXT`` for every format into ``folder`` (created if missing, but not
    its parents), each whole or not at all, bytes as they are; tex is standalone. Returns
    the paths written, in FORMATS order."""
    folder = make_folder(folder)
    return [write_atomically(folder / f"appendix{fmt.extension}",
                             render_appendix(corpus, fmt.name, sort, width, standalone=True,
                                             english=english),
                             force)
            for fmt in list(formats.FORMATS)]


def forms_line(term: Term, escape, separator: str = " · ") -> str:
    """``printed “两水”改造; also written 四好农村路`` (each value escaped), or ""."""
    facts = []
    if term.printed and term.printed != term.term:
        facts.append(f"printed {escape(term.printed)}")
    if term.variants:
        facts.append("also written " + separator.join(escape(v) for v in term.variants))
    return "; ".join(facts)


def web_url(url: str | None) -> bool:
    """Only http(s) addresses become links (never ``javascript:`` and the like)."""
    return bool(url) and url.lower().startswith(("http://", "https://")) and \
        not any(ch.isspace() or ord(ch) < 32 for ch in url)
