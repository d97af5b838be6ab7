"""The precision of ``discover`` across the library: 200 terms sampled from its output and
labelled by hand (tests/fixtures/discover_library_sample.json, hashes and counts only).

The sample is drawn again from a library of the whole collection when
``$CNGLOSS_DISCOVER_LIBRARY`` names one (library format 4; building it takes about a minute:
``cngloss --library L add ../shared/corpora/government-work-reports.jsonl.gz``), and every
term drawn must be one labelled: a change of the output makes the labels stale, and says so.
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


def test_the_labels_and_their_counts_agree():
    data = load()
    labels = data["labels"]
    assert len(labels) == 200
    assert sum(label["slogan"] for label in labels) == data["slogans"] == 144
    assert data["not"] == 56
    assert len({label["sha256"] for label in labels}) == 200


def test_precision_against_the_target():
    data = load()
    precision = data["slogans"] / len(data["labels"])
    assert precision == pytest.approx(0.72)
    if precision < TARGET:
        pytest.xfail(f"precision {precision:.0%} < target {TARGET:.0%} (docs/discover.md)")


def test_the_sample_is_the_output_labelled(cli):
    library = os.environ.get("CNGLOSS_DISCOVER_LIBRARY")
    if not library or not Path(library).exists():
        pytest.skip("set CNGLOSS_DISCOVER_LIBRARY to a library of the whole collection")
    result = cli("--library", library, "discover", "--json")
    assert result.code == 0, result.err
    terms = [t["term"] for t in json.loads(result.out)["terms"]]
    data = load()
    assert len(terms) == data["population"]
    drawn = random.Random(data["seed"]).sample(terms, 200)
    assert [hashlib.sha256(t.encode()).hexdigest()[:16] for t in drawn] == [
        label["sha256"] for label in data["labels"]]
