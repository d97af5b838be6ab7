"""One JSON shape per command (docs/json.md): what a command prints with ``--json`` has the
same keys, nested the same way, whether a library exists or not. A library holding only the
bundled report must answer in the very shape the bundled report answers in alone, so that a
user's script does not break the day they first run ``cngloss add``."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli

REPORT = ROOT / "data" / "lianzhou-2021-government-work-report.txt"

# Every command that prints data about terms or passages, with arguments that find something.
COMMANDS = [
    ("list",),
    ("show", "六稳六保"),
    ("show", "八有一朝"),  # a typo: the closest term, shown the same way
    ("search", "liuwen"),
    ("search", "zombie"),
    ("grep", "六稳"),
    ("grep", "扶贫"),
    ("related", "八有一超"),
    ("annotate", str(REPORT)),
    ("check",),
    # the sourced English (data/english.yaml): renderings, senses, glosses
    ("show", "五位一体"),  # a local sense, and the national one apart
    ("show", "两不愁三保障", "--glosses"),
    ("search", "two", "assurances"),
    ("annotate", str(REPORT), "--glosses"),
    # discovered terms: numbered slogans no glossary defines (issue 24)
    ("show", "双区"),
    ("search", "三条底线"),  # by its name: found alone and in a library of one report
    ("annotate", str(REPORT), "--discover"),
]


def shape(value):
    """The structure of a JSON value: objects as their keys with the shapes of their values,
    arrays as the shape their items share, scalars as their type. null and [] fit any shape
    (a field that does not apply may be null; a list may be empty)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        shapes = [shape(item) for item in value]
        return ["list", merge(shapes)]
    if value is None:
        return None
    return "number" if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else type(value).__name__


def merge(shapes):
    """The one shape all of these are (AssertionError when two differ)."""
    result = None
    for one in shapes:
        result = unify(result, one, "[]")
    return result


def unify(a, b, where="$"):
    if a is None or a == ["list", None]:
        return b
    if b is None or b == ["list", None]:
        return a
    if isinstance(a, dict) and isinstance(b, dict):
        assert a.keys() == b.keys(), f"{where}: keys {sorted(a)} != {sorted(b)}"
        return {k: unify(a[k], b[k], f"{where}.{k}") for k in a}
    if isinstance(a, list) and isinstance(b, list):
        return ["list", unify(a[1], b[1], f"{where}[]")]
    assert a == b, f"{where}: {a} != {b}"
    return a


@pytest.fixture(scope="module")
def one_report_library(tmp_path_factory):
    library = tmp_path_factory.mktemp("shapes") / "lib.sqlite"
    added = run_cli("--library", str(library), "add", str(REPORT))
    assert added.code == 0, added.err
    return library


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_commands_json_has_one_shape_with_or_without_a_library(args, one_report_library):
    alone = run_cli(*args, "--json")
    assert alone.code == 0, alone.err
    with_library = run_cli("--library", str(one_report_library), *args, "--json")
    assert with_library.code == 0, with_library.err
    unify(shape(json.loads(alone.out)), shape(json.loads(with_library.out)))


def test_every_commands_json_names_the_contracts_version(one_report_library):
    for args in COMMANDS:
        for prefix in ((), ("--library", str(one_report_library))):
            data = json.loads(run_cli(*prefix, *args, "--json").out)
            assert data["version"] == 2, (prefix, args)


def test_the_shape_check_itself_tells_shapes_apart():
    # the comparison this file relies on must fail for the differences it is there to catch
    with pytest.raises(AssertionError):
        unify(shape({"passages": [{"text": "a"}]}), shape({"passages": 3}))
    with pytest.raises(AssertionError):
        unify(shape({"term": {"id": "x"}}), shape({"term": "x"}))
    with pytest.raises(AssertionError):
        unify(shape({"a": 1}), shape({"a": 1, "b": 2}))
    assert unify(shape({"a": None, "b": []}), shape({"a": "x", "b": [1]})) == \
        {"a": "str", "b": ["list", "number"]}


def test_the_documented_example_is_what_grep_prints():
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(example) == json.loads(run_cli("grep", "两违", "--json").out)


def test_the_sourced_english_fields_are_in_every_command_that_gives_terms():
    """docs/json.md, "Sourced English renderings": the fields are there, even empty."""
    shown = json.loads(run_cli("show", "两违", "--json").out)
    assert (shown["renderings"], shown["glosses"]) == ([], None)
    assert {"sense", "expansion"} <= set(shown["passages"]["groups"][0]["passages"][0])
    assert all("sense" in d for d in shown["definitions"])
    for args, key in ((("search", "liuwen"), "results"), (("list",), "terms")):
        entries = json.loads(run_cli(*args, "--json").out)[key]
        assert entries and all(isinstance(e["renderings"], list) for e in entries)
    annotated = json.loads(run_cli("annotate", str(REPORT), "--json").out)
    assert all(t["glosses"] is None and isinstance(t["renderings"], list)
               for t in annotated["terms"])
    rendering = json.loads(run_cli("show", "两不愁三保障", "--json").out)["renderings"][0]
    assert set(rendering) == {"english", "kind", "outlet", "title", "url", "date", "excerpt",
                              "sense"}


def test_the_discovered_fields_are_always_there():
    """docs/json.md, "Discovered terms": ``search``'s list and ``show``'s object (null for a
    defined term), ``annotate``'s list (null without --discover) and each occurrence's flag."""
    for args, present in ((("search", "liuwen"), []), (("search", "三条"), ["三条底线"])):
        found = json.loads(run_cli(*args, "--json").out)["discovered"]
        assert [t["term"] for t in found] == present
    assert json.loads(run_cli("show", "六稳六保", "--json").out)["discovered"] is None
    shown = json.loads(run_cli("show", "双区", "--json").out)["discovered"]
    assert {"term", "kind", "expansion", "first_year", "first_report", "first_by_level",
            "reports", "last_year", "defined"} <= set(shown)
    plain = json.loads(run_cli("annotate", str(REPORT), "--json").out)
    assert plain["discovered"] is None
    assert {o["discovered"] for o in plain["occurrences"]} == {False}
    marked = json.loads(run_cli("annotate", str(REPORT), "--discover", "--json").out)
    assert {"term", "kind", "discovered", "count", "first_line", "lines", "expansion"} == \
        set(marked["discovered"][0])
    assert {o["discovered"] for o in marked["occurrences"]} == {False, True}


def test_the_documented_discovered_example_is_what_annotate_prints():
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    section = text.split("### Discovered terms\n", 1)[1]
    example = json.loads(section.split("```json\n", 1)[1].split("```", 1)[0])
    out = json.loads(run_cli("annotate", str(ROOT / "docs" / "discover-example.txt"),
                             "--discover", "--json").out)
    assert example["discovered"] == out["discovered"][:1]
    assert example["occurrences"] == out["occurrences"][:2]
