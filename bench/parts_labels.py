"""Score the parts ``import`` suggests against a labelled set kept outside the repository
(issue 23).

    python bench/parts_labels.py LABELS.json [-v]

LABELS.json is a labeller's file (``{"set", "labeller_rules", "reports": [{"path",
"notes": [{"index", "headword", "groups": [[item, ...], ...]}], "excluded": [...]}]}``)
with the items as text; the committed fixture (tests/fixtures/parts_sample.json) keeps the
same labels as counts and hashes only. Prints right/total for the slogans (exact groups and
items) and the notes without listed items that get parts ("invented"); ``-v`` also prints
each miss, its definition, wanted and got (report text: to read, never to commit). Needs
../shared (the collection).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from conftest import collection_texts  # noqa: E402

from cngloss.corpus.suggest import suggest_parts  # noqa: E402
from cngloss.sources.report import parse_report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each miss")
    args = parser.parse_args()
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    texts = collection_texts({r["path"] for r in labels["reports"]})
    right = total = invented = plain = 0
    for report in labels["reports"]:
        notes = parse_report(texts[report["path"]]).notes
        for label in report["notes"]:
            note = next((n for n in notes if n.headword == label["headword"]), None)
            if note is None:
                print("note not read:", report["path"], label["index"], file=sys.stderr)
                continue
            got = [p["items"] for p in suggest_parts(note.headword, note.definition)[0]]
            if label["groups"]:
                total += 1
                right += got == label["groups"]
                miss = got != label["groups"]
            else:
                plain += 1
                invented += bool(got)
                miss = bool(got)
            if miss and args.verbose:
                print("---", report["path"], note.headword)
                print("  DEF ", note.definition[:300])
                print("  WANT", label["groups"])
                print("  GOT ", got)
    print(f"{labels.get('set', args.labels.stem)}: right {right}/{total} "
          f"({right / max(total, 1):.1%}); invented {invented}/{plain}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
