"""Per-request CPU time of the JSON API in one process, no HTTP (BENCHMARKS.md, "cngloss
serve"): a shared machine's load moves wall times by 2x, a request's own CPU time far less.
Two checkouts' ``src`` folders alternate (a fresh process each, ``PYTHONPATH``), so the code
before and after are measured in the same minutes; each run warms every request once, then
times ROUNDS rounds of serve_bench's queries (show of every passage, show with the page's
limits, trend, search) by ``time.process_time`` and ``time.perf_counter``.

    .venv/bin/python bench/api_cpu.py LIBRARY OLD_SRC NEW_SRC [--rounds 5] [--runs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_bench import SEARCH, SHOW, TREND, percentile  # noqa: E402

CHILD = """
import json, sys, time
from cngloss.core.workspace import Workspace
from cngloss.web import api
library, rounds, queries = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
ws = Workspace(None, library)
for name, params in queries.items():
    for endpoint, p in params:
        api.answer(endpoint, ws, api.Params(p))
out = {}
for name, params in queries.items():
    cpu, wall = [], []
    for _ in range(rounds):
        for endpoint, p in params:
            c, w = time.process_time(), time.perf_counter()
            api.answer(endpoint, ws, api.Params(p))
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
    out[name] = [cpu, wall]
print(json.dumps(out))
"""

QUERIES = {
    "show": [("show", [("term", t)]) for t in SHOW],
    "show, a page": [("show", [("term", t), ("limit", "60"), ("per_report", "3")]) for t in SHOW],
    "trend": [("trend", [("text", t) for t in ts]) for ts in TREND],
    "search": [("search", [("q", q)]) for q in SEARCH],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("sources", nargs=2, metavar="SRC", help="the code before, after")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    results: dict[str, dict[str, list[list[float]]]] = {}
    for run in range(args.runs):  # before, after, after, before, ...
        order = args.sources if run % 2 == 0 else args.sources[::-1]
        for src in order:
            env = dict(os.environ, PYTHONPATH=src)
            out = subprocess.run([sys.executable, "-c", CHILD, args.library, str(args.rounds),
                                  json.dumps(QUERIES, ensure_ascii=False)], env=env,
                                 capture_output=True, text=True, check=True).stdout
            for name, (cpu, wall) in json.loads(out).items():
                kept = results.setdefault(src, {}).setdefault(name, [[], []])
                kept[0] += cpu
                kept[1] += wall
    print(f"load average {os.getloadavg()[0]:.1f} (at the end)")
    for src in args.sources:
        for name, (cpu, wall) in results[src].items():
            print(f"{src:30} {name:12} n={len(cpu):3}  cpu p50 {statistics.median(cpu) * 1e3:6.1f}"
                  f" p95 {percentile(cpu, 95) * 1e3:6.1f} ms  wall p50 "
                  f"{statistics.median(wall) * 1e3:6.1f} p95 {percentile(wall, 95) * 1e3:6.1f} ms")


if __name__ == "__main__":
    main()
