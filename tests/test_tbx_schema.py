"""`appendix --format tbx` is valid TBX-Basic: against the real schema (data/tbx/: the
integrated RELAX NG schema of TBX-Basic and the Schematron rules embedded in it, checked
with lxml), and read back by translate-toolkit's TBX reader (what Weblate and Pootle use)
with every term intact, not only the first."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, ROOT, run_cli
from conftest import tbx_problems as problems

ENGLISH = {"CNGLOSS_ENGLISH": str(FIXTURES / "english" / "renderings.yaml")}


def tbx(*args: str) -> str:
    result = run_cli("appendix", "--format", "tbx", *args, environ=ENGLISH)
    assert result.code == 0, result.err
    return result.out


def test_the_appendix_is_valid_tbx_basic(tbx_validators):
    assert problems(tbx_validators, tbx()) == []
    shipped = (ROOT / "glossary" / "appendix.tbx").read_text(encoding="utf-8")
    assert problems(tbx_validators, shipped) == []


def test_the_appendix_of_a_document_is_valid(tbx_validators, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("严格两违管控。\n做好六稳六保工作。\n", encoding="utf-8")
    assert problems(tbx_validators, tbx("--for", str(speech))) == []


@pytest.mark.parametrize("break_it", [
    # a term note before its term (tig is term, termNote*, then the rest)
    lambda t: re.sub(r"<tig>\s*(<term>[^<]*</term>)\s*(<termNote[^>]*>[^<]*</termNote>)",
                     r"<tig>\2\1", t, count=1),
    # an admin type TBX-Basic does not have
    lambda t: t.replace('<admin type="source">', '<admin type="origin">', 1),
    # a definition at the term level (the Schematron rule: concept or language level only)
    lambda t: t.replace("</term>", '</term><descrip type="definition">x</descrip>', 1),
], ids=["order", "admin-type", "definition-level"])
def test_the_schema_catches_what_tbx_basic_forbids(tbx_validators, break_it):
    text = tbx()
    broken = break_it(text)
    assert broken != text and problems(tbx_validators, broken)


def test_translate_toolkit_reads_every_term_back():
    reader = pytest.importorskip("translate.storage.tbx",
                                 reason="translate-toolkit (the test extra) is not installed")
    store = reader.tbxfile.parsestring(tbx().encode("utf-8"))
    units = {u.getid(): u for u in store.units}
    assert len(store.units) == len(units) == 23  # the bundled glossary's terms, each once
    # every unit, not only the first: headword, variants, renderings as written by hand
    # from data/terms.yaml and the fixture file of sourced renderings
    expected = {
        "c-liuwen-liubao": (["六稳六保"], ["stability on the six fronts and security in the six areas",
                                        "six stabilities and six securities"]),
        "c-jiangshi-qiye": (["僵尸企业"], ["zombie enterprises", "zombie companies",
                                       "zombie firm"]),
        "c-wuwei-yiti": (["五位一体"], ["five-in-one rural upkeep mechanism"]),
        "c-sihao-nongcun-gonglu": (["四好农村公路", "四好农村路"], [
            "rural roads that are well built, well managed, well maintained and well operated",
            "Four-Guarantee Rural Roads Initiative"]),
    }
    # translate-toolkit 3.17 (the newest for Python 3.10 here) reads a unit's first term of
    # each language only (no get_source_terms): there the first terms are checked
    every_term = hasattr(next(iter(units.values())), "get_source_terms")
    for key, (chinese, english) in expected.items():
        unit = units[key]
        if every_term:
            assert [t.text for t in unit.get_source_terms()] == chinese
            assert [t.text for t in unit.get_target_terms()] == english
        else:
            assert (unit.source, unit.target) == (chinese[0], english[0])
    # and every unit has its headword, its pinyin and at least one English term
    for unit in store.units:
        assert unit.source and unit.target, unit.getid()
        assert "pinyin: " in unit.getnotes()
