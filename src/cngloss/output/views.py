"""What the commands show people, as plain blocks of styled text (``blocks.py``): one view
per command, for the glossary's own report and (``library_views.py``) for a library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..model import Glossary, Passage, Term, section_label
from ..text.numerals import leading_count
from .blocks import (LABEL_WIDTH, ONLY_SOURCED, ONLY_SOURCED_NOTE, Blank,  # noqa: F401
                     Block, Line, Span, Table, _plural, field, highlighted, kwic, line,
                     matched_cell, matched_on, matched_words, year_ranges)
from .english_views import (Notes, english_field, glosses_view, senses_view,
                            term_glosses_view)
from .library_views import (add_view, definitions_view, glossary_list_view,  # noqa: F401
                            glossary_search_view, library_passages_view, removed_view,
                            report_label, reports_view, trend_view)

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..corpus.annotate import Annotation
    from ..corpus.checks import CheckResult
    from ..lookup.related import Node
    from ..lookup.search import Hit
    from typing import Mapping

    from ..model import (Discovered, Entry, Found, FoundPassage, Listing, Passages, Shown,
                         SourcedRendering)

# --------------------------------------------------------------------------- list


def list_view(listing: "Listing", glossary: Glossary) -> list[Block]:
    """``list``: the curated glossary with its passage counts, or the entries a selection
    kept (with the reports whose notes define each)."""
    if listing.selected:
        return glossary_list_view(listing.rows)
    english = {row.term.id: row.english for row in listing.rows}
    return terms_view(glossary, listing.counts, english)


def terms_view(glossary: Glossary, counts: dict[str, int | None],
               english: "dict[str, tuple[SourcedRendering, ...]] | None" = None
               ) -> list[Block]:
    table = Table(["note", "term", "pinyin", "english", "passages"], [], wrap=(1, 2, 3))
    notes = Notes()
    for term in glossary.terms:
        count = counts.get(term.id)
        table.rows.append([
            [(str(term.note) if term.note is not None else "", "number")],
            [(term.term, "headword")],
            [(term.pinyin, "pinyin")],
            notes.cell(term, (english or {}).get(term.id, ())),
            [(str(count) if count is not None else "-", "number")],
        ])
    return [table] + notes.blocks()


# --------------------------------------------------------------------------- show


def show_view(shown: "Shown", glossary: Glossary, width: int, library: bool,
              report_name: str | None = None) -> list[Block]:
    """``show``: the term and its passages, as sentences of the glossary's own report
    (``report_name``; None: the glossary names none), or with a library every note's
    definition and the paragraphs grouped by report."""
    entry = shown.entry
    if shown.discovered is not None:
        return _discovered_show_view(shown, width, library, report_name)
    if not library:
        passages = [p for g in shown.passages.groups for p in g.passages]
        return term_view(entry.term, glossary, passages if report_name else None, report_name,
                         entry=entry, glosses=shown.glosses)
    label = "Definition" if entry.reviewed else "Definition (the newest note's)"
    own = glossary if entry.curated else Glossary(glossary.path, (entry.term,))
    view = term_view(entry.term, own, None, definition_label=label, entry=entry,
                     glosses=shown.glosses)
    view += definitions_view(entry)
    view += [Blank(), line(("Passages in the library", "heading"))]
    found = shown.passages
    view += library_passages_view(found, width) if found.groups else \
        [line((f"none ({found.missing})", "dim"))]
    return view



def _discovered_show_view(shown: "Shown", width: int, library: bool,
                          report_name: str | None) -> list[Block]:
    """``show`` of a numbered slogan no glossary defines: what discover knows of it, then
    its passages (the glossary's own report's sentences, or the library's paragraphs)."""
    from .discovered_views import discovered_entry_view  # lazy: a discovered term only

    view = discovered_entry_view(shown.discovered)
    if shown.glosses is not None:
        view += glosses_view(shown.glosses, False)
    found = shown.passages
    if library:
        view += [Blank(), line(("Passages in the library", "heading"))]
        return view + (library_passages_view(found, width) if found.groups else
                       [line((f"none ({found.missing})", "dim"))])
    passages = [p for g in found.groups for p in g.passages]
    view += [Blank(), line((f"Passages ({len(passages)})", "heading"),
                           (f"  in {report_name}" if report_name else "", "dim"))]
    return view + passage_blocks(passages)


def term_view(term: Term, glossary: Glossary, passages: list[Passage] | None,
              report_name: str | None = None, definition_label: str = "Definition",
              entry: "Entry | None" = None, glosses=None) -> list[Block]:
    """Everything about one term: header, fields, its English (curated, then sourced: the
    sense of its own definition), definition, remark, parts, the headword's other senses,
    passages.

    Short fields are ``Label  value`` lines with their values in one column; long texts are
    blocks under a heading. Labels and headings are capitalised alike.
    """
    blocks: list[Block] = []
    head: list[Span] = [(term.term, "headword"), ("  ", None), (term.pinyin, "pinyin")]
    if term.note is not None:
        head += [("  ", None), (f"note {term.note}", "dim")]
    blocks.append(Line(head))
    if term.printed and term.printed != term.term:
        blocks += field("Printed", [[(term.printed, None)]])
    if term.variants:
        blocks += field("Variants", [[(v, None)] for v in term.variants])
    blocks += english_field(term, entry)
    if glosses is not None:
        from ..corpus.english import applying  # lazy: --glosses only

        sourced = entry is not None and bool(applying(entry))
        blocks += glosses_view(glosses, bool(term.english) or sourced)
    blocks += [Blank(), line((definition_label, "heading")), line(term.definition, indent=2)]
    if term.remark:
        blocks += [Blank(), line(("Remark", "heading")), line(term.remark, indent=2)]
    if term.parts:
        blocks += [Blank(), line(("Parts", "heading"))]
        blocks += parts_blocks(term)
    related = glossary.related(term)
    if term.tags or related:
        blocks.append(Blank())
    if term.tags:
        blocks += field("Tags", [[(", ".join(term.tags), None)]])
    if related:
        blocks += field("Related", [
            [(other.term, "headword")]
            + ([(f" ({other.note})", "dim")] if other.note is not None else [])
            for other in related])
    if entry is not None:
        blocks += senses_view(entry)
    if passages is not None:
        blocks += [Blank(), line((f"Passages ({len(passages)})", "heading"),
                                 (f"  in {report_name}" if report_name else "", "dim"))]
        blocks += passage_blocks(passages)
    return blocks


def parts_blocks(term: Term) -> list[Block]:
    """Each part as a name (or its number of items) over its items, all items at one indent."""
    blocks: list[Block] = []
    for part in term.parts:
        if part.name:
            count = leading_count(part.name)
            label = f" · {len(part.items)}" if count is not None else ""
            blocks.append(line((part.name, "headword"), (label, "number"), indent=2))
        else:
            blocks.append(line((f"{len(part.items)} items", "dim"), indent=2))
        for i, item in enumerate(part.items):
            branch = "└ " if i == len(part.items) - 1 else "├ "
            blocks.append(line((branch, "dim"), item, indent=4, hang=6))
    return blocks


def passage_blocks(passages: list[Passage]) -> list[Block]:
    blocks: list[Block] = []
    for i, passage in enumerate(passages, start=1):
        where = f"{i}. ¶{passage.paragraph}  "
        blocks.append(line((where.rstrip(), "number"), ("  ", None),
                           (section_label(passage.section), "section"),
                           (f"  (line {passage.line})", "dim"), indent=2,
                           hang=2 + len(where)))  # a wrapped section path lines up
        blocks.append(Line(highlighted(passage.text, passage.spans), indent=5))
    return blocks


# --------------------------------------------------------------------------- check


def check_view(result: "CheckResult") -> list[Block]:
    """The summary ``check`` prints to stdout (the problems themselves go to stderr)."""
    blocks: list[Block] = []
    report = result.report
    if report is not None:
        for applied in report.applied:
            where = f"paragraph {applied.paragraph}" if applied.paragraph else "notes"
            blocks.append(line(("corrected ", "label"),
                               f"{applied.correction.original!r} -> "
                               f"{applied.correction.corrected!r} ({where}, line {applied.line})"))
    errors, warnings = len(result.errors), len(result.warnings)
    against = f" against {report.path.name} ({len(report.paragraphs)} paragraphs, " \
        f"{len(report.notes)} notes)" if report else ""
    status = ("ok", "ok") if not errors else ("FAILED", "error")
    blocks.append(line((status[0], status[1]),
                       f": {result.terms} terms checked{against}: "
                       f"{errors} error(s), {warnings} warning(s)"))
    return blocks


# --------------------------------------------------------------------------- search


def search_view(found: "Found", library: bool) -> list[Block]:
    """``search``: with a library one row per headword with the reports that define it;
    else the glossary's terms."""
    view: list[Block] = []
    if found.rows and library:
        view = glossary_search_view(found.rows, found.query)
    elif found.rows:
        view = hits_view([row.hit for row in found.rows], found.query,
                         [row.english for row in found.rows],
                         [row.only_sourced for row in found.rows])
    if found.discovered:
        from .discovered_views import discovered_search_view  # lazy: a slogan was found

        view += ([Blank()] if view else []) + discovered_search_view(list(found.discovered))
    return view


def hits_view(hits: Sequence["Hit"], query: str = "",
              english: "Sequence[Sequence[SourcedRendering]] | None" = None,
              only_sourced: Sequence[bool] = ()) -> list[Block]:
    """Search results: headword (``†``: only the file of sourced renderings names it),
    pinyin, English, what matched (in a few words), score."""
    table = Table(["term", "pinyin", "english", "matched on", "score"], [], wrap=(1, 2, 3))
    notes = Notes()
    marked = False
    for k, hit in enumerate(hits):
        only = k < len(only_sourced) and only_sourced[k]
        marked = marked or only
        table.rows.append([
            [(hit.term.term, "headword")] + ([(ONLY_SOURCED, "dim")] if only else []),
            [(hit.term.pinyin, "pinyin")],
            notes.cell(hit.term, english[k] if english else ()),
            matched_cell(hit, query),
            [(str(hit.score), "number")],
        ])
    return [table] + notes.blocks() + ([line((ONLY_SOURCED_NOTE, "dim"))] if marked else [])


def candidates_view(terms: list[Term]) -> list[Block]:
    """The terms an ambiguous query fits, for stderr."""
    table = Table(["term", "pinyin", "id"], [])
    for term in terms:
        table.rows.append([[(term.term, "headword")], [(term.pinyin, "pinyin")],
                           [(term.id, "dim")]])
    return [table]


# --------------------------------------------------------------------------- grep


def grep_view(found: "Passages", width: int, library: bool) -> list[Block]:
    """``grep``: the uses in the glossary's own report, or across the library by report."""
    if library:
        return library_passages_view(found, width)
    return sentences_view([p for g in found.groups for p in g.passages], found.hits, width)


def sentences_view(passages: Sequence["FoundPassage"], uses: int, width: int) -> list[Block]:
    """Keyword in context: a count, then one line per sentence with every use in it marked
    (style ``hit``), under its paragraph, section and line; glossary terms nearby in bold."""
    paragraphs = len({p.paragraph for p in passages})
    blocks: list[Block] = [line((f"{uses} use{'s' * (uses != 1)} in {len(passages)} "
                                 f"sentence{'s' * (len(passages) != 1)} of {paragraphs} "
                                 f"paragraph{'s' * (paragraphs != 1)}", "dim"))]
    for passage in passages:
        head = f"¶{passage.paragraph}  "
        blocks.append(line((head.rstrip(), "number"), "  ",
                           (section_label(passage.section), "section"),
                           (f"  (line {passage.line})", "dim"), hang=len(head)))
        blocks.append(Line(kwic(passage.text, list(passage.spans), list(passage.term_spans),
                                width - 2),
                           indent=2))
    return blocks


# --------------------------------------------------------------------------- related


def related_view(tree: "Node") -> list[Block]:
    """A cross-reference neighbourhood as a tree (see ``lookup.related.neighbourhood``)."""
    blocks: list[Block] = [Line(_node_spans(tree.term))]

    def walk(children: Sequence["Node"], prefix: str) -> None:
        for i, child in enumerate(children):
            last = i == len(children) - 1
            blocks.append(Line([(prefix + ("└── " if last else "├── "), "dim")]
                               + _node_spans(child.term)))
            walk(child.related, prefix + ("    " if last else "│   "))

    walk(tree.related, "")
    if not tree.related:
        blocks.append(line(("(no cross-references)", "dim")))
    return blocks


def _node_spans(term: Term) -> list[Span]:
    spans: list[Span] = [(term.term, "headword")]
    if term.note is not None:
        spans.append((f" ({term.note})", "dim"))
    if term.tags:
        spans.append(("  " + ", ".join(term.tags), "section"))
    return spans


# --------------------------------------------------------------------------- the library


# --------------------------------------------------------------------------- annotate


def annotate_view(found: "Annotation", glossary: Glossary, text: bool = True,
                  english: "Mapping[str, Sequence[SourcedRendering]] | None" = None,
                  glosses=None, slogans=None) -> list[Block]:
    """The document a line a line with every use of a term marked (»« without colour), then
    the terms it uses: count, first line, English (curated, else sourced: ``english``, by
    id). ``text=False``: the table alone. ``slogans`` (``--discover``): the numbered
    slogans no glossary defines, marked apart (‹› without colour) and tabled after."""
    blocks: list[Block] = []
    if text:
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for o in found.occurrences:  # a use never spans lines: no form holds a line break
            shift = o.column - 1 - o.start
            by_line.setdefault(o.line, []).append((o.start + shift, o.end + shift, "hit"))
        for slogan in slogans or ():
            for start, end, number, column in slogan.spans:
                by_line.setdefault(number, []).append(
                    (column - 1, column - 1 + end - start, "discovered"))
        lines = found.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        blocks += [Line(highlighted(one, sorted(by_line.get(number, [])), "hit"))
                   for number, one in enumerate(lines, 1)]
        blocks.append(Blank())
    uses = len(found.occurrences)
    blocks.append(line((f"{_plural(uses, 'use')} of {_plural(len(found.terms), 'term')} "
                        f"in {found.name}", "dim")))
    if found.terms:
        table = Table(["term", "count", "first line", "english"], [], wrap=(0, 3))
        notes = Notes()
        for use in found.terms:
            term = use.term
            table.rows.append([
                [(term.term, "headword")],
                [(str(use.count), "number")],
                [(str(use.first.line), "number")],
                notes.cell(term, (english or {}).get(term.id, ())),
            ])
        blocks.append(table)
        blocks += notes.blocks()
        blocks += term_glosses_view(glosses, [use.term for use in found.terms])
    if slogans:
        from .discovered_views import slogan_uses_view  # lazy: --discover only

        blocks += [Blank()] + slogan_uses_view(slogans)
    return blocks


# --------------------------------------------------------------------------- discover


def discover_view(found: "Discovered") -> list[Block]:
    """``discover``: a table of the slogans (term, kind, count, first line, expansion), one
    per document when there are several (across the library: output/discover_views.py)."""
    blocks: list[Block] = []
    several = len(found.documents) > 1
    for document in found.documents:
        terms = [t for t in found.terms if t.document == document]
        if not terms:
            continue
        if several:
            if blocks:
                blocks.append(Blank())
            blocks.append(line((document, "heading")))
        table = Table(["term", "kind", "count", "line", "expansion"], [], wrap=(4,))
        for t in terms:
            table.rows.append([
                [(t.term, "headword" if t.defined else None)],
                [(t.kind, None)],
                [(str(t.count), "number")],
                [(str(t.lines[0]), "number")],
                [("、".join(t.expansion.items) if t.expansion else "-", None)],
            ])
        blocks.append(table)
    return blocks
