"""Junk headwords at scale (issue 23): every note of the shared collection, by class.

Two steps, so that another checkout's reader can be measured with this one's classes:

    # the notes as a reader finds them (only the reader is imported: any checkout works)
    PYTHONPATH=../main/src python bench/junk_headwords.py --dump /tmp/before.jsonl
    python bench/junk_headwords.py --dump /tmp/after.jsonl
    # the quality table, before and after (BENCHMARKS.md, "Junk headwords")
    python bench/junk_headwords.py --table /tmp/before.jsonl /tmp/after.jsonl
    # read what a class holds (text on stdout: to read, never to commit)
    python bench/junk_headwords.py --list statement /tmp/after.jsonl

Junk classes are ``cngloss.text.note_terms.JUNK_CLASSES``: the library's merged
glossary leaves those notes out. "After" counts what is still taken for a term: a junk
headword the reader still produces but ``not_a_term`` names is counted as left out. The
kept classes are counted too (they are terms when the note defines them), with these
tests, made here for the table only: codes without hanzi (digits and signs), Latin
acronyms, single common words (two hanzi or fewer, a word of pypinyin's phrase
dictionary), long headwords (over 30 characters, quotes aside).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

COLLECTION = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / \
    "government-work-reports.jsonl.gz"
HANZI = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
QUOTES = re.compile(r"[“”\"‘’「」『』]")


def dump(out: Path, collection: Path) -> int:
    """Every note's headword (path, position, number) as JSON lines; the count."""
    from cngloss.sources.report import parse_report

    count = 0
    with gzip.open(collection, "rt", encoding="utf-8") as handle, \
            out.open("w", encoding="utf-8") as sink:
        for line in handle:
            record = json.loads(line)
            try:
                notes = parse_report(record["content"]).notes
            except Exception:  # a record without paragraphs has no notes either
                continue
            for k, note in enumerate(notes):
                sink.write(json.dumps({"path": record["path"], "k": k, "n": note.number,
                                       "headword": note.headword}, ensure_ascii=False) + "\n")
                count += 1
    return count


def kept_class(headword: str, words: frozenset[str]) -> str | None:
    bare = QUOTES.sub("", headword)
    if not HANZI.search(bare) and not LATIN.search(bare):
        return "code without hanzi (kept)"
    if not HANZI.search(bare):
        return "Latin acronym (kept)"
    if len(bare) <= 2 and bare in words:
        return "single common word (kept)"
    if len(bare) > 30:
        return "over 30 characters (kept)"
    return None


def classify(rows: list[dict]) -> Counter:
    from pypinyin.phrases_dict import phrases_dict  # the bench's own dictionary of words

    from cngloss.text.note_terms import not_a_term

    words = frozenset(phrases_dict)
    counts: Counter = Counter()
    for row in rows:
        junk = not_a_term(row["headword"])
        counts[junk or kept_class(row["headword"], words) or "term"] += 1
    return counts


def table(before: list[dict], after: list[dict]) -> str:
    """The Markdown table: headwords by class, before and after. After, a junk class is
    what the merged glossary still takes for a term (zero: ``not_a_term`` leaves it out),
    shown with how many notes of that class the reader still produces."""
    from cngloss.text.note_terms import JUNK_CLASSES

    b, a = classify(before), classify(after)
    lines = ["| class | before: notes | after: notes the reader produces "
             "| after: taken for terms |", "|---|---|---|---|"]
    for name in JUNK_CLASSES:
        lines.append(f"| {name} | {b[name]} | {a[name]} | 0 |")
    junk_b = sum(b[n] for n in JUNK_CLASSES)
    junk_a = sum(a[n] for n in JUNK_CLASSES)
    lines.append(f"| **junk, all classes** | **{junk_b}** | **{junk_a}** | **0** |")
    for name in sorted(k for k in set(b) | set(a) if k.endswith("(kept)")):
        lines.append(f"| {name} | {b[name]} | {a[name]} | {a[name]} |")
    lines.append(f"| terms (none of the above) | {b['term']} | {a['term']} | {a['term']} |")
    lines.append(f"| **notes** | **{len(before)}** | **{len(after)}** | "
                 f"**{len(after) - junk_a}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write every note's headword here")
    parser.add_argument("--collection", type=Path, default=COLLECTION)
    parser.add_argument("--table", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--list", nargs=2, metavar=("CLASS", "DUMP"))
    args = parser.parse_args(argv)
    if args.dump:
        print(f"{dump(args.dump, args.collection)} notes -> {args.dump}")
    if args.table:
        before, after = ([json.loads(x) for x in p.open(encoding="utf-8")] for p in args.table)
        print(table(before, after))
    if args.list:
        from pypinyin.phrases_dict import phrases_dict

        from cngloss.text.note_terms import not_a_term

        name, path = args.list
        words = frozenset(phrases_dict)
        for row in (json.loads(x) for x in Path(path).open(encoding="utf-8")):
            if (not_a_term(row["headword"]) or kept_class(row["headword"], words)) == name:
                print(row["path"], row["n"], row["headword"], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
