"""The JSON contract (output/json.py, README, "JSON contract"): every object a command prints
with --json, built from small hand-made inputs and compared whole, key by key, with the shape
the README documents (the expected objects are written out here, not taken from the code)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as NS

from cngloss.errors import Problem
from cngloss.model import (AppliedCorrection, Correction, Entry, FoundPassage, Glossary,
                           NoteDefinition, NoteSource, Passage, Passages, ReportInfo,
                           ReportPassages, SourcedRendering, Term, YearPoint)
from cngloss.output import json as js

WEN = Term("six-stabilities", "六稳", "liù wěn", "Stable employment, finance, trade.",
           note=3, tags=("economy",), related=("six-guarantees",))
BAO = Term("six-guarantees", "六保", "liù bǎo", "Guaranteed jobs and livelihoods.")
GLOSSARY = Glossary(Path("terms.yaml"), (WEN, BAO))


def bare(term: Term, related: list | None = None, **extra) -> dict:
    """The term object of a term with no English, variants, parts or remark."""
    return {"id": term.id, "note": term.note, "term": term.term, "printed": None,
            "pinyin": term.pinyin, "english": [], "definition": term.definition,
            "variants": [], "parts": [], "tags": list(term.tags), "related": related or [],
            "remark": None, **extra}


WEN_RELATED = [{"id": "six-guarantees", "note": None, "term": "六保"}]
HIT = NS(score=0.75, field="english", form="stable employment", kind="prefix",
         snippet="Stable employment…")
MATCHED = {"field": "english", "form": "stable employment", "kind": "prefix",
           "snippet": "Stable employment…"}
NOTE_SOURCE = NoteSource(report_id=7, seq=2, number=4, year=2020, place="浙江", level="province")
NOTE_SOURCE_OBJECT = {"report": 7, "place": "浙江", "year": 2020, "level": "province", "note": 4}
INFO = ReportInfo(7, "浙江", "province", 2020, "政府工作报告", "zj-2020.txt", 40, 12000,
                  "2026-11-30")
RENDERING = SourcedRendering("six stabilities", "official", "Example Daily",
                             "https://example.org/six", "2020-05", None, "the six stabilities")
RENDERING_OBJECT = {"english": "six stabilities", "kind": "official", "outlet": "Example Daily",
                    "title": None, "url": "https://example.org/six", "date": "2020-05",
                    "excerpt": "the six stabilities", "sense": "national"}
INFO_OBJECT = {"id": 7, "place": "浙江", "level": "province", "year": 2020,
               "title": "政府工作报告", "source": "zj-2020.txt", "paragraphs": 40,
               "characters": 12000, "added": "2026-11-30"}


# --------------------------------------------------------------------------- building blocks


def test_a_passage_gives_text_section_paragraph_location_and_spans():
    passage = Passage("稳就业，六稳。", 5, 12, ("一、", "（二）"), ((4, 6),), column=3,
                      locations=((12, 7),))
    assert js.passage_to_dict(passage) == {
        "text": "稳就业，六稳。", "section": ["一、", "（二）"], "paragraph": 5, "line": 12,
        "column": 3, "spans": [[4, 6]], "locations": [[12, 7]]}


def test_a_problem_gives_severity_place_term_field_message_and_fix():
    problem = Problem("terms.yaml", 9, "blank definition", term="six-stabilities",
                      field="definition", fix="write one", severity="warning")
    assert js.problem_to_dict(problem) == {
        "severity": "warning", "path": "terms.yaml", "line": 9, "term": "six-stabilities",
        "field": "definition", "message": "blank definition", "fix": "write one"}


def test_a_report_gives_its_metadata_and_size():
    assert js.report_info_to_dict(INFO) == INFO_OBJECT
    assert js.reports_to_dict([INFO]) == {"version": 2, "reports": [INFO_OBJECT]}


def test_a_note_source_gives_report_place_year_level_and_note_number():
    assert js.note_source_to_dict(NOTE_SOURCE) == NOTE_SOURCE_OBJECT


def test_a_year_point_gives_its_counts_and_the_rate_per_100000_characters():
    assert js.point_to_dict(YearPoint(2020, 4, 2, 3, 200000)) == {
        "year": 2020, "reports": 4, "using": 2, "occurrences": 3, "characters": 200000,
        "rate": 1.5}


# --------------------------------------------------------------------------- commands


def test_grep_gives_totals_then_each_reports_passages_with_the_terms_they_use():
    passage = FoundPassage(1, 2, (), "六稳六保", ((0, 2),), terms=(WEN, BAO))
    found = Passages("六", ("六",), [ReportPassages(INFO, [passage], 3)], 1, 4, 5, None)
    assert js.grep_to_dict(found) == {
        "version": 2, "query": "六", "forms": ["六"], "reports": 1, "passages": 4, "uses": 5,
        "shown": 1, "groups": [{"report": INFO_OBJECT, "more": 3, "passages": [{
            "paragraph": 1, "line": 2, "column": None, "section": [], "text": "六稳六保",
            "spans": [[0, 2]], "locations": [],
            "terms": [{"id": "six-stabilities", "term": "六稳"},
                      {"id": "six-guarantees", "term": "六保"}],
            "sense": None, "expansion": []}]}]}


def test_a_passage_of_the_glossarys_own_report_has_its_column_and_locations():
    passage = FoundPassage(5, 12, ("一、", "（二）"), "稳就业，六稳。", ((4, 6),), 3, ((12, 7),))
    assert js.found_passage_to_dict(passage) == {
        "paragraph": 5, "line": 12, "column": 3, "section": ["一、", "（二）"],
        "text": "稳就业，六稳。", "spans": [[4, 6]], "locations": [[12, 7]], "terms": [],
        "sense": None, "expansion": []}
    # show marks a passage that lists the headword's items with the sense they give it
    marked = passage._replace(sense="national", expansion=("稳就业", "稳金融"))
    assert js.found_passage_to_dict(marked)["sense"] == "national"
    assert js.found_passage_to_dict(marked)["expansion"] == ["稳就业", "稳金融"]


def test_related_nests_each_term_with_its_tags():
    node = NS(term=WEN, related=[NS(term=BAO, related=[])])
    assert js.related_to_dict(node) == {
        "version": 2, "id": "six-stabilities", "note": 3, "term": "六稳", "tags": ["economy"], "related": [
            {"id": "six-guarantees", "note": None, "term": "六保", "tags": [],
             "related": []}]}


def test_check_lists_every_correction_applied_to_the_report():
    applied = AppliedCorrection(Correction("稳就亚", "稳就业", "typo"), 5, 14)
    result = NS(glossary_path=Path("terms.yaml"),
                report=NS(path=Path("report.txt"), applied=[applied]), terms=2,
                errors=[], warnings=[], problems=[])
    assert js.check_to_dict(result) == {
        "version": 2, "glossary": "terms.yaml", "report": "report.txt", "terms": 2, "errors": 0,
        "warnings": 0, "problems": [], "corrections": [
            {"original": "稳就亚", "corrected": "稳就业", "reason": "typo", "paragraph": 5,
             "line": 14}]}


def test_check_without_a_report_has_no_corrections():
    result = NS(glossary_path=Path("terms.yaml"), report=None, terms=2, errors=[],
                warnings=[], problems=[])
    assert js.check_to_dict(result)["corrections"] == []
    assert js.check_to_dict(result)["report"] is None


# --------------------------------------------------------------------------- the library


def row(term: Term, curated: bool, english=(), **extra) -> NS:
    return NS(term=term, curated=curated, reviewed=False, origin=None if curated else "x.yaml",
              reports=1, years=[2020], sources=[NOTE_SOURCE], english=english, **extra)


def sourced(curated: bool, renderings=()) -> dict:
    return {"renderings": list(renderings), "curated": curated, "reviewed": False,
            "glossary": None if curated else "x.yaml", "reports": 1, "years": [2020],
            "sources": [NOTE_SOURCE_OBJECT]}


def test_search_gives_each_hit_with_score_what_it_matched_and_where_it_is_defined():
    slogan = {"term": "十严格", "kind": "slogan", "reports": 2, "defined": False}
    found = NS(query="stable", rows=[row(WEN, True, (RENDERING,), hit=HIT),
                                     row(WEN, False, hit=HIT)], discovered=(slogan,))
    assert js.search_to_dict(found, GLOSSARY) == {"version": 2, "query": "stable", "results": [
        bare(WEN, WEN_RELATED, score=0.75, matched=MATCHED,
             **sourced(True, [RENDERING_OBJECT])),
        # a headword only the notes or another glossary define has no curated cross-references
        bare(WEN, [], score=0.75, matched=MATCHED, **sourced(False))],
        # the slogans found in the text, after the results, as discover writes them
        "discovered": [slogan]}


def test_list_gives_each_entry_as_search_does_without_score_or_match_with_its_passages():
    listing = NS(rows=[row(WEN, True), row(WEN, False)], counts={"six-stabilities": 4})
    assert js.list_to_dict(listing, GLOSSARY) == {"version": 2, "terms": [
        bare(WEN, WEN_RELATED, **sourced(True), passages=4),
        bare(WEN, [], **sourced(False), passages=4)]}
    # entries selected from a library are not counted
    assert js.list_to_dict(NS(rows=[row(BAO, False)], counts={}), GLOSSARY)["terms"][0][
        "passages"] is None


def test_library_show_gives_every_definition_with_its_headwords_and_sources():
    definition = NS(text="稳就业、稳金融", agrees=False, headwords=("六稳",),
                    sources=[NOTE_SOURCE], sense="national")
    entry = NS(curated=True, reviewed=True, origin=None, reports=1, definitions=[definition])
    assert js.definitions_to_dict(entry) == {
        "curated": True, "reviewed": True, "glossary": None, "reports": 1, "definitions": [
            {"definition": "稳就业、稳金融", "agrees": False, "sense": "national",
             "headwords": ["六稳"], "sources": [NOTE_SOURCE_OBJECT]}]}


def test_show_gives_the_term_where_it_comes_from_its_definitions_and_passages():
    definition = NoteDefinition("稳就业、稳金融", (NOTE_SOURCE,), ("六稳",), True)
    entry = Entry(WEN, True, True, None, [definition], None)
    passage = FoundPassage(3, 8, ("一、",), "做好六稳工作", ((2, 4),))
    found = Passages("六稳", ("六稳",), [ReportPassages(INFO, [passage], 0)], 1, 1, 1, None)
    assert js.show_to_dict(NS(entry=entry, passages=found, glosses=None, discovered=None),
                           GLOSSARY) == {
        "version": 2, "term": bare(WEN, WEN_RELATED), "renderings": [], "senses": [],
        "glosses": None, "curated": True, "reviewed": True, "glossary": None, "reports": 1,
        "definitions": [{"definition": "稳就业、稳金融", "agrees": True, "sense": None,
                         "headwords": ["六稳"], "sources": [NOTE_SOURCE_OBJECT]}],
        "discovered": None,
        "passages": {"query": "六稳", "forms": ["六稳"], "reports": 1, "passages": 1,
                     "uses": 1, "shown": 1, "groups": [
                         {"report": INFO_OBJECT, "more": 0, "passages": [
                             {"paragraph": 3, "line": 8, "column": None, "section": ["一、"],
                              "text": "做好六稳工作", "spans": [[2, 4]], "locations": [],
                              "terms": [], "sense": None, "expansion": []}]}]}}


def test_trend_gives_each_term_with_its_top_places_and_yearly_series():
    trend = NS(label="六稳", reports=2, occurrences=5, first_year=2019, last_year=2020,
               top_places=[("浙江", 4, 1), ("江苏", 1, 1)],
               series=[NS(label="六稳", points=[YearPoint(2020, 1, 1, 1, 100000)])])
    assert js.trend_to_dict([trend]) == {"version": 2, "terms": [{
        "label": "六稳", "reports": 2, "occurrences": 5, "first_year": 2019,
        "last_year": 2020,
        "top_places": [{"place": "浙江", "occurrences": 4, "reports": 1},
                       {"place": "江苏", "occurrences": 1, "reports": 1}],
        "series": [{"label": "六稳", "points": [
            {"year": 2020, "reports": 1, "using": 1, "occurrences": 1,
             "characters": 100000, "rate": 1.0}]}]}]}


def test_annotate_gives_the_document_its_terms_and_every_occurrence():
    occurrence = NS(term=BAO, text="六保", start=2, end=4, line=1, column=3, part=None)
    use = NS(term=BAO, count=1, first=occurrence, lines=(1,))
    found = NS(name="memo.txt", kind="text", text="做好六保", occurrences=[occurrence],
               terms=[use])
    assert js.annotation_to_dict(found, GLOSSARY) == {
        "version": 2, "document": "memo.txt", "kind": "text", "characters": 4, "uses": 1,
        "terms": [bare(BAO, [{"id": "six-stabilities", "note": 3, "term": "六稳"}],
                       renderings=[], glosses=None, count=1, first_line=1, lines=[1])],
        "discovered": None,
        "occurrences": [{"id": "six-guarantees", "term": "六保", "text": "六保", "start": 2,
                         "end": 4, "line": 1, "column": 3, "part": None,
                         "discovered": False}]}


def test_annotate_discover_gives_each_slogan_and_its_uses_among_the_occurrences():
    from cngloss.model import Expansion, SloganUse

    occurrence = NS(term=BAO, text="六保", start=5, end=7, line=1, column=6, part=None)
    use = NS(term=BAO, count=1, first=occurrence, lines=(1,))
    found = NS(name="memo.txt", kind="text", text="十严格，做好六保", occurrences=[occurrence],
               terms=[use])
    slogan = SloganUse("十严格", "slogan", 1, (1,), Expansion(("甲", "乙"), 1, "十严格，做好六保"),
                       ((0, 3, 1, 1),))
    data = js.annotation_to_dict(found, GLOSSARY, slogans=[slogan])
    assert data["discovered"] == [{
        "term": "十严格", "kind": "slogan", "discovered": True, "count": 1, "first_line": 1,
        "lines": [1], "expansion": {"items": ["甲", "乙"], "source": {
            "report": None, "line": 1, "text": "十严格，做好六保"}}}]
    assert data["occurrences"] == [
        {"id": None, "term": "十严格", "text": "十严格", "start": 0, "end": 3, "line": 1,
         "column": 1, "part": None, "discovered": True},
        {"id": "six-guarantees", "term": "六保", "text": "六保", "start": 5, "end": 7,
         "line": 1, "column": 6, "part": None, "discovered": False}]
