"""``cngloss search``: one row per query form, with the term it must find first and why.

The expected rows were written from the data (data/terms.yaml), not from running search.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cngloss import UsageError, load_glossary, search

ROWS = [
    # query,                first hit,                field,        form,            kind
    ("六稳六保",             "六稳六保",              "headword",   "hanzi",         "exact"),
    ("八有",                 "八有一超",              "headword",   "hanzi",         "prefix"),
    ("农村公路",             "四好农村公路",          "headword",   "hanzi",         "partial"),
    ("四好农村路",           "四好农村公路",          "variant",    "hanzi",         "exact"),
    ("“六稳”“六保”",         "六稳六保",              "headword",   "hanzi",         "exact"),
    ("稳就业",               "六稳六保",              "part",       "hanzi",         "exact"),
    ("稳岗转岗",             "促进就业九条",          "part",       "hanzi",         "partial"),
    ("资不抵债",             "僵尸企业",              "definition", "hanzi",         "partial"),
    ("兩不愁三保障",         "两不愁三保障",          "headword",   "traditional",   "exact"),
    ("縣管校聘",             "县管校聘",              "headword",   "traditional",   "exact"),
    ("八有一抄",             "八有一超",              "pinyin",     "homophone",     "homophone"),
    ("两为",                 "两违",                  "pinyin",     "homophone",     "homophone"),
    ("八有一起",             "八有一超",              "headword",   "hanzi",         "fuzzy"),
    ("liuwen",               "六稳六保",              "pinyin",     "pinyin",        "prefix"),
    ("liu wen",              "六稳六保",              "pinyin",     "pinyin",        "prefix"),
    ("Liu Wen",              "六稳六保",              "pinyin",     "pinyin",        "prefix"),
    ("LIUWENLIUBAO",         "六稳六保",              "pinyin",     "pinyin",        "exact"),
    ("liù wěn",              "六稳六保",              "pinyin",     "tone marks",    "prefix"),
    ("liu4wen3",             "六稳六保",              "pinyin",     "tone numbers",  "prefix"),
    ("lwlb",                 "六稳六保",              "initials",   "pinyin",        "initials"),
    ("xuelianggo",           "雪亮工程",              "pinyin",     "pinyin",        "prefix"),
    ("xianguanxiaopin",      "县管校聘",              "pinyin",     "pinyin",        "exact"),
    ("六wen",                "六稳六保",              "pinyin",     "mixed",         "prefix"),
    ("6wen6bao",             "六稳六保",              "pinyin",     "digits",        "exact"),
    ("2buchou3baozhang",     "两不愁三保障",          "pinyin",     "digits",        "exact"),
    ("liuwne",               "六稳六保",              "pinyin",     "pinyin",        "fuzzy"),
    ("liuwn",                "六稳六保",              "pinyin",     "pinyin",        "fuzzy"),
    ("zombie",               "僵尸企业",              "english",    "english",       "partial"),
    ("Zombie Enterprises",   "僵尸企业",              "english",    "english",       "exact"),
    ("sharp eyes",           "雪亮工程",              "english",    "english",       "partial"),
    ("zomby",                "僵尸企业",              "english",    "english",       "fuzzy"),
    ("xueliang-gongcheng",   "雪亮工程",              "id",         "id",            "exact"),
]


@pytest.mark.parametrize("query,first,field,form,kind", ROWS, ids=[r[0] for r in ROWS])
def test_each_query_form_finds_the_intended_term_first(glossary, query, first, field, form,
                                                       kind):
    hits = search(glossary, query)
    assert hits, f"nothing found for {query!r}"
    top = hits[0]
    assert top.term.term == first
    assert (top.field, top.form, top.kind) == (field, form, kind)
    assert 0 <= top.score <= 100


def test_scores_follow_the_tiers(glossary):
    def score(query):
        return search(glossary, query)[0].score

    exact, variant, pinyin = score("六稳六保"), score("四好农村路"), score("liuwenliubao")
    prefix, initials, part = score("liuwen"), score("lwlb"), score("稳就业")
    english, definition, fuzzy = score("zombie"), score("资不抵债"), score("liuwne")
    assert exact > variant > pinyin > prefix >= initials > part > english > definition > fuzzy


@pytest.mark.parametrize("query,score,kind", [
    ("liu4wen3liu4bao3", 92, "exact"),   # the whole pinyin, tones agreeing: +2
    ("liu1wen1liu1bao1", 82, "exact"),   # tones disagreeing: -8
    ("wen3liu4bao3", 66, "partial"),     # from mid-word, tones compared with those syllables
])
def test_typed_tones_move_the_score(glossary, query, score, kind):
    top = search(glossary, query)[0]
    assert (top.term.term, top.score, top.kind) == ("六稳六保", score, kind)


def test_a_variant_has_pinyin_keys_of_its_own(glossary):
    """四好农村路 (a variant of 四好农村公路) read from the headword's syllables: typed whole,
    an exact pinyin match one step below the headword's own (90 - 2), not a typo."""
    top = search(glossary, "sihaonongcunlu")[0]
    assert (top.term.term, top.score, top.field, top.kind) == ("四好农村公路", 88, "pinyin",
                                                                "exact")


