"""The file of sourced English renderings: read and checked (one line per bad file, naming
the line, the entry and the field), kept compiled between runs, and the bundled one valid."""

from __future__ import annotations

import textwrap

import pytest

from cngloss.errors import ExitCode
from cngloss.model import EnglishEntry, SourcedRendering
from cngloss.sources import english as english_module
from cngloss.sources.english import (EnglishDataError, english_data, is_english_file,
                                     load_english)
from conftest import DATA, FIXTURES, run_cli

FIXTURE = FIXTURES / "english" / "renderings.yaml"


def test_the_fixture_reads_as_written():
    data = load_english(FIXTURE)
    assert [e.term for e in data] == ["三大攻坚战", "五位一体", "僵尸企业", "六稳六保",
                                      "两不愁三保障"]
    battles = data.entries[0]
    assert battles == EnglishEntry(
        "三大攻坚战", "national", (
            SourcedRendering("three critical battles", "official", "Example Agency",
                             "https://example.org/three-critical-battles", "2018-03-05",
                             "Three critical battles", "we will fight three critical battles",
                             "national"),
            SourcedRendering("three tough battles", "secondary", "Example Weekly",
                             "https://example.org/tough", None, None, None, "national")),
        ("打好三大攻坚战",), "防范化解重大风险、精准脱贫、污染防治", (), 5)
    # a month, a bare year; no sense written is the national one
    assert data.entries[1].renderings[0].date == "2018-10"
    assert data.entries[2].renderings[0].date == "2016"
    assert data.entries[2].sense == "national" and data.entries[2].meaning is None
    assert data.entries[3].renderings == () and data.entries[3].searched == (
        "six stabilities six securities",)


def test_the_bundled_file_is_valid_and_every_rendering_names_its_source():
    data = load_english(DATA / "english.yaml")
    assert len(data) >= 1
    for entry in data:
        for r in entry.renderings:
            assert r.outlet and r.url.startswith(("http://", "https://")) and r.kind in (
                "official", "secondary")
        assert entry.renderings or entry.searched, entry.term


def bad(tmp_path, body: str):
    path = tmp_path / "english.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


ENTRY = """\
    version: 1
    terms:
      - term: 河长制
        renderings:
          - english: river chief system
            kind: official
            outlet: Example Agency
            url: https://example.org/river
            date: 2023-05-12
    """


@pytest.mark.parametrize("change, where, message", [
    (("        url: https://example.org/river\n", ""), ":5: term 河长制: field url",
     "missing required field 'url'"),
    (("kind: official", "kind: blog"), ":6: term 河长制: field renderings.kind",
     "kind 'blog' is not one of: official, secondary"),
    (("https://example.org/river", "example.org/river"), ":8: term 河长制: field renderings.url",
     "url 'example.org/river' is not a web address"),
    (("2023-05-12", "May 2023"), ":9: term 河长制: field renderings.date",
     "date 'May 2023' is not a date"),
    (("version: 1", "version: 2"), ":1: field version", "version 2 is not one this cngloss reads"),
    (("outlet: Example Agency", "outlet: Example Agency\n        via: x"),
     ":8: term 河长制: field via", "unknown field 'via'"),
    (("  - term: 河长制\n    renderings:", "  - 河长制\n  - renderings:"), ":3:",
     "expected a mapping, found a string"),
])
def test_a_bad_file_is_one_line_naming_line_entry_and_field(tmp_path, change, where, message):
    text = textwrap.dedent(ENTRY).replace(*change)
    path = tmp_path / "english.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EnglishDataError) as caught:
        load_english(path)
    line = str(caught.value)
    assert "\n" not in line and line.startswith(str(path)), line
    assert where in line and message in line, line


def test_a_rendering_without_a_source_is_refused(tmp_path):
    path = bad(tmp_path, ENTRY.replace("            outlet: Example Agency\n", "")
               .replace("            url: https://example.org/river\n", ""))
    with pytest.raises(EnglishDataError) as caught:
        load_english(path)
    assert "missing required field 'outlet'" in str(caught.value)
    assert "(and 1 more problem in the file)" in str(caught.value)  # the url too
    assert len(caught.value.problems) == 2


