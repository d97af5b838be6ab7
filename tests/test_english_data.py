"""The schema of data/english.yaml, the sourced English renderings of national terms (issue 25)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "english.yaml"
KINDS = {"official", "secondary"}


@pytest.fixture(scope="module")
def terms():
    doc = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert doc["version"] == 1
    assert isinstance(doc["terms"], list) and doc["terms"]
    return doc["terms"]


def test_terms_are_unique_and_non_empty(terms):
    names = [t["term"] for t in terms]
    assert all(isinstance(n, str) and n.strip() for n in names)
    assert len(names) == len(set(names)), "duplicate terms"


def test_every_rendering_is_sourced(terms):
    for t in terms:
        for r in t["renderings"]:
            where = f"{t['term']}: {r.get('english')!r}"
            assert isinstance(r["english"], str) and r["english"].strip(), where
            assert r["kind"] in KINDS, where
            assert isinstance(r["outlet"], str) and r["outlet"].strip(), where
            assert str(r["url"]).startswith("http"), where
            assert r["english"].lower() in r["excerpt"].lower(), where
            assert len(r["excerpt"]) <= 200, where
            date = r.get("date")
            assert date is None or re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", str(date)), where


def test_unsourced_terms_say_what_was_searched(terms):
    for t in terms:
        if not t["renderings"]:
            assert t.get("searched") and all(isinstance(q, str) and q for q in t["searched"]), t["term"]


def test_forms_and_sense(terms):
    for t in terms:
        sense = t.get("sense", "national")
        # national, or a province's own coinage named by the province (两项改革: 四川省)
        assert sense == "national" or re.fullmatch(r"[\u4e00-\u9fff]{2,8}(省|自治区|市)", sense), \
            t["term"]
        forms = t.get("forms", [])
        assert isinstance(forms, list) and all(isinstance(f, str) and f for f in forms), t["term"]
        assert t["term"] not in forms, t["term"]


def test_the_check_can_fail():
    bad = {"english": "three critical battles", "excerpt": "the three tough battles"}
    assert bad["english"].lower() not in bad["excerpt"].lower()