def test_traditional_characters_with_a_wrong_one_are_converted_before_the_typo_stage(glossary):
    """縣管校長: traditional, and 長 where the headword has 聘; converted first, it is one
    character off 县管校聘 (without conversion it would be two off, and too far)."""
    [top] = search(glossary, "縣管校長")
    assert (top.term.term, top.kind) == ("县管校聘", "fuzzy")


@pytest.mark.parametrize("query", ["xueliang", "liang"])
def test_a_whole_syllable_typed_is_a_prefix_however_the_next_one_starts(glossary, query):
    hits = [h for h in search(glossary, query) if h.kind != "partial"]  # from the start
    assert hits and {h.score for h in hits} == {80} and {h.kind for h in hits} == {"prefix"}


@pytest.mark.parametrize("query", ["《两违》", "两违。", "两违，", "两 违", "“两违”"])
def test_a_term_pasted_with_punctuation_or_spaces_is_still_exact(glossary, query):
    top = search(glossary, query)[0]
    assert (top.term.term, top.score, top.kind) == ("两违", 100, "exact")


def test_a_headword_typed_without_its_enumeration_comma_is_exact(glossary):
    assert search(glossary, "一般债专项债及特别国债")[0].score == 100


def test_a_homophone_typed_in_traditional_characters(glossary):
    top = search(glossary, "兩為")[0]
    assert (top.term.term, top.kind) == ("两违", "homophone")


def test_english_plural_and_stop_words(glossary):
    assert search(glossary, "zombie enterprise")[0].kind == "exact"
    assert search(glossary, "and") == [] and search(glossary, "the") == []
    assert [h.term.term for h in search(glossary, "six fronts and")] == ["六稳六保"]


def test_a_word_of_a_tag_finds_its_terms(glossary):
    hits = search(glossary, "alleviation")  # "poverty" is in English glosses too
    assert [h.term.note for h in hits] == [7, 8, 15]
    assert {(h.field, h.kind, h.score) for h in hits} == {("tag", "partial", 60)}


def test_ambiguous_input_lists_every_term_that_fits(glossary):
    hits = search(glossary, "lw")
    assert {h.term.term for h in hits} == {"六稳六保", "两违"}
    assert hits[0].score == hits[1].score


def test_ties_keep_the_glossary_order(glossary):
    hits = search(glossary, "两")
    prefix = [h.term.note for h in hits if h.kind == "prefix"]
    assert prefix == [6, 8, 16, 17]  # 两个…, 两不愁…, 两水改造, 两违: equal scores, note order
    assert [h.term.term for h in hits if h.kind == "partial"] == ["一中心两支点"]


