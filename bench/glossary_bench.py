"""bench/run --only glossaries: the glossaries of a library of the whole collection (issue 15).

The library is the whole shared collection (3,004 reports) added in a fresh process, or the
library named by ``CNGLOSS_BENCH_LIBRARY`` (a full add takes minutes; its lexicon is
compiled again here with the benchmark's cngloss). Prints:

- the glossary the notes make: notes, distinct headwords (after the merge rule), how many
  more than one report defines, and the most-defined headwords with their years and the
  number of different wordings of their definition;
- cold ``search`` and ``show`` (a fresh ``cngloss`` process each, medians), beside cold
  ``cngloss search liuwen`` without a library in the same run (the floor);
- warm queries (one process, the lexicon loaded once): ``search`` and the definitions of
  ``show`` for 40 headwords drawn from the lexicon (seed 15), median and p95.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from library_bench import _cold  # one cold-start timer for the library benchmarks

PY = sys.executable
BIN = Path(PY).parent
TOP = 15
SAMPLE = 40
SEED = 15

STATS_PROBE = r"""
import json, sys
from pathlib import Path
from cngloss.library.store import open_library
from cngloss.library import lexicon as lx
from cngloss.library.headwords import definition_key
with open_library(Path(sys.argv[1]), write=True) as lib:
    lx.refresh(lib)
    lex = lx.load(lib)
    notes = lib.db.execute("SELECT count(*) FROM note").fetchone()[0]
    with_notes = lib.db.execute("SELECT count(DISTINCT report_id) FROM note").fetchone()[0]
    rows = []
    for i, key in enumerate(lex.keys):
        sources = lex.sources(i)
        reports = len({s.report_id for s in sources})
        rows.append((reports, i, sources))
    multi = sum(1 for r, _, _ in rows if r > 1)
    top = []
    for reports, i, sources in sorted(rows, key=lambda r: (-r[0], r[1]))[:int(sys.argv[2])]:
        wordings = set()
        for s in sources:
            d = lib.db.execute("SELECT definition FROM note WHERE report_id=? AND seq=?",
                               (s.report_id, s.seq)).fetchone()[0]
            wordings.add(definition_key(d))
        years = sorted(s.year for s in sources if s.year)
        top.append({"term": lex.glossary.terms[i].term, "reports": reports,
                    "first": years[0] if years else None, "last": years[-1] if years else None,
                    "wordings": len(wordings),
                    "variants": list(lex.glossary.terms[i].variants)[:3]})
    print(json.dumps({"notes": notes, "reports_with_notes": with_notes,
                      "headwords": len(lex.keys), "multi": multi, "top": top,
                      "sample": [lex.glossary.terms[i].term for _, i, _ in rows]},
                     ensure_ascii=False))
"""

WARM_PROBE = r"""
import json, sys, time
from pathlib import Path
from cngloss.corpus.load import load_corpus
from cngloss.library import glossary_queries as gq
path, words = Path(sys.argv[1]), json.loads(sys.argv[2])
corpus = load_corpus()
gq.find(path, corpus, "六稳六保")  # the lexicon loaded once
out = {"search": [], "show": []}
for word in words:
    for name, call in (("search", gq.find), ("show", gq.entry)):
        start = time.perf_counter()
        try:
            call(path, corpus, word)
        except Exception:
            pass
        out[name].append(time.perf_counter() - start)
print(json.dumps(out))
"""


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(0.95 * (len(ordered) - 1))))]


def glossaries(collection: Path, env: dict[str, str], rounds: int = 7) -> None:
    given = os.environ.get("CNGLOSS_BENCH_LIBRARY")
    with tempfile.TemporaryDirectory() as tmp:
        if given:
            lib = Path(given)
        else:
            lib = Path(tmp) / "lib.sqlite"
            subprocess.run([str(BIN / "cngloss"), "--library", str(lib), "add",
                            str(collection)], env=env, check=True, stdout=subprocess.DEVNULL)
        start = time.perf_counter()
        stats = json.loads(subprocess.run([PY, "-c", STATS_PROBE, str(lib), str(TOP)], env=env,
                                          check=True, capture_output=True, text=True).stdout)
        compile_s = time.perf_counter() - start
        print("\n### Glossaries in the library (issue 15)\n")
        print(f"{stats['notes']:,} notes of {stats['reports_with_notes']:,} reports: "
              f"{stats['headwords']:,} distinct headwords after the merge rule, "
              f"{stats['multi']:,} of them defined by more than one report "
              f"(statistics and the lexicon compiled in {compile_s:.1f} s).\n")
        print("| headword | reports | years | wordings | also printed as |")
        print("|---|---|---|---|---|")
        for row in stats["top"]:
            print(f"| {row['term']} | {row['reports']} | {row['first']}–{row['last']} | "
                  f"{row['wordings']} | {' · '.join(row['variants'])} |")
        cngloss = str(BIN / "cngloss")
        queries = {
            "`search 六稳六保` (library)": [cngloss, "--library", str(lib), "search", "六稳六保"],
            "`search liuwen` (library)": [cngloss, "--library", str(lib), "search", "liuwen"],
            "`show 六稳六保` (library, first page)": [cngloss, "--library", str(lib), "show",
                                                      "六稳六保"],
            "`show 四上企业` (library, notes only)": [cngloss, "--library", str(lib), "show",
                                                     "四上企业"],
        }
        # no library at all: no $CNGLOSS_LIBRARY, and a data folder without one
        floor_env = {k: v for k, v in env.items() if k != "CNGLOSS_LIBRARY"}
        floor_env["XDG_DATA_HOME"] = tmp
        floor = _cold([cngloss, "search", "liuwen"], rounds, floor_env)
        shown = _cold([cngloss, "show", "六稳六保"], rounds, floor_env)
        print(f"\nCold, a fresh process each, median of {rounds} (target ≤ 0.5 s):\n")
        print("| command | median | vs `search liuwen` without a library |")
        print("|---|---|---|")
        print(f"| `search liuwen` (no library, the floor) | {floor * 1000:.0f} ms | 1.00x |")
        print(f"| `show 六稳六保` (no library: the bundled report) | {shown * 1000:.0f} ms | "
              f"{shown / floor:.2f}x |")
        for label, argv in queries.items():
            t = _cold(argv, rounds, env)
            print(f"| {label} | {t * 1000:.0f} ms | {t / floor:.2f}x |")
        words = random.Random(SEED).sample(stats["sample"], SAMPLE)
        warm = json.loads(subprocess.run([PY, "-c", WARM_PROBE, str(lib),
                                          json.dumps(words, ensure_ascii=False)],
                                         env=env, check=True, capture_output=True,
                                         text=True).stdout)
        print(f"\nWarm, one process, {SAMPLE} headwords drawn from the lexicon "
              f"(target p95 ≤ 50 ms):\n")
        print("| query | median | p95 |")
        print("|---|---|---|")
        for name in ("search", "show"):
            values = warm[name]
            print(f"| {name} | {statistics.median(values) * 1000:.1f} ms | "
                  f"{_p95(values) * 1000:.1f} ms |")
