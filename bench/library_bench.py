"""bench/run --only library: the library at 300, 1,000 and 3,004 reports (issue 14).

For each size (a fixed random sample of the shared collection, seed 14; all of it at 3,004):
``cngloss add`` in a fresh process (wall and CPU seconds, peak memory of the main process
and of a worker, disk after the add vs the UTF-8 size of the reports' text). At the whole
collection, cold queries (a fresh ``cngloss`` process each, medians) of a rare term and of
乡村振兴 (in half the reports): ``trend``, ``grep --csv`` (every use), ``show`` (first page),
each compared in the same run with a naive scan of the collection and with a plain SQLite
FTS5 trigram query over the library's paragraphs (built here, for the comparison only).
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
SIZES = (300, 1000, 3004)
SEED = 14
RARE, COMMON = "雪亮工程", "乡村振兴"
SHORT = "两违"

ADD_PROBE = r"""
import json, resource, sys, time
from cngloss.cli import main
start = time.perf_counter()
code = main(["--library", sys.argv[1], "add", sys.argv[2]])
wall = time.perf_counter() - start
me, ch = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"code": int(code), "wall": wall,
                  "cpu": me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime,
                  "main_mb": me.ru_maxrss / 1024, "worker_mb": ch.ru_maxrss / 1024}))
"""

NAIVE_PROBE = r"""
import gzip, json, re, sys
term = sys.argv[2]
between = "[“”‘’\"'「」『』]*"
pattern = re.compile(between.join(map(re.escape, term)))
reports = uses = 0
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        n = len(pattern.findall(json.loads(line)["content"]))
        reports += n > 0
        uses += n
print(reports, uses)
"""

FTS_PROBE = r"""
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
term = sys.argv[2]
if len(term) >= 3:
    rows = db.execute("SELECT p.id, p.text FROM fts JOIN paragraph p ON p.id = fts.rowid "
                      "WHERE fts MATCH ?", ('"' + term + '"',))
else:  # the trigram tokenizer cannot answer under three characters: scan
    rows = db.execute("SELECT id, text FROM paragraph WHERE instr(text, ?) > 0", (term,))
uses = sum(text.count(term) for _, text in rows)
print(uses)
"""


def _sample(collection: Path, size: int, folder: Path) -> tuple[Path, int]:
    """The first ``size`` reports of a fixed random order, as a .jsonl; their UTF-8 bytes."""
    with gzip.open(collection, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    keep = sorted(random.Random(SEED).sample(range(len(lines)), min(size, len(lines))))
    path = folder / f"sample-{size}.jsonl"
    text_bytes = 0
    with path.open("w", encoding="utf-8") as out:
        for k in keep:
            out.write(lines[k])
            text_bytes += len(json.loads(lines[k])["content"].encode("utf-8"))
    return path, text_bytes


def _disk(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
               if p.exists())


def _cold(argv: list[str], rounds: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def library(collection: Path, env: dict[str, str], rounds: int = 5) -> None:
    print("\n## Library (issue 14)\n")
    if not collection.exists():
        print(f"(no {collection}: skipped)\n")
        return
    folder = Path(tempfile.mkdtemp(prefix="cngloss-bench-library-"))
    cngloss = str(Path(PY).parent / "cngloss")
    print("`cngloss add` of a fixed random sample (seed 14) of the shared collection, in a "
          "fresh process; disk = the library file with its WAL after the add; x UTF-8 = disk "
          "/ UTF-8 bytes of the reports' text; memory = peak RSS of the main process and of "
          "one worker (2 workers).\n")
    print("| reports | wall | CPU | disk | x UTF-8 | peak main / worker | paragraphs | "
          "bigram rows |\n|---:|---:|---:|---:|---:|---:|---:|---:|")
    lib = None
    for size in SIZES:
        sample, text_bytes = _sample(collection, size, folder)
        lib = folder / f"lib-{size}.sqlite"
        out = subprocess.run([PY, "-c", ADD_PROBE, str(lib), str(sample)], env=env,
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out.splitlines()[-1])
        import sqlite3

        with sqlite3.connect(lib) as db:
            paragraphs = db.execute("SELECT count(*) FROM paragraph").fetchone()[0]
            rows = db.execute("SELECT count(*) FROM bigram").fetchone()[0]
        disk = _disk(lib)
        print(f"| {size:,} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {disk / 1e6:.0f} MB | "
              f"{disk / text_bytes:.2f}x | {r['main_mb']:.0f} / {r['worker_mb']:.0f} MB | "
              f"{paragraphs:,} | {rows:,} |")
        sys.stdout.flush()
        sample.unlink()
    assert lib is not None
    fts = folder / "fts.sqlite"
    shutil.copy(lib, fts)
    import sqlite3

    start = time.perf_counter()
    with sqlite3.connect(fts) as db:
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, content='paragraph', "
                   "content_rowid='id', tokenize='trigram')")
        db.execute("INSERT INTO fts(fts) VALUES('rebuild')")
    print(f"\nFTS5 trigram index over the same paragraphs (for the comparison): built in "
          f"{time.perf_counter() - start:.0f} s, +{(_disk(fts) - _disk(lib)) / 1e6:.0f} MB.\n")
    print(f"Cold queries on the whole library, a fresh process each, median of {rounds} "
          f"(naive scan: of 3):\n")
    print("| query | library | naive scan of the .jsonl.gz | FTS5 (2 chars: instr scan) |"
          "\n|---|---:|---:|---:|")
    base = [cngloss, "--library", str(lib)]
    print(f"| floor: `cngloss --version` (process start, no library) | "
          f"{_cold([cngloss, '--version'], rounds, env):.2f} s | | |")
    for term in (RARE, SHORT, COMMON):
        naive = _cold([PY, "-c", NAIVE_PROBE, str(collection), term], 3, env)
        plain = _cold([PY, "-c", FTS_PROBE, str(fts), term], rounds, env)
        for label, argv in ((f"trend {term}", base + ["trend", term, "--json"]),
                            (f"grep {term} --csv (every use)", base + ["grep", term, "--csv"]),
                            (f"show {term} (first page)", base + ["show", term])):
            if label.startswith("show") and term == COMMON:
                continue  # 乡村振兴 is not a term of the bundled glossary
            print(f"| {label} | {_cold(argv, rounds, env):.2f} s | {naive:.2f} s | "
                  f"{plain:.2f} s |")
            sys.stdout.flush()
    shutil.rmtree(folder, ignore_errors=True)
