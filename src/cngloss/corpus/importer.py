"""``cngloss import``: a glossary for the notes of a report, ready for ``check``.

Every note becomes a term: a unique id, the note number, the clean headword, the headword
as printed, the definition verbatim, pinyin, and the suggestions of ``suggest.py`` (parts,
variants, related), which the entry lists under ``unreviewed`` for a translator to confirm.
English is filled only from a file given with ``--english-from``: a glossary's renderings of
the same headword, or the sourced renderings (a file such as ``data/english.yaml``) of the
sense the note's definition has. ``cngloss check`` on the result passes with no error, without edits.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..errors import CnglossError, NotFoundError, UsageError
from ..lookup.passages import PassageFinder
from ..model import Report
from ..sources.files import write_atomically
from ..sources.glossary_writer import glossary_yaml
from ..text.note_terms import not_a_term
from ..text.hanzi import strip_quotes
from . import suggest

HEADER = (
    "Imported by `cngloss import` from {report} ({count} notes).\n"
    "Definitions and printed headwords are the report's own. pinyin, parts, variants and\n"
    "related are suggestions: each entry lists the ones it has under `unreviewed`; review\n"
    "them and remove them from that list. Schema: cngloss docs/glossary.md, \"Data schema\"."
)


@dataclass
class Imported:
    """One report's glossary: where it goes, its YAML text, and what to review."""

    report: Path
    output: Path | None
    text: str
    terms: int
    flags: list[str] = field(default_factory=list)
    # the numbered slogans the report uses that no note defines, offered for review
    # (commented out at the end of ``text``: corpus/offers.py)
    offers: list = field(default_factory=list)


def build_glossary(report_path: str | os.PathLike[str], output: Path | None = None,
                   english_from: str | os.PathLike[str] | None = None,
                   encoding: str | None = None, offers: bool = True) -> Imported:
    """The glossary YAML for one report (nothing written). ``output``: where it will be
    written (the report path in it is relative to that file's folder; None: the current
    folder); ``offers``: the numbered slogans its body uses that no note defines, as
    commented-out candidate entries after the terms. A report without a notes section
    raises NotFoundError."""
    # lazy: the report parser and the glossary reader, for import only
    from ..sources.glossary import load_glossary
    from ..sources.report import load_report

    report_path = Path(report_path)
    report = load_report(report_path, encoding=encoding)
    if not report.notes:
        raise NotFoundError(
            f"{report_path}: no notes section found (no 名词解释/注释 heading followed by "
            "at least 3 notes)",
            hint="cngloss import reads the notes a report explains its terms in; "
                 "this report has none to import")
    english = _english_from(english_from) if english_from else None
    folder = (output.parent if output is not None else Path(".")).resolve()
    data, flags = _glossary_data(report, english)
    data["report"] = {"path": _relative(report_path.resolve(), folder)}
    data = {"title": data.pop("title"), "report": data.pop("report"), "terms": data["terms"]}
    header = HEADER.format(report=report_path.name, count=len(report.notes))
    text, offered = glossary_yaml(data, header), []
    if offers:
        from .offers import offer_entries, offers_yaml, report_offers  # lazy: the finder

        headwords = {form for term in data["terms"]
                     for form in (term["term"], *term.get("variants", ()))}
        offered = report_offers(report, headwords)
        text += offers_yaml(offer_entries(offered, {term["id"] for term in data["terms"]}))
    return Imported(report_path, output, text, len(data["terms"]), flags, offered)


def _english_from(path: str | os.PathLike[str]):
    """What ``--english-from`` gives: a glossary's renderings by headword, or (a file of
    sourced renderings, ``data/english.yaml``'s schema) a function of the note that gives
    the renderings of its sense."""
    # lazy: the readers, for --english-from only
    from ..sources.english import is_english_file, load_english
    from ..sources.glossary import load_glossary

    if is_english_file(path):
        from .english import EnglishIndex, english_values  # lazy: a file of renderings only

        index = EnglishIndex(load_english(path))
        return lambda note: english_values(index, note.headword, note.printed,
                                           note.definition)
    by_headword = suggest.english_by_headword(load_glossary(path).terms)
    return lambda note: by_headword.get(note.headword, [])


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return path.as_posix()


