"""The report reader on real reports: the six local reports, Lianzhou, and 26 reports of
the collection whose notes were counted by reading.

Expectations come from ../shared/corpora/local-reports/SOURCES.md (note counts, dates,
speakers, marker counts) and from tests/fixtures/notes_sample.json, made by reading each
notes section line by line (count, first and last headword, stored as SHA-1 prefixes, no
text). Tests that need ../shared skip when it is absent.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cngloss.sources.report import load_report, parse_report
from conftest import collection_texts, shared_dir

ROOT = Path(__file__).resolve().parents[1]
SHARED = shared_dir() / "corpora"
LOCAL = SHARED / "local-reports"
COLLECTION = SHARED / "government-work-reports.jsonl.gz"
SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "notes_sample.json")
                    .read_text(encoding="utf-8"))["reports"]

needs_local = pytest.mark.skipif(not LOCAL.is_dir(), reason="../shared/corpora/local-reports "
                                 "is not here (the shared corpora are not checked out)")

# From SOURCES.md: notes, body markers recognisable as such, date, speaker (role, name).
LOCAL_REPORTS = {
    "xiaogan-2023": (40, 40, "孝感市", "2023-01-05", ("市长", "胡玖明")),
    "foshan-2021": (25, 25, "佛山市", "2021-02-04", ("市长", "朱伟")),
    # Ji'an: markers 11-18 survive only as mojibake (輥輯訛), so 10 are markers
    "jian-2016": (18, 10, "吉安市", "2016-01-19", ("市长", "王少玄")),
    "jingzhou-2020": (23, 23, "荆州市", "2020-01-05", ("市长", "崔永辉")),
    "dongguan-2022": (27, 0, "东莞市", "2022-01-11", ("市长", "吕成蹊")),
    "hainan-2026": (28, 28, "海南省", "2026-01-27", ("省长", "刘小明")),
}


def _local(name: str) -> Path:
    return LOCAL / f"{name}-government-work-report.txt"


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@needs_local
@pytest.mark.parametrize("name", sorted(LOCAL_REPORTS))
def test_every_note_of_the_local_reports_is_found(name):
    notes, markers, place, date, (role, speaker) = LOCAL_REPORTS[name]
    report = load_report(_local(name))
    assert len(report.notes) == notes
    assert all(n.headword and n.definition for n in report.notes)
    numbered = [n.number for n in report.notes if n.number is not None]
    assert numbered == (list(range(1, notes + 1)) if name != "dongguan-2022" else [])
    refs = [r for p in report.paragraphs for r in p.footnotes]
    assert len(refs) == markers
    meta = report.metadata
    assert (meta.place, meta.date, meta.year) == (place, date, int(date[:4]))
    assert (meta.speaker_role, meta.speaker) == (role, speaker)


@needs_local
@pytest.mark.parametrize("name", sorted(LOCAL_REPORTS))
def test_notes_are_never_body_paragraphs(name):
    report = load_report(_local(name))
    first_note_line = min(n.line for n in report.notes)
    body_lines = [p.line for p in report.paragraphs]
    assert not any(first_note_line <= line <= report.notes[-1].line for line in body_lines)
    # the first note's definition is nowhere in the body
    assert not any(report.notes[0].definition[:20] in p.text for p in report.paragraphs)


@needs_local
def test_the_front_matter_is_metadata_not_text():
    report = load_report(_local("foshan-2021"))
    assert report.metadata.title == "2021年佛山市政府工作报告"
    assert ("source", "https://www.foshan.gov.cn/gkmlpt/content/4/4699/post_4699306.html") \
        in report.metadata.front_matter
    assert not any("title:" in p.text or "source:" in p.text for p in report.paragraphs)


@needs_local
def test_hainan_without_blank_lines_is_one_paragraph_a_line():
    text = _local("hainan-2026").read_text(encoding="utf-8")
    report = parse_report(text)
    lines_before_notes = [line for line in text.splitlines()[:report.notes[0].line - 2]
                          if line.strip()]
    # the body: every non-blank line before the notes heading, less the title lines
    # (政府工作报告, the session line and the speaker's line are titles before 各位代表：)
    assert len(report.paragraphs) == len(lines_before_notes) - 3 - \
        sum(1 for line in lines_before_notes if _is_heading(line))
    assert report.notes[0].definition.startswith("全年火灾起数")  # on the line after ［1］


def _is_heading(line: str) -> bool:
    from cngloss.sources.report.paragraphs import is_heading_like

    return is_heading_like(line.strip()) and not line.startswith(("政府工作报告", "——", "海南省省长"))


@needs_local
def test_dongguan_note_cut_by_a_blank_line_is_one_note():
    report = load_report(_local("dongguan-2022"))
    odm = [n for n in report.notes if n.headword.startswith("ODM")]
    assert len(odm) == 1 and "代工厂经营自有品牌" in odm[0].definition


@needs_local
def test_xiaogan_note_1_is_not_swallowed_by_the_heading():
    report = load_report(_local("xiaogan-2023"))
    assert report.notes_title == "附件：名词解释"
    assert report.notes[0].number == 1 and report.notes[0].headword == "六稳六保"


@needs_local
def test_jingzhou_markers_in_parentheses_are_markers_and_enumerations_are_not():
    report = load_report(_local("jingzhou-2020"))
    inside = [p for p in report.paragraphs if "“放管服”改革" in p.text]
    assert inside and any(r.note == 22 for p in inside for r in p.footnotes)
    assert not any("（22）" in p.text for p in report.paragraphs)


def test_lianzhou_keeps_its_23_notes():
    report = load_report(ROOT / "data" / "lianzhou-2021-government-work-report.txt")
    assert [n.number for n in report.notes] == list(range(1, 24))
    assert report.notes[0].headword == "六稳六保" and report.notes[0].printed == "“六稳”“六保”"
    assert (report.metadata.place, report.metadata.date) == ("连州市", "2021-02-03")


def _sample_file(written: str) -> Path:
    """A sample's "file", written from the repository: ``data/…``, or ``../shared/corpora/…``,
    which is looked up in ``shared_dir()`` (so mutation testing's copy ``<repo>/mutants``
    finds it too)."""
    path = Path(written)
    if path.parts[:2] == ("..", "shared"):
        return shared_dir() / path.relative_to("../shared")
    return ROOT / path


@pytest.fixture(scope="module")
def sample_texts():
    if not COLLECTION.is_file():
        pytest.skip("../shared/corpora/government-work-reports.jsonl.gz is not here")
    texts = collection_texts({s["path"] for s in SAMPLE if "file" not in s})
    for s in SAMPLE:
        if "file" in s:
            texts[s["path"]] = _sample_file(s["file"]).read_text(encoding="utf-8-sig")
    return texts


@pytest.mark.parametrize("sample", SAMPLE, ids=[f"{s['place']}{s['year']}" for s in SAMPLE])
def test_the_sample_counted_by_reading(sample, sample_texts):
    report = parse_report(sample_texts[sample["path"]])
    notes = report.notes
    assert len(notes) == sample["notes"]
    assert (_sha(notes[0].headword), _sha(notes[-1].headword)) == (sample["first"], sample["last"])
    assert all(n.headword and n.definition for n in notes)
    numbers = [n.number for n in notes if n.number is not None]
    assert numbers == sorted(numbers)
