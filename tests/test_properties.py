"""Properties that hold for any input: nothing raises on arbitrary queries or glossaries.

Queries are arbitrary Unicode; glossaries are arbitrary schema-valid content (random
headwords, pinyin, definitions, English, parts), written as YAML and loaded back.
"""

from __future__ import annotations

import csv
import io
import json
import re

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from cngloss import NotFoundError, UsageError, load_corpus, resolve_term, search
from cngloss.render.appendix import FORMATS, render_appendix
from conftest import json_term, run_cli



def examples(count: int) -> int:
    """``count`` examples under the default profile (100), proportionally fewer under
    mutation/run's (see conftest)."""
    return max(5, count * settings.default.max_examples // 100)


SETTINGS = settings(max_examples=examples(150), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

# Text as people and scripts produce it: hanzi, pinyin with marks, Latin, digits,
# punctuation, controls and everything else.
PIECES = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), max_size=6),
    st.sampled_from(["liù", "wěn", "lǜ", "u:", "v", "lw", "xue", "1", "4", "'", " ", "-", "“", "”",
                     "六", "稳", "兩", "保", "zombie", "[bold]", "\x1b[31m", "\u202e"]),
    st.text(max_size=8),
)
QUERIES = st.lists(PIECES, max_size=6).map("".join)


@SETTINGS
@given(query=QUERIES)
def test_search_never_raises_anything_but_a_usage_error(glossary, query):
    try:
        hits = search(glossary, query)
    except UsageError:
        return
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)


@SETTINGS
@given(query=QUERIES)
def test_show_resolves_or_says_why_not(glossary, query):
    try:
        term = resolve_term(glossary, query)
    except (UsageError, NotFoundError):
        return
    assert term in glossary.terms


@settings(max_examples=examples(40), deadline=None)
@given(query=QUERIES)
def test_the_commands_exit_with_a_documented_code(query):
    for command in ("search", "show", "grep", "related"):
        result = run_cli(command, query, "--json") if command != "grep" else run_cli(command, query)
        assert result.code in (0, 1, 2), (command, query, result.err)
        assert "Traceback" not in result.err


# Line breaks other than \n (NEL, LS, PS, CR) are folded by YAML itself when a dumper
# writes them unescaped; they are not text a glossary can hold as such.
TEXT = st.text(alphabet=st.characters(blacklist_characters="\x85\u2028\u2029\r",
                                      blacklist_categories=("Cs",)),
               min_size=1, max_size=40).filter(lambda s: s.strip())
IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)


@st.composite
def glossaries(draw):
    count = draw(st.integers(min_value=1, max_value=6))
    ids = draw(st.lists(IDS, min_size=count, max_size=count, unique=True))
    terms = []
    for i, ident in enumerate(ids):
        term = {"id": ident, "term": draw(TEXT), "pinyin": draw(TEXT), "definition": draw(TEXT)}
        if draw(st.booleans()):
            term["note"] = i + 1
        if draw(st.booleans()):
            term["english"] = [{"text": draw(TEXT), "source": draw(TEXT)}]
        if draw(st.booleans()):
            term["variants"] = draw(st.lists(TEXT, max_size=2))
        if draw(st.booleans()):
            term["parts"] = [{"name": draw(st.one_of(st.none(), TEXT)),
                              "items": draw(st.lists(TEXT, min_size=1, max_size=3))}]
        if draw(st.booleans()):
            term["tags"] = draw(st.lists(TEXT, max_size=2))
        if draw(st.booleans()):
            term["related"] = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
        if draw(st.booleans()):
            term["remark"] = draw(TEXT)
        terms.append(term)
    return {"title": draw(TEXT), "terms": terms}


# The formats that say how many terms they hold, and how each marks an entry with its id.
COUNTED = ("md", "html", "tex", "txt")
ANCHORS = {"md": '<a id="{}"></a>', "html": 'id="{}"', "tex": "\\hypertarget{{cngloss-{}}}"}


@SETTINGS
@given(data=glossaries())
def test_any_schema_valid_glossary_renders_in_every_format(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("g") / "terms.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    corpus = load_corpus(path)
    assert len(corpus.glossary.terms) == len(data["terms"])
    ids = sorted(t["id"] for t in data["terms"])
    for fmt in FORMATS:
        for sort in ("note", "pinyin"):
            text = render_appendix(corpus, fmt, sort, width=40)
            if fmt in COUNTED:
                assert re.search(rf"(?<!\d){len(ids)} terms?\.", text), (fmt, sort)
            if fmt in ANCHORS:  # every entry, under its id
                assert all(ANCHORS[fmt].format(i) in text for i in ids), (fmt, sort)
            elif fmt == "json":
                assert sorted(t["id"] for t in json.loads(text)["terms"]) == ids
            elif fmt == "csv":
                assert sorted(r["id"] for r in csv.DictReader(io.StringIO(text))) == ids
    for term in corpus.glossary.terms:
        for query in (term.term, term.id, term.pinyin):
            try:
                search(corpus.glossary, query)
                resolve_term(corpus.glossary, query)
            except (UsageError, NotFoundError):
                pass
    # The JSON appendix reads back into the same terms.
    back = {t["id"]: t for t in json.loads(render_appendix(corpus, "json"))["terms"]}
    assert len(back) == len(data["terms"])
    for original in data["terms"]:
        item = back[original["id"]]
        item.pop("uses")
        assert isinstance(item.pop("renderings"), list)  # the sourced English (json.md)
        assert item == json_term(original, data["terms"])
        assert (item["term"], item["definition"], item["pinyin"]) == \
            (original["term"], original["definition"], original["pinyin"])
