"""Issue 24's measure of ``discover`` on reports labelled by hand (tests/fixtures/
discover_sample.json: hashes and counts, never text): recall of the numbered slogans, the
share of numeral look-alikes reported, and the expansions of the slogans whose items the
text lists. The labels were made by reading the reports, not from ``discover``'s output; the
numbers are those of BENCHMARKS.md ("discover"). Skips without ../shared."""

import gzip
import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from cngloss.discover import discover_text
from cngloss.library.slogan_lexicon import attested_forms
from conftest import FIXTURES, shared_dir

CORPUS = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"
SAMPLE = json.loads((FIXTURES / "discover_sample.json").read_text(encoding="utf-8"))


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@pytest.fixture(scope="module")
def texts():
    if not CORPUS.is_file():
        pytest.skip("../shared/corpora/government-work-reports.jsonl.gz is not here")
    return labelled_texts()


def labelled_texts():
    wanted = {(r["place_sha"], r["year"]): r["content_sha"]
              for r in SAMPLE["reports"] + SAMPLE["heldout"]["reports"]
              + SAMPLE["unread"]["reports"] + SAMPLE["blind"]["reports"]
              + SAMPLE["blind_J"]["reports"]}
    years = {f'"year": {y}' for _, y in wanted} | {f'"year": "{y}"' for _, y in wanted}
    found = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not any(y in line for y in years):
                continue
            record = json.loads(line)
            key = (sha(record["place"]), int(record["year"]))
            if key in wanted and sha(record["content"]) == wanted[key]:
                found[key] = record["content"]
    assert len(found) == len(wanted), "a labelled report is missing or changed"
    return found


def measure(texts, reports, lexicon=None):
    """The counts of ``reports``; ``lexicon``: a report's lexicon of collection-attested
    forms (a function of the report), none by default (no library)."""
    counts = dict.fromkeys(SAMPLE["expected"], 0)
    for report in reports:
        terms = discover_text("x", texts[(report["place_sha"], report["year"])],
                              attested=lexicon(report) if lexicon else ())
        by_sha = {sha(t.term): t for t in terms}
        prefixes = {sha(t.term[:n]) for t in terms for n in range(1, len(t.term) + 1)}
        labelled = {s["sha"] for s in report["slogans"]}
        for slogan in report["slogans"]:
            counts["slogans"] += 1
            term = by_sha.get(slogan["sha"])
            counts["found"] += term is not None
            if slogan["expansion_sha"] is not None:
                counts["listed"] += 1
                counts["expanded_right"] += bool(
                    term is not None and term.expansion is not None
                    and sha("、".join(term.expansion.items)) == slogan["expansion_sha"])
        for lookalike in report["lookalikes"]:
            counts["lookalikes"] += 1
            # reported: a term that is the look-alike or begins it, or one that goes on from
            # it and is no labelled slogan
            begins_it = any(h in by_sha for h in lookalike)
            goes_on = lookalike[-1] in prefixes and any(
                h not in labelled and lookalike[-1] in
                {sha(by_sha[h].term[:n]) for n in range(1, len(by_sha[h].term) + 1)}
                for h in by_sha)
            counts["false_positives"] += begins_it or goes_on
    return counts


def test_the_sample_is_what_the_issue_asks():
    expected = SAMPLE["expected"]
    assert len(SAMPLE["reports"]) >= 4 and expected["lookalikes"] >= 60
    assert len({r["year"] for r in SAMPLE["reports"]}) == len(SAMPLE["reports"])


def test_held_out_report_is_as_reported(texts):
    """A report labelled after the rules were last changed: what to expect on new text
    (below the targets: BENCHMARKS.md)."""
    assert measure(texts, SAMPLE["heldout"]["reports"]) == SAMPLE["heldout"]["expected"]


def test_recall_false_positives_and_expansions_are_as_reported(texts):
    counts = measure(texts, SAMPLE["reports"])
    assert counts == SAMPLE["expected"]
    assert counts["found"] / counts["slogans"] >= 0.88  # target 0.90: see BENCHMARKS.md
    assert counts["false_positives"] / counts["lookalikes"] <= 0.05
    assert counts["expanded_right"] / counts["listed"] >= 0.80


def test_unread_reports_before_and_after(texts):
    """Four reports labelled before discover ran on them: recall was 69.9% before the rules
    were changed for them (the fixture's "before"); now as expected."""
    before = SAMPLE["unread"]["before"]
    assert before["found"] / before["slogans"] < 0.70
    assert measure(texts, SAMPLE["unread"]["reports"]) == SAMPLE["unread"]["expected"]


def test_all_labelled_reports_reach_the_targets(texts):
    totals = dict.fromkeys(SAMPLE["expected"], 0)
    for reports in (SAMPLE["reports"], SAMPLE["heldout"]["reports"], SAMPLE["unread"]["reports"]):
        for key, value in measure(texts, reports).items():
            totals[key] += value
    assert totals["found"] / totals["slogans"] >= 0.90
    assert totals["false_positives"] / totals["lookalikes"] <= 0.05
    assert totals["expanded_right"] / totals["listed"] >= 0.80  # 11/13


