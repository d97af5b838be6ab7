"""LaTeX: a document body for XeLaTeX or LuaLaTeX with xeCJK or ctex; ``standalone``
wraps it in a complete ctexart document.

The body defines ``\\hypertarget``/``\\hyperlink`` only if hyperref has not, so it compiles
with or without hyperref (with it, see-also entries are links).
"""

from __future__ import annotations

from .appendix import Appendix, Entry, forms_line
from ..text.escape import safe

_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "^": r"\textasciicircum{}", "_": r"\_", "~": r"\textasciitilde{}", "%": r"\%",
    "›": r"\guilsinglright{}", "¶": r"\P{}",
}

PREAMBLE = r"""\documentclass[UTF8,a4paper,zihao=-4]{ctexart}
\usepackage[margin=2cm]{geometry}
\usepackage[hidelinks]{hyperref}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.35em}
\begin{document}
"""


def escape(text: str) -> str:
    """Text that typesets as itself: every LaTeX special character escaped."""
    return "".join(_SPECIALS.get(ch, ch) for ch in safe(text))


def url(address: str) -> str:
    """A URL printed in full (it cannot be followed on paper), in angle brackets, with a
    permitted line break after each ``/`` ``.`` ``-`` ``_`` so a long one wraps; needs no package."""
    out = []
    for ch in address:
        out.append(escape(ch))
        if ch in "/.-_?&=":
            out.append(r"\allowbreak{}")
    return r"\textless{}" + "".join(out) + r"\textgreater{}"


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    out = [
        "% Glossary appendix made by cngloss. Typeset with XeLaTeX or LuaLaTeX and xeCJK or",
        "% ctex; with hyperref loaded, see-also entries are links.",
        r"\providecommand{\hypertarget}[2]{#2}",
        r"\providecommand{\hyperlink}[2]{#2}",
        rf"\section*{{{escape(appendix.title)}}}",
        "",
        escape(appendix.count_note())
        + (escape(f" {appendix.source_note()}") if appendix.source else ""),
        "",
    ]
    for entry in appendix.entries:
        out += _entry(entry, "~" + escape(appendix.separator.strip()) + " ")  # ~: no break before
    body = "\n".join(out).rstrip("\n") + "\n"
    return PREAMBLE + body + "\\end{document}\n" if standalone else body


def _entry(entry: Entry, separator: str) -> list[str]:
    term = entry.term
    anchor = f"cngloss-{term.id}"
    note = rf"\quad{{\small 〔{term.note}〕}}" if term.note is not None else ""
    out = [rf"\subsection*{{\hypertarget{{{anchor}}}{{{escape(term.term)}}}"
           rf"\quad\textit{{{escape(term.pinyin)}}}{note}}}",
           r"\begin{samepage}"]
    for rendering in term.english:
        line = escape(rendering.text)
        if rendering.source:
            line += rf" \textemdash{{}} {{\small\itshape {escape(rendering.source)}}}"
        if rendering.url:
            line += rf" {{\small {url(rendering.url)}}}"
        out.append(line + r"\par")
    forms = forms_line(term, escape, separator)
    if forms:
        out.append(r"{\small " + forms + r"}\par")
    out += [r"\begin{quote}", escape(term.definition), r"\end{quote}"]
    if term.remark:
        out.append(rf"\textit{{Remark:}} {escape(term.remark)}\par")
    if term.parts:
        out.append(r"\begin{itemize}")
        for part in term.parts:
            prefix = rf"\textbf{{{escape(part.name)} ({len(part.items)})}}: " if part.name else ""
            out.append(rf"\item {prefix}" + separator.join(escape(i) for i in part.items))
        out.append(r"\end{itemize}")
    if term.tags:
        out.append(r"\textit{Tags:} " + escape(", ".join(term.tags)) + r"\par")
    if entry.related:
        links = separator.join(rf"\hyperlink{{cngloss-{r.id}}}{{{escape(r.term)}}}"
                         for r in entry.related)
        out.append(r"\textit{See also:} " + links + r"\par")
    if entry.uses:
        uses = "；".join(escape(u.label()) for u in entry.uses)
        out.append(r"\textit{Used in:} " + uses + r"\par")
    out += [r"\end{samepage}", ""]
    return out
