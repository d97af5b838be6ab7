"""`search` in English over the bundled data/english.yaml (issue 25): the three queries of
the issue find their term first, matched on a sourced rendering where the glossary's own
English does not hold the words; without a library and with the full one of the shared
collection (skipped where it is not built)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_cli

FULL = Path(os.environ.get("CNGLOSS_FULL_LIBRARY", "/work/lib/full.sqlite"))
needs_full = pytest.mark.skipif(not FULL.is_file(),
                                reason=f"the full library is not built at {FULL}")

# query -> (the term expected first, what it matches on): written from data/english.yaml
# (三大攻坚战 and 河长制 have sourced renderings only; 僵尸企业's curated "zombie
# enterprises" holds the word as well as its sourced "zombie company")
EXPECTED = {
    "three critical battles": ("三大攻坚战", "sourced-english", "exact"),
    "river chief": ("河长制", "sourced-english", "exact"),
    "zombie": ("僵尸企业", "english", "partial"),
}


def first(*args: str) -> dict:
    results = json.loads(run_cli(*args, "--json").out)["results"]
    assert results, args
    return results[0]


@pytest.mark.parametrize("query", list(EXPECTED))
def test_without_a_library_the_term_comes_first(query):
    term, field, kind = EXPECTED[query]
    found = first("search", query)
    assert (found["term"], found["matched"]["field"], found["matched"]["kind"]) == \
        (term, field, kind)
    if field == "sourced-english":  # no bundled glossary entry: the file's own
        assert found["id"].startswith("sourced-") and found["reports"] == 0
        assert found["glossary"].endswith("english.yaml")


@needs_full
@pytest.mark.parametrize("query", list(EXPECTED))
def test_with_the_full_library_the_term_comes_first(query):
    term, field, kind = EXPECTED[query]
    found = first("--library", str(FULL), "search", query)
    assert (found["term"], found["matched"]["field"], found["matched"]["kind"]) == \
        (term, field, kind)
    assert found["reports"] >= 6  # defined by the notes of 6 (三大攻坚战) to 14 reports


@needs_full
def test_the_table_says_it_matched_a_sourced_rendering():
    table = run_cli("--library", str(FULL), "search", "three critical battles").out
    row = table.splitlines()[1]
    assert row.startswith("三大攻坚战*") and \
        "sourced English (exact): three critical battles" in row
    assert "[1] three critical battles: China.org.cn, 2018-04-02 " \
           "<http://health.china.com.cn/2018-04/02/content_40277011.htm>" in table
