"""The LaTeX appendix, rendered directly from an Appendix built by hand.

Every expected line is written out from the module's description (a ctexart body, specials
escaped, URLs in angle brackets breakable after / . - _ ? & =), not from the code's output."""

from __future__ import annotations

from cngloss.render.appendix import Appendix, Entry, Use
from cngloss.render.latex import PREAMBLE, escape, render, url

from render_terms import BUCHOU, PLAIN, SIHAO


def test_every_latex_special_character_is_escaped():
    assert escape(r"a\b{c}$d&e#f^g_h~i%j›k¶l") == (
        r"a\textbackslash{}b\{c\}\$d\&e\#f\textasciicircum{}g\_h\textasciitilde{}i\%j"
        r"\guilsinglright{}k\P{}l")


def test_a_url_is_in_angle_brackets_and_may_break_after_its_punctuation():
    assert url("a/b.c-d_e?f&g=h:i") == (
        r"\textless{}a/\allowbreak{}b.\allowbreak{}c-\allowbreak{}d\_\allowbreak{}"
        r"e?\allowbreak{}f\&\allowbreak{}g=\allowbreak{}h:i\textgreater{}")


HEAD = [
    "% Glossary appendix made by cngloss. Typeset with XeLaTeX or LuaLaTeX and xeCJK or",
    "% ctex; with hyperref loaded, see-also entries are links.",
    r"\providecommand{\hypertarget}[2]{#2}",
    r"\providecommand{\hyperlink}[2]{#2}",
]


def test_a_full_entry_lays_out_every_field():
    entry = Entry(SIHAO, (BUCHOU, PLAIN), (Use(None, 12, ()), Use(None, 15, ())))
    body = render(Appendix("Glossary & co", "report.txt", (entry,)))
    assert body.split("\n") == HEAD + [
        r"\section*{Glossary \& co}",
        "",
        r"1 term. \P{} numbers are paragraphs of report.txt.",
        "",
        r"\subsection*{\hypertarget{cngloss-sihao}{四好农村路}\quad\textit{sìhǎo nóngcūnlù}"
        r"\quad{\small 〔3〕}}",
        r"\begin{samepage}",
        r"Four Good Rural Roads \textemdash{} {\small\itshape Xinhua} {\small \textless{}"
        r"https:/\allowbreak{}/\allowbreak{}x.\allowbreak{}cn/\allowbreak{}a\_\allowbreak{}b"
        r"\textgreater{}}\par",
        r"good roads\par",
        r"{\small printed “四好”农村路; also written 四好农村公路~· 四好路}\par",
        r"\begin{quote}",
        "建好、管好、护好、运营好农村公路。",
        r"\end{quote}",
        r"\textit{Remark:} 50\% \& more\par",
        r"\begin{itemize}",
        r"\item \textbf{四好 (2)}: 建好~· 管好",
        r"\item 甲",
        r"\end{itemize}",
        r"\textit{Tags:} transport, rural\par",
        r"\textit{See also:} \hyperlink{cngloss-buchou}{两不愁}~· \hyperlink{cngloss-plain}{甲}\par",
        r"\textit{Used in:} line 12；line 15\par",
        r"\end{samepage}",
        "",
    ]


def test_a_bare_entry_has_no_note_forms_remark_parts_tags_links_or_uses():
    body = render(Appendix("G", None, (Entry(PLAIN, (), ()),), " | "))
    assert body.split("\n") == HEAD + [
        r"\section*{G}",
        "",
        "1 term.",
        "",
        r"\subsection*{\hypertarget{cngloss-plain}{甲}\quad\textit{jiǎ}}",
        r"\begin{samepage}",
        r"\begin{quote}",
        "定义",
        r"\end{quote}",
        r"\end{samepage}",
        "",
    ]


def test_the_appendix_separator_joins_inline_lists_unbreakably_before_it():
    entry = Entry(BUCHOU.replace(variants=("甲", "乙")), (), ())
    body = render(Appendix("G", None, (entry,), " | "))
    assert r"{\small also written 甲~| 乙}\par" in body.split("\n")


def test_a_paragraph_use_is_labelled_with_its_section():
    entry = Entry(PLAIN, (), (Use(3, 10, ("一、总结",)),))
    body = render(Appendix("G", "r.txt", (entry,)))
    used = next(l for l in body.split("\n") if l.startswith(r"\textit{Used in:}"))
    assert used.startswith(r"\textit{Used in:} \P{}3 (") and used.endswith(r")\par")


def test_standalone_wraps_the_body_in_a_ctexart_document():
    appendix = Appendix("G", None, (Entry(PLAIN, (), ()),))
    body = render(appendix)
    assert render(appendix, standalone=True) == PREAMBLE + body + "\\end{document}\n"
    assert PREAMBLE.startswith(r"\documentclass[UTF8,a4paper,zihao=-4]{ctexart}")
    assert body.endswith(r"\end{samepage}" + "\n")
