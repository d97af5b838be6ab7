"""Chinese numerals: values worked out by hand from how the numerals are read (十二 is ten and
two, 二十 two tens, 两百 two hundreds), not from what the code prints."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from cngloss.text.numerals import (leading_count, numeral_value, numerals_for, part_count,
                                    slogan_count)


@pytest.mark.parametrize("digit, value", [
    ("零", 0), ("〇", 0), ("一", 1), ("二", 2), ("两", 2), ("双", 2), ("三", 3), ("四", 4),
    ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9),
])
def test_each_digit_has_its_value(digit, value):
    assert numeral_value(digit) == value


@pytest.mark.parametrize("numeral, value", [
    ("十", 10),        # a unit alone counts once
    ("百", 100),
    ("千", 1000),
    ("十二", 12),      # 10 + 2 (with | or ^ instead of + it would be 10 or 8)
    ("二十", 20),      # 2 * 10
    ("二十三", 23),
    ("十三", 13),
    ("两百", 200),
    ("三千", 3000),
    ("九十九", 99),
    ("一百二十", 120),
])
def test_numerals_with_units_add_up(numeral, value):
    assert numeral_value(numeral) == value


@pytest.mark.parametrize("text", ["", "一二", "六稳", "x", "十三五"])
def test_what_is_not_a_numeral_has_no_value(text):
    """Empty text, a character that is no numeral, two digits in a row (一二, and 三五 in
    十三五) are not numerals."""
    assert numeral_value(text) is None


@pytest.mark.parametrize("name, count", [
    ("六稳", 6), ("两个不低于", 2), ("双重", 2), ("一园", 1), ("三是", 3),
    ("十三五", 13),    # the longest prefix that is a numeral: 十三, not the invalid 十三五
    ("一二三", 1),     # 一二 is not a numeral; 一 is
    ("十", 10),
    ("四个不摘", 4),
])
def test_a_slogan_counts_with_its_leading_numeral(name, count):
    assert leading_count(name) == count


@pytest.mark.parametrize("name", ["", "稳六", "改革", "x六"])
def test_a_name_that_does_not_open_with_a_numeral_has_no_count(name):
    assert leading_count(name) is None


@pytest.mark.parametrize("run, count", [
    ("六", 6), ("两", 2), ("十二", 12), ("二十", 20), ("双", 2),
    ("双千", 2), ("三千", 3), ("双百", 2), ("双零", 2), ("双十", 2),  # the thousands, zeros, tens
    ("百", None), ("千", None), ("十百千", None),  # quantities
    ("十三五", None), ("一二三", None),  # no numeral
    ("二十一", None), ("零", None),  # above SLOGAN_MAX, nothing counted
])
def test_slogan_count(run, count):
    assert slogan_count(run) == count


@pytest.mark.parametrize("name, count", [
    ("双千工程", 2),   # two thousands (双千: 千家企业, 千名人才), as the parts reader counts them
    ("三千", 3), ("双十", 2), ("双零", 2),
    ("六稳", 6), ("十三五", 13), ("一园", 1),   # elsewhere as leading_count
])
def test_a_parts_count_is_the_parts_readers(name, count):
    assert part_count(name) == count


def test_check_holds_a_part_to_the_parts_readers_count(tmp_path):
    """``import`` writes 双千工程 with its two items; ``check`` must not call them 2000."""
    from cngloss.corpus.checks import _check_parts
    from cngloss.model import Part

    glossary = NS(path=tmp_path / "g.yaml", terms=())
    term = NS(id="shuangqian", term="双千工程", line=1, definition="千家企业、千名人才",
              parts=(Part("双千工程", ("千家企业", "千名人才")),))
    problems = []
    _check_parts(glossary, term, problems)
    assert problems == []
    term.parts = (Part("双千工程", ("千家企业",)),)
    _check_parts(glossary, term, problems)
    assert [p.message for p in problems] == ["双千工程 has 1 item(s) but its numeral says 2"]


@pytest.mark.parametrize("count, written", [
    (1, ("一",)), (2, ("二", "两", "双")), (5, ("五",)), (10, ("十",)), (12, ("十二",)),
    (30, ("三十",)), (0, ()), (100, ()),
])
def test_a_count_is_written_as_numerals(count, written):
    assert numerals_for(count) == written
