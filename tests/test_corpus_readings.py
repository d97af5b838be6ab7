"""Headword readings (corpus/readings.py): the cut into words, the reviewed phrase list, the
slogan's polyphones read from its definition, citation tones for 一 and 不.

Expected readings are written out by hand from a dictionary reading of each word (GB/T
16159-2012 citation tones for 一 and 不), not from the engine's output. Definitions here are
made up for the test.
"""

from __future__ import annotations

import pytest

from cngloss.corpus import readings
from cngloss.corpus.readings import load_phrases, phrases_path, read, segment
from cngloss.corpus.suggest import pinyin_of
from cngloss.errors import DataError


@pytest.mark.parametrize("term,expected", [
    # 一 and 不 in their citation tones, whatever pypinyin's phrases say (一个 yí gè)
    ("一个", "yī gè"), ("不断", "bù duàn"), ("八有一超", "bā yǒu yī chāo"),
    ("两不愁", "liǎng bù chóu"), ("一流", "yī liú"),
    # the cut into words: pypinyin's own takes 生发 (shēng fà) and 建行 (the bank)
    ("卫生发展", "wèi shēng fā zhǎn"), ("医疗卫生发展", "yī liáo wèi shēng fā zhǎn"),
    ("三打两建行动", "sān dǎ liǎng jiàn xíng dòng"), ("十大潜力行业", "shí dà qián lì háng yè"),
    ("一通道", "yī tōng dào"), ("四个不摘要求", "sì gè bù zhāi yāo qiú"),
    ("成长工程", "chéng zhǎng gōng chéng"), ("减少相挂钩", "jiǎn shǎo xiāng guà gōu"),
    # readings of the reviewed list (issue 23's and the collection's)
    ("藏区", "zàng qū"), ("大调解", "dà tiáo jiě"), ("脊髓灰质炎", "jǐ suǐ huī zhì yán"),
    ("旅游重振工程", "lǚ yóu chóng zhèn gōng chéng"), ("长效机制", "cháng xiào jī zhì"),
    ("电子商务", "diàn zǐ shāng wù"), ("三重一大", "sān zhòng yī dà"),
    # pypinyin's phrases still read what they read right
    ("重庆银行", "chóng qìng yín háng"), ("双重预防机制", "shuāng chóng yù fáng jī zhì"),
    ("重点项目", "zhòng diǎn xiàng mù"), ("种子", "zhǒng zi"),
])
def test_headwords_read_as_a_dictionary_reads_them(term, expected):
    assert pinyin_of(term) == expected


def test_only_hanzi_are_read():
    assert pinyin_of("“1+5+N”创新") == "chuàng xīn"
    assert pinyin_of("HPV") == "" and read("") == []


def test_the_cut_takes_the_fewest_words_then_the_reviewed_ones():
    assert segment("卫生发展") == ["卫生", "发展"]  # not 卫 / 生发 / 展
    assert segment("三打两建行动")[-1] == "行动"   # not 建行 / 动
    assert "".join(segment("一院一所一校改革经验")) == "一院一所一校改革经验"


@pytest.mark.parametrize("term,definition,expected", [
    # a numeral's character abbreviates the words the definition lists
    ("三重", "道路重新铺设、房屋重新粉刷、设备重新安装。", "sān chóng"),
    ("三重", "重要会议、重点地区、重大节日。", "sān zhòng"),
    ("三调", "邻里调解、行业调解、家庭调解。", "sān tiáo"),
    ("三调", "一次人口调查。", "sān diào"),
    # a character read alone: the word of the definition it abbreviates
    ("改更", "改进作风，更换设备。", "gǎi gēng"),
    # no word of the definition starts or ends with it in a full tone: left as it is
    ("三个", "这个、那个和每个。", "sān gè"),
    # as many readings one way as the other: left as it is
    ("三调", "邻里调解、人口调查。", "sān diào"),
    # a word of the reviewed list is never read otherwise
    ("一干", "天干地支。", "yī gàn"),
])
def test_a_slogans_polyphones_are_read_as_its_definition_reads_them(term, definition,
                                                                     expected):
    assert pinyin_of(term, definition) == expected


def _own_reading(phrase: str) -> list[str]:
    from pypinyin import Style, pinyin

    return [readings.CITATION.get(c, r[0])
            for c, r in zip(phrase, pinyin(phrase, style=Style.TONE))]


def test_the_reviewed_list_corrects_pypinyin_or_only_places_words():
    """``readings`` must differ from pypinyin's reading of the phrase (else it is not a
    correction), ``words`` must equal it (they are there for the cut only)."""
    import yaml

    data = yaml.safe_load(phrases_path().read_text(encoding="utf-8"))
    same = [p for p, r in data["readings"].items() if _own_reading(p) == r.split()]
    differ = [p for p, r in data["words"].items() if _own_reading(p) != r.split()]
    assert (same, differ) == ([], [])
    assert not set(data["readings"]) & set(data["words"])
    assert len(load_phrases(phrases_path())) == len(data["readings"]) + len(data["words"])


@pytest.mark.parametrize("text,message", [
    ("words: {}\n", "has no 'readings' mapping"),
    ("readings: {}\nwords: [a]\n", "has no 'words' mapping"),
    ("readings: {藏区: zàng}\nwords: {}\n", "needs two or more hanzi and one syllable"),
    ("readings: {藏: zàng}\nwords: {}\n", "needs two or more hanzi and one syllable"),
    ("readings: {X区: zàng qū}\nwords: {}\n", "needs two or more hanzi and one syllable"),
    ("readings: [\n", "cannot be read"),
])
def test_a_broken_phrase_list_is_bad_data(tmp_path, text, message):
    path = tmp_path / "pinyin-phrases.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_phrases(path)
    assert message in str(caught.value)


def test_the_list_is_shipped_next_to_the_bundled_glossary():
    assert phrases_path().name == "pinyin-phrases.yaml" and phrases_path().is_file()
    assert (phrases_path().parent / "terms.yaml").is_file()


def test_ids_follow_the_readings():
    from cngloss.corpus.suggest import make_id

    assert make_id("藏区三大民生工程", set()) == "zangqu-sanda-minsheng-gongcheng"
    assert make_id("绿色发展", set()) == "lvse-fazhan"  # ü as v, as before