def without_unsure(reports):
    """The blind reports without what their labeller marked unsure (slogans and look-alikes)."""
    return [{**report,
             "slogans": [s for s in report["slogans"] if s["sha"] not in report["unsure"]],
             "lookalikes": [l for l in report["lookalikes"] if l[-1] not in report["unsure"]]}
            for report in reports]


def at_least_as_measured(counts, measured):
    """Recall and expansions no lower, false positives no higher than once measured."""
    assert counts["slogans"] == measured["slogans"]
    assert counts["lookalikes"] == measured["lookalikes"]
    assert counts["listed"] == measured["listed"]
    assert counts["found"] >= measured["found"]
    assert counts["false_positives"] <= measured["false_positives"]
    assert counts["expanded_right"] >= measured["expanded_right"]


def test_blind_set_is_no_worse_than_measured(texts):
    """Set H: three reports labelled blind by a separate labeller, measured once with no
    change to the code (far below the targets: BENCHMARKS.md). A regression fails; a gain
    passes (then record it)."""
    blind = SAMPLE["blind"]
    assert len(blind["reports"]) == 3
    assert {r["level"] for r in blind["reports"]} == {"national", "province", "city"}
    at_least_as_measured(measure(texts, blind["reports"]), blind["expected"])
    at_least_as_measured(measure(texts, without_unsure(blind["reports"])),
                         blind["without_unsure"])


def test_all_twelve_reports_are_no_worse_than_measured(texts):
    """The nine earlier reports and set H together, without a library: 242/301 slogans,
    5/409 look-alikes, 12/21 expansions when H was measured; 252/301 after i24-recall's
    general rules (recall and expansions below the targets)."""
    totals = dict.fromkeys(SAMPLE["expected"], 0)
    for reports in (SAMPLE["reports"], SAMPLE["heldout"]["reports"],
                    SAMPLE["unread"]["reports"], SAMPLE["blind"]["reports"]):
        for key, value in measure(texts, reports).items():
            totals[key] += value
    at_least_as_measured(totals, {"slogans": 301, "found": 252, "lookalikes": 409,
                                  "false_positives": 5, "listed": 21, "expanded_right": 12})


LIBRARY = os.environ.get("CNGLOSS_DISCOVER_LIBRARY")


@pytest.fixture(scope="module")
def leave_one_out():
    """A report's lexicon from a library of the whole collection (``$CNGLOSS_DISCOVER_
    LIBRARY``), LEAVE-ONE-OUT: the report itself (every report of its place and year) is
    left out, so each form is attested by the finder's rows (not the rows the lexicon gave)
    or the notes of two other places: the evidence comes from other reports only."""
    if not LIBRARY or not Path(LIBRARY).is_file():
        pytest.skip("$CNGLOSS_DISCOVER_LIBRARY names no library of the whole collection")
    db = sqlite3.connect(f"file:{LIBRARY}?mode=ro", uri=True)
    ids: dict[tuple[str, int], list[int]] = {}
    for rid, place, year in db.execute("SELECT id, place, year FROM report"):
        ids.setdefault((sha(place or ""), year), []).append(rid)
    assert len(ids) >= 3000, "not a library of the whole collection"
    return lambda report: attested_forms(db, ids[(report["place_sha"], report["year"])])


def test_with_the_library_lexicon_leave_one_out(texts, leave_one_out):
    """With the collection's lexicon (each report left out of its own): recall of the nine
    tuned reports, of set H and of all twelve as measured (BENCHMARKS.md), the targets met
    on all twelve, the look-alikes as rare as without it."""
    measured = SAMPLE["with_lexicon"]
    totals = dict.fromkeys(SAMPLE["expected"], 0)
    for name, reports in (("tuned", SAMPLE["reports"] + SAMPLE["heldout"]["reports"]
                           + SAMPLE["unread"]["reports"]), ("blind", SAMPLE["blind"]["reports"])):
        counts = measure(texts, reports, leave_one_out)
        at_least_as_measured(counts, measured[name])
        for key, value in counts.items():
            totals[key] += value
    assert totals["found"] / totals["slogans"] >= 0.90
    assert totals["false_positives"] / totals["lookalikes"] <= 0.05


def test_blind_set_j_is_no_worse_than_measured(texts):
    """Set J: four reports of decades and levels no set had used, labelled blind and measured
    once without a library (below the recall target: BENCHMARKS.md). A regression fails."""
    blind = SAMPLE["blind_J"]
    assert {r["level"] for r in blind["reports"]} == {"national", "province", "city"}
    at_least_as_measured(measure(texts, blind["reports"]), blind["expected"])
    at_least_as_measured(measure(texts, without_unsure(blind["reports"])),
                         blind["without_unsure"])


def test_blind_set_j_with_the_library_lexicon_leave_one_out(texts, leave_one_out):
    """Set J with the collection's lexicon, each report left out of its own: as measured
    once; the look-alikes reported stay within the 5% target."""
    blind = SAMPLE["blind_J"]
    counts = measure(texts, blind["reports"], leave_one_out)
    at_least_as_measured(counts, blind["with_lexicon"])
    assert counts["false_positives"] / counts["lookalikes"] <= 0.05
    at_least_as_measured(measure(texts, without_unsure(blind["reports"]), leave_one_out),
                         blind["with_lexicon_without_unsure"])
