"""HTML: one standalone, printable page with an anchor per term and linked cross-references.

CJK text gets strict line breaking and a CJK font stack; long Latin strings (URLs, pinyin)
may wrap anywhere. In print, an entry may break across pages after its heading block (a whole
entry that may not split leaves most of a page empty before it), the index shows headwords in
full, and each source's URL is printed, since paper has no links.
"""

from __future__ import annotations

from html import escape as _escape

from .appendix import Appendix, Entry, forms_line, web_url
from ..text.escape import safe

STYLE = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #8b1e1e; }
html { font-size: 16px; }
body {
  margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; color: var(--ink);
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun",
               "Noto Serif", Georgia, serif;
  line-height: 1.75; line-break: strict; word-break: normal; overflow-wrap: anywhere;
  -webkit-text-size-adjust: 100%;
}
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1.5rem; }
nav.index { columns: 3 11rem; column-gap: 1.5rem; margin: 0 0 2rem;
            padding: .75rem 0; border-top: 1px solid var(--rule);
            border-bottom: 1px solid var(--rule); }
nav.index a { display: block; text-decoration: none; color: var(--ink); break-inside: avoid;
             white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
nav.index a:hover, nav.index a:focus { white-space: normal; }
nav.index .note { color: var(--muted); font-size: .8em; margin-right: .4em;
                  display: inline-block; min-width: 1.6em; text-align: right; }
article.entry { padding: 1rem 0 1.25rem; border-bottom: 1px solid var(--rule);
                orphans: 2; widows: 2; }
.head { break-inside: avoid; page-break-inside: avoid; }
ul.parts > li, .facts dd { break-inside: avoid; page-break-inside: avoid; }
.url { display: none; }
article.entry:target { background: #fff8e6; }
h2 { font-size: 1.3rem; margin: 0; line-height: 1.4; break-after: avoid; }
h2 .pinyin { font-weight: normal; font-style: italic; font-size: 1rem; color: var(--muted);
             margin-left: .5em; }
h2 .note { font-weight: normal; font-size: .9rem; color: var(--muted); margin-left: .5em; }
.english { margin: .25rem 0; }
.english .source { color: var(--muted); font-size: .85em; }
.printed { color: var(--muted); font-size: .9em; margin: .25rem 0; }
blockquote.definition { margin: .5rem 0; padding: .25rem 0 .25rem 1rem;
                        border-left: 3px solid var(--accent); }
ul.parts { margin: .5rem 0; padding-left: 1.25rem; }
ul.parts ul.items { display: inline; margin: 0; padding: 0; }
ul.parts ul.items li { display: inline; }
ul.parts ul.items li + li::before { content: var(--separator); }
.count { color: var(--muted); font-size: .85em; }
.facts { margin: .5rem 0 0; font-size: .92em; }
.facts dt { float: left; clear: left; width: 5.5rem; color: var(--muted); }
.facts dd { margin: 0 0 .15rem 5.5rem; }
a { color: var(--accent); }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  nav.index { columns: 4; font-size: .9em; }
  nav.index a { white-space: normal; overflow: visible; text-overflow: clip; }
  .url { display: inline; color: var(--muted); font-size: .85em; overflow-wrap: anywhere; }
  article.entry:target { background: none; }
}
""".strip()


def escape(text: str) -> str:
    """HTML-escaped text, with control characters made visible."""
    return _escape(safe(text), quote=True)


def page_start(title: str, style: str) -> list[str]:
    """A standalone page up to ``<main>``: doctype, UTF-8, Chinese, a phone's width, the
    title (escaped) and the style sheet."""
    return [
        "<!doctype html>",
        '<html lang="zh-Hans">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="cngloss">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{style}\n</style>",
        "</head>",
        "<body>",
        "<main>",
    ]


def render(appendix: Appendix, width: int = 80, standalone: bool = True) -> str:
    style = f"{STYLE}\n:root {{ --separator: {_css_separator(appendix.separator)}; }}"
    out = page_start(appendix.title, style) + [
        "<header>",
        f"<h1>{escape(appendix.title)}</h1>",
        f'<p class="meta" lang="en">{_meta(appendix)}</p>',
        '<nav class="index" aria-label="Index">',
    ]
    for entry in appendix.entries:
        note = entry.term.note if entry.term.note is not None else ""
        out.append(f'<a href="#{escape(entry.term.id)}" title="{escape(entry.term.pinyin)}">'
                   f'<span class="note">{note}</span>{escape(entry.term.term)}</a>')
    out += ["</nav>", "</header>"]
    for entry in appendix.entries:
        out += _entry(entry, appendix.separator)
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _css_separator(separator: str) -> str:
    """The list separator as a CSS string, its leading space a no-break space (a line may
    break after the mark, never before it). The mark is one of appendix.SEPARATORS."""
    return '"\\a0 ' + separator.strip() + ' "'


def _html_separator(separator: str) -> str:
    """The list separator in HTML, its leading space a no-break space."""
    return "&#160;" + escape(separator.strip()) + " "


def _meta(appendix: Appendix) -> str:
    text = appendix.count_note()
    if appendix.source:
        text += f" {escape(appendix.source_note())}"
    return text


def _entry(entry: Entry, separator: str) -> list[str]:
    term = entry.term
    note = f'<span class="note">〔{term.note}〕</span>' if term.note is not None else ""
    out = [f'<article class="entry" id="{escape(term.id)}">',
           '<div class="head">',
           f'<h2><span class="headword">{escape(term.term)}</span>'
           f'<span class="pinyin" lang="zh-Latn-pinyin">{escape(term.pinyin)}</span>{note}</h2>']
    for rendering in term.english:
        text = escape(rendering.text)
        url = ""
        if web_url(rendering.url):
            text = f'<a href="{escape(rendering.url or "")}">{text}</a>'
            url = f' <span class="url">&lt;{escape(rendering.url or "")}&gt;</span>'
        source = f' <span class="source">— {escape(rendering.source)}</span>' \
            if rendering.source else ""
        out.append(f'<p class="english" lang="en">{text}{source}{url}</p>')
    forms = forms_line(term, escape, _html_separator(separator))
    if forms:
        out.append(f'<p class="printed">{forms}</p>')
    out.append("</div>")
    out.append(f'<blockquote class="definition">{escape(term.definition)}</blockquote>')
    if term.remark:
        out.append(f'<p class="remark" lang="en"><i>Remark:</i> {escape(term.remark)}</p>')
    if term.parts:
        out.append('<ul class="parts">')
        for part in term.parts:
            items = '<ul class="items">' + "".join(
                f"<li>{escape(item)}</li>" for item in part.items) + "</ul>"
            if part.name:
                out.append(f'<li><b>{escape(part.name)}</b> '
                           f'<span class="count">({len(part.items)})</span> {items}</li>')
            else:
                out.append(f"<li>{items}</li>")
        out.append("</ul>")
    facts = []
    if term.tags:
        facts.append(("Tags", ", ".join(escape(t) for t in term.tags)))
    if entry.related:
        facts.append(("See also", _html_separator(separator).join(
            f'<a href="#{escape(r.id)}">{escape(r.term)}</a>' for r in entry.related)))
    if entry.uses:
        facts.append(("Used in", "；".join(
            u.label(lambda s: f'<span class="section">({escape(s)})</span>')
            for u in entry.uses)))
    if facts:
        out.append('<dl class="facts">')
        out += [f'<dt lang="en">{name}</dt><dd>{value}</dd>' for name, value in facts]
        out.append("</dl>")
    out.append("</article>")
    return out
