"""``show`` on a library: notes whose definitions differ only in a leading 指, 即 or 是 (是指,
指的是…), quotes and punctuation give one wording; notes that word it otherwise stay apart.

Real notes: a few reports of ../shared/corpora/government-work-reports.jsonl.gz, named by
(place, year), are added to a library as the collection's own records, and ``show`` groups
their notes. Which notes fall together was read from the notes themselves; the expectations
below are those readings, stated as (place, year) keys (the texts are not copied here). Skips
where ../shared is absent.
"""

from __future__ import annotations

import pytest

from cngloss.library import glossary_queries, queries
from conftest import collection_records, shared_dir, write_collection

COLLECTION = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"

# headword -> the wordings its notes give in these reports: each set is one wording.
WORDINGS: dict[str, list[set[tuple[str, int]]]] = {
    # 四川 “建好、管好、护好、运营好”农村公路。 桂林 指建好… 湛江 即建好… (the curated one:
    # 指“建好…”农村公路。); 甘孜 把农村公路建好… 阜新 指把… 泸州 即把…; 惠州 即建好…农村公路。
    # and a second sentence; 黔西南 指建好…农村路。; 广元 建设好、管理好、养护好、运营好农村公路。
    # 长沙 即建设好…的农村公路。
    "四好农村公路": [{("四川省", 2017), ("桂林市", 2017), ("湛江市", 2019)},
                   {("甘孜藏族自治州", 2019), ("阜新市", 2021), ("泸州市", 2022)},
                   {("惠州市", 2018)}, {("黔西南布依族苗族自治州", 2020)},
                   {("广元市", 2022)}, {("长沙市", 2023)}],
    # 海口 bare, 长沙 即, 荆州 指, 朝阳 指的是; 襄阳 names 有机食品, not 有机农产品
    "两品一标": [{("海口市", 2023), ("长沙市", 2021), ("荆州市", 2021), ("朝阳市", 2023)},
                {("襄阳市", 2020)}],
    # 银川 以县、乡、村…, 济南 即以…, 南昌 是以…, 昆明 指以…; 广州 以县、乡、村… and more words
    # after; 东莞 another definition altogether
    "雪亮工程": [{("银川市", 2018), ("济南市", 2018), ("南昌市", 2019), ("昆明市", 2022)},
                {("广州市", 2018)}, {("东莞市", 2021)}],
    # 泸州 即城市…, 乌兰察布 是城市…; 东莞 指城市…并合理调配 (no 地)
    "韧性城市": [{("泸州市", 2021), ("乌兰察布市", 2023)}, {("东莞市", 2023)}],
    # 广州 指通过…, 国务院 是指通过…; 咸宁 通过… in fewer words
    "物联网": [{("广州市", 2010), ("国务院", 2010)}, {("咸宁市", 2014)}],
    # 昆明 2011 是设立…, 2012 设立…; 兰州 是设立… with other words after the first few;
    # 东莞 指集保税区…
    "综合保税区": [{("昆明市", 2011), ("昆明市", 2012)}, {("兰州市", 2013)}, {("东莞市", 2009)}],
}
CURATED_WORDING = {("四川省", 2017), ("桂林市", 2017), ("湛江市", 2019)}  # of 四好农村公路


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """A library of just the reports WORDINGS names, added from their collection records."""
    if not COLLECTION.is_file():
        pytest.skip(f"{COLLECTION} is not here (the shared corpora are not checked out)")
    wanted = {key for groups in WORDINGS.values() for group in groups for key in group}
    records = collection_records(COLLECTION, wanted)
    folder = tmp_path_factory.mktemp("wordings")
    path = write_collection(folder, list(records.values()))
    lib = folder / "lib.sqlite"
    result, _ = queries.add_all(lib, [path])
    assert (result.added, result.failures) == (len(wanted), [])
    return lib


def wordings(library, corpus, headword: str) -> list[set[tuple[str, int]]]:
    """The wordings ``show`` gives for ``headword``, each as its reports, keeping only the
    reports WORDINGS names for it (another of the selected reports may define it too)."""
    named = {key for group in WORDINGS[headword] for key in group}
    entry = glossary_queries.entry(library, corpus, headword)
    found = [{(s.place, s.year) for s in d.sources} & named for d in entry.definitions]
    return [group for group in found if group]


@pytest.mark.parametrize("headword", list(WORDINGS))
def test_notes_that_differ_only_in_a_leading_zhi_ji_or_shi_are_one_wording(
        library, corpus, headword):
    found = wordings(library, corpus, headword)
    assert sorted(map(sorted, found)) == sorted(map(sorted, WORDINGS[headword]))


def test_the_curated_wording_is_recognised_with_or_without_its_zhi(library, corpus):
    named = {key for group in WORDINGS["四好农村公路"] for key in group}
    entry = glossary_queries.entry(library, corpus, "四好农村公路")
    agreeing = [{(s.place, s.year) for s in d.sources} & named
                for d in entry.definitions if d.agrees]
    assert agreeing == [CURATED_WORDING]
