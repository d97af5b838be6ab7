"""``annotate --format html``: the annotated page, rendered directly from an Annotation.

Expected markup is written out by hand from the module's description (a ``<p>`` per non-empty
line, each use marked with ruby pinyin and a tooltip box, a glossary at the end); offsets,
lines and columns are counted by hand from the strings in each test."""

from __future__ import annotations

from cngloss.corpus.annotate import Annotation
from cngloss.lookup.matcher import TermMatcher
from cngloss.model import Rendering, Term
from cngloss.render.annotated import render

BUCHOU = Term("buchou", "两不愁", "liǎng bù chóu", "不愁吃、不愁穿。",
              english=(Rendering("Two Assurances"),))
BAOZHANG = Term("baozhang", "三保障", "sān bǎozhàng", "义务教育、基本医疗、住房安全有保障。")


def annotated(text: str, terms=(BUCHOU, BAOZHANG), name: str = "doc.txt") -> str:
    return render(Annotation(name, "text", text, TermMatcher(list(terms)).find(text)))


def mark_of_buchou(start: int, ruby: str = "两不愁") -> str:
    """The mark of one use of 两不愁 at this offset, as the page must write it (``ruby``: the
    HTML of the text under the pinyin)."""
    return ('<span class="term" tabindex="0" data-term="buchou" '
            f'aria-describedby="tip-{start}"><ruby>{ruby}<rt>liǎng bù chóu</rt></ruby>'
            f'<span class="tip" role="tooltip" id="tip-{start}">'
            '<span class="head">两不愁</span> <span class="pinyin">liǎng bù chóu</span><br>'
            '<span class="english" lang="en">Two Assurances</span><br>'
            '不愁吃、不愁穿。 <a href="#g-buchou" lang="en">glossary</a></span></span>')


def mark_of_baozhang(start: int, ruby: str = "三保障") -> str:
    """A term without English: no English line (and no part line) in its box."""
    return ('<span class="term" tabindex="0" data-term="baozhang" '
            f'aria-describedby="tip-{start}"><ruby>{ruby}<rt>sān bǎozhàng</rt></ruby>'
            f'<span class="tip" role="tooltip" id="tip-{start}">'
            '<span class="head">三保障</span> <span class="pinyin">sān bǎozhàng</span><br>'
            '义务教育、基本医疗、住房安全有保障。 <a href="#g-baozhang" lang="en">glossary</a>'
            '</span></span>')


# ------------------------------------------------------------------ the page's frame

def test_the_page_is_a_whole_document_with_the_text_then_the_glossary():
    lines = annotated("一是两不愁。").split("\n")
    assert lines[0] == "<!doctype html>"
    assert lines[-4:] == ["</main>", "</body>", "</html>", ""]
    article = lines.index('<article class="document">')
    end = lines.index("</article>")
    glossary = lines.index(
        '<section class="glossary" id="glossary" aria-labelledby="glossary-title">')
    assert article < end < glossary < lines.index("</section>") < len(lines) - 4
    assert lines[glossary + 1] == \
        '<h2 id="glossary-title" lang="en">Glossary of the terms used</h2>'


def test_the_title_is_the_file_name_without_its_folder():
    page = annotated("一是两不愁。", name="reports/2021/doc.txt")
    assert "<title>doc.txt: annotated</title>" in page
    assert "<h1>doc.txt: annotated</h1>" in page


# ------------------------------------------------------------------ the summary line

def summary(page: str) -> str:
    line = next(l for l in page.split("\n") if l.startswith('<p class="meta" lang="en">'))
    return line.removeprefix('<p class="meta" lang="en">').split(". ")[0]


def test_the_summary_counts_uses_and_terms_in_the_singular_for_one():
    assert summary(annotated("一是两不愁。")) == "1 use of 1 glossary term"


def test_the_summary_counts_uses_and_terms_in_the_plural_for_two():
    assert summary(annotated("两不愁，两不愁。")) == "2 uses of 1 glossary term"
    assert summary(annotated("两不愁，三保障。")) == "2 uses of 2 glossary terms"


def test_the_summary_points_at_the_glossary():
    assert '<a href="#glossary">glossary</a>' in annotated("一是两不愁。")


# ------------------------------------------------------------------ the document's lines

def test_each_non_empty_line_is_a_paragraph_named_by_its_line_number():
    page = annotated("一是两不愁。\n\n  \n再说三保障。\n末行。")
    paragraphs = [l for l in page.split("\n") if l.startswith('<p class="line"')]
    assert paragraphs == [
        f'<p class="line" id="line-1">一是{mark_of_buchou(2)}。</p>',
        f'<p class="line" id="line-4">再说{mark_of_baozhang(13)}。</p>',
        '<p class="line" id="line-5">末行。</p>',
    ]


def test_two_uses_on_one_line_are_both_marked_with_the_text_between_them():
    # 一是…\n\n = 8 characters: 两不愁 on line 3 at offset 10 (column 3), 三保障 at 14 (column 7)
    page = annotated("一是两不愁。\n\n再说两不愁和三保障。")
    assert (f'<p class="line" id="line-3">再说{mark_of_buchou(10)}和{mark_of_baozhang(14)}。</p>'
            in page.split("\n"))


def test_the_text_around_the_marks_is_escaped():
    page = annotated("a<b>两不愁&c")  # 两不愁 at offset 4
    assert f'<p class="line" id="line-1">a&lt;b&gt;{mark_of_buchou(4)}&amp;c</p>' in page


