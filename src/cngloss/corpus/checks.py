"""``cngloss check``: every content check of a glossary against its report, all at once.

Loading a glossary only checks its structure. These checks compare it with itself (unique
ids, notes and headwords; cross-references that resolve), with its report (definitions
verbatim, variants used in the body, corrections that still apply), with arithmetic (六稳
has six items) and with the reading ``import`` would suggest (``corpus/readings.py``:
pypinyin, the reviewed phrase list and the definition; as warnings: a second opinion, not
the truth, so an entry can mark a reading as reviewed).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from .load import load_glossary_report
from ..errors import DataError, Problem
from ..sources.glossary import read_glossary
from ..sources.paths import resolve_glossary_path
from ..model import Glossary, Note, Report, Term
from ..text.numerals import part_count
from ..lookup.passages import PassageFinder
from ..text.hanzi import hanzi_of
from ..text.pinyin import same_reading, syllables
from .readings import read


@dataclass
class CheckResult:
    """What ``check`` found: problems sorted by place, and what it checked."""

    glossary_path: Path
    problems: list[Problem] = field(default_factory=list)
    terms: int = 0
    report: Report | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def run_checks(glossary: str | os.PathLike[str] | None = None, pinyin: bool = True,
               environ: Mapping[str, str] | None = None) -> CheckResult:
    """Run every check on a glossary file and its report; never raises for bad data."""
    path = resolve_glossary_path(glossary, environ)
    result = CheckResult(path)
    try:
        loaded, problems = read_glossary(path)
    except DataError as exc:
        result.problems = list(exc.problems)
        return result
    result.problems.extend(problems)
    result.terms = len(loaded.terms)
    _check_unique(loaded, result.problems)
    _check_related(loaded, result.problems)
    for term in loaded.terms:
        _check_parts(loaded, term, result.problems)
    try:
        result.report = load_glossary_report(loaded)
    except DataError as exc:
        result.problems.extend(exc.problems)
    if result.report is not None:
        _check_against_report(loaded, result.report, result.problems)
        _check_corrections(result.report, loaded, result.problems)
    if pinyin:
        _check_pinyin(loaded, result.problems)
    result.problems.sort(key=lambda p: (p.path, p.line or 0, p.severity))
    return result


def _problem(glossary: Glossary, term: Term | None, field: str | None, message: str,
             fix: str | None = None, severity: str = "error") -> Problem:
    return Problem(str(glossary.path), term.line if term else None, message,
                   term.id if term else None, field, fix, severity)


def _check_unique(glossary: Glossary, out: list[Problem]) -> None:
    for field_name, key in (("id", lambda t: t.id), ("note", lambda t: t.note),
                            ("term", lambda t: t.term)):
        counts = Counter(key(t) for t in glossary.terms if key(t) is not None)
        for term in glossary.terms:
            value = key(term)
            if value is not None and counts[value] > 1:
                first = next(t for t in glossary.terms if key(t) == value)
                if first is not term:
                    out.append(_problem(glossary, term, field_name,
                                        f"duplicate {field_name} {value!r} "
                                        f"(also at line {first.line})",
                                        fix=f"give each term its own {field_name}"))


def _check_related(glossary: Glossary, out: list[Problem]) -> None:
    declared: dict[frozenset[str], Term] = {}
    for term in glossary.terms:
        for other in term.related:
            if other == term.id:
                out.append(_problem(glossary, term, "related", "a term cannot relate to itself",
                                    fix=f"remove {other!r} from related"))
            elif glossary.get(other) is None:
                out.append(_problem(glossary, term, "related",
                                    f"cross-reference to unknown id {other!r}",
                                    fix="use the id of a term in this glossary"))
            else:
                pair = frozenset((term.id, other))
                if pair in declared:
                    out.append(_problem(glossary, term, "related",
                                        f"cross-reference with {other!r} is declared twice "
                                        f"(also at line {declared[pair].line})",
                                        fix="declare it once: it is shown from both ends",
                                        severity="warning"))
                declared[pair] = term


def _check_parts(glossary: Glossary, term: Term, out: list[Problem]) -> None:
    for part in term.parts:
        if part.name:
            expected = part_count(part.name)
            if expected is not None and expected != len(part.items):
                out.append(_problem(
                    glossary, term, "parts",
                    f"{part.name} has {len(part.items)} item(s) but its numeral says {expected}",
                    fix=f"list exactly {expected} items under {part.name}"))
        for item in part.items:
            if item not in term.definition:
                out.append(_problem(glossary, term, "parts",
                                    f"part item {item!r} does not occur in the definition",
                                    fix="quote the item as the definition words it",
                                    severity="warning"))


def _check_against_report(glossary: Glossary, report: Report, out: list[Problem]) -> None:
    finder = PassageFinder(report)
    report_name = report.path.name
    if not report.notes:
        out.append(Problem(str(glossary.path), None,
                           f"the report {report_name} has no notes section (no 名词解释 "
                           "heading followed by notes was found), so no definition was "
                           "verified", fix="check that the report file has its notes",
                           severity="warning"))
    covered: set[int] = set()
    for term in glossary.terms:
        note = _note_of(report, term, glossary, out)
        if note is not None:
            covered.add(id(note))
            _check_note(glossary, term, note, report_name, out)
        for variant in term.variants:
            if not finder.occurs(variant):
                out.append(_problem(glossary, term, "variants",
                                    f"variant {variant!r} never occurs in the report body",
                                    fix="use a form the body actually writes, or remove it"))
        if not any(finder.occurs(form) for form in term.forms):
            out.append(_problem(glossary, term, "variants",
                                "no form of the term occurs in the report body",
                                fix="add the form the body uses as a variant",
                                severity="warning"))
    for note in report.notes:
        if id(note) not in covered:
            label = f"note {note.number}" if note.number is not None else "the unnumbered note"
            fix = (f"add a term with note: {note.number}" if note.number is not None
                   else f"add a term with term: {note.headword}")
            out.append(Problem(str(glossary.path), None,
                               f"{label} of the report ({note.printed}) has no term",
                               fix=fix, severity="warning"))


def _note_of(report: Report, term: Term, glossary: Glossary, out: list[Problem]) -> Note | None:
    """The report's note a term annotates: by number, or for a term without one (the
    report's notes are unnumbered) by headword. Says so when there is none."""
    if term.note is not None:
        note = report.note(term.note)
        if note is None:
            out.append(_problem(glossary, term, "note",
                                f"the report {report.path.name} has no note {term.note}",
                                fix="use the number of one of the report's notes"))
        return note
    note = report.note_for(term.term)
    if note is None and term.printed:
        note = report.note_for(term.printed)
    if note is None and report.notes:
        out.append(_problem(glossary, term, "note",
                            "the term has no note in the report (no number, and no note "
                            "with this headword), so its definition was not verified",
                            fix="give the note's number, or its headword as term",
                            severity="warning"))
    return note


