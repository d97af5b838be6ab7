"""How a numbered slogan's parts are read from its definition (corpus/parts.py,
corpus/part_items.py). The definitions are written here (placeholders 甲乙丙… for the items,
slogans made up or taken from the bundled glossary), the expected items read off them by
hand; tests/test_corpus_parts_corpora.py measures the same on real reports."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cngloss.corpus.parts import find_parts
from cngloss.corpus.suggest import suggest_parts

ROOT = Path(__file__).resolve().parents[1]


def items(headword: str, definition: str) -> list[list[str]]:
    return [p["items"] for p in suggest_parts(headword, definition)[0]]


# ------------------------------------------------------------------ the curated glossary


def curated_numbered():
    data = yaml.safe_load((ROOT / "data" / "terms.yaml").read_text(encoding="utf-8"))
    # 五早一保障: its 一保障 is 强保障 where the definition writes 做好强保障, a verb of its
    # own that the rule keeps (one item has no others to share it with)
    return [pytest.param(t["term"], t["definition"], [p["items"] for p in t["parts"]], id=t["id"])
            for t in data["terms"]
            if t.get("parts") and all(p["name"] for p in t["parts"])
            and any(ch in "一二两双三四五六七八九十" for ch in t["term"])
            and t["term"] != "五早一保障"]


@pytest.mark.parametrize("term, definition, parts", curated_numbered())
def test_the_bundled_glossarys_own_parts_are_read_from_its_definitions(term, definition, parts):
    # written by people (data/terms.yaml), so an expectation of its own
    assert items(term, definition) == parts


# ------------------------------------------------------------------ groups and counts


@pytest.mark.parametrize("headword, definition, expected", [
    # one list for two groups, cut by the counts: the second group is not glued onto the
    # first group's last item (…丙园和丁区)
    ("三园一区", "指甲园、乙园、丙园和丁区。", [["甲园", "乙园", "丙园"], ["丁区"]]),
    # one piece of the sentence per group; the first group's items are not the second's
    ("两园一区", "甲园建设，乙园建设，丙、丁等重点区建设。",
     [["甲园建设", "乙园建设"], ["丙、丁等重点区建设"]]),
    ("三低一乙", "子水平低、丑水平低、寅水平低，乙总量小。",
     [["子水平低", "丑水平低", "寅水平低"], ["乙总量小"]]),
    # a section per group, each with its own items
    ("两园三站", "“两园”指甲园、乙园；“三站”指子站、丑站、寅站。",
     [["甲园", "乙园"], ["子站", "丑站", "寅站"]]),
    ("一园、三站", "一园，即建设甲乙丙的综合园；三站，即建设子站、丑站、寅站三大站点。",
     [["建设甲乙丙的综合园"], ["子站", "丑站", "寅站"]]),
])
def test_one_group_per_numeral_with_the_items_it_counts(headword, definition, expected):
    assert items(headword, definition) == expected


def test_a_group_whose_section_lists_another_number_is_flagged_and_gets_no_parts():
    groups, flags = find_parts("三园两区", "三园指甲园、乙园；两区指子区、丑区。")
    assert groups == []
    assert flags == ["三园 counts 3 but the definition lists 2"]


def test_a_list_that_does_not_add_up_names_each_numeral_that_it_miscounts():
    groups, flags = find_parts("三园一区", "指甲园、乙园和丙区，与产城融合一道推进。")
    assert groups == [] and flags == ["三园 counts 3 but the definition lists 2"]


@pytest.mark.parametrize("headword, definition", [
    ("甲乙三年行动计划", "新建、改建、扩建幼儿园若干所。"),  # 三年 counts years, not items
    ("第二个十年计划", "以甲、乙为主题。"),  # an ordinal and years
    ("一甲统管", "实现一甲统观、一甲统连、一甲统筹。"),  # a lone 一 is no slogan to split
    ("甲乙合一", "甲和乙合并。"),
    ("十百千甲", "10个甲、100个乙、1000个丙。"),  # quantities
    ("甲乙、丙丁、戊己三大工程", "推进子、丑、寅。"),  # the headword names its own parts
    ("新三甲", "子公司、丑公司等试点地的企业，故称为新三甲。"),
    ("三园一区", "甲园和乙园。"),  # counts 4, lists 2
])
def test_no_parts_where_the_numerals_count_no_listed_items(headword, definition):
    assert items(headword, definition) == []


# ------------------------------------------------------------------ items


@pytest.mark.parametrize("headword, definition, expected", [
    # lead words dropped
    ("三园", "即甲园、乙园、丙园。", ["甲园", "乙园", "丙园"]),
    ("三园", "主要包括：甲园、乙园、丙园。", ["甲园", "乙园", "丙园"]),
    ("三园", "是指甲园、乙园和丙园。", ["甲园", "乙园", "丙园"]),
    ("三园", "这三个方面是：甲园，乙园，丙园。", ["甲园", "乙园", "丙园"]),
    # the split at 和/及/与/以及 before the last item
    ("四园", "甲园、乙园、丙园以及丁园。", ["甲园", "乙园", "丙园", "丁园"]),
    ("两园", "甲园与乙园。", ["甲园", "乙园"]),
    # …but not inside an item when the separators already count the items
    ("三项甲", "子和丑甲、寅甲、卯甲。", ["子和丑甲", "寅甲", "卯甲"]),
    # a verb that governs the whole list
    ("三大甲工程", "实施子丑、寅卯、辰巳甲工程。", ["子丑", "寅卯", "辰巳"]),
    ("四好", "建设好、管理好、养护好、运营好。", ["建设好", "管理好", "养护好", "运营好"]),
    # the subject before 的
    ("三谷", "某市的甲谷、乙谷、丙谷。", ["甲谷", "乙谷", "丙谷"]),
    # an adverbial before what the other items open with
    ("两免", "在某阶段免甲费、免乙费。", ["免甲费", "免乙费"]),
    # what names the list after its last item: 等…, the count restated, the headword's noun
    ("八大甲业", "子甲业、丑甲业、寅甲业、卯甲业、辰甲业、巳甲业、午甲业、未等八大甲业。",
     ["子甲业", "丑甲业", "寅甲业", "卯甲业", "辰甲业", "巳甲业", "午甲业", "未"]),
    ("三甲联动", "子体制、丑体制和寅体制三个方面的联动。", ["子体制", "丑体制", "寅体制"]),
    ("三大甲链", "子丑、寅卯、辰巳甲链。", ["子丑", "寅卯", "辰巳"]),
    ("四好农村路", "建好、管好、护好、运营好农村公路。", ["建好", "管好", "护好", "运营好"]),
    # quotation marks around a whole item go, those inside stay
    ("三园", "“甲园”、“乙园”和“丙园”。", ["甲园", "乙园", "丙园"]),
    ("三园", "“连心”甲园、乙“特色”园、丙园。", ["“连心”甲园", "乙“特色”园", "丙园"]),
    # brackets and quotations are not cut
    ("三园", "甲园（含子、丑）、乙园、“丙、丁”园。", ["甲园（含子、丑）", "乙园", "“丙、丁”园"]),
    # titles written one after the other
    ("两纲要", "《甲纲要》《乙纲要》。", ["《甲纲要》", "《乙纲要》"]),
])
def test_items_as_a_reader_quotes_them(headword, definition, expected):
    assert items(headword, definition) == [expected]


def test_the_last_item_keeps_its_last_word():
    # 五有: nothing of the fifth item is lost to a bracket or a quote
    assert items("五有", "建成有一个甲（行政村）、有一个乙、有一个丙、有一个丁、有一个戊的新村。") == [
        ["有一个甲（行政村）", "有一个乙", "有一个丙", "有一个丁", "有一个戊"]]


def test_an_enumeration_gives_its_sentences():
    definition = "一是建设甲，完成乙；二是推进丙。三是落实丁。另有说明。"
    assert items("三件甲事", definition) == [["建设甲，完成乙", "推进丙", "落实丁"]]
    assert items("两件甲事", "（1）建设甲；（2）推进乙。") == [["建设甲", "推进乙"]]


def test_numerals_that_count_the_same_items_make_one_group():
    parts, _ = suggest_parts("三水三定", "以水定甲、以水定乙、以水定丙。")
    assert parts == [{"name": "三水三定", "items": ["以水定甲", "以水定乙", "以水定丙"]}]


def test_a_list_in_the_other_order_than_the_headwords():
    assert items("三站一园", "建设甲园和乙站、丙站、丁站。") == [["乙站", "丙站", "丁站"], ["甲园"]]


def test_what_the_item_is_to_the_slogan_is_not_part_of_it():
    assert items("一中心两支点", "以甲为中心，乙、丙为支点的格局。") == [["甲"], ["乙", "丙"]]


def test_a_slogan_in_a_longer_headword_is_found_by_its_own_section():
    assert items("三分甲乙法", "某地的做法，“三分”指甲即调、乙分调、丙联调；“甲乙”指其他。") == [
        ["甲即调", "乙分调", "丙联调"]]


@pytest.mark.parametrize("headword, definition, expected", [
    # a code: one group per number, each group's list cut at the count it restates
    ("“1+4”甲办法", "《甲办法》和子资源、丑资源、寅资源、卯资源开发管理4个试行办法。",
     [["《甲办法》"], ["子资源", "丑资源", "寅资源", "卯资源"]]),
    ("6＋2", "子业、丑业、寅业、卯业、辰业、巳业6个综合产业和午产业、未产业2个新兴产业。",
     [["子业", "丑业", "寅业", "卯业", "辰业", "巳业"], ["午产业", "未产业"]]),
    ("1+2+X", "“1”代表甲新城，是中心，“2”代表乙组团和丙组团，“X”代表一批特色镇。",
     [["甲新城"], ["乙组团", "丙组团"]]),
    ("4条甲大道", "子线、丑路、寅至卯、辰经巳至午。", [["子线", "丑路", "寅至卯", "辰经巳至午"]]),
])
def test_digit_counts_and_codes(headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition, expected", [
    # who set the list, before it
    ("五位一体", "党的某大会提出甲建设、乙建设、丙建设、丁建设、戊建设五位一体。",
     [["甲建设", "乙建设", "丙建设", "丁建设", "戊建设"]]),
    ("三副", "某规划明确的甲、乙、丙3个副城。", [["甲", "乙", "丙"]]),
    # 将 before short items; kept before clauses (将甲向乙集中)
    ("四证合一", "指将甲证、乙证、丙证和丁照合一。", [["甲证", "乙证", "丙证", "丁照"]]),
    # the headword's words before the slogan, with its key: 甲七进 -> the places only
    ("法律三进", "法律进机关、乡镇、社区。", [["机关", "乡镇", "社区"]]),
    ("农村“三变”改革", "农村甲变子、乙变丑、丙变寅。", [["甲变子", "乙变丑", "丙变寅"]]),
    # what leads to the first count
    ("三进", "五年引进1000名甲、8万名乙、10万名丙。", [["1000名甲", "8万名乙", "10万名丙"]]),
    # a joining word opening the next group's item
    ("三有一共享", "即有甲，有乙，有丙，以及丁互通共享。", [["有甲", "有乙", "有丙"], ["丁互通共享"]]),
])
def test_what_leads_into_the_list_is_not_the_first_items(headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition, expected", [
    # 的 and a noun after items of one opening
    ("“四清”专项行动", "指开展清理甲、清理乙、清理丙、清理丁的专项整治行动。",
     [["清理甲", "清理乙", "清理丙", "清理丁"]]),
    ("四个全面", "全面甲、全面乙、全面丙、全面丁的战略布局。",
     [["全面甲", "全面乙", "全面丙", "全面丁"]]),
    # the fields a list names
    ("三大甲项目", "在子制造、丑材料、寅种业领域开展技术攻关。", [["子制造", "丑材料", "寅种业"]]),
    # quoted names in a sentence
    ("一带一路", "国家建设“甲之路经济带”和“乙之路”的简称。", [["甲之路经济带"], ["乙之路"]]),
])
def test_what_names_the_list_after_it_is_not_the_last_items(headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition, expected", [
    ("三段叠加", "是某判断，具体指甲段、乙段、丙段三个阶段。", [["甲段", "乙段", "丙段"]]),
    ("三项甲工程", "某省继续推进以子促进、丑解困、寅助学为主要内容的甲工程，共3个大项。",
     [["子促进", "丑解困", "寅助学"]]),
    ("两不愁三保障", "某纲要提出，到某年实现对象不愁甲、不愁乙，保障其子项、丑项、寅项。",
     [["不愁甲", "不愁乙"], ["子项", "丑项", "寅项"]]),
    # the 、 list of the first clause, not the clauses
    ("“三馆合一”项目", "指对甲馆、乙中心、丙馆实行同一选址、合并建设，发挥效应，为群众服务。",
     [["甲馆", "乙中心", "丙馆"]]),
    ("“双扩双提”工程", "扩容扩能、提标提质。", [["扩容", "扩能"], ["提标", "提质"]]),
    ("预制菜“三千行动”", "2025年底前，培植甲1000家以上，培育乙1000个以上，引育丙突破1000人。",
     [["培植甲1000家以上", "培育乙1000个以上", "引育丙突破1000人"]]),
])
def test_where_the_list_stands(headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition", [
    ("双甲合作", "双鸭山市与甲市进行全面合作。"),  # the numeral starts a name
    ("一县一场", "全省所有县均要建成处理场。"),  # two groups of one: no list for both
])
def test_no_parts_invented(headword, definition):
    assert items(headword, definition) == []


def test_a_codes_lone_number_needs_its_own_section():
    assert items("甲“1+N”政策体系", "“1”是指《甲意见》；“N”是其他方案。") == [["《甲意见》"]]
    assert items("甲“1+N”合作协议", "深化甲乙一体化发展的合作协议，以及N个专项协议。") == []


def test_a_name_that_opens_on_the_numeral_is_still_an_item():
    # 三亚 under 三极: the headword does not abbreviate the items (双深: 双鸭山, 深圳 does)
    assert items("三极", "海口经济圈、三亚经济圈、儋洋经济圈。") == [
        ["海口经济圈", "三亚经济圈", "儋洋经济圈"]]


def test_a_field_is_cut_only_where_the_list_is_framed_as_fields():
    assert items("三项治理", "针对甲扶贫、乙安全、丙领域舆情。") == [
        ["针对甲扶贫", "乙安全", "丙领域舆情"]]


# ------------------------------------------------------------------ rules from set F's misses


@pytest.mark.parametrize("headword, definition", [
    ("“二环”林带", "即第二环城林带的简称，呈点状、带状分布。"),  # an ordinal: the second ring
    ("一单制、一箱制", "一单制指货物凭一份运单；一箱制指集装箱全程不换箱。"),  # a system of one
])
def test_a_numeral_that_names_a_place_or_a_system_of_one_counts_nothing(headword, definition):
    assert items(headword, definition) == []


@pytest.mark.parametrize("headword, definition, expected", [
    ("甲“三项工程”", "在某地13个县（区）强化甲建设、乙畅通和丙培育等“三项工程”。",
     [["甲建设", "乙畅通", "丙培育"]]),
    ("四解一协调", "帮助企业解决甲、乙、丙、丁等四类难题，加强对企业的监管协调。",
     [["甲", "乙", "丙", "丁"], ["加强对企业的监管协调"]]),
    ("三步工作法", "由甲案、乙知、丙办三个步骤组成的工作方法。", [["甲案", "乙知", "丙办"]]),
    ("新四级工", "形成由甲工、乙工、丙工、丁工构成的等级序列。", [["甲工", "乙工", "丙工", "丁工"]]),
    ("三条联络线", "第1条起于甲；第2条起于乙；第3条起于丙。", [["起于甲", "起于乙", "起于丙"]]),
    ("双调", "调整甲结构，首先要调整乙结构。", [["调整甲结构", "调整乙结构"]]),
    ("三类方案", "甲、乙和丙等领域设备更新的具体方案。", [["甲", "乙", "丙"]]),
])
def test_what_leads_into_or_follows_a_list_is_not_an_item(headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition, expected", [
    ("八类严案", "故意甲、乙、丙、丁、戊、己、庚、辛等八种案件。",  # 故意 opens no clause
     [["故意甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"]]),
    ("“1+1+1”格局", "指1个甲区、1个乙区和1个丙区。", [["1个甲区"], ["1个乙区"], ["1个丙区"]]),
    ("3+1动力", "甲、乙、丙+丁政策。", [["甲", "乙", "丙"], ["丁政策"]]),
    ("三级督查", "市、县、乡三级纵向到底、各部门横向到边的督查体系。", [["市", "县", "乡"]]),
    ("三权分置", "在原有基础上，从而实行甲权、乙权、丙权三权分置并行。", [["甲权", "乙权", "丙权"]]),
])
def test_a_list_is_found_where_its_count_is_restated_or_its_code_written(
        headword, definition, expected):
    assert items(headword, definition) == expected


def test_a_count_after_a_joining_word_opens_an_item_and_restates_nothing():
    assert items("三带", "甲带、乙带和3条丙带。") == [["甲带", "乙带", "3条丙带"]]


@pytest.mark.parametrize("headword, definition, expected", [
    ("“二路一江”", "甲路、乙路和丙江是某规划中的中心部分，通过照明展示夜景。",
     [["甲路", "乙路"], ["丙江"]]),
    ("两带", "“两带”是指甲走廊带和乙物流带：沿甲大道形成市场走廊带，建设全省重要的物流带。",
     [["甲走廊带", "乙物流带"]]),
])
def test_the_last_item_does_not_run_on_into_the_sentence(headword, definition, expected):
    assert items(headword, definition) == expected


def test_a_period_is_counted_only_where_every_item_names_one():
    assert items("三期叠加", "甲换挡期、乙阵痛期、丙消化期。") == [["甲换挡期", "乙阵痛期", "丙消化期"]]
    assert items("三期工程", "甲、乙、丙三个区块的建设。") == []


def test_two_groups_interleaved_clause_by_clause():
    assert items("三清三建", "一清甲，建立子制度；二清乙，建立丑制度；三清丙，建立寅制度。") == [
        ["清甲", "清乙", "清丙"], ["建立子制度", "建立丑制度", "建立寅制度"]]


@pytest.mark.parametrize("headword, definition, expected", [
    # the first item's lead and the last item's tail cut to the shape of the middle items
    ("四好甲路", "把子丑寅卯建好、管好、护好、运营好。", [["建好", "管好", "护好", "运营好"]]),
    ("“三过”问题", "指子丑寅卯甲乙过长、丙丁过大、戊己过低的问题。",
     [["甲乙过长", "丙丁过大", "戊己过低"]]),
    ("五城联创", "即创建子丑寅甲乙、丙丁、戊己、庚辛、壬癸寅卯辰巳。",
     [["甲乙", "丙丁", "戊己", "庚辛", "壬癸"]]),
    ("五项", "甲乙、丙丁、戊己、庚辛、壬癸子丑。", [["甲乙", "丙丁", "戊己", "庚辛", "壬癸子丑"]]),
    ("四乱", "对乱甲、乱乙、乱丙、乱丁等子丑问题进行寅卯。", [["乱甲", "乱乙", "乱丙", "乱丁"]]),
    ("两直", "直甲乙丙、直丁戊己的子丑方式。", [["直甲乙丙", "直丁戊己"]]),
    # no cut where the shape gives no reason: an item joined, items one character long
    ("三项甲", "子和丑甲、寅甲、卯甲。", [["子和丑甲", "寅甲", "卯甲"]]),
])
def test_a_lists_first_and_last_items_are_cut_to_the_shape_of_the_others(
        headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition, expected", [
    # sections opened by a dash, by a code's count in words, by 分别指
    ("三甲两乙", "三甲—子、丑、寅；两乙—卯、辰。", [["子", "丑", "寅"], ["卯", "辰"]]),
    ("1+3+N", "1个子产业，即甲乙产业；3个丑产业，即丙、丁、戊；N即一批寅产业。",
     [["甲乙产业"], ["丙", "丁", "戊"]]),
    ("甲“1+2”体系", "“1”指子丑政策，“2”分别指寅卯、辰巳政策。", [["子丑政策"], ["寅卯", "辰巳"]]),
    # a quoted code of one-digit counts: one group per digit
    ("“321”工程", "三个子即甲、乙、丙；两个丑即丁、戊；一个寅即己庚。",
     [["甲", "乙", "丙"], ["丁", "戊"], ["己庚"]]),
    # ... unless its digits stand for quantities
    ("“111”工程", "实施100个甲项目，打造10个乙基地，带动丙出口100亿元。", []),
    # items joined by +; a list out of the headword's order, given to groups by their keys
    ("“四个一”推进机制", "一个甲+一个乙+一个丙+一套丁推进机制。", [["一个甲", "一个乙", "一个丙", "一套丁"]]),
    ("两带一圈", "子丑带、寅卯圈、辰巳带。", [["子丑带", "辰巳带"], ["寅卯圈"]]),
    # a clause word that holds the key is an item; 一批 is a word, no numeral of its own
    ("两防两化", "防甲如乙、化丙为丁；以防万一、化戊为己。",
     [["防甲如乙", "以防万一"], ["化丙为丁", "化戊为己"]]),
    ("三个再减一批", "再减一批甲，再减一批乙，再减一批丙。", [["再减一批甲", "再减一批乙", "再减一批丙"]]),
])
def test_groups_are_found_by_their_labels_codes_joins_and_keys(headword, definition, expected):
    assert items(headword, definition) == expected


# ------------------------------------------------------------------ issue 23, round two


@pytest.mark.parametrize("headword, definition", [
    # clauses at ， that happen to number as many as counted are no list: a date opens one
    ("甲三角示范区", "2015年9月，国务院下发《关于甲区的批复》，子区、丑区、寅区、卯区等4个区获批。"),
    # the list restates another count: some of more items, not the ones counted
    ("三大园区", "包括子园、丑园、寅园等8个园区。"),
    # one carries the sentence on (主要为…), the numeral is in a name (新三板)
    ("新三板", "指甲乙转让系统，主要为丙公司的股份转让及相关活动提供服务。"),
    # the list gives examples of a noun it modifies, none naming the key (农红)
    ("三农红", "由子部承办，丑提供支撑，共同承建的缴费、网购、汇款等村级便民平台。"),
    # the numerals are glossed as names in brackets: 二产, 三产 count nothing
    ("退二进三", "甲调整和乙保护的措施。指引导子业（二产）退出，丑业（三产）进入。"),
])
def test_no_parts_where_the_numeral_counts_no_listed_items(headword, definition):
    assert items(headword, definition) == []


@pytest.mark.parametrize("headword, definition, expected", [
    # a doer's clause ending in 的 before the first item is the list's
    ("三大改革", "即某地近年来力推的甲改革、乙改革、丙发展等改革。",
     [["甲改革", "乙改革", "丙发展"]]),
    ("三项工程", "省委省政府部署实施的甲工程、乙治理工程、丙计划。",
     [["甲工程", "乙治理工程", "丙计划"]]),
    # an agent and its verb
    ("两个中心", "各村组建甲中心和乙委员会。", [["甲中心", "乙委员会"]]),
    # a governing verb said once per item
    ("三个攻坚战", "某会议提出，打好甲攻坚战、打好乙攻坚战、打好丙攻坚战。",
     [["甲攻坚战", "乙攻坚战", "丙攻坚战"]]),
    # a demonstrative before the count restated
    ("“三公”经费", "是指财政拨款安排的甲费、乙及丙费、丁费这三项经费。",
     [["甲费", "乙及丙费", "丁费"]]),
    # three items: the tail cut where the two before it end alike (…规划)
    ("三规合一", "是指推进甲规划、乙总体规划、丙利用规划相互协调、相互融合。",
     [["甲规划", "乙总体规划", "丙利用规划"]]),
    # the count restated after a space
    ("2+3", "“2”指甲和乙；“3”指子、丑、寅等3 项职能。", [["甲", "乙"], ["子", "丑", "寅"]]),
    # the lead cut where the others' opening starts an item of their length (not 统一's 一)
    ("防溺水“三个一”", "在风险水域统一设置一块甲牌、一个乙圈、一根丙绳。",
     [["一块甲牌", "一个乙圈", "一根丙绳"]]),
])
def test_what_leads_into_a_list_or_follows_it_is_not_an_item(headword, definition, expected):
    assert items(headword, definition) == expected


@pytest.mark.parametrize("headword, definition, expected", [
    # sections introduced by 分别对应; a list after a modifier ending in 的
    ("三区三线", "“三区”是指甲空间、乙空间、丙空间三种类型的空间；“三线”分别对应在甲空间、"
                 "乙空间、丙空间划定的子边界、丑农田、寅红线三条控制线。",
     [["甲空间", "乙空间", "丙空间"], ["子边界", "丑农田", "寅红线"]]),
    # the last segment runs on (两廊道多庄园) and its section names it shorter
    ("一圈一带两廊道多庄园", "“一圈”指甲经济圈，“一带”指乙示范带，“两廊道”指丙走廊、丁走廊；"
                            "“多庄园”指建设子庄园。",
     [["甲经济圈"], ["乙示范带"], ["丙走廊", "丁走廊"]]),
    # a list inside one of the clauses, not the clauses
    ("三证合一", "指某项改革举措，将登记时分别由甲、乙、丙部门核发的子执照、丑代码证、寅登记证，"
                 "改为由甲部门核发一张执照。", [["子执照", "丑代码证", "寅登记证"]]),
    # each item a doer and one shared verb: the verb's objects
    ("三证合一", "指将登记时依次申请，分别由甲部门核发子执照、乙部门核发丑代码证、丙部门核发"
                 "寅登记证，改为由甲部门核发营业执照。", [["子执照", "丑代码证", "寅登记证"]]),
    ("三证合一", "指将企业依次申请，分别由甲部门核发的子执照、乙部门核发的丑代码证、丙部门核发的"
                 "寅登记证，改为一次申请。", [["子执照", "丑代码证", "寅登记证"]]),
])
def test_labelled_segments_and_lists_inside_a_clause(headword, definition, expected):
    assert items(headword, definition) == expected


def test_pieces_cut_at_commas_must_look_like_list_items():
    from cngloss.corpus.part_items import listlike

    assert listlike(["甲系统", "乙平台", "丙中心"])
    assert not listlike(["2015年9月", "国务院下发文件", "子区获批"])  # a date in one
    assert listlike(["到2025年甲超过乙", "到2030年丙超过丁"])  # in all: parallel
    assert not listlike(["甲系统", "主要为乙提供服务"])  # a clause that goes on
    assert not listlike(["甲承办", "乙支撑", "丙丁戊己庚辛壬癸子丑寅卯辰巳午未"])  # far longer


@pytest.mark.parametrize("headword, definition, expected", [
    # a noun the items before the last end with too is the last's own (…行动计划)
    ("五大行动", "甲工程、乙行动计划、丙工程、丁行动计划、戊创建行动计划。",
     [["甲工程", "乙行动计划", "丙工程", "丁行动计划", "戊创建行动计划"]]),
    # what the list is, after it (，是…), is no group; a group of one without its count again
    ("一中心四组团", "即一个中心区，子组团、丑组团、寅组团、卯组团，是某意见提出的发展格局。",
     [["中心区"], ["子组团", "丑组团", "寅组团", "卯组团"]]),
])
def test_the_items_own_nouns_stay_and_what_follows_the_list_goes(headword, definition, expected):
    assert items(headword, definition) == expected
