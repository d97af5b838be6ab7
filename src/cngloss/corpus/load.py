"""A glossary together with the report it annotates: what every command works on.

Loading goes through the compiled cache (``sources/cache.py``): a warm load reads one
file and parses neither YAML nor the report. The cache stores the search index as bytes
it does not look into; this module, which sits above both, hands them from one to the
other (``lookup/index.py``), so neither layer knows the other.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from ..errors import ChoiceError
from ..lookup.registry import attach_compiled
from ..model import Glossary, Passage, Report, Term
from ..sources import cache as store
from ..sources.paths import resolve_glossary_path

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..lookup.passages import PassageFinder


class Corpus:
    """A loaded glossary and its parsed report (None when the glossary names no report)."""

    def __init__(self, glossary: Glossary, report: Report | None):
        self.glossary = glossary
        self.report = report

    def __repr__(self) -> str:
        return f"Corpus({self.glossary!r}, report={self.report is not None})"

    @cached_property
    def finder(self) -> "PassageFinder | None":
        from ..lookup.passages import PassageFinder  # lazy: not on the search path

        return PassageFinder(self.report) if self.report else None

    def passages(self, term: Term, context: str = "sentence") -> list[Passage]:
        """Every passage of the report body that uses ``term`` (none without a report).

        Raises UsageError for a context other than ``CONTEXTS``."""
        check_context(context)
        return self.finder.passages(term, context) if self.finder else []

    def uses(self, text: str) -> bool:
        """Whether the report body uses ``text`` (quotes ignored; False without a report)."""
        return self.finder.occurs(text) if self.finder else False

    def passages_for(self, terms: Sequence[Term], context: str = "sentence"
                     ) -> dict[str, list[Passage]]:
        """The passages of many terms, by id, found in one scan of the report."""
        check_context(context)
        found = self.finder.passages_for(terms, context) if self.finder else {}
        return {t.id: found.get(t.id, []) for t in terms}

    def passage_counts(self) -> dict[str, int | None]:
        """How many passages use each term, by id (None for every term without a report)."""
        found = self.passages_for(self.glossary.terms)
        return {t.id: (len(found[t.id]) if self.report else None) for t in self.glossary.terms}


def check_context(context: str) -> None:
    """A passage is a sentence or a paragraph; anything else is a usage error."""
    from ..lookup.passages import CONTEXTS  # lazy: not on the search path

    if context not in CONTEXTS:
        raise ChoiceError("context", context, CONTEXTS)


def load_corpus(glossary: str | os.PathLike[str] | None = None,
                environ: Mapping[str, str] | None = None, cache: bool = True) -> Corpus:
    """Load a glossary (``--glossary``, ``$CNGLOSS_GLOSSARY`` or the bundled one) and its report.

    A compiled copy is kept in the user cache folder (see ``sources/cache.py``) and used
    while the glossary, its report and its corrections are unchanged. Raises GlossaryError
    or ReportError (both exit 3) when either cannot be used.
    """
    environ = os.environ if environ is None else environ
    # Absolute, so that the report it names and the cache's checks do not depend on the
    # working folder; symbolic links are kept, since the report is found next to the link.
    path = Path(os.path.abspath(resolve_glossary_path(glossary, environ)))
    folder = store.cache_dir(environ) if cache else None
    entry = None
    if folder is not None:
        try:
            entry = store.entry_path(folder, path, path.read_bytes())
        except OSError:
            entry = None  # the loader below reports what is wrong with the file
        found = store.load(entry) if entry else None
        if found is not None:
            attach_compiled(found.glossary, found.index)
            return Corpus(found.glossary, found.report)
    # lazy: the YAML reader and the index builder, a cache miss only
    from ..lookup.index import compiled_index
    from ..sources.glossary import load_glossary

    loaded = load_glossary(path)
    corpus = Corpus(loaded, load_glossary_report(loaded))
    if entry is not None:
        sources = [p for p in (loaded.report.path, loaded.report.corrections)
                   if p is not None] if loaded.report else []
        store.store(entry, store.Compiled(loaded, corpus.report, compiled_index(loaded)),
                    sources)
    return corpus


def load_glossary_report(glossary: Glossary) -> Report | None:
    """Parse the report a glossary names, with its corrections; None if it names none."""
    # lazy: the report parser and the corrections reader, a cache miss only
    from ..sources.corrections import load_corrections
    from ..sources.report import load_report

    if glossary.report is None:
        return None
    corrections = (load_corrections(glossary.report.corrections)
                   if glossary.report.corrections else ())
    return load_report(glossary.report.path, corrections)
