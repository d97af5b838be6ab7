"""``annotate --format html``: a document as one self-contained page, every use of a term
marked, with its pinyin above it (ruby) and its English and definition in a box that opens on
hover, on keyboard focus (each mark is in the tab order) and on tap (a tap focuses), with no
script; then a glossary of the terms the document uses.

The box is positioned against the paragraph, spanning its width, so it never reaches past the
page's edge on a narrow screen; the mark names it with ``aria-describedby``, so a screen
reader reads it when the mark is focused. Every text from the document and the glossary is
escaped (``html.escape``).

The document's text is the readers' Markdown-ish text (whatever its format: the docx and
HTML readers write bold as ``**``, and .txt reports carry it too), and the page shows it as
Markdown would: a line opened by ``#`` to ``######`` and a space is a heading (``#`` an
``<h2>``, the page's title being the ``<h1>``), a ``**…**`` pair on one line is
``<strong>``, the markup itself not shown; an unpaired ``**`` is text. Uses are placed by
their offsets in the text as read, so the markup left out never moves a mark; a use that
crosses a ``**`` keeps its mark, bold inside it where the text is bold (the ``<strong>`` is
closed at the mark and opened again inside it, so elements always nest).
"""

from __future__ import annotations

import bisect
import re
from pathlib import PurePath
from typing import Mapping, NamedTuple, Sequence

from ..corpus.annotate import Annotation
from ..corpus.english import source_label
from ..lookup.matcher import Occurrence
from ..model import SloganUse, SourcedRendering, Term
from .appendix import web_url
from .html import STYLE, escape, page_start

ANNOTATED_STYLE = """
.line { position: relative; }
p.line { margin: 0 0 .6rem; }
.term { color: var(--accent); border-bottom: 1px dotted var(--accent); cursor: help; }
.term:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.term ruby rt { font-size: .55em; color: var(--muted); font-style: italic; }
.tip { display: none; position: absolute; left: 0; right: 0; z-index: 2; margin-top: .25rem;
       padding: .5rem .75rem; background: #fffdf6; color: var(--ink);
       border: 1px solid var(--rule); border-left: 3px solid var(--accent);
       box-shadow: 0 2px 8px rgba(0,0,0,.15); font-size: .92rem; line-height: 1.6;
       font-weight: normal; }
.term:hover .tip, .term:focus .tip, .term:focus-within .tip { display: block; }
.tip .head { font-weight: bold; }
.tip .pinyin, .tip .english { font-style: italic; }
.slogan { color: var(--ink); border-bottom: 1px dashed var(--muted); cursor: help; }
.slogan:focus { outline: 2px dashed var(--muted); outline-offset: 1px; }
.slogan:hover .tip, .slogan:focus .tip, .slogan:focus-within .tip { display: block; }
.slogan .tip { border-left-style: dashed; }
section.glossary { margin-top: 2.5rem; border-top: 2px solid var(--rule); }
section.glossary .uses { color: var(--muted); font-size: .88em; }
@media print { .tip { display: none !important; } }
""".strip()


