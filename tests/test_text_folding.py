"""Traditional characters to simplified (``text.folding``): a whole text, and one character
for one so that offsets survive. Expected characters are written out by hand."""

from __future__ import annotations

import subprocess
import sys

from cngloss.text.folding import fold_text, to_simplified, traditional_folding


def test_to_simplified_converts_traditional_hanzi():
    assert to_simplified("兩不愁三保障") == "两不愁三保障"
    assert to_simplified("六穩六保") == "六稳六保"
    assert to_simplified("六稳六保") == "六稳六保"


def test_a_text_without_hanzi_is_returned_as_it_is_and_loads_no_converter():
    # OpenCC itself would turn 「」 into “”: a text without hanzi never reaches it
    assert to_simplified("「liuwen」 ABC") == "「liuwen」 ABC"
    assert to_simplified("") == ""
    probe = ("import sys\nfrom cngloss.text.folding import to_simplified\n"
             "to_simplified('liuwen 「」')\nprint('zhconv_rs_opencc' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_fold_text_without_a_table_is_the_text():
    assert fold_text("兩不愁", None) == "兩不愁"


def test_traditional_characters_are_folded_one_for_one():
    table = traditional_folding("兩不愁三保障與六穩")
    assert "兩不愁三保障與六穩".translate(table) == "两不愁三保障与六稳"


def test_folding_leaves_simplified_text_alone():
    assert traditional_folding("两不愁三保障") == {}
    assert traditional_folding("") == {}
    assert fold_text("两不愁", {}) == "两不愁"


def test_a_hanzi_outside_gb2312_that_is_already_simplified_is_not_in_the_table():
    # 堃 and 喆 are not GB2312 characters, and OpenCC converts each to itself
    assert traditional_folding("堃喆") == {}


def test_gb2312_hanzi_are_those_that_encode_to_gb2312():
    from cngloss.text.folding import _gb2312_hanzi
    from cngloss.text.hanzi import is_hanzi

    def encodes(ch):
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    every = (chr(c) for c in range(0x3400, 0xFB00) if is_hanzi(chr(c)))
    assert _gb2312_hanzi() == {ch for ch in every if encodes(ch)}
    assert len(_gb2312_hanzi()) == 6763  # GB2312's 3,755 + 3,008 hanzi


def test_folding_a_run_of_traditional_characters_and_single_ones():
    table = traditional_folding("實現與穩")
    assert fold_text("甲實現乙與丙穩", table) == "甲实现乙与丙稳"

