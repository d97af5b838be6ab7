"""A glossary together with the report it annotates: what every command works on."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from typing import Mapping

from .corrections import load_corrections
from .glossary import load_glossary, resolve_glossary_path
from .model import Glossary, Passage, Report, Term
from .passages import PassageFinder
from .report import load_report


@dataclass
class Corpus:
    """A loaded glossary and its parsed report (None when the glossary names no report)."""

    glossary: Glossary
    report: Report | None

    @cached_property
    def finder(self) -> PassageFinder | None:
        return PassageFinder(self.report) if self.report else None

    def passages(self, term: Term, context: str = "sentence") -> list[Passage]:
        """Every passage of the report body that uses ``term`` (none without a report)."""
        return self.finder.passages(term, context) if self.finder else []


def load_corpus(glossary: str | os.PathLike[str] | None = None,
                environ: Mapping[str, str] | None = None) -> Corpus:
    """Load a glossary (``--glossary``, ``$CNGLOSS_GLOSSARY`` or the bundled one) and its report.

    Raises GlossaryError or ReportError (both exit 3) when either cannot be used.
    """
    loaded = load_glossary(resolve_glossary_path(glossary, environ))
    return Corpus(loaded, load_glossary_report(loaded))


def load_glossary_report(glossary: Glossary) -> Report | None:
    """Parse the report a glossary names, with its corrections; None if it names none."""
    if glossary.report is None:
        return None
    corrections = (load_corrections(glossary.report.corrections)
                   if glossary.report.corrections else ())
    return load_report(glossary.report.path, corrections)
