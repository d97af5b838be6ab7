"""The measurement behind the sense rule (docs/glossary.md, "Senses", where its table is).

For every note of the library that defines a headword of the file of renderings which has a
``meaning``, the share of the meaning's characters the note's definition uses
(``text.overlap.coverage``), against the hand labels of tests/fixtures/senses_sample.json
(national or other, keyed by hashes: no corpus text). Prints, for each threshold, the notes
of the national sense it would call another (their English withheld) and the notes of
another sense it would call national (given the national English: the error to avoid).

    .venv/bin/python bench/choose_senses.py LIBRARY.sqlite [ENGLISH.yaml]

(the library of the whole shared collection: ``cngloss --library LIB add
../shared/corpora/government-work-reports.jsonl.gz``; ENGLISH.yaml: by default the bundled
data/english.yaml).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cngloss.corpus.english import SENSE_THRESHOLD  # noqa: E402
from cngloss.library.headwords import headword_key  # noqa: E402
from cngloss.sources.english import load_english  # noqa: E402
from cngloss.text.overlap import coverage  # noqa: E402

LABELS = json.loads((ROOT / "tests" / "fixtures" / "senses_sample.json")
                    .read_text(encoding="utf-8"))["labels"]
THRESHOLDS = (0.2, 0.25, 0.3, 0.33, 0.35, 0.4, 0.45, 0.5, 0.6)


def label_key(key: str, definition: str) -> str:
    return hashlib.sha1(f"{key}\t{definition}".encode("utf-8")).hexdigest()[:16]


def main(library: str, english: str) -> None:
    data = load_english(english)
    meanings = {headword_key(form): entry.meaning for entry in data if entry.meaning
                for form in (entry.term, *entry.forms)}
    db = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    scored, unlabelled = [], 0
    for headword, definition in db.execute(
            "SELECT headword, definition FROM note WHERE headword IS NOT NULL AND headword != ''"):
        key = headword_key(headword)
        if key not in meanings:
            continue
        label = LABELS.get(label_key(key, definition))
        if label is None:
            unlabelled += 1
            continue
        scored.append((coverage(definition, meanings[key]), label))
    national = sum(1 for _, label in scored if label == "national")
    other = len(scored) - national
    print(f"{len(scored)} notes of {len(set(meanings.values()))} headwords with a meaning "
          f"({national} national, {other} another sense; {unlabelled} not labelled)\n")
    print("| threshold | national notes called another sense | other-sense notes called "
          "national |")
    print("|---:|---:|---:|")
    for threshold in THRESHOLDS:
        missed = sum(1 for score, label in scored if label == "national" and score < threshold)
        wrong = sum(1 for score, label in scored if label == "other" and score >= threshold)
        mark = " (in use)" if threshold == SENSE_THRESHOLD else ""
        print(f"| {threshold}{mark} | {missed} ({missed / max(national, 1):.1%}) | "
              f"{wrong} ({wrong / max(other, 1):.1%}) |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "data" / "english.yaml"))
