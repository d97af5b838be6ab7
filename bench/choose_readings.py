"""The measurements behind the reading engine (docs/development.md, "Dependencies, and why"; BENCHMARKS.md,
"Readings").

Not part of bench/run: it needs the candidates, which cngloss does not depend on, and the
shared collection. Run it in a scratch venv:

    python -m venv /tmp/cand && /tmp/cand/bin/pip install -e . jieba pypinyin-dict g2pM
    /tmp/cand/bin/python bench/choose_readings.py            # every engine, then import times
    /tmp/cand/bin/python bench/choose_readings.py ENGINE     # one engine's accuracy

Accuracy is measured on tests/fixtures/readings_sample.json (468 hand-labelled headwords,
stored as hashes): each engine reads the headword's hanzi and the hash of its reading is
compared with the label's. Every engine but ``pypinyin`` writes 一 and 不 in citation tones,
as the labels do. Each engine runs in a process of its own (pypinyin-dict changes pypinyin's
phrase dictionary in place). Import time: median of 7 fresh processes that import the engine
and read one word, against ``python -c pass``.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLLECTION = ROOT.parent / "shared" / "corpora" / "government-work-reports.jsonl.gz"
FIXTURE = json.loads((ROOT / "tests" / "fixtures" / "readings_sample.json")
                     .read_text(encoding="utf-8"))

ENGINES = ["pypinyin", "pypinyin+citation", "jieba", "pypinyin-dict cc_cedict",
           "pypinyin-dict large_pinyin", "g2pM", "pypinyin+list", "cngloss cut",
           "cngloss cut+list", "cngloss"]
IMPORTS = {
    "pass": "pass",
    "pypinyin": "from pypinyin import pinyin; pinyin('卫生')",
    "cngloss": "from cngloss.corpus.readings import read; read('卫生', '卫生')",
    "jieba": "import jieba; jieba.setLogLevel(60); from pypinyin import pinyin; "
             "pinyin(jieba.lcut('卫生发展'))",
    "pypinyin-dict cc_cedict": "from pypinyin_dict.phrase_pinyin_data import cc_cedict; "
                               "cc_cedict.load(); from pypinyin import pinyin; pinyin('卫生')",
    "pypinyin-dict large_pinyin": "from pypinyin_dict.phrase_pinyin_data import large_pinyin;"
                                  " large_pinyin.load(); from pypinyin import pinyin; "
                                  "pinyin('卫生')",
    "g2pM": "from g2pM import G2pM; G2pM()('卫生')",
}


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _citation(hanzi: str, syllables: list[str]) -> list[str]:
    return [{"一": "yī", "不": "bù"}.get(c, s) for c, s in zip(hanzi, syllables)]


def reader(engine: str):
    """hanzi, definition -> syllables, for one engine."""
    from pypinyin import Style, pinyin

    def words(list_of_words):
        return [r[0] for r in pinyin(list_of_words, style=Style.TONE)]

    if engine == "pypinyin":
        return lambda h, d: words(h)
    if engine == "pypinyin+citation":
        return lambda h, d: _citation(h, words(h))
    if engine == "jieba":
        import jieba
        from pypinyin.constants import PHRASES_DICT
        from pypinyin.seg.mmseg import seg

        jieba.setLogLevel(60)

        def cut(h):  # jieba's words; one pypinyin lacks is cut again by pypinyin
            return [p for w in jieba.lcut(h, HMM=False)
                    for p in ([w] if w in PHRASES_DICT else seg.cut(w))]
        return lambda h, d: _citation(h, words(cut(h)))
    if engine.startswith("pypinyin-dict"):
        from importlib import import_module

        from pypinyin.seg import mmseg

        import_module("pypinyin_dict.phrase_pinyin_data." + engine.split()[1]).load()
        mmseg.retrain(mmseg.seg)
        return lambda h, d: _citation(h, words(h))
    if engine == "pypinyin+list":  # the reviewed list loaded into pypinyin, its own cut
        from pypinyin import load_phrases_dict
        from pypinyin.seg import mmseg

        from cngloss.corpus.readings import reviewed_phrases

        load_phrases_dict({p: [[s] for s in r] for p, r in reviewed_phrases().items()})
        mmseg.retrain(mmseg.seg)
        return lambda h, d: _citation(h, words(h))
    if engine == "g2pM":
        from g2pM import G2pM
        from pypinyin.contrib.tone_convert import to_tone

        model = G2pM()
        return lambda h, d: _citation(h, [to_tone(s.replace("u:", "v"))
                                          for s in model(h, tone=True, char_split=False)])
    from cngloss.corpus import readings

    if engine == "cngloss cut":
        readings.reviewed_phrases = lambda: {}
    if engine in ("cngloss cut", "cngloss cut+list"):
        return lambda h, d: readings.read(h)
    return readings.read


def accuracy(engine: str) -> dict:
    from cngloss.sources.readers.jsonl import iter_records
    from cngloss.sources.report import parse_report
    from cngloss.text.hanzi import hanzi_of

    sample = FIXTURE["sample"]
    paths = {e["path"] for e in sample}
    notes = {doc.metadata["path"]: {_sha(hanzi_of(n.headword)): n
                                    for n in parse_report(doc.text).notes}
             for doc in iter_records(COLLECTION) if doc.metadata.get("path") in paths}
    read = reader(engine)
    right = {"A": 0, "B": 0}
    started = time.perf_counter()
    for e in sample:
        note = notes[e["path"]][e["headword"]]
        hanzi = hanzi_of(note.headword)
        right[e["set"]] += _sha(" ".join(read(hanzi, note.definition))) == e["pinyin"]
    return {"engine": engine, "A": right["A"], "B": right["B"],
            "seconds": round(time.perf_counter() - started, 2)}


def import_time(code: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    if len(sys.argv) > 1:
        print(json.dumps(accuracy(" ".join(sys.argv[1:]))))
        return
    counts = FIXTURE["counts"]
    print(f"| engine | set A ({counts['A']}) | set B ({counts['B']}) | all ({counts['sample']}) |")
    print("|---|---|---|---|")
    for engine in ENGINES:
        out = subprocess.run([sys.executable, __file__, *engine.split()], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        total = r["A"] + r["B"]
        print(f"| {engine} | {r['A']} ({r['A'] / counts['A']:.1%}) | "
              f"{r['B']} ({r['B'] / counts['B']:.1%}) | {total} ({total / counts['sample']:.1%}) |")
    base = import_time(IMPORTS["pass"])
    for name, code in IMPORTS.items():
        if name != "pass":
            print(f"import and first reading, {name}: +{import_time(code) - base:.2f} s")


if __name__ == "__main__":
    main()
