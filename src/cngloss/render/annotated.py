"""``annotate --format html``: a document as one self-contained page, every use of a term
marked, with its pinyin above it (ruby) and its English and definition in a box that opens on
hover, on keyboard focus (each mark is in the tab order) and on tap (a tap focuses), with no
script; then a glossary of the terms the document uses.

The box is positioned against the paragraph, spanning its width, so it never reaches past the
page's edge on a narrow screen; the mark names it with ``aria-describedby``, so a screen
reader reads it when the mark is focused. Every text from the document and the glossary is
escaped (``html.escape``).
"""

from __future__ import annotations

from pathlib import PurePath

from ..corpus.annotate import Annotation
from ..lookup.matcher import Occurrence
from ..model import Term
from .html import STYLE, escape, page_start

ANNOTATED_STYLE = """
p.line { position: relative; margin: 0 0 .6rem; }
.term { color: var(--accent); border-bottom: 1px dotted var(--accent); cursor: help; }
.term:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.term ruby rt { font-size: .55em; color: var(--muted); font-style: italic; }
.tip { display: none; position: absolute; left: 0; right: 0; z-index: 2; margin-top: .25rem;
       padding: .5rem .75rem; background: #fffdf6; color: var(--ink);
       border: 1px solid var(--rule); border-left: 3px solid var(--accent);
       box-shadow: 0 2px 8px rgba(0,0,0,.15); font-size: .92rem; line-height: 1.6; }
.term:hover .tip, .term:focus .tip, .term:focus-within .tip { display: block; }
.tip .head { font-weight: bold; }
.tip .pinyin, .tip .english { font-style: italic; }
section.glossary { margin-top: 2.5rem; border-top: 2px solid var(--rule); }
section.glossary .uses { color: var(--muted); font-size: .88em; }
@media print { .tip { display: none !important; } }
""".strip()


def render(found: Annotation) -> str:
    """The annotated page, titled by the document's file name (a folder path says nothing to
    a reader of the page)."""
    title = f"{PurePath(found.name).name}: annotated"
    out = page_start(title, f"{STYLE}\n{ANNOTATED_STYLE}") + [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta" lang="en">{_summary(found)}</p>',
        '<article class="document">',
    ]
    out += _lines(found)
    out += ["</article>"] + _glossary(found) + ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _summary(found: Annotation) -> str:
    uses, terms = len(found.occurrences), len(found.terms)
    return (f"{uses} use{'s' * (uses != 1)} of {terms} glossary term{'s' * (terms != 1)}. "
            'Focus, tap or point at a marked term for its meaning; the '
            '<a href="#glossary">glossary</a> of the terms used is at the end.')


def _lines(found: Annotation) -> list[str]:
    """A ``<p>`` per non-empty line of the document, its uses of terms marked."""
    by_line: dict[int, list[Occurrence]] = {}
    for occurrence in found.occurrences:
        by_line.setdefault(occurrence.line, []).append(occurrence)
    out = []
    number = 0
    for number, text in enumerate(found.text.split("\n"), 1):
        if not text.strip():
            continue
        pieces, pos = [], 0
        for o in by_line.get(number, ()):
            begin = o.column - 1
            pieces.append(escape(text[pos:begin]))
            pieces.append(_mark(o, text[begin:begin + (o.end - o.start)]))
            pos = begin + (o.end - o.start)
        pieces.append(escape(text[pos:]))
        out.append(f'<p class="line" id="line-{number}">{"".join(pieces)}</p>')
    return out


def _mark(o: Occurrence, text: str) -> str:
    """One use: the text as the document writes it, pinyin above, the box of its meaning."""
    term = o.term
    tip = f"tip-{o.start}"
    english = f'<span class="english" lang="en">{escape(term.english[0].text)}</span><br>' \
        if term.english else ""
    part = f'<span lang="en">(part of {escape(term.term)}: {escape(o.part)})</span><br>' \
        if o.part else ""
    return (f'<span class="term" tabindex="0" data-term="{escape(term.id)}" '
            f'aria-describedby="{tip}"><ruby>{escape(text)}<rt>{escape(term.pinyin)}</rt>'
            f'</ruby><span class="tip" role="tooltip" id="{tip}">'
            f'<span class="head">{escape(term.term)}</span> '
            f'<span class="pinyin">{escape(term.pinyin)}</span><br>{part}{english}'
            f'{escape(term.definition)} <a href="#g-{escape(term.id)}" lang="en">glossary</a>'
            "</span></span>")


def _glossary(found: Annotation) -> list[str]:
    out = ['<section class="glossary" id="glossary" aria-labelledby="glossary-title">',
           '<h2 id="glossary-title" lang="en">Glossary of the terms used</h2>']
    for use in found.terms:
        out += _entry(use.term, use.count, use.lines)
    return out + ["</section>"]


def _entry(term: Term, count: int, lines: tuple[int, ...]) -> list[str]:
    places = ", ".join(f'<a href="#line-{n}">{n}</a>' for n in lines)
    out = [f'<article class="entry" id="g-{escape(term.id)}">',
           f'<h3>{escape(term.term)} <span class="pinyin">{escape(term.pinyin)}</span></h3>']
    out += [f'<p class="english" lang="en">{escape(r.text)}</p>' for r in term.english[:2]]
    out.append(f'<blockquote class="definition">{escape(term.definition)}</blockquote>')
    out.append(f'<p class="uses" lang="en">{count} use{"s" * (count != 1)}, on line'
               f'{"s" * (len(lines) != 1)} {places}</p>')
    return out + ["</article>"]
