"""Coverage of data/english.yaml over the ranked candidates of tools/english_candidates.py.

    python tools/english_coverage.py english-candidates.tsv [data/english.yaml]

Prints a Markdown table: for the 150 most used national coinages and for every headword
defined by 20 or more reports' notes, how many have an official rendering, only a secondary
one, none found (searched, no source), or were not searched yet. A candidate matches an entry
by its headword or one of its forms, quotes ignored.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

QUOTES = str.maketrans("", "", "“”\"‘’'")


def _key(text: str) -> str:
    return text.translate(QUOTES).strip()


def load_entries(path: Path) -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for term in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]:
        for name in [term["term"], *term.get("forms", [])]:
            entries.setdefault(_key(name), term)
    return entries


def status(entry: dict | None) -> str:
    if entry is None:
        return "not searched"
    kinds = {r["kind"] for r in entry["renderings"]}
    if "official" in kinds:
        return "official"
    return "secondary" if kinds else "none found"


def main(candidates: str, data: str = "data/english.yaml") -> None:
    entries = load_entries(Path(data))
    with open(candidates, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    sets = {
        "top 150 by reports using": rows[:150],
        "defined by >= 20 reports": [r for r in rows if int(r["reports_defining"]) >= 20],
    }
    cols = ["official", "secondary", "none found", "not searched"]
    print("| set | terms | covered | " + " | ".join(cols) + " |")
    print("|---|---:|---:|" + "---:|" * len(cols))
    for name, chosen in sets.items():
        counts = {c: 0 for c in cols}
        for row in chosen:
            counts[status(entries.get(_key(row["term"])))] += 1
        covered = counts["official"] + counts["secondary"]
        print(f"| {name} | {len(chosen)} | {covered} | " + " | ".join(str(counts[c]) for c in cols) + " |")


if __name__ == "__main__":
    main(*sys.argv[1:])