@pytest.mark.parametrize("letter", ["l", "x", "s"])
def test_one_letter_matches_only_terms_whose_first_syllable_starts_with_it(glossary, letter):
    hits = search(glossary, letter, limit=None)
    assert hits
    for hit in hits:
        assert hit.term.pinyin.startswith(letter)


@pytest.mark.parametrize("query", ["q", "zz", "ab", "xq", "的", "了", "qqq"])
def test_short_queries_never_match_loosely(glossary, query):
    assert search(glossary, query) == []


def test_an_exact_match_leaves_no_room_for_fuzzy_hits(glossary):
    hits = search(glossary, "两违", limit=None)
    assert hits[0].kind == "exact"
    assert all(h.kind != "fuzzy" for h in hits)


def test_each_hit_says_what_it_matched_on(glossary):
    [hit] = [h for h in search(glossary, "资不抵债")]
    assert (hit.field, hit.form, hit.kind, hit.snippet) == (
        "definition", "hanzi", "partial", "…停产、半停产、连年亏损、资不抵债，主要靠政府补贴和银行续…")


@pytest.mark.parametrize("query", ["lvse", "lu:se", "lüse", "LÜSE", "lǜ sè", "lv4se4", "lse"])
def test_v_u_colon_and_u_umlaut_all_spell_u_umlaut(write_glossary, query):
    glossary = load_glossary(write_glossary(
        "terms:\n  - id: lvse\n    term: 绿色发展\n    pinyin: lǜ sè fā zhǎn\n"
        "    definition: 绿色的发展。\n"))
    hits = search(glossary, query)
    assert hits and hits[0].term.id == "lvse"


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "\x1b\x07"])
def test_an_empty_query_is_a_usage_error(glossary, query):
    with pytest.raises(UsageError):
        search(glossary, query)


def test_an_overlong_query_is_a_usage_error(glossary):
    with pytest.raises(UsageError, match="at most 256"):
        search(glossary, "六" * 200_000)


# --------------------------------------------------------------------------- the command


def test_the_table_on_a_pipe_is_plain_text(cli):
    result = cli("search", "liuwen")
    assert result.code == 0
    assert result.out.splitlines()[0].split() == ["term", "pinyin", "english", "matched", "on",
                                                  "score"]
    assert "六稳六保" in result.out and "pinyin (prefix)" in result.out
    assert "\x1b[" not in result.out


def test_several_words_form_one_query(cli):
    assert "六稳六保" in cli("search", "liu", "wen").out


def test_limit(cli):
    result = cli("search", "l", "--limit", "2", "--json")
    assert len(json.loads(result.out)["results"]) == 2


def test_json_shape(cli):
    data = json.loads(cli("search", "liu4wen3", "--json").out)
    assert data["query"] == "liu4wen3"
    [first, *_] = data["results"]
    for field in ("id", "note", "term", "pinyin", "english", "definition", "variants", "parts",
                  "tags", "related"):
        assert field in first
    assert first["term"] == "六稳六保"
    assert isinstance(first["score"], int)
    assert first["matched"] == {"field": "pinyin", "form": "tone numbers", "kind": "prefix",
                                "snippet": "liu wen liu bao"}


def test_no_match_exits_1_with_a_message_and_empty_json(cli):
    result = cli("search", "qqqq", "--json")
    assert result.code == 1
    assert json.loads(result.out) == {"version": 2, "query": "qqqq", "results": [],
                                       "discovered": []}
    assert "no term matches 'qqqq'" in result.err


def test_escape_sequences_in_a_query_are_never_echoed_raw(cli):
    result = cli("search", "\x1b]0;pwned\x07qqqq")
    assert result.code == 1
    assert "\x1b" not in result.err and "\x07" not in result.err


def test_an_empty_query_exits_2(cli):
    result = cli("search", "")
    assert result.code == 2
    assert "the query is empty" in result.err


