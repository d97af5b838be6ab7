"""A glossary together with the report it annotates: what every command works on."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from functools import cached_property
from typing import TYPE_CHECKING, Mapping, Sequence

from .paths import resolve_glossary_path
from .model import Glossary, Passage, Report, Term

if TYPE_CHECKING:  # pragma: no cover
    from .passages import PassageFinder


@dataclass
class Corpus:
    """A loaded glossary and its parsed report (None when the glossary names no report)."""

    glossary: Glossary
    report: Report | None

    @cached_property
    def finder(self) -> "PassageFinder | None":
        from .passages import PassageFinder

        return PassageFinder(self.report) if self.report else None

    def passages(self, term: Term, context: str = "sentence") -> list[Passage]:
        """Every passage of the report body that uses ``term`` (none without a report)."""
        return self.finder.passages(term, context) if self.finder else []

    def uses(self, text: str) -> bool:
        """Whether the report body uses ``text`` (quotes ignored; False without a report)."""
        return self.finder.occurs(text) if self.finder else False

    def passages_for(self, terms: Sequence[Term], context: str = "sentence"
                     ) -> dict[str, list[Passage]]:
        """The passages of many terms, by id, found in one scan of the report."""
        found = self.finder.passages_for(terms, context) if self.finder else {}
        return {t.id: found.get(t.id, []) for t in terms}


def load_corpus(glossary: str | os.PathLike[str] | None = None,
                environ: Mapping[str, str] | None = None, cache: bool = True) -> Corpus:
    """Load a glossary (``--glossary``, ``$CNGLOSS_GLOSSARY`` or the bundled one) and its report.

    A compiled copy is kept in the user cache folder (see ``cache.py``) and used while the
    glossary, its report and its corrections are unchanged. Raises GlossaryError or
    ReportError (both exit 3) when either cannot be used.
    """
    from . import cache as compiled

    environ = os.environ if environ is None else environ
    # Absolute, so that the report it names and the cache's checks do not depend on the
    # working folder; symbolic links are kept, since the report is found next to the link.
    path = Path(os.path.abspath(resolve_glossary_path(glossary, environ)))
    folder = compiled.cache_dir(environ) if cache else None
    entry = None
    if folder is not None:
        try:
            entry = compiled.entry_path(folder, path, path.read_bytes())
        except OSError:
            entry = None  # the loader below reports what is wrong with the file
        found = compiled.load(entry) if entry else None
        if found is not None:
            return found
    from .glossary import load_glossary

    loaded = load_glossary(path)
    corpus = Corpus(loaded, load_glossary_report(loaded))
    if entry is not None:
        sources = [p for p in (loaded.report.path, loaded.report.corrections)
                   if p is not None] if loaded.report else []
        compiled.store(entry, corpus, sources)
    return corpus


def load_glossary_report(glossary: Glossary) -> Report | None:
    """Parse the report a glossary names, with its corrections; None if it names none."""
    from .corrections import load_corrections
    from .report import load_report

    if glossary.report is None:
        return None
    corrections = (load_corrections(glossary.report.corrections)
                   if glossary.report.corrections else ())
    return load_report(glossary.report.path, corrections)