def _glossary_data(report: Report, english) -> tuple[dict, list[str]]:
    finder = PassageFinder(report)
    flags: list[str] = []
    notes, seen_terms, seen_numbers = [], set(), set()
    for note in report.notes:
        where = f"note {note.number}" if note.number is not None else f"line {note.line}"
        if not note.headword:
            flags.append(f"{where} has no headword; not imported")
            continue
        if note.headword in seen_terms:
            flags.append(f"{where}: headword {note.headword} repeats an earlier note; "
                         "not imported")
            continue
        seen_terms.add(note.headword)
        notes.append(note)
    headwords = [n.headword for n in notes]
    related = suggest.suggest_related(notes, headwords)
    ids: set[str] = set()
    idents = [suggest.make_id(h, ids) for h in headwords]
    terms = []
    for i, note in enumerate(notes):
        where = f"note {note.number}" if note.number is not None else f"line {note.line}"
        entry: dict = {"id": idents[i]}
        if note.number is not None and note.number not in seen_numbers:
            entry["note"] = note.number
            seen_numbers.add(note.number)
        elif note.number is not None:
            flags.append(f"note {note.number} is numbered twice; the second ({note.headword}) "
                         "is matched by its headword")
        # The headword as the curated glossary writes it: no quotation marks (“两水”改造 ->
        # 两水改造; matching the body ignores them anyway); printed keeps the note's own.
        entry["term"] = strip_quotes(note.headword)
        entry["printed"] = note.printed
        entry["pinyin"] = suggest.pinyin_of(note.headword, note.definition)
        entry["english"] = english(note) if english else []
        entry["definition"] = note.definition
        variants = suggest.suggest_variants(note.headword, note.printed, note, report, finder)
        near = [] if variants else suggest.suggest_near_forms(
            note.headword, note.printed, report, finder, headwords)
        if near:  # a form the body writes instead of the term: a variant to review
            variants = near
            flags.append(f"{where} ({note.headword}): the body never writes the term whole; "
                         f"near form {'、'.join(near)} suggested as a variant: review")
        parts, part_flags = suggest.suggest_parts(note.headword, note.definition)
        flags.extend(f"{where} ({note.headword}): {f}" for f in part_flags)
        entry["variants"] = variants
        entry["parts"] = parts
        entry["related"] = [idents[j] for j in related[i]]
        remarks = ["; ".join(part_flags) + " (no parts suggested: review)"] if part_flags else []
        junk = not_a_term(note.headword)
        if junk:  # a note on a statement (新增普通高校7所): imported, but no term
            flags.append(f"{where} ({note.headword}): the headword reads as a {junk}, "
                         "not a term (the library's glossary leaves it out): review")
            remarks.append(f"the headword reads as a {junk}, not a term: review")
        if remarks:
            entry["remark"] = "; ".join(remarks)
        entry["unreviewed"] = ["pinyin"] + [k for k in ("variants", "parts", "related")
                                            if entry[k]]
        terms.append({k: v for k, v in entry.items() if v != [] or k == "english"})
    meta = report.metadata
    place_year = f"{meta.place or ''}{f'{meta.year}年' if meta.year else ''}"
    title = (f"{place_year}政府工作报告" if place_year else meta.title or report.path.stem)
    heading = _HEADING_AFFIXES.sub("", report.notes_title or "") or "名词解释"
    return {"title": f"{title} {heading}", "terms": terms}, flags


# 附件：名词解释 -> 名词解释; 部分名词注释: -> 部分名词注释
_HEADING_AFFIXES = re.compile(r"^[^：:]{0,8}[：:](?=.)|[：:>]+$")


def output_paths(reports: Sequence[Path], output: Path | None, output_dir: Path | None
                 ) -> list[Path | None]:
    """Where each report's glossary goes: ``output`` (one report), ``output_dir``/NAME.yaml
    (any number; names made unique), or stdout (None; one report)."""
    if output is not None and output_dir is not None:
        raise UsageError("use --output or --output-dir, not both")
    if output_dir is not None:
        names: set[str] = set()
        out: list[Path | None] = []
        for report in reports:
            stem, k = report.stem, 1
            name = f"{stem}.yaml"
            while name in names:
                k += 1
                name = f"{stem}-{k}.yaml"
            names.add(name)
            out.append(output_dir / name)
        return out
    if len(reports) > 1:
        raise UsageError("several reports need --output-dir DIR (one glossary each)")
    return [None if output is None or str(output) == "-" else output]


def import_reports(reports: Sequence[str | os.PathLike[str]], output: Path | None = None,
                   output_dir: Path | None = None, english_from: Path | None = None,
                   force: bool = False, encoding: str | None = None,
                   offers: bool = True,
                   done: Callable[[Imported | None, Path, Exception | None], None] | None = None
                   ) -> list[Imported]:
    """Import each report and write its glossary (atomically; never over an existing file
    unless ``force``). A glossary for stdout (one report, no output) is returned unwritten.
    ``done(imported, report, error)`` is called after each report. With one report a
    failure is raised as it is; with several, a report that fails (no notes, unreadable) is
    passed to ``done`` and skipped, the others go on, and ``ImportFailed`` (with the first
    failure's exit code) is raised at the end."""
    paths = [Path(r) for r in reports]
    targets = output_paths(paths, output, output_dir)
    if output_dir is not None and not Path(output_dir).is_dir():
        raise UsageError(f"the output folder {output_dir} does not exist (create it first)")
    results: list[Imported] = []
    failures: list[CnglossError] = []
    for path, target in zip(paths, targets):
        try:
            imported = build_glossary(path, target, english_from, encoding, offers)
            if target is not None:
                write_atomically(target, imported.text, force)
        except CnglossError as exc:
            if len(paths) == 1:
                raise
            failures.append(exc)
            if done:
                done(None, path, exc)
            continue
        results.append(imported)
        if done:
            done(imported, path, None)
    if failures:
        raise ImportFailed(f"{len(failures)} of {len(paths)} reports not imported "
                           "(see above)", failures[0].exit_code)
    return results


class ImportFailed(CnglossError):
    """Some of several reports could not be imported; each was reported as it failed."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code
