"""anki: the appendix as a deck in Anki's text import format (docs/formats.md,
"Termbases"): File > Import reads the header lines and imports in one step, with nothing
to install on either side.

``#guid column`` holds a GUID made from the term id, so importing the file again (say after
a glossary update) updates those notes instead of adding new ones. The fields are HTML
(``#html:true``): the text escaped, line breaks as ``<br>``. The note type is Anki's
built-in ``Basic`` (front: headword; back: pinyin, English, definition, source).
"""

from __future__ import annotations

import hashlib
from html import escape

from .appendix import Appendix
from .english import renderings
from ..text.escape import safe

COLUMNS = ("GUID", "Front", "Back", "Tags")
HEADER = ("#separator:tab", "#html:true", "#notetype:Basic", "#guid column:1",
          "#tags column:4")


def guid(term_id: str) -> str:
    """A stable GUID for the term ``term_id``: the same id, the same note, every export."""
    return "cngloss-" + hashlib.sha1(term_id.encode("utf-8")).hexdigest()[:16]


def _html(text: str) -> str:
    return "<br>".join(escape(safe(line)) for line in text.splitlines())


def _field(html: str) -> str:
    """A field of the tab-separated file: quoted (its quotes doubled) when it holds a tab
    or a double quote, as Anki's CSV reader takes it."""
    html = html.replace("\t", " ")
    return '"' + html.replace('"', '""') + '"' if '"' in html else html


def _tag(text: str) -> str:
    return "_".join(safe(text).split())


def back(term, source: str | None) -> str:
    lines = [f"<b>{_html(term.pinyin)}</b>"] if term.pinyin else []
    for english in renderings(term):
        line = _html(english.text)
        lines.append(line + (f" <small>({_html(english.source)})</small>"
                             if english.source else ""))
    if term.definition:
        lines.append(_html(term.definition))
    if source:
        lines.append(f"<small>{_html(source)}</small>")
    return "<br>".join(lines)


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    deck = " ".join(safe(appendix.title).split()) or "cngloss"
    lines = [*HEADER, f"#deck:{deck}", "#columns:" + "\t".join(COLUMNS)]
    source = None if appendix.for_document else appendix.source
    for entry in appendix.entries:
        term = entry.term
        tags = " ".join(_tag(t) for t in ("cngloss", *term.tags) if t)
        lines.append("\t".join([guid(term.id), _field(_html(term.term)),
                                _field(back(term, source)), _field(tags)]))
    return "\n".join(lines) + "\n"
