"""The API's JSON writer (``web/fast_json.py``): orjson where it writes the same bytes as the
standard library's ``json.dumps(indent=2)``, the standard library elsewhere. Each endpoint's
body is compared with the standard library's text of the same data; the cases where orjson
would differ (floats) or refuse (a non-string key, a huge integer, a lone surrogate) with text
written here by hand."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette", reason="needs the serve extra (pip install -e '.[serve]')")

from cngloss.core.workspace import Workspace  # noqa: E402
from cngloss.web import api, fast_json  # noqa: E402
from test_serve_api import small_library  # noqa: E402,F401  (the fixture)

needs_orjson = pytest.mark.skipif(fast_json.orjson is None,
                                  reason="needs orjson (the serve extra)")

ENDPOINTS = [
    ("search", [("q", "六稳")]), ("search", [("q", "liuwen")]),
    ("show", [("term", "六稳")]), ("show", [("term", "六稳六保"), ("limit", "2")]),
    ("grep", [("text", "乡村振兴")]), ("trend", [("text", "乡村振兴"), ("text", "两违")]),
    ("trend", [("text", "两违"), ("by", "level")]), ("reports", []),
    ("related", [("term", "六稳")]), ("show", [("term", "没有这个词")]),
]


@needs_orjson
@pytest.mark.parametrize("name,params", ENDPOINTS, ids=[f"{n}{p}" for n, p in ENDPOINTS])
def test_each_endpoints_body_is_the_standard_librarys_text(small_library, monkeypatch, name,
                                                            params):  # noqa: F811
    ws = Workspace(library=str(small_library))
    fast = api.answer(name, ws, api.Params(params))
    monkeypatch.setattr(fast_json, "orjson", None)
    plain = api.answer(name, ws, api.Params(params))
    assert fast == plain
    assert fast[1].endswith(b"\n") and fast[1].startswith(b'{\n  "version": 2')


@needs_orjson
def test_text_with_every_escape_is_written_as_json_writes_it():
    data = {"text": "a\"b\\c\nd\te\x00\x1f\x7f\u2028“六稳”", "list": [], "dict": {},
            "nested": [{}, [1, True, None, False]], "n": -12}
    expected = ('{\n  "text": "a\\"b\\\\c\\nd\\te\\u0000\\u001f\x7f\u2028“六稳”",\n'
                '  "list": [],\n  "dict": {},\n  "nested": [\n    {},\n    [\n      1,\n'
                '      true,\n      null,\n      false\n    ]\n  ],\n  "n": -12\n}')
    assert fast_json.dumps(data) == expected
    assert fast_json.floatless(data)


@pytest.mark.parametrize("data,expected", [
    ({"rate": 1e-05}, '{\n  "rate": 1e-05\n}'),  # orjson: 0.00001
    ([[{"x": 1e-07}]], '[\n  [\n    {\n      "x": 1e-07\n    }\n  ]\n]'),  # orjson: 1e-7
    ({"nan": float("nan")}, '{\n  "nan": NaN\n}'),  # orjson: null
    ({1: "a"}, '{\n  "1": "a"\n}'),  # orjson refuses a non-string key
    ([2 ** 70], '[\n  1180591620717411303424\n]'),  # ... an integer beyond 64 bits
    (["\ud800"], '[\n  "\ud800"\n]'),  # ... a lone surrogate
])
def test_what_orjson_would_write_otherwise_is_left_to_the_standard_library(data, expected):
    assert fast_json.dumps(data) == expected


def test_the_float_walk_finds_a_float_anywhere():
    assert not fast_json.floatless({"a": [1, {"b": ("x", 0.5)}]})
    assert fast_json.floatless({"a": [1, {"b": ("x", 5)}], "c": None, "d": True})


@pytest.mark.parametrize("data", [
    {"text": "“六稳”\n\"x\"", "n": [1, None]},  # orjson's own bytes
    {"rate": 1e-05, "term": "六保"},  # the standard library's text, encoded
])
def test_the_api_sends_the_json_text_and_a_newline_as_utf8(data):
    """What ``/api/*`` sends is the CLI's ``--json`` text (and its newline) in UTF-8, whichever
    writer made it."""
    from cngloss.output import json as js

    assert fast_json.encoded(data) == (js.dumps(data) + "\n").encode("utf-8")
