"""The README's trend chart (docs/trend-example.*): its numbers are what a plain scan of the
shared collection gives, counted here another way (regular expressions, per report), and the
committed images are what docs/trend_example.py draws from them."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import shared_dir

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
COLLECTION = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"


def committed() -> list[dict]:
    return json.loads((DOCS / "trend-example.json").read_text(encoding="utf-8"))


def test_the_readme_links_the_committed_chart():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/trend-example.png)" in readme
    assert (DOCS / "trend-example.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (DOCS / "trend-example.svg").read_text(encoding="utf-8")
    assert all(f">{label}<" in svg for label in ("六稳", "六保", "乡村振兴"))


def test_each_series_covers_the_same_years_with_the_same_denominators():
    rows = committed()
    assert [row["label"] for row in rows] == ["六稳", "六保", "乡村振兴"]
    first = [(p[0], p[1], p[4]) for p in rows[0]["points"]]
    assert all([(p[0], p[1], p[4]) for p in row["points"]] == first for row in rows)
    assert sum(p[1] for p in rows[0]["points"]) == 3004  # the collection's reports
    assert all(p[2] <= p[1] and p[3] >= p[2] for row in rows for p in row["points"])


@pytest.mark.skipif(not COLLECTION.is_file(), reason="../shared/corpora is not beside the repository")
def test_the_numbers_are_a_plain_scan_of_the_collection():
    reports, characters = Counter(), Counter()
    using = {label: Counter() for label in ("六稳", "六保", "乡村振兴")}
    uses = {label: Counter() for label in using}
    with gzip.open(COLLECTION, "rt", encoding="utf-8") as lines:
        for text in lines:
            record = json.loads(text)
            content = record["content"] or ""
            reports[record["year"]] += 1
            characters[record["year"]] += len(content)
            for label in using:
                found = len(re.findall(label, content))
                uses[label][record["year"]] += found
                using[label][record["year"]] += bool(found)
    for row in committed():
        label = row["label"]
        assert row["points"] == [[year, reports[year], using[label][year], uses[label][year],
                                  characters[year]] for year in sorted(reports)]