def test_a_query_the_keys_answer_imports_neither_pypinyin_nor_rapidfuzz():
    code = ("import sys; from cngloss import load_glossary, search, bundled_glossary_path;"
            "g = load_glossary(bundled_glossary_path());"
            "[search(g, q) for q in ('liuwen', 'lwlb', '六稳六保', 'zombie', 'liu4wen3', '6wen6bao')];"
            "print(sorted(m for m in ('pypinyin', 'rapidfuzz', 'zhconv_rs_opencc', 'rich', 'typer')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


# --------------------------------------------------------------------------- English snippets

# Each term has two renderings in data/terms.yaml; the snippet must be the one typed.
SNIPPETS = [
    ("zombie companies", "exact", "zombie companies"),
    ("Zombie Enterprises", "exact", "zombie enterprises"),
    ("six stabilities and six securities", "exact", "six stabilities and six securities"),
    ("stability on six fronts", "partial",
     "stability on the six fronts and security in the six areas"),
    ("Fengqiao experience", "partial", "the Fengqiao experience in the new era"),
    ("Fengqiao model", "partial", "the Fengqiao model in the new era"),
    ("compnies", "fuzzy", "zombie companies"),
]


@pytest.mark.parametrize("query,kind,rendering", SNIPPETS, ids=[s[0] for s in SNIPPETS])
def test_the_snippet_is_the_english_rendering_that_matched(glossary, query, kind, rendering):
    top = search(glossary, query)[0]
    assert (top.field, top.kind) == ("english", kind)
    assert top.snippet == rendering


def test_the_table_names_the_rendering_that_matched(cli):
    out = cli("search", "zombie companies").out
    assert "english (exact): zombie companies" in out
    assert "english (exact): zombie enterprises" not in out


# --------------------------------------------------------------------------- homophones


def test_the_usual_reading_is_pypinyins_reading_of_the_character_alone():
    """Sound-alike search reads pypinyin's table itself; it must read what pypinyin reads,
    for every character pypinyin knows."""
    from pypinyin import Style, lazy_pinyin

    from cngloss.lookup.homophones import usual_readings

    readings = dict(usual_readings())
    assert len(readings) > 20_000 and readings["超"] == "chao" and readings["绿"] == "lv"
    differ = {ch: r for ch, r in readings.items()
              if r != lazy_pinyin(ch, style=Style.NORMAL, v_to_u=False)[0]}
    assert differ == {}


def test_a_homophone_is_found_alike_from_a_fresh_index_and_from_the_cache(write_glossary):
    from cngloss import load_corpus

    path = write_glossary("terms:\n  - id: lvse\n    term: 绿色发展\n    pinyin: lǜ sè fā zhǎn\n"
                          "    definition: 发展。\n")
    fresh = load_corpus(path, cache=False).glossary
    load_corpus(path)  # writes the cache entry
    cached = load_corpus(path).glossary  # read back from it
    for glossary in (fresh, cached):
        [hit] = search(glossary, "律色发展")  # 律 is read lǜ, like 绿
        assert (hit.term.id, hit.kind) == ("lvse", "homophone")


# --------------------------------------------------------------------------- suggestions


@pytest.mark.parametrize("query,expected", [
    ("lwiuen", ["六稳六保"]),  # two letters moved in six: two edits, a third of them
    ("八无", ["八有一超"]),  # one character of two
    ("lvse", []),  # two edits in four letters from "less", "use": noise
    ("qqqq", []),
])
def test_suggestions_are_close_or_absent(glossary, query, expected):
    from cngloss.lookup.search import suggest

    assert search(glossary, query) == []
    assert [t.term for t in suggest(glossary, query)] == expected


def test_no_suggestion_rather_than_noise(cli):
    result = cli("search", "lvse")
    assert result.code == 1
    assert result.err == "cngloss: error: no term matches 'lvse'\n"
