"""``cngloss serve``'s JSON API is the CLI's contract: each endpoint returns, byte for byte,
what ``cngloss … --json`` prints for the same arguments (over the bundled report and over a
small library built here), 404 with an error object for an unknown term, 400 with the CLI's
error line for a bad argument. Skips without the serve extra."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
import warnings

import pytest

from conftest import run_cli

pytest.importorskip("starlette", reason="needs the serve extra (pip install -e '.[serve]')")
pytest.importorskip("httpx", reason="needs httpx, Starlette's test client (pip install httpx)")

with warnings.catch_warnings():  # Starlette 1.x would rather have httpx2: either works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from cngloss.web.app import create_app  # noqa: E402
from test_library import RECORDS, write_collection  # noqa: E402

BASE = "http://127.0.0.1:8765"


def client(library=None) -> TestClient:
    return TestClient(create_app(library=None if library is None else str(library)),
                      base_url=BASE)


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lib")
    lib = folder / "lib.sqlite"
    result = run_cli("--library", str(lib), "add", str(write_collection(folder / "set.jsonl",
                                                                           RECORDS)))
    assert result.code == 0, result.err
    return lib


# (endpoint and its query, the same request as CLI arguments)
BUNDLED = [
    ("/api/search?q=liuwen", ["search", "liuwen", "--json"]),
    ("/api/search?q=zombie&limit=3", ["search", "zombie", "--limit", "3", "--json"]),
    ("/api/show?term=八有一超", ["show", "八有一超", "--json"]),
    ("/api/show?term=liuwen&context=paragraph", ["show", "liuwen", "--context", "paragraph",
                                                   "--json"]),
    ("/api/grep?text=扶贫", ["grep", "扶贫", "--json"]),
    ("/api/related?term=八有一超&depth=1", ["related", "八有一超", "--depth", "1", "--json"]),
]
LIBRARY = [
    ("/api/search?q=六稳", ["search", "六稳", "--json"]),
    ("/api/grep?text=乡村振兴", ["grep", "乡村振兴", "--json"]),
    ("/api/grep?text=两违&year=2019..2022&level=city", ["grep", "两违", "--year", "2019..2022",
                                                      "--level", "city", "--json"]),
    ("/api/grep?text=乡村振兴&place=乙", ["grep", "乡村振兴", "--place", "乙", "--json"]),
    ("/api/show?term=六稳&year=2022", ["show", "六稳", "--year", "2022", "--json"]),
    ("/api/show?term=六稳六保&limit=2&per_report=1", ["show", "六稳六保", "--limit", "2",
                                                    "--per-report", "1", "--json"]),
    ("/api/grep?text=乡村振兴&per_report=1", ["grep", "乡村振兴", "--per-report", "1", "--json"]),
    ("/api/trend?text=乡村振兴&text=两违", ["trend", "乡村振兴", "两违", "--json"]),
    ("/api/trend?text=两违&by=level", ["trend", "两违", "--by", "level", "--json"]),
    ("/api/reports", ["reports", "--json"]),
    ("/api/reports?level=city&year=2019..", ["reports", "--level", "city", "--year", "2019..",
                                             "--json"]),
    ("/api/related?term=六稳", ["related", "六稳", "--json"]),
]


@pytest.mark.parametrize("url,args", BUNDLED, ids=[u for u, _ in BUNDLED])
def test_the_api_over_the_bundled_report_is_the_clis_json(url, args):
    expected = run_cli(*args)
    assert expected.code == 0, expected.err
    got = client().get(url)
    assert got.status_code == 200
    assert got.headers["content-type"] == "application/json; charset=utf-8"
    assert got.content == expected.out.encode("utf-8")


@pytest.mark.parametrize("url,args", LIBRARY, ids=[u for u, _ in LIBRARY])
def test_the_api_over_a_library_is_the_clis_json(small_library, url, args):
    expected = run_cli("--library", str(small_library), *args)
    assert expected.code == 0, expected.err
    got = client(small_library).get(url)
    assert got.status_code == 200
    assert got.content == expected.out.encode("utf-8")
    assert json.loads(got.content)["version"] == 2


def test_nothing_found_by_search_grep_or_trend_is_their_json_with_404(small_library):
    for url, args in [("/api/search?q=qqqxz", ["search", "qqqxz", "--json"]),
                      ("/api/grep?text=没有这个", ["grep", "没有这个", "--json"]),
                      ("/api/trend?text=没有这个", ["trend", "没有这个", "--json"])]:
        expected = run_cli("--library", str(small_library), *args)
        assert expected.code == 1
        got = client(small_library).get(url)
        assert (got.status_code, got.content) == (404, expected.out.encode("utf-8")), url


def test_an_unknown_term_is_404_with_the_clis_error_line():
    expected = run_cli("show", "qqqxz", "--json")
    assert expected.code == 1 and expected.out == ""
    got = client().get("/api/show?term=qqqxz")
    assert got.status_code == 404
    error = got.json()["error"]
    # the CLI's line is "cngloss: error: MESSAGE"
    assert "cngloss: error: " + error["message"] == expected.err.splitlines()[0]
    assert error["exit_code"] == 1
    assert got.json()["version"] == 2


@pytest.mark.parametrize("url,args", [
    ("/api/grep?text=扶贫&year=20x", ["grep", "扶贫", "--year", "20x"]),
    ("/api/trend?text=两违&by=year", ["trend", "两违", "--by", "year"]),
    ("/api/reports?year=2023..2019", ["reports", "--year", "2023..2019"]),
])
def test_a_bad_argument_is_400_worded_as_the_cli_words_it(small_library, url, args):
    expected = run_cli("--library", str(small_library), *args)
    assert expected.code == 2
    got = client(small_library).get(url)
    assert got.status_code == 400
    assert "cngloss: error: " + got.json()["error"]["message"] == expected.err.strip()


@pytest.mark.parametrize("url,word", [("/api/search", "'q'"), ("/api/show?term=", "'term'"),
                                      ("/api/trend?by=level", "'text'"),
                                      ("/api/search?q=a&limt=3", "'limt'"),
                                      ("/api/search?q=a&limit=x", "'limit'"),
                                      ("/api/related?term=a&depth=9", "'depth'"),
                                      ("/api/grep?text=a&text=b", "'text'")])
def test_missing_unknown_or_malformed_parameters_are_400_naming_the_parameter(url, word):
    got = client().get(url)
    assert got.status_code == 400
    assert word in got.json()["error"]["message"]


def test_an_unknown_endpoint_is_404():
    got = client().get("/api/delete")
    assert got.status_code == 404 and "search" in got.json()["error"]["message"]


def test_without_the_serve_extra_serve_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now fails
    result = run_cli("serve", "--no-open")
    assert result.code == 2
    assert result.err.strip() == ("cngloss: error: cngloss serve needs starlette and uvicorn: "
                                  "pip install 'cngloss[serve]'")


def test_serve_prints_its_url_answers_and_stops_quietly_on_ctrl_c(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CNGLOSS_GLOSSARY"}
    process = subprocess.Popen([sys.executable, "-m", "cngloss", "serve", "--port", "0",
                                "--no-open"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        with urllib.request.urlopen(url + "api/search?q=liuwen", timeout=30) as response:
            found = json.loads(response.read())
        assert found["query"] == "liuwen" and found["results"]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        assert process.stderr.read() == ""
    finally:
        if process.poll() is None:
            process.kill()


def test_a_port_in_use_is_one_clear_line():
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        result = run_cli("serve", "--no-open", "--port", str(taken.getsockname()[1]))
    finally:
        taken.close()
    assert result.code == 2
    assert "cannot listen on 127.0.0.1:" in result.err and "--port" in result.err
