"""bench/run --only discover: discover across the library (issue 24), three trees compared.

``none``: the tree before slogans were stored (9b5bfed^); ``rows``: slogans stored per
report, queries computed from those rows (library format 4, b7c145c); ``summaries``: this
tree (format 5: a summary of each slogan made at write time). For each size (the samples
of bench/library_bench.py: seed 14, all 3,004 at the end), ``cngloss add`` into a new
library in a fresh process, interleaved tree by tree: wall seconds, the ratio to ``none``,
disk, and the summaries' rows and bytes. At the whole collection: the upgrade of the
format-4 library to format 5, and cold queries (a fresh process each, median of the
rounds, interleaved) on ``rows`` and ``summaries``, with each answer compared byte for byte.
The older trees are taken from git (``git archive``) and run with ``PYTHONPATH``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from library_bench import ADD_PROBE, SIZES, _disk, _sample  # noqa: E402

PY = sys.executable
TREES = {"none": "9b5bfed^", "rows": "b7c145c", "summaries": None}  # None: this tree
QUERIES = [["--json"], ["--json", "--new-in", "2018"], ["--json", "--by", "level"],
           ["--json", "--place", "四川省"], ["--json", "--level", "city"],
           ["--json", "--level", "province", "--new-in", "2018"], ["--json", "--kind", "period"],
           ["--json", "--year", "2018"], ["--json", "--year", "2016..2020"],
           ["--json", "--min-reports", "1"], ["--csv"], []]


def _tree(env: dict[str, str], rev: str | None, folder: Path) -> dict[str, str]:
    """The environment that runs ``rev``'s cngloss (None: the bench venv's own, this tree)."""
    env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    if rev is None:
        return env
    out = folder / rev.replace("^", "_parent")
    out.mkdir()
    archive = subprocess.run(["git", "archive", rev, "src"], cwd=HERE.parent,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return {**env, "PYTHONPATH": str(out / "src")}


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = subprocess.run(argv, env=env, capture_output=True, check=False).stdout
    return time.perf_counter() - start, out


def _summaries(lib: Path) -> tuple[int, int]:
    import sqlite3

    with sqlite3.connect(lib) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'slogan_term'").fetchone():
            return 0, 0
        return db.execute("SELECT count(*), sum(length(json)) FROM slogan_term").fetchone()


def discover_section(collection: Path, env: dict[str, str], rounds: int = 5) -> None:
    print("\n## discover across the library (issue 24)\n")
    if not collection.exists():
        print(f"(no {collection}: skipped)\n")
        return
    folder = Path(tempfile.mkdtemp(prefix="cngloss-bench-discover-"))
    envs = {name: _tree(env, rev, folder) for name, rev in TREES.items()}
    print("`cngloss add` of the samples of the library section (seed 14), a fresh process "
          "each; none = no slogans stored (9b5bfed^), rows = slogans stored (format 4, "
          "b7c145c), summaries = this tree (format 5).\n")
    print("| reports | none | rows | summaries | rows / none | summaries / none | disk none "
          "/ rows / summaries | summary rows, MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|")
    libs: dict[str, Path] = {}
    for size in SIZES:
        sample, _ = _sample(collection, size, folder)
        wall, disk = {}, {}
        for name in TREES:
            lib = folder / f"{name}-{size}.sqlite"
            out = subprocess.run([PY, "-c", ADD_PROBE, str(lib), str(sample)], env=envs[name],
                                 capture_output=True, text=True, check=True).stdout
            wall[name] = json.loads(out.splitlines()[-1])["wall"]
            disk[name] = _disk(lib)
            libs[name] = lib
        rows, size_bytes = _summaries(libs["summaries"])
        print(f"| {size:,} | {wall['none']:.1f} s | {wall['rows']:.1f} s | "
              f"{wall['summaries']:.1f} s | {wall['rows'] / wall['none']:.2f}x | "
              f"{wall['summaries'] / wall['none']:.2f}x | {disk['none'] / 1e6:.0f} / "
              f"{disk['rows'] / 1e6:.0f} / {disk['summaries'] / 1e6:.0f} MB | "
              f"{rows:,}, {(size_bytes or 0) / 1e6:.1f} |")
        sys.stdout.flush()
        sample.unlink()
    upgraded = folder / "upgraded.sqlite"
    shutil.copy(libs["rows"], upgraded)
    probe = ("import sys, time; from cngloss.library.store import open_library; "
             "t = time.perf_counter(); open_library(sys.argv[1], write=True).close(); "
             "print(time.perf_counter() - t)")
    took = subprocess.run([PY, "-c", probe, str(upgraded)], env=envs["summaries"],
                          capture_output=True, text=True, check=True).stdout.strip()
    print(f"\nUpgrade of the format-4 library of 3,004 reports to format 5 (the summaries "
          f"made from its rows): {float(took):.1f} s.\n")
    cngloss = str(Path(PY).parent / "cngloss")
    print(f"Cold queries on the 3,004 reports, a fresh process each, median of {rounds} "
          f"(interleaved); same: the two answers are the same bytes.\n")
    print("| query | rows (format 4) | summaries (format 5) | output | same |\n"
          "|---|---:|---:|---:|---|")
    floor = [_run([cngloss, "--version"], env)[0] for _ in range(rounds)]
    print(f"| floor: `cngloss --version` | {statistics.median(floor):.2f} s | | | |")
    for query in QUERIES:
        times: dict[str, list[float]] = {"rows": [], "summaries": []}
        digests = {}
        for _ in range(rounds):
            for name in times:
                took_s, out = _run([cngloss, "--library", str(libs[name]), "discover", *query],
                                   envs[name])
                times[name].append(took_s)
                digests[name] = (hashlib.sha256(out).hexdigest(), len(out))
        same = "yes" if digests["rows"] == digests["summaries"] else "**no**"
        label = " ".join(["discover", *query]) if query else "discover (the table)"
        print(f"| `{label}` | {statistics.median(times['rows']):.2f} s | "
              f"{statistics.median(times['summaries']):.2f} s | "
              f"{digests['summaries'][1] / 1e6:.1f} MB | {same} |")
        sys.stdout.flush()
    shutil.rmtree(folder, ignore_errors=True)


# the queries over selected reports (no summary holds them): issue 24's speed target
FILTERED = [["--json", "--year", "2016..2020"], ["--json", "--year", "2018"],
            ["--json", "--place", "四川省"], ["--json", "--level", "city", "--year", "2010..2015"],
            ["--json", "--place", "浙江省", "--year", "2005..2010"]]
BEFORE_SPEED = "939ebe9"  # the tree before i24-recall's rendering and summarizing changes


def filtered_section(lib: Path, env: dict[str, str], rounds: int = 5) -> None:
    """Cold ``discover --year/--place/--level`` on one library, the tree before the change
    and this one interleaved, a fresh process each, medians; the answers compared."""
    print("\n## discover over selected reports (issue 24, i24-recall)\n")
    folder = Path(tempfile.mkdtemp(prefix="cngloss-bench-filtered-"))
    envs = {"before": _tree(env, BEFORE_SPEED, folder), "after": _tree(env, None, folder)}
    cngloss = str(Path(PY).parent / "cngloss")
    floor = [_run([cngloss, "--version"], env)[0] for _ in range(rounds)]
    print(f"Library {lib}; median of {rounds} cold runs each, interleaved; floor "
          f"`cngloss --version` {statistics.median(floor):.2f} s.\n")
    print(f"| query | before ({BEFORE_SPEED}) | after | output | same |\n|---|---:|---:|---:|---|")
    for query in FILTERED:
        times: dict[str, list[float]] = {name: [] for name in envs}
        digests = {}
        for _ in range(rounds):
            for name in envs:
                took, out = _run([cngloss, "--library", str(lib), "discover", *query],
                                 envs[name])
                times[name].append(took)
                digests[name] = (hashlib.sha256(out).hexdigest(), len(out))
        same = "yes" if digests["before"] == digests["after"] else "**no**"
        print(f"| `discover {' '.join(query)}` | {statistics.median(times['before']):.2f} s | "
              f"{statistics.median(times['after']):.2f} s | "
              f"{digests['after'][1] / 1e6:.1f} MB | {same} |")
        sys.stdout.flush()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":  # python bench/discover_bench.py LIBRARY [ROUNDS]
    import os

    filtered_section(Path(sys.argv[1]), dict(os.environ),
                     int(sys.argv[2]) if len(sys.argv) > 2 else 5)