def test_one_entry_per_headword_and_sense(tmp_path):
    path = bad(tmp_path, """\
        version: 1
        terms:
          - term: 两违
            renderings: []
          - term: 两违
            sense: national
            renderings: []
        """)
    with pytest.raises(EnglishDataError, match=r":5: term 两违: field term: 两违 in the sense "
                                               r"'national' is given twice \(first on line 3\)"):
        load_english(path)


@pytest.mark.parametrize("body, message", [
    ("", "the file of English renderings is empty"),
    ("terms: []\n", "missing required field 'version'"),
    ("version: 1\nterms: [\n", "YAML syntax error"),
    ("- 1\n", "expected a mapping, found a list"),
    ("version: 1\nterms:\n  - term: !!python/object:os.system x\n    renderings: []\n",
     "is not allowed"),
])
def test_a_broken_file_says_what(tmp_path, body, message):
    path = tmp_path / "english.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(EnglishDataError, match=message):
        load_english(path)


def test_a_bad_file_in_use_is_exit_3_and_one_line(tmp_path):
    path = bad(tmp_path, ENTRY.replace("kind: official", "kind: rumour"))
    result = run_cli("show", "两违", environ={"CNGLOSS_ENGLISH": str(path)})
    assert result.code == ExitCode.BAD_DATA and result.out == ""
    assert result.err.count("\n") == 1 and "kind 'rumour'" in result.err
    assert "Traceback" not in result.err
    missing = run_cli("show", "两违", environ={"CNGLOSS_ENGLISH": str(tmp_path / "none.yaml")})
    assert missing.code == ExitCode.BAD_DATA and "not found" in missing.err


def test_the_compiled_copy_answers_the_next_run(tmp_path, monkeypatch):
    environ = {"CNGLOSS_ENGLISH": str(FIXTURE), "CNGLOSS_CACHE_DIR": str(tmp_path)}
    english_module._LOADED.clear()  # as a new process
    first = english_data(environ)
    assert list(tmp_path.glob("english-*.pickle"))
    english_module._LOADED.clear()  # as a new process

    def no_yaml(path):
        raise AssertionError("the YAML was read again")

    monkeypatch.setattr(english_module, "load_english", no_yaml)
    assert english_data(environ).entries == first.entries


def test_a_changed_file_is_read_again(tmp_path):
    path = tmp_path / "english.yaml"
    path.write_text(textwrap.dedent(ENTRY), encoding="utf-8")
    environ = {"CNGLOSS_ENGLISH": str(path), "CNGLOSS_CACHE_DIR": str(tmp_path / "c")}
    assert english_data(environ).entries[0].renderings[0].english == "river chief system"
    path.write_text(textwrap.dedent(ENTRY).replace("river chief system", "river chiefs"),
                    encoding="utf-8")
    english_module._LOADED.clear()
    assert english_data(environ).entries[0].renderings[0].english == "river chiefs"


def test_a_larger_file_with_more_entries_is_read(tmp_path):
    """The researched file will be much larger than the seed: 2,000 entries read alike."""
    entries = "".join(f"  - term: 词{k}\n    renderings:\n      - {{english: word {k}, "
                      f"kind: official, outlet: X, url: 'https://example.org/{k}', "
                      f"date: 2020-01-01}}\n" for k in range(2000))
    path = tmp_path / "english.yaml"
    path.write_text("version: 1\nterms:\n" + entries, encoding="utf-8")
    data = load_english(path)
    assert len(data) == 2000 and data.entries[1999].renderings[0].english == "word 1999"


def test_a_file_of_renderings_is_told_from_a_glossary():
    assert is_english_file(FIXTURE) and is_english_file(DATA / "english.yaml")
    assert not is_english_file(DATA / "terms.yaml")
