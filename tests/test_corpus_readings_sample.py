"""Headword readings on notes of the shared collection, against readings labelled by hand.

tests/fixtures/readings_sample.json holds, for 468 headwords of reports outside the 8 of
issue 23 and for every headword of those 8, the report, the note number and SHA-1 prefixes
of the headword's hanzi and of the expected reading (its "about" says how they were
labelled); never the text. Each headword is found again in its report, read as ``import``
reads it (headword and definition), and the reading's hash compared. Skips without ../shared.

With the layouts of issue 23 one of the 469 labelled headwords went: 东莞 2010's list item
四、改善困难家庭住房 (of the report's ten practical projects after its last note), which the
parser took for a note and now leaves out as a trailer. It is dropped from the sample rather
than relabelled: it is not a headword. Every other headword is found again as the layouts read it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cngloss.corpus.suggest import pinyin_of
from cngloss.model import Note
from cngloss.sources.report import parse_report
from cngloss.text.hanzi import hanzi_of
from conftest import collection_texts, shared_dir

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "readings_sample.json")
                     .read_text(encoding="utf-8"))
COLLECTION = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"
TARGET = 0.99


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.fixture(scope="module")
def notes_by_report() -> dict[str, dict[str, Note]]:
    if not COLLECTION.is_file():
        pytest.skip("../shared/corpora/government-work-reports.jsonl.gz is not here")
    paths = {e["path"] for e in FIXTURE["sample"] + FIXTURE["regressions"]}
    out = {}
    for path, text in collection_texts(paths).items():
        out[path] = {_sha(hanzi_of(n.headword)): n for n in parse_report(text).notes}
    return out


def _judge(entries: list[dict], notes_by_report) -> tuple[list[str], list[str]]:
    """(entries whose headword is no longer found, entries read wrong), as short labels."""
    lost, wrong = [], []
    for e in entries:
        label = f"{e['path']} note {e['note']} ({e['headword']})"
        note = notes_by_report.get(e["path"], {}).get(e["headword"])
        if note is None:
            lost.append(label)
        elif _sha(pinyin_of(note.headword, note.definition)) != e["pinyin"]:
            wrong.append(f"{label}: {pinyin_of(note.headword, note.definition)}")
    return lost, wrong


def test_the_fixture_counts_what_it_holds():
    counts, sample = FIXTURE["counts"], FIXTURE["sample"]
    assert counts["sample"] == len(sample) >= 300
    assert (counts["A"], counts["B"]) == (sum(e["set"] == "A" for e in sample),
                                          sum(e["set"] == "B" for e in sample))
    assert counts["polyphone"] == sum(e["polyphone"] for e in sample) >= 2 * len(sample) // 3
    assert counts["regressions"] == len(FIXTURE["regressions"]) == 167
    assert counts["was_wrong"] == sum(e["was_wrong"] for e in FIXTURE["regressions"]) == 8
    # distinct headwords, none of them from the 8 reports of the regressions
    assert len({e["headword"] for e in sample}) == len(sample)
    assert not {e["path"] for e in sample} & {e["path"] for e in FIXTURE["regressions"]}


def test_at_least_99_percent_of_the_sample_is_read_right(notes_by_report):
    sample = FIXTURE["sample"]
    lost, wrong = _judge(sample, notes_by_report)
    assert not lost, f"headwords no longer found in their report: {lost}"
    right = len(sample) - len(wrong)
    by_set = {s: sum(1 for e in sample if e["set"] == s) for s in ("A", "B")}
    print(f"readings: {right}/{len(sample)} right ({right / len(sample):.1%}); "
          f"sets {by_set}; wrong: {wrong}")
    assert right / len(sample) >= TARGET, (
        f"{right}/{len(sample)} read right ({right / len(sample):.1%}), below {TARGET:.0%}: "
        f"{wrong}")


def test_the_8_reports_of_issue_23_are_read_right_note_by_note(notes_by_report):
    """Regressions: 治重化积 (重 chóng), 三河两网一通道 (通 tōng), 旅游重振工程 (重 chóng), 藏区
    three times (藏 zàng), 大调解 (调 tiáo), 脊髓灰质炎 (脊 jǐ), and the 159 read right."""
    lost, wrong = _judge(FIXTURE["regressions"], notes_by_report)
    assert (lost, wrong) == ([], [])
