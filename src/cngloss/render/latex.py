"""LaTeX: a document body for XeLaTeX or LuaLaTeX with xeCJK or ctex; ``standalone``
wraps it in a complete ctexart document.

The body defines ``\\hypertarget``/``\\hyperlink`` only if hyperref has not, so it compiles
with or without hyperref (with it, see-also entries are links).
"""

from __future__ import annotations

from ..appendix import Appendix, Entry, forms_line, parts_label, section_label
from ..textwidth import safe

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


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    out = [
        "% Glossary appendix made by cngloss. Typeset with XeLaTeX or LuaLaTeX and xeCJK or",
        "% ctex; with hyperref loaded, see-also entries are links.",
        r"\providecommand{\hypertarget}[2]{#2}",
        r"\providecommand{\hyperlink}[2]{#2}",
        rf"\section*{{{escape(appendix.title)}}}",
        "",
        escape(f"{len(appendix.entries)} terms.")
        + (escape(f" ¶ numbers are paragraphs of {appendix.source}.") if appendix.source else ""),
        "",
    ]
    for entry in appendix.entries:
        out += _entry(entry)
    body = "\n".join(out).rstrip("\n") + "\n"
    return PREAMBLE + body + "\\end{document}\n" if standalone else body


def _entry(entry: Entry) -> list[str]:
    term = entry.term
    anchor = f"cngloss-{term.id}"
    note = rf"\quad{{\small 〔{term.note}〕}}" if term.note is not None else ""
    out = [rf"\subsection*{{\hypertarget{{{anchor}}}{{{escape(term.term)}}}"
           rf"\quad\textit{{{escape(term.pinyin)}}}{note}}}",
           r"\begin{samepage}"]
    for rendering in term.english:
        line = escape(rendering.text)
        if rendering.source:
            line += rf" {{\small\itshape ({escape(rendering.source)})}}"
        out.append(line + r"\par")
    forms = forms_line(term, escape)
    if forms:
        out.append(r"{\small " + forms + r"}\par")
    out += [r"\begin{quote}", escape(term.definition), r"\end{quote}"]
    if term.remark:
        out.append(rf"\textit{{Remark:}} {escape(term.remark)}\par")
    labels = parts_label(term)
    if labels:
        out.append(r"\begin{itemize}")
        for name, items in labels:
            prefix = rf"\textbf{{{escape(name)}}}: " if name else ""
            out.append(rf"\item {prefix}{escape(items)}")
        out.append(r"\end{itemize}")
    if term.tags:
        out.append(r"\textit{Tags:} " + escape(", ".join(term.tags)) + r"\par")
    if entry.related:
        links = "、".join(rf"\hyperlink{{cngloss-{r.id}}}{{{escape(r.term)}}}"
                         for r in entry.related)
        out.append(r"\textit{See also:} " + links + r"\par")
    if entry.uses:
        uses = "；".join(escape(f"¶{u.paragraph} ({section_label(u)})") for u in entry.uses)
        out.append(r"\textit{Used in:} " + uses + r"\par")
    out += [r"\end{samepage}", ""]
    return out
