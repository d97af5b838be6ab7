"""Regenerate the README's trend chart: docs/trend-example.{json,png,svg}.

    .venv/bin/python docs/trend_example.py        # needs ../shared and the chart extra

A plain scan of ../shared/corpora/government-work-reports.jsonl.gz: for each year, the reports
it holds, their characters, and for each term the reports that use it and its occurrences
(``str.count`` over each report's whole Markdown ``content``, notes included: an illustration,
not the library's exact count). Only these per-year numbers are written (a derived aggregate,
no text of the reports), then drawn by the code the ``trend`` command uses.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cngloss.model import TrendSeries, YearPoint  # noqa: E402
from cngloss.render.chart_image import write_image  # noqa: E402

COLLECTION = ROOT.parent / "shared" / "corpora" / "government-work-reports.jsonl.gz"
TERMS = ("六稳", "六保", "乡村振兴")
OUT = ROOT / "docs"


def scan(path: Path = COLLECTION, terms: tuple[str, ...] = TERMS) -> list[TrendSeries]:
    """One series per term over every year of the collection."""
    reports: dict[int, int] = defaultdict(int)
    characters: dict[int, int] = defaultdict(int)
    using = {term: defaultdict(int) for term in terms}
    occurrences = {term: defaultdict(int) for term in terms}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for text in lines:
            record = json.loads(text)
            year, content = record["year"], record["content"] or ""
            reports[year] += 1
            characters[year] += len(content)
            for term in terms:
                count = content.count(term)
                occurrences[term][year] += count
                using[term][year] += count > 0
    return [TrendSeries(term, tuple(
        YearPoint(year, reports[year], using[term][year], occurrences[term][year],
                  characters[year]) for year in sorted(reports))) for term in terms]


def to_json(series: list[TrendSeries]) -> str:
    """The series as JSON: a label and [year, reports, using, occurrences, characters] rows."""
    rows = [{"label": one.label, "points": [list(point) for point in one.points]}
            for one in series]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n"


def from_json(text: str) -> list[TrendSeries]:
    return [TrendSeries(one["label"], tuple(YearPoint(*point) for point in one["points"]))
            for one in json.loads(text)]


def main() -> None:
    series = scan()
    (OUT / "trend-example.json").write_text(to_json(series), encoding="utf-8")
    title = ("六稳, 六保, 乡村振兴 in 3,004 government work reports: "
             "uses per 100,000 characters")
    for fmt in ("png", "svg"):
        write_image(series, OUT / f"trend-example.{fmt}", fmt, title=title, force=True)
    print(f"wrote {OUT}/trend-example.json, .png, .svg")


if __name__ == "__main__":
    main()
