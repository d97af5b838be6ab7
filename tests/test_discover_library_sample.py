"""The precision of ``discover`` across the library: terms sampled from its output and
labelled by hand (tests/fixtures/discover_library_sample.json, hashes and counts only).

Three samples of 200: the first (seed 24) drawn from the output of the finder before the
i24-quality rules (72%), re-measured on the terms of it still listed; the fresh one (seed
1208) drawn from the output of the i24-quality finder (92.5%); and i24-recall's (seed 2412),
drawn from the output of the finder as it is (rules 9 and 10: the collection's lexicon),
labelled after its last change (87.5%, below the target). With ``$CNGLOSS_DISCOVER_LIBRARY``
naming a library of the whole collection built by this tree (``cngloss --library L add
../shared/corpora/government-work-reports.jsonl.gz``, a few minutes), the latest sample is
drawn again and every term drawn must be one labelled: a change of the output makes the
labels stale, and says so; and the first sample's re-measure is recomputed.
"""

import hashlib
import json
import os
import random
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "discover_library_sample.json"
TARGET = 0.90


def load():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def sha(term: str) -> str:
    return hashlib.sha256(term.encode()).hexdigest()[:16]


def test_the_labels_and_their_counts_agree():
    data = load()
    for sample, slogans in ((data, 144), (data["fresh"], 185), (data["recall"], 175)):
        labels = sample["labels"]
        assert len(labels) == 200
        assert sum(label["slogan"] for label in labels) == sample["slogans"] == slogans
        assert sample["not"] == 200 - slogans
        assert len({label["sha256"] for label in labels}) == 200
    again = data["remeasured"]
    assert again["slogans"] + again["not"] == again["still_listed"]
    assert again["still_listed"] + again["dropped_slogans"] + again["dropped_not"] == 200
    assert again["slogans"] + again["dropped_slogans"] == 144


def test_precision_against_the_target():
    data = load()
    assert data["slogans"] / len(data["labels"]) == pytest.approx(0.72)  # before
    again = data["remeasured"]
    assert again["slogans"] / again["still_listed"] == pytest.approx(139 / 165)  # 84.2%
    fresh = data["fresh"]
    precision = fresh["slogans"] / len(fresh["labels"])
    assert precision == pytest.approx(0.925)
    assert precision >= TARGET


def test_precision_after_the_lexicon_is_below_the_target():
    """i24-recall's sample (seed 2412) of the list with rules 9 and 10: 175 / 200 (87.5%), below
    the target; one term of the 9,061 is listed by the lexicon's rows alone, so the noise is the
    rules' (words cut out of longer ones, events, idioms, plain counts: docs/discover.md)."""
    current = load()["recall"]
    assert current["slogans"] / len(current["labels"]) == pytest.approx(0.875)
    assert current["slogans"] / len(current["labels"]) < TARGET


@pytest.fixture
def listed(cli):
    library = os.environ.get("CNGLOSS_DISCOVER_LIBRARY")
    if not library or not Path(library).exists():
        pytest.skip("set CNGLOSS_DISCOVER_LIBRARY to a library of the whole collection")
    result = cli("--library", library, "discover", "--json")
    assert result.code == 0, result.err
    return [t["term"] for t in json.loads(result.out)["terms"]]


def test_the_latest_sample_is_the_output_labelled(listed):
    fresh = load()["recall"]
    assert len(listed) == fresh["population"]
    drawn = random.Random(fresh["seed"]).sample(listed, 200)
    assert [sha(t) for t in drawn] == [label["sha256"] for label in fresh["labels"]]


def test_the_first_sample_remeasured(listed):
    data = load()
    hashes = {sha(t) for t in listed}
    kept = [label for label in data["labels"] if label["sha256"] in hashes]
    again = data["remeasured"]
    assert len(kept) == again["still_listed"]
    assert sum(label["slogan"] for label in kept) == again["slogans"]
