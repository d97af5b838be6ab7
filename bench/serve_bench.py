"""Warm latency of ``cngloss serve`` over a library (BENCHMARKS.md, "cngloss serve").

Starts ``cngloss --library LIB serve --port 0 --no-open`` as a real process, then from this
process (plain http.client, one connection per request, as a browser's fetch may):
start-up (spawn to the first answer), the first page load (/ with its stylesheet and script,
then a term page, on the fresh server), and for /api/search, /api/show, /api/trend the
p50/p95 of ROUNDS rounds over a fixed list of queries after one warm-up round.

    .venv/bin/python bench/serve_bench.py [/work/lib/full.sqlite] [--rounds 20]
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import subprocess
import sys
import time
from urllib.parse import quote, urlsplit

SEARCH = ["x", "xi", "xia", "xiang", "xiangc", "xiangcun", "liuwen", "lwlb", "六稳", "乡村振兴",
          "兩不愁三保障", "poverty", "zombie", "liu4 wen3", "八有一抄", "放管服", "shuang xunhuan"]
SHOW = ["六稳", "八有一超", "放管服", "双循环", "河长制", "两不愁三保障", "雪亮工程"]
TREND = [["六稳"], ["乡村振兴"], ["六稳", "六保"], ["放管服"], ["新发展理念", "双循环"]]


def get(base: str, path: str) -> tuple[int, bytes, float]:
    host = urlsplit(base)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", nargs="?", default="/work/lib/full.sqlite")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    spawn = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "cngloss", "--library", args.library,
                                "serve", "--port", "0", "--no-open"], stderr=subprocess.PIPE,
                               text=True)
    try:
        base = re.search(r"http://[^ ]+/", process.stderr.readline()).group(0)[:-1]
        listening = time.perf_counter() - spawn
        page = sum(get(base, p)[2] for p in ("/", "/static/style.css", "/static/app.js"))
        status, _, term_page = get(base, "/term/" + quote("六稳"))
        assert status == 200
        print(f"start-up (spawn to listening): {listening * 1000:.0f} ms")
        print(f"first page load, / with its css and js: {page * 1000:.0f} ms")
        print(f"first term page (/term/六稳, cold): {term_page * 1000:.0f} ms")
        endpoints = {
            "search": ["/api/search?q=" + quote(q) for q in SEARCH],
            "show": ["/api/show?term=" + quote(t) for t in SHOW],
            "show, a page": ["/api/show?limit=60&per_report=3&term=" + quote(t) for t in SHOW],
            "trend": ["/api/trend?" + "&".join("text=" + quote(t) for t in ts) for ts in TREND],
            "term page": ["/term/" + quote(t) for t in SHOW],
        }
        for name, paths in endpoints.items():
            for path in paths:  # warm-up: each thread's workspace, the OS cache
                get(base, path)
            times, sizes = [], []
            for _ in range(args.rounds):
                for path in paths:
                    status, body, took = get(base, path)
                    assert status in (200, 404), (path, status)
                    times.append(took)
                    sizes.append(len(body))
            print(f"{name:12} n={len(times):4}  p50 {statistics.median(times) * 1000:6.1f} ms  "
                  f"p95 {percentile(times, 95) * 1000:6.1f} ms  max {max(times) * 1000:6.1f} ms  "
                  f"largest body {max(sizes) / 1e6:.2f} MB")
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
