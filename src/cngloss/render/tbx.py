"""TBX: the appendix as a termbase, TBX-Basic of ISO 30042:2008 (the ``martif`` document of
``termEntry``, ``langSet`` and ``tig``), the TBX that translate-toolkit's reader (Weblate,
Pootle), memoQ and Trados' converters import (docs/formats.md, "Termbases").

One ``termEntry`` a term; a ``zh`` language section with the headword (its variants as
further ``tig``s of term type ``variant``), its pinyin as a note and its definition as a
``definition`` with its ``source``; an ``en`` language section with each English rendering,
its source (when one is known) as a ``source`` admin. Written with the standard library's
ElementTree: nothing to install.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from .appendix import Appendix
from .english import renderings
from ..text.escape import safe

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
# An XML ID is a name: letters, digits, "-", "_", ".", not starting with a digit.
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def entry_id(term_id: str) -> str:
    """``c-liuwen-liubao``: the term id as an XML ID (characters an ID cannot hold as
    ``_XXXX_``, their code point, so two ids never meet)."""
    return "c-" + _NOT_NAME.sub(lambda m: f"_{ord(m.group()):04X}_", term_id)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = safe(text)
    return element


def _header(root: ET.Element, appendix: Appendix) -> None:
    header = _sub(root, "martifHeader")
    desc = _sub(header, "fileDesc")
    _sub(_sub(desc, "titleStmt"), "title", appendix.title)
    source = appendix.source_note() or "cngloss, a glossary of Chinese policy terms"
    _sub(_sub(desc, "sourceDesc"), "p", source)
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")


def _chinese(entry: ET.Element, term, report: str | None) -> None:
    lang = _sub(entry, "langSet", **{XML_LANG: "zh"})
    if term.definition:
        group = _sub(lang, "descripGrp")
        _sub(group, "descrip", term.definition, type="definition")
        if report:
            _sub(group, "admin", report, type="source")
    tig = _sub(lang, "tig")
    _sub(tig, "term", term.term)
    _sub(tig, "termNote", "fullForm", type="termType")
    if term.pinyin:
        _sub(tig, "note", f"pinyin: {term.pinyin}")
    for variant in term.variants:
        if variant != term.term:
            tig = _sub(lang, "tig")
            _sub(tig, "term", variant)
            _sub(tig, "termNote", "variant", type="termType")


def _english(entry: ET.Element, term) -> None:
    found = renderings(term)
    if not found:
        return
    lang = _sub(entry, "langSet", **{XML_LANG: "en"})
    for english in found:
        tig = _sub(lang, "tig")
        _sub(tig, "term", english.text)
        if english.source:
            _sub(tig, "admin", english.source, type="source")


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    _header(root, appendix)
    body = _sub(_sub(root, "text"), "body")
    for item in appendix.entries:
        term = item.term
        entry = _sub(body, "termEntry", id=entry_id(term.id))
        if term.note is not None and not appendix.for_document:
            _sub(entry, "note", f"note {term.note} of {appendix.source}" if appendix.source
                 else f"note {term.note}")
        _chinese(entry, term, appendix.source if not appendix.for_document else None)
        _english(entry, term)
    ET.indent(root, space=" ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + DOCTYPE + "\n"
            + ET.tostring(root, encoding="unicode") + "\n")
