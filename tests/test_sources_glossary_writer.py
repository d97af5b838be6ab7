"""Writing a glossary as YAML (sources/glossary_writer.py), in the layout of the bundled
data/terms.yaml: header comments, lists indented under their key, a blank line before each
term, short lists of plain strings in flow style, long ones as blocks, multi-line text as
literal blocks. The expected text is written out here by hand."""

from __future__ import annotations

import yaml

from cngloss.sources.glossary_writer import glossary_yaml

LONG = ["the six areas of stability in employment",  # 41 + 54 characters: over 60
        "stable finance, trade, foreign and domestic investment"]
DATA = {"title": "政府工作报告", "terms": [
    {"id": "six-stabilities", "term": "六稳", "definition": "稳就业\n稳金融\n",
     "tags": ["economy", "policy"], "variants": LONG},
    {"id": "six-guarantees", "term": "六保", "definition": "保居民就业", "tags": []}]}

EXPECTED = """\
# Imported from a report
#
# by cngloss
title: 政府工作报告
terms:

  - id: six-stabilities
    term: 六稳
    definition: |
      稳就业
      稳金融
    tags: [economy, policy]
    variants:
      - the six areas of stability in employment
      - stable finance, trade, foreign and domestic investment

  - id: six-guarantees
    term: 六保
    definition: 保居民就业
    tags: []
"""


def test_a_glossary_is_written_in_the_bundled_layout():
    assert glossary_yaml(DATA, "Imported from a report\n\nby cngloss") == EXPECTED


def test_what_is_written_reads_back_to_the_same_values():
    assert yaml.safe_load(glossary_yaml(DATA)) == DATA


def test_only_text_with_a_line_break_is_a_literal_block():
    assert glossary_yaml({"a": "one line", "b": "two\nlines\n"}) == \
        "a: one line\nb: |\n  two\n  lines\n"


def test_a_list_is_in_flow_style_up_to_60_characters_of_plain_strings():
    sixty = ["x" * 30, "y" * 30]
    assert glossary_yaml({"k": sixty}) == f"k: [{'x' * 30}, {'y' * 30}]\n"
    assert glossary_yaml({"k": sixty + ["z"]}) == \
        f"k:\n  - {'x' * 30}\n  - {'y' * 30}\n  - z\n"
    assert glossary_yaml({"k": ["a\nb"]}) == "k:\n  - |-\n    a\n    b\n"
