"""The HTML reader's parser, fed fragments directly: blocks, lists, bold, links, markers."""

from __future__ import annotations

from cngloss.sources.readers.html import _ReportParser


def blocks(page: str) -> list[str]:
    parser = _ReportParser()
    parser.feed(page)
    parser.close()
    return parser.paragraphs()


def test_text_outside_a_title_element_is_no_title():
    parser = _ReportParser()
    parser.feed("<p>正文</p>")
    assert "title" not in parser.metadata


def test_a_list_nested_in_a_numbered_list_ends_with_its_closing_tag():
    assert blocks("<ol><li>一项<ul><li>甲</li></ul></li><li>二项</li></ol>") == [
        "1. 一项", "甲", "2. 二项"]


def test_an_empty_bold_run_after_a_bold_run_leaves_no_asterisks():
    assert blocks("<p><b>甲</b><b> </b></p>") == ["**甲**"]


def test_a_stray_end_tag_closes_nothing():
    assert blocks("<p>甲<b>粗</span>乙</b></p>") == ["甲**粗乙**"]


def test_an_image_does_not_break_a_paragraph():
    assert blocks("<p>甲<img src='x.png'>乙<hr>丙</p>") == ["甲乙丙"]


def test_a_line_break_inside_skipped_markup_breaks_nothing():
    assert blocks("<p>甲<span class='share'>x<br>y</span>乙</p>") == ["甲乙"]


def test_link_text_of_several_links_in_a_block_adds_up():
    # 6 of 9 characters are link text: a menu.
    assert blocks("<div><a>栏目一</a><a>栏目二</a>正文字</div>") == []


def test_text_after_a_nested_link_closes_is_still_link_text():
    # 4 of 7 characters (甲乙丙丁) are inside the outer link.
    assert blocks("<p><a>甲<a>乙</a>丙丁</a>正文字</p>") == []


def test_a_block_that_is_exactly_half_links_is_dropped():
    assert blocks("<p><a>链接</a>正文</p>") == []


def test_a_block_that_is_less_than_half_links_is_kept():
    assert blocks("<p><a>链接</a>正文字</p>") == ["链接正文字"]


def test_text_after_a_nested_sup_closes_stays_in_the_outer_sup():
    assert blocks("<p>文<sup><sup>1</sup>2</sup></p>") == ["文[1][12]"]
