"""Glossary file (YAML) -> ``Glossary``, with structural validation that names file:line.

Loading checks structure only (types, required and unknown fields, id syntax), so a
glossary that is being edited stays usable; the content checks (duplicates, dangling
cross-references, definitions against the report, pinyin) live in ``checks.py``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..errors import GlossaryError, Problem
from ..model import Glossary, Part, Rendering, ReportSource, Term
from ..text.hanzi import is_hanzi
from .files import read_text
from .yaml_reader import BudgetExceeded, Composer, Reader

TOP_FIELDS = ("title", "report", "terms")
REPORT_FIELDS = ("path", "corrections")
TERM_FIELDS = (
    "id", "note", "term", "printed", "pinyin", "english", "definition", "variants", "parts",
    "tags", "related", "remark", "pinyin_reviewed", "unreviewed",
)
TERM_REQUIRED = ("id", "term", "pinyin", "definition")
ENGLISH_FIELDS = ("text", "source", "url")
PART_FIELDS = ("name", "items")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # the whole id (fullmatch: no "\n" after)


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Load a glossary file; any structural problem raises GlossaryError listing them all."""
    glossary, problems = read_glossary(path)
    errors = sorted((p for p in problems if p.severity == "error"), key=lambda p: p.line or 0)
    if errors:
        raise GlossaryError(errors)
    return glossary


def read_glossary(path: str | os.PathLike[str]) -> tuple[Glossary, list[Problem]]:
    """Load leniently: return the well-formed terms and every structural problem found.

    File-level failures (missing, unreadable, not UTF-8, YAML syntax) still raise, since no
    term can be read at all.
    """
    path = Path(path)
    text = read_text(path, GlossaryError, what="glossary")
    root = Composer(text, path, GlossaryError, what="glossary").document(lazy=("terms",))
    reader = Reader.for_text(path, text)
    if root is None:
        raise GlossaryError(Problem(str(path), None, "glossary file is empty",
                                    fix="add a 'terms:' list (see docs/glossary.md, \"Data schema\")"))
    try:
        glossary = _read_root(reader, root, path)
    except BudgetExceeded:
        raise GlossaryError(Problem(
            str(path), None, "YAML aliases expand to far more values than the file holds",
            fix="remove the anchors and aliases (&name / *name)")) from None
    return glossary, reader.problems


def _read_root(reader: Reader, root: Any, path: Path) -> Glossary:
    title, report, terms = None, None, ()
    for name, value in reader.fields(root, None, TOP_FIELDS, required=("terms",)):
        if name == "title":
            title = reader.string(value, "title")
        elif name == "report":
            report = _read_report_source(reader, value, path)
        else:  # terms: read one by one as the YAML is composed
            terms = reader.items(value, "terms", lambda n: _read_term(reader, n))
    return Glossary(path=path, terms=terms, title=title, report=report)


def _read_report_source(reader: Reader, node: Any, path: Path) -> ReportSource | None:
    base = path.parent
    if node.id == "scalar":
        value = reader.string(node, "report")
        return ReportSource(base / value) if value else None
    fields = reader.mapping(node, "report", REPORT_FIELDS, required=("path",))
    if not fields or "path" not in fields:
        return None
    report = reader.string(fields["path"], "report.path")
    corrections = (reader.string(fields["corrections"], "report.corrections")
                   if "corrections" in fields else None)
    if not report:
        return None
    return ReportSource(base / report, base / corrections if corrections else None)


def _read_term(reader: Reader, node: Any) -> Term | None:
    reader.term = None
    if node.id == "mapping":
        # Name the term in every problem about it, by id if it has one.
        for key, value in node.value:
            if key.value == "id" and value.id == "scalar":
                reader.term = str(value.value)
    fields = reader.mapping(node, None, TERM_FIELDS, required=TERM_REQUIRED)
    if fields is None:
        return None
    values: dict[str, Any] = {}
    for name, value in fields.items():
        read = _READERS[name](reader, value, name)
        if read is not None:
            values[name] = read  # a field of the wrong shape is left out, and reported
    ident = values.get("id")
    if ident is not None and not ID_PATTERN.fullmatch(ident):
        reader.problem(fields["id"], f"id {ident!r} is not a stable ASCII id", "id",
                       fix="use lowercase letters, digits and hyphens, e.g. six-stabilities")
    pinyin, headword = values.get("pinyin"), values.get("term") or ""
    if pinyin is not None and not pinyin.strip() and any(is_hanzi(ch) for ch in headword):
        reader.problem(fields["pinyin"], "must not be empty when the headword has hanzi",
                       "pinyin", fix="write one syllable per character, e.g. liù wěn")
        values["pinyin"] = None
    reader.term = None
    if any(values.get(k) is None for k in TERM_REQUIRED):
        return None
    return Term(line=node.line, **values)


def _read_english(reader: Reader, node: Any, name: str) -> tuple[Rendering, ...]:
    def one(item: Any) -> Rendering | None:
        if item.id == "scalar":
            text = reader.string(item, name)
            return Rendering(text) if text else None
        fields = reader.mapping(item, name, ENGLISH_FIELDS, required=("text",))
        if not fields or "text" not in fields:
            return None
        text = reader.string(fields["text"], f"{name}.text")
        source = reader.string(fields["source"], f"{name}.source") if "source" in fields else None
        url = reader.string(fields["url"], f"{name}.url") if "url" in fields else None
        return Rendering(text, source, url) if text else None

    return reader.items(node, name, one)


def _read_parts(reader: Reader, node: Any, name: str) -> tuple[Part, ...]:
    def one(item: Any) -> Part | None:
        fields = reader.mapping(item, name, PART_FIELDS, required=("items",))
        if not fields or "items" not in fields:
            return None
        part_name = reader.optional_string(fields["name"], f"{name}.name") \
            if "name" in fields else None
        items = reader.strings(fields["items"], f"{name}.items")
        if not items:
            reader.problem(fields["items"], "a part needs at least one item", f"{name}.items")
            return None
        return Part(part_name, items)

    return reader.items(node, name, one)


def _read_reviewed(reader: Reader, node: Any, name: str) -> dict[str, str]:
    fields = reader.mapping(node, name, None) or {}
    out = {}
    for hanzi, value in fields.items():
        syllable = reader.string(value, f"{name}.{hanzi}")
        if syllable:
            out[hanzi] = syllable
    return out


_READERS = {
    "id": lambda r, n, f: r.string(n, f),
    "term": lambda r, n, f: r.string(n, f),
    "printed": lambda r, n, f: r.string(n, f),
    "pinyin": lambda r, n, f: r.string(n, f, allow_empty=True),  # a term without hanzi
    "definition": lambda r, n, f: r.string(n, f),
    "remark": lambda r, n, f: r.string(n, f),
    "note": lambda r, n, f: r.integer(n, f),
    "variants": lambda r, n, f: r.strings(n, f),
    "tags": lambda r, n, f: r.strings(n, f),
    "related": lambda r, n, f: r.strings(n, f),
    "unreviewed": lambda r, n, f: r.strings(n, f),
    "english": _read_english,
    "parts": _read_parts,
    "pinyin_reviewed": _read_reviewed,
}