def render(found: Annotation,
           english: "Mapping[str, Sequence[SourcedRendering]] | None" = None,
           slogans: "Sequence[SloganUse] | None" = None) -> str:
    """The annotated page, titled by the document's file name (a folder path says nothing to
    a reader of the page); ``english``: the terms' sourced renderings, by id, each shown
    with its source; ``slogans`` (``--discover``): the numbered slogans no glossary
    defines, marked apart (class ``slogan``, a dashed line) and listed after the
    glossary."""
    english = english or {}
    title = f"{PurePath(found.name).name}: annotated"
    out = page_start(title, f"{STYLE}\n{ANNOTATED_STYLE}") + [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta" lang="en">{_summary(found, slogans)}</p>',
        '<article class="document">',
    ]
    out += _lines(found, english, slogans or ())
    out += ["</article>"] + _glossary(found, english) + _slogans(slogans or ()) + [
        "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _summary(found: Annotation, slogans=None) -> str:
    uses, terms = len(found.occurrences), len(found.terms)
    found_too = "" if not slogans else (
        f" {len(slogans)} numbered slogan{'s' * (len(slogans) != 1)} found in the text, "
        'not defined, are marked with a dashed line (<a href="#slogans">listed</a> after '
        "the glossary).")
    return (f"{uses} use{'s' * (uses != 1)} of {terms} glossary term{'s' * (terms != 1)}."
            f"{found_too} "
            'Focus, tap or point at a marked term for its meaning; the '
            '<a href="#glossary">glossary</a> of the terms used is at the end.')


def _lines(found: Annotation, english, slogans: "Sequence[SloganUse]" = ()) -> list[str]:
    """A ``<p>`` (or, for a Markdown heading, an ``<h2>``-``<h6>``) per non-empty line of the
    document, its uses of terms (and of discovered slogans) marked."""
    by_line: dict[int, list] = {}
    for occurrence in found.occurrences:
        by_line.setdefault(occurrence.line, []).append(occurrence)
    for k, slogan in enumerate(slogans):
        for start, end, number, column in slogan.spans:
            by_line.setdefault(number, []).append(_SloganMark(slogan, k, start, end, column))
    for marks in by_line.values():
        marks.sort(key=lambda o: o.start)
    out = []
    number = 0
    for number, text in enumerate(found.text.split("\n"), 1):
        if not text.strip():
            continue
        line = MarkdownLine(text)
        if not line.runs:  # markup alone (****, a lone #)
            continue
        pieces, pos = [], 0
        for o in by_line.get(number, ()):
            begin = o.column - 1
            end = begin + (o.end - o.start)
            pieces.append(line.html(pos, begin))
            if isinstance(o, _SloganMark):
                pieces.append(_slogan_mark(o, line.html(begin, end)))
            else:
                pieces.append(_mark(o, line.html(begin, end), english.get(o.term.id, ())))
            pos = end
        pieces.append(line.html(pos, len(text)))
        tag = f"h{min(line.level + 1, 6)}" if line.level else "p"
        out.append(f'<{tag} class="line" id="line-{number}">{"".join(pieces)}</{tag}>')
    return out


_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")  # ## 标题 ##
_BOLD = re.compile(r"\*\*")


class MarkdownLine:
    """One line of the document as Markdown shows it: its heading level (0: not a heading)
    and its text as runs ``(start, end, bold)`` of the line, the markup left out (a
    heading's ``#`` runs, each ``**`` that has a partner on the line)."""

    def __init__(self, text: str):
        self.text = text
        skipped: list[tuple[int, int, bool]] = []  # (start, end, toggles bold)
        self.level = 0
        start, end = 0, len(text)
        heading = _HEADING.match(text)
        if heading:
            self.level = len(heading.group(1))
            start = heading.end()
            closing = _CLOSING_HASHES.search(text, start)
            if closing:
                end = closing.start()
            skipped.append((0, start, False))
        bold = [m.span() for m in _BOLD.finditer(text, start, end)]
        skipped += [(a, b, True) for a, b in bold[:len(bold) - len(bold) % 2]]
        skipped.append((end, len(text), False))
        self.runs: list[tuple[int, int, bool]] = []
        pos, on = 0, False
        for a, b, toggles in skipped:
            if a > pos:
                self.runs.append((pos, a, on))
            pos = max(pos, b)
            on ^= toggles
        self._starts = [a for a, _, _ in self.runs]

    def html(self, begin: int, end: int) -> str:
        """``text[begin:end]`` escaped, without its markup, its bold in ``<strong>`` (closed
        by the end, so the pieces of a line can be put side by side)."""
        out = []
        k = max(bisect.bisect_right(self._starts, begin) - 1, 0)
        for a, b, bold in self.runs[k:]:
            if a >= end:
                break
            a, b = max(a, begin), min(b, end)
            if a < b:
                piece = escape(self.text[a:b])
                out.append(f"<strong>{piece}</strong>" if bold else piece)
        return "".join(out)


def _mark(o: Occurrence, text: str, sourced: Sequence[SourcedRendering] = ()) -> str:
    """One use: the text as the document writes it (``text``: its HTML), pinyin above, the
    box of its meaning."""
    term = o.term
    tip = f"tip-{o.start}"
    english = f'<span class="english" lang="en">{escape(term.english[0].text)}</span><br>' \
        if term.english else f'<span class="english" lang="en">{escape(sourced[0].english)}' \
        f' ({escape(source_label(sourced[0]))})</span><br>' if sourced else ""
    part = f'<span lang="en">(part of {escape(term.term)}: {escape(o.part)})</span><br>' \
        if o.part else ""
    return (f'<span class="term" tabindex="0" data-term="{escape(term.id)}" '
            f'aria-describedby="{tip}"><ruby>{text}<rt>{escape(term.pinyin)}</rt>'
            f'</ruby><span class="tip" role="tooltip" id="{tip}">'
            f'<span class="head">{escape(term.term)}</span> '
            f'<span class="pinyin">{escape(term.pinyin)}</span><br>{part}{english}'
            f'{escape(term.definition)} <a href="#g-{escape(term.id)}" lang="en">glossary</a>'
            "</span></span>")


def _glossary(found: Annotation, english) -> list[str]:
    out = ['<section class="glossary" id="glossary" aria-labelledby="glossary-title">',
           '<h2 id="glossary-title" lang="en">Glossary of the terms used</h2>']
    for use in found.terms:
        out += _entry(use.term, use.count, use.lines, english.get(use.term.id, ()))
    return out + ["</section>"]


def _entry(term: Term, count: int, lines: tuple[int, ...],
           sourced: Sequence[SourcedRendering] = ()) -> list[str]:
    places = ", ".join(f'<a href="#line-{n}">{n}</a>' for n in lines)
    out = [f'<article class="entry" id="g-{escape(term.id)}">',
           f'<h3>{escape(term.term)} <span class="pinyin">{escape(term.pinyin)}</span></h3>']
    out += [f'<p class="english" lang="en">{escape(r.text)}</p>' for r in term.english[:2]]
    out += [f'<p class="english" lang="en">{_link(r)} <span class="source">— '
            f'{escape(source_label(r))}</span></p>' for r in sourced]
    out.append(f'<blockquote class="definition">{escape(term.definition)}</blockquote>')
    out.append(f'<p class="uses" lang="en">{count} use{"s" * (count != 1)}, on line'
               f'{"s" * (len(lines) != 1)} {places}</p>')
    return out + ["</article>"]


def _link(rendering: SourcedRendering) -> str:
    """A sourced rendering, linked to the page it was seen on."""
    text = escape(rendering.english)
    if web_url(rendering.url):
        return f'<a href="{escape(rendering.url)}">{text}</a>'
    return text


class _SloganMark(NamedTuple):
    """One use of a discovered slogan on a line (the ``k``-th slogan of the list)."""

    slogan: SloganUse
    k: int
    start: int
    end: int
    column: int


def _slogan_mark(o: _SloganMark, text: str) -> str:
    """One use of a numbered slogan no glossary defines: the box says so, with its
    expansion where the text lists one."""
    slogan, tip = o.slogan, f"tip-s{o.start}"
    expansion = slogan.expansion
    meaning = (f'{escape("、".join(expansion.items))} <span lang="en">(line '
               f'{expansion.line})</span>') if expansion else \
        '<span lang="en">no expansion listed beside a use</span>'
    return (f'<span class="slogan" tabindex="0" data-slogan="{escape(slogan.term)}" '
            f'data-kind="{escape(slogan.kind)}" aria-describedby="{tip}">{text}'
            f'<span class="tip" role="tooltip" id="{tip}">'
            f'<span class="head">{escape(slogan.term)}</span> <span lang="en">found in the '
            f'text, not defined: a numbered slogan ({escape(slogan.kind)})</span><br>'
            f'{meaning} <a href="#s-{o.k}" lang="en">list</a></span></span>')


def _slogans(slogans: "Sequence[SloganUse]") -> list[str]:
    """The numbered slogans found in the text, not defined: each with its uses' lines and
    its expansion where the text lists one."""
    if not slogans:
        return []
    out = ['<section class="glossary slogans" id="slogans" aria-labelledby="slogans-title">',
           '<h2 id="slogans-title" lang="en">Numbered slogans found in the text, not '
           'defined</h2>']
    for k, slogan in enumerate(slogans):
        places = ", ".join(f'<a href="#line-{n}">{n}</a>' for n in slogan.lines)
        out += [f'<article class="entry" id="s-{k}">',
                f'<h3>{escape(slogan.term)} <span class="kind" lang="en">'
                f'{escape(slogan.kind)}</span></h3>']
        if slogan.expansion:
            out.append(f'<p class="expansion">{escape("、".join(slogan.expansion.items))}'
                       "</p>")
        count = slogan.count
        out += [f'<p class="uses" lang="en">{count} use{"s" * (count != 1)}, on line'
                f'{"s" * (len(slogan.lines) != 1)} {places}</p>', "</article>"]
    return out + ["</section>"]