def test_a_use_found_as_a_part_names_its_term_in_the_box():
    from cngloss.model import Part

    term = Term("liangbu", "两不愁三保障", "", "定义。",
                parts=(Part("两不愁", ("不愁吃", "不愁穿")),))
    text = "做到两不愁。"
    found = TermMatcher([term], True).find(text)
    page = render(Annotation("doc.txt", "text", text, found))
    assert "(part of 两不愁三保障: 两不愁)</span><br>" in page


# ------------------------------------------------------------------ Markdown

# Offsets counted by hand: each line's first offset, then the use's (line: start + column - 1).
MARKDOWN = ("# 两不愁\n"                                   # 0: 两不愁 at 2
            "**一、工作回顾**\n"                          # 6
            "**重点：**落实两不愁。\n"                     # 17: 两不愁 at 26
            "**落实两不愁**\n"                            # 31: 两不愁 at 35
            "<script>alert(1)</script>**两不愁**\n"       # 41: 两不愁 at 68
            "## 三保障 ##\n"                              # 74: 三保障 at 77
            "一个**不成对\n"                              # 84
            "#5月\n"                                      # 92
            "****\n")                                    # 96: markup alone


def test_markdown_headings_are_headings_and_bold_is_strong_with_the_marks_in_place():
    page = annotated(MARKDOWN, name="report.md")
    body = page[page.index('<article class="document">'):page.index("</article>")]
    assert body.split("\n")[1:] == [
        f'<h2 class="line" id="line-1">{mark_of_buchou(2)}</h2>',
        '<p class="line" id="line-2"><strong>一、工作回顾</strong></p>',
        f'<p class="line" id="line-3"><strong>重点：</strong>落实{mark_of_buchou(26)}。</p>',
        '<p class="line" id="line-4"><strong>落实</strong>'
        f'{mark_of_buchou(35, "<strong>两不愁</strong>")}</p>',
        '<p class="line" id="line-5">&lt;script&gt;alert(1)&lt;/script&gt;'
        f'{mark_of_buchou(68, "<strong>两不愁</strong>")}</p>',
        f'<h3 class="line" id="line-6">{mark_of_baozhang(77)}</h3>',
        '<p class="line" id="line-7">一个**不成对</p>',  # an unpaired ** is text
        '<p class="line" id="line-8">#5月</p>',  # no space after the #: no heading
        "",
    ]
    assert "<script>" not in page


def test_every_heading_level_is_one_below_the_page_title():
    page = annotated("# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n####### 七\n"
                     "   # 缩进\n    # 太深")
    assert [l for l in page.split("\n") if 'class="line"' in l] == [
        '<h2 class="line" id="line-1">一</h2>', '<h3 class="line" id="line-2">二</h3>',
        '<h4 class="line" id="line-3">三</h4>', '<h5 class="line" id="line-4">四</h5>',
        '<h6 class="line" id="line-5">五</h6>', '<h6 class="line" id="line-6">六</h6>',
        '<p class="line" id="line-7">####### 七</p>',  # seven: no heading
        '<h2 class="line" id="line-8">缩进</h2>', '<p class="line" id="line-9">    # 太深</p>']


def occurrences_at(text: str, spans: list[tuple[int, int]]):
    """Uses of 两不愁 at these spans, as a matcher that found them would give them."""
    from cngloss.lookup.matcher import Matches

    owners = TermMatcher([BUCHOU]).owners
    return Matches(text, owners, [0] * len(spans),
                   ([a for a, _ in spans], [b for _, b in spans]))


def test_a_use_that_crosses_a_bold_marker_keeps_its_mark_and_its_bold():
    # 要**两不**愁。: 两 at 3, the use 3-8 holds the closing ** (5-6); 两**不愁**: 0-7
    for text, span, expected in [
            ("要**两不**愁。", (3, 8), f'要{mark_of_buchou(3, "<strong>两不</strong>愁")}。'),
            ("两**不愁**", (0, 7), mark_of_buchou(0, "两<strong>不愁</strong>"))]:
        page = render(Annotation("doc.md", "text", text, occurrences_at(text, [span])))
        assert f'<p class="line" id="line-1">{expected}</p>' in page.split("\n")


# ------------------------------------------------------------------ the glossary

def test_a_glossary_entry_gives_the_count_and_links_each_line_once():
    page = annotated("两不愁，两不愁。\n\n再说两不愁和三保障。").split("\n")
    entry = page.index('<article class="entry" id="g-buchou">')
    assert page[entry:entry + 6] == [
        '<article class="entry" id="g-buchou">',
        '<h3>两不愁 <span class="pinyin">liǎng bù chóu</span></h3>',
        '<p class="english" lang="en">Two Assurances</p>',
        '<blockquote class="definition">不愁吃、不愁穿。</blockquote>',
        '<p class="uses" lang="en">3 uses, on lines <a href="#line-1">1</a>, '
        '<a href="#line-3">3</a></p>',
        "</article>",
    ]
    assert '<p class="uses" lang="en">1 use, on line <a href="#line-3">3</a></p>' in page


def test_glossary_entries_come_in_the_order_of_first_use():
    page = annotated("三保障，两不愁。")
    assert page.index('id="g-baozhang"') < page.index('id="g-buchou"')