def _check_note(glossary: Glossary, term: Term, note: Note, report_name: str,
                out: list[Problem]) -> None:
    label = f"note {note.number}" if note.number is not None else f"the note {note.headword}"
    if term.definition != note.definition:
        out.append(_problem(
            glossary, term, "definition",
            f"definition differs from {label} of the report "
            f"({_first_difference(term.definition, note.definition)})",
            fix=f"copy the definition verbatim from {report_name}:{note.line}"))
    if term.printed is not None and term.printed != note.printed:
        out.append(_problem(
            glossary, term, "printed",
            f"printed form {term.printed!r} differs from {label}'s "
            f"headword {note.printed!r}", fix="copy the headword as printed"))


def _check_corrections(report: Report, glossary: Glossary, out: list[Problem]) -> None:
    counts = Counter(a.correction for a in report.applied)
    source = glossary.report.corrections if glossary.report else None
    for correction in report.corrections:
        found = counts.get(correction, 0)
        if found != correction.count:
            out.append(Problem(
                str(source or report.path), correction.line,
                f"correction {correction.original!r} applies {found} time(s), "
                f"expected {correction.count}",
                fix="update the original text, or set count: to the number of places"))


def _check_pinyin(glossary: Glossary, out: list[Problem]) -> None:
    from importlib.util import find_spec  # lazy: for the pinyin check only

    if find_spec("pypinyin") is None:  # pragma: no cover - pypinyin is a dependency
        out.append(Problem(str(glossary.path), None, "pypinyin is not installed; "
                           "pinyin not checked", fix="pip install pypinyin",
                           severity="warning"))
        return
    for term in glossary.terms:
        hanzi = hanzi_of(term.term)
        curated = syllables(term.pinyin)
        if len(curated) != len(hanzi):
            out.append(_problem(glossary, term, "pinyin",
                                f"{len(curated)} syllable(s) for {len(hanzi)} character(s)",
                                fix="write one syllable per character, separated by spaces"))
            continue
        reference = read(hanzi, term.definition)
        wrong = [
            f"{ch} {mine} (pypinyin: {theirs})"
            for ch, mine, theirs in zip(hanzi, curated, reference)
            if not same_reading(ch, mine, theirs) and term.pinyin_reviewed.get(ch) != mine
        ]
        if wrong:
            out.append(_problem(glossary, term, "pinyin",
                                "reading differs from pypinyin: " + ", ".join(wrong),
                                fix="correct it, or confirm it with pinyin_reviewed: "
                                    "{hanzi: syllable}",
                                severity="warning"))


def _first_difference(mine: str, theirs: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(mine, theirs)) if a != b),
             min(len(mine), len(theirs)))
    return (f"first difference at character {i + 1}: "
            f"{mine[i:i + 8]!r} here, {theirs[i:i + 8]!r} in the report")
