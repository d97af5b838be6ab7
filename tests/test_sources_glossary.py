"""Loading a glossary: where it comes from, and structural errors named by file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cngloss import GlossaryError, bundled_glossary_path, load_corpus, load_glossary
from cngloss.sources.paths import resolve_glossary_path

MINIMAL = """\
title: test
terms:
  - id: liang-wei
    term: 两违
    pinyin: liǎng wéi
    definition: 指违法用地和违规建筑。
"""


def test_the_bundled_glossary_is_found_from_any_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    path = bundled_glossary_path()
    assert path.is_file() and path.name == "terms.yaml"
    assert len(load_glossary(path).terms) == 23


def test_option_beats_environment_beats_bundled(tmp_path):
    env = {"CNGLOSS_GLOSSARY": str(tmp_path / "env.yaml")}
    assert resolve_glossary_path("opt.yaml", env) == Path("opt.yaml")
    assert resolve_glossary_path(None, env) == tmp_path / "env.yaml"
    assert resolve_glossary_path(None, {}) == bundled_glossary_path()


def test_a_glossary_without_a_report_loads_and_has_no_passages(write_glossary):
    corpus = load_corpus(write_glossary(MINIMAL))
    assert corpus.report is None
    assert corpus.passages(corpus.glossary.terms[0]) == []


def test_the_report_path_is_relative_to_the_glossary(write_glossary):
    path = write_glossary(MINIMAL + "report: report.txt\n", report="标题\n\n严格“两违”管控。\n")
    corpus = load_corpus(path)
    assert [p.text for p in corpus.passages(corpus.glossary.terms[0])] == ["严格“两违”管控。"]


def test_related_terms_are_shown_from_both_ends(glossary):
    poverty = glossary.get("bayou-yichao")
    assurances = glossary.get("liangbuchou-sanbaozhang")
    assert assurances in glossary.related(poverty)
    assert poverty in glossary.related(assurances)  # declared only under bayou-yichao


def error_of(path) -> str:
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    return "\n".join(str(p) for p in info.value.problems)


@pytest.mark.parametrize("yaml_text,expected", [
    # missing required field: names file:line, term and field
    ("terms:\n  - id: a\n    term: 甲\n    pinyin: jiǎ\n", r"terms.yaml:2: error: term a: field definition: missing required field 'definition'"),
    # unknown field
    ("terms:\n  - id: a\n    term: 甲\n    pinyin: jiǎ\n    definition: 甲。\n    colour: red\n", r"terms.yaml:6: error: term a: field colour: unknown field 'colour'"),
    # wrong type
    ("terms:\n  - id: a\n    note: one\n    term: 甲\n    pinyin: jiǎ\n    definition: 甲。\n", r"terms.yaml:3: error: term a: field note: expected an integer, found a string"),
    ("terms:\n  - id: a\n    term: 甲\n    pinyin: jiǎ\n    definition: 甲。\n    tags: poverty\n", r"terms.yaml:6: error: term a: field tags: expected a list, found a string"),
    ("terms:\n  - id: a\n    term: yes\n    pinyin: jiǎ\n    definition: 甲。\n", r"terms.yaml:3: error: term a: field term: expected a string, found a boolean (fix: quote the value)"),
    ("terms:\n  - id: a\n    term: 甲\n    pinyin: jiǎ\n    definition: 2021-02-03\n", r"terms.yaml:5: error: term a: field definition: expected a string, found a date (fix: quote the value)"),
    # a second document
    ("terms: []\n---\nterms: []\n", r"terms.yaml:2: error: expected a single YAML document, found another"),
    # an alias to nothing
    ("terms: *nothing\n", r"YAML alias *nothing names no anchor"),
    # a bad id
    ("terms:\n  - id: Bad Id\n    term: 甲\n    pinyin: jiǎ\n    definition: 甲。\n", r"field id: id 'Bad Id' is not a stable ASCII id"),
    # terms must be a list of mappings
    ("terms: 3\n", r"terms.yaml:1: error: field terms: expected a list, found an integer"),
    ("terms:\n  - just a string\n", r"terms.yaml:2: error: expected a mapping, found a string"),
    # top level
    ("- a\n- b\n", r"terms.yaml:1: error: expected a mapping, found a list"),
    ("title: x\n", r"missing required field 'terms'"),
    # duplicate key
    ("terms:\n  - id: a\n    id: b\n    term: 甲\n    pinyin: jiǎ\n    definition: 甲。\n", r"terms.yaml:3: error: term b: field id: duplicate key 'id'"),
])
def test_structural_errors_name_file_line_term_and_field(write_glossary, yaml_text, expected):
    assert expected in error_of(write_glossary(yaml_text))


@pytest.mark.parametrize("ident", ["a b", "a!", "-a", "a-", "a--b", "A", "ä", "a_b", " a", "a\\n"])
def test_an_id_that_is_not_lowercase_ascii_words_joined_by_hyphens_is_refused(write_glossary,
                                                                              ident):
    path = write_glossary('terms:\n  - {id: "%s", term: 甲, pinyin: jiǎ, definition: 甲。}\n' % ident)
    assert "is not a stable ASCII id" in error_of(path)


@pytest.mark.parametrize("ident", ["a", "six-stabilities", "a1-2b", "0"])
def test_an_id_of_lowercase_ascii_words_joined_by_hyphens_is_accepted(write_glossary, ident):
    path = write_glossary('terms:\n  - {id: "%s", term: 甲, pinyin: jiǎ, definition: 甲。}\n' % ident)
    assert load_glossary(path).terms[0].id == ident


@pytest.mark.parametrize("field", ["term", "definition", "pinyin"])
@pytest.mark.parametrize("blank", ["", " ", "\\t \\u3000"])
def test_a_blank_required_text_is_refused(write_glossary, field, blank):
    values = {"term": "甲", "pinyin": "jiǎ", "definition": "甲。", field: blank}
    path = write_glossary("terms:\n  - {id: a, " + ", ".join(
        f'{k}: "{v}"' for k, v in values.items()) + "}\n")
    assert f"field {field}: must not be empty" in error_of(path)


def test_yaml_syntax_errors_give_line_and_column(write_glossary):
    message = error_of(write_glossary("terms:\n  - id: a\n    term: [甲\n"))
    assert "terms.yaml:" in message and "YAML syntax error, column" in message


def test_python_tags_are_refused_not_executed(write_glossary, tmp_path):
    marker = tmp_path / "pwned"
    path = write_glossary(
        "terms:\n  - id: a\n    term: !!python/object/apply:os.system "
        f"['touch {marker}']\n    pinyin: jiǎ\n    definition: 甲。\n")
    assert "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" \
        in error_of(path)
    assert not marker.exists()


def test_an_alias_bomb_is_refused_without_being_expanded(write_glossary):
    # Nine levels of nine aliases: 9**9 strings if anything expanded it.
    terms = ["terms:\n  - {id: t0, term: 甲, pinyin: jiǎ, definition: 甲。,"
             " variants: &a0 [甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲]}\n"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        terms.append(f"  - {{id: t{i}, term: 甲, pinyin: jiǎ, definition: 甲。,"
                     f" variants: &a{i} [{refs}]}}\n")
    with pytest.raises(GlossaryError) as info:
        load_glossary(write_glossary("".join(terms)))
    problems = info.value.problems
    assert "field variants: expected a string, found a list" in str(problems[0])
    assert len(problems) == 9 * 9  # one per alias written in the file, none per expansion


def test_an_empty_file_is_an_error(write_glossary):
    assert "glossary file is empty" in error_of(write_glossary(""))


def test_a_missing_file_is_an_error(tmp_path):
    assert "glossary file not found" in error_of(tmp_path / "nope.yaml")


def test_a_directory_is_an_error(tmp_path):
    assert "is a directory" in error_of(tmp_path)


def test_invalid_utf8_is_an_error(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("terms: []\ntitle: caf\xe9\n".encode("latin-1"))
    assert "latin1.yaml:2: error: glossary file is not valid UTF-8" in error_of(path)


def test_a_bom_and_crlf_line_ends_simply_work(tmp_path):
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode("utf-8"))
    assert load_glossary(path).terms[0].term == "两违"


def test_a_yaml_syntax_error_names_line_column_problem_and_fix(write_glossary):
    assert error_of(write_glossary("terms:\n\t- a\n")).endswith(
        "terms.yaml:2: error: YAML syntax error, column 1: found character that cannot "
        "start any token (fix: correct the YAML syntax of the glossary file)")


def test_a_yaml_error_without_a_place_still_says_how_to_fix_it(write_glossary):
    message = error_of(write_glossary("terms: [a\x07]\n"))
    assert "terms.yaml: error: YAML error: unacceptable character #x0007" in message
    assert message.endswith("(fix: correct the YAML syntax of the glossary file)")


def test_a_mapping_where_a_string_belongs_is_named_a_mapping(write_glossary):
    path = write_glossary("terms:\n  - {id: a, term: {x: 1}, pinyin: p, definition: d}\n")
    assert error_of(path).endswith(
        "terms.yaml:2: error: term a: field term: expected a string, found a mapping")
