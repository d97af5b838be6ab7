"""`cngloss annotate` (issue 16): time and memory of finding every term of a glossary in a
document, in fresh processes (``bench/run --only annotate``).

1. The bundled 23 terms over the national 2021 report: the occurrences against a plain scan
   (quotes removed, ``str.count`` of every form), the first call in a process (the matcher's
   import included) and the median of warm calls, after start-up (cngloss imported, the
   glossary loaded).
2. 100,000 CC-CEDICT terms over a 1,000,000-character document (the national reports, newest
   first, repeated), and how time grows with the number of terms and the document's length:
   build the matcher and annotate once, in a fresh process each, with its peak memory.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "national-government-work-reports.jsonl"

PEAK = r"""
def peak_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
"""

SMALL = PEAK + r"""
import json, sys, time
from cngloss import load_corpus
from cngloss.corpus.annotate import annotate
terms = load_corpus().glossary.terms
times, cpu = [], []
for _ in range(int(sys.argv[2])):
    t, c = time.perf_counter(), time.process_time()
    found = annotate(terms, sys.argv[1])
    found.terms  # the table: count and first line of each term
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(json.dumps({"times": times, "cpu": cpu, "uses": len(found.occurrences)}))
"""

LARGE = PEAK + r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
from cedict_glossary import entries
from cngloss.model import Rendering, Term
from cngloss.corpus.annotate import annotate
terms = [Term(e["id"], e["term"], e["pinyin"], e["definition"], variants=tuple(e["variants"]),
              english=tuple(Rendering(x["text"]) for x in e["english"]))
         for e in entries(int(sys.argv[2]))]
before = peak_mb()
t, c = time.perf_counter(), time.process_time()
found = annotate(terms, sys.argv[1])
used = len(found.terms)  # the table: count and first line of each term
took, cpu = time.perf_counter() - t, time.process_time() - c
t = time.perf_counter()
lines = found.occurrences.lines
print(json.dumps({"time": took, "cpu": cpu, "uses": len(found.occurrences), "terms_used": used,
                  "peak_mb": peak_mb(), "before_mb": before,
                  "lines": time.perf_counter() - t}))
"""


def _texts() -> list[str]:
    return [json.loads(line)["content"] for line in CORPUS.open(encoding="utf-8")]


def _national_2021() -> str:
    for line in CORPUS.open(encoding="utf-8"):
        record = json.loads(line)
        if str(record.get("year")) == "2021":
            return record["content"]
    raise SystemExit("no 2021 report in " + str(CORPUS))


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def annotate_section(rounds: int = 5) -> None:
    print("\n## annotate (issue 16)\n")
    from cngloss.sources.glossary import load_glossary
    from cngloss.text.hanzi import strip_quotes

    text = _national_2021()
    forms = {f for t in load_glossary(ROOT / "data" / "terms.yaml").terms for f in t.forms}
    plain = sum(strip_quotes(text).count(strip_quotes(f)) for f in forms)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "national-2021.txt"
        path.write_text(text, encoding="utf-8")
        firsts, warm, cpu, uses = [], [], [], 0
        for _ in range(rounds):
            result = _run(SMALL, str(path), "6")
            firsts.append(result["times"][0])
            warm += result["times"][1:]
            cpu.append(result["cpu"][0])
            uses = result["uses"]
        print(f"The bundled 23 terms over the national 2021 report ({len(text):,} characters): "
              f"{uses} occurrences, a plain scan (quotes removed, str.count of every form) "
              f"{plain}. After start-up: first call in a process {statistics.median(firsts) * 1000:.1f} ms "
              f"(median of {rounds} processes, the matcher's import included; CPU time "
              f"{statistics.median(cpu) * 1000:.1f} ms), "
              f"then {statistics.median(warm) * 1000:.1f} ms (median of {len(warm)} calls).\n")
        joined = "\n".join(_texts())
        print("| terms | document characters | time | CPU time | peak memory | uses | terms used |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        points = [(10_000, 1_000_000), (30_000, 1_000_000), (100_000, 250_000),
                  (100_000, 500_000), (100_000, 1_000_000)]
        for count, chars in points:
            doc = Path(tmp) / f"doc-{chars}.txt"
            doc.write_text((joined * (chars // len(joined) + 1))[:chars], encoding="utf-8")
            runs = [_run(LARGE, str(doc), str(count), str(HERE)) for _ in range(3)]
            best = sorted(runs, key=lambda r: r["time"])[1]
            print(f"| {count:,} | {chars:,} | {best['time']:.2f} s | {best['cpu']:.2f} s | "
                  f"{max(r['peak_mb'] for r in runs):.0f} MB | {best['uses']:,} | "
                  f"{best['terms_used']:,} |", flush=True)
        print("\nTime is the median of 3 fresh processes: build the matcher, read the file, fold, "
              "match, count each term and place its first use (what `annotate --terms` "
              "prints; the offsets of every use are mapped back only when all are needed); CPU time is that process's; peak memory is its "
              "VmHWM, the glossary's terms themselves included.")


if __name__ == "__main__":
    annotate_section()
