"""``cngloss related``: the cross-reference neighbourhood of a term."""

from __future__ import annotations

import json


def test_related_draws_the_neighbourhood_as_a_tree(cli):
    result = cli("related", "八有一超")
    assert result.code == 0
    assert result.out == (
        "八有一超 (7)  poverty-alleviation\n"
        "├── 两不愁三保障 (8)  poverty-alleviation\n"
        "│   └── 四个不摘 (15)  poverty-alleviation\n"
        "└── 四个不摘 (15)  poverty-alleviation\n"
        "    └── 两不愁三保障 (8)  poverty-alleviation\n")


def test_related_json_and_depth(cli):
    data = json.loads(cli("related", "六稳六保", "--depth", "1", "--json").out)
    assert data["term"] == "六稳六保"
    assert [c["term"] for c in data["related"]] == ["一般债、专项债及特别国债", "促进就业九条"]
    assert all(c["related"] == [] for c in data["related"])


def test_related_of_a_term_without_links(cli):
    result = cli("related", "僵尸企业")
    assert result.out.splitlines() == ["僵尸企业 (3)  enterprise-reform", "(no cross-references)"]


def test_related_names_the_term_it_shows_instead_of_a_typo(cli):
    result = cli("related", "八有一朝", "--json")
    assert result.code == 0
    assert json.loads(result.out)["term"] == "八有一超"
    assert result.err == ("cngloss: showing 八有一超 (bā yǒu yī chāo), the closest match to "
                          "'八有一朝'\n")
    assert cli("related", "八有一超").err == ""
