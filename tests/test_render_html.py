"""The HTML appendix (render/html.py), rendered directly from an Appendix built by hand; the
expected markup is written out here."""

from __future__ import annotations

from cngloss.model import Rendering, Term
from cngloss.render.appendix import Appendix, Entry
from cngloss.render.html import page_start, render

JIA = Term("jia", "甲", "jiǎ", "定义甲", note=2)
BAO = Term("bao", "保", "bǎo", "定义保", english=(Rendering("good roads"),),
           tags=("rural", "transport"))


def test_a_page_starts_with_doctype_charset_language_viewport_title_and_style():
    assert page_start("A & B", "p {}") == [
        "<!doctype html>", '<html lang="zh-Hans">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="cngloss">', "<title>A &amp; B</title>",
        "<style>\np {}\n</style>", "</head>", "<body>", "<main>"]


def test_an_entry_without_note_or_link_gets_nothing_in_their_place():
    lines = render(Appendix("T", None, (Entry(JIA, (), ()), Entry(BAO, (JIA,), ())))) \
        .splitlines()
    assert '<nav class="index" aria-label="Index">' in lines
    assert '<a href="#jia" title="jiǎ"><span class="note">2</span>甲</a>' in lines
    assert '<a href="#bao" title="bǎo"><span class="note"></span>保</a>' in lines
    assert '<h2><span class="headword">保</span><span class="pinyin" ' \
        'lang="zh-Latn-pinyin">bǎo</span></h2>' in lines
    assert '<h2><span class="headword">甲</span><span class="pinyin" ' \
        'lang="zh-Latn-pinyin">jiǎ</span><span class="note">〔2〕</span></h2>' in lines
    assert '<p class="english" lang="en">good roads</p>' in lines


def test_tags_and_see_also_are_facts_and_the_page_closes():
    text = render(Appendix("T", None, (Entry(JIA, (), ()), Entry(BAO, (JIA,), ()))))
    lines = text.splitlines()
    at = lines.index('<dl class="facts">')
    assert lines[at + 1:at + 4] == [
        '<dt lang="en">Tags</dt><dd>rural, transport</dd>',
        '<dt lang="en">See also</dt><dd><a href="#jia">甲</a></dd>',
        "</dl>"]
    assert text.endswith("</article>\n</main>\n</body>\n</html>\n")
