"""cngloss: a glossary of Chinese policy terms, as a library and a command.

The public API loads a glossary and its report, looks terms up, finds where the report
uses them, and renders appendices. Importing it touches neither Typer nor rich, and names
are imported on first use (PEP 562), so the command line pays only for what it runs.
"""

from __future__ import annotations

from importlib import import_module

# Not ``typing``: the console script imports this package before it can handle Ctrl-C
# (entry.py), so the package itself imports nothing it can do without.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "CheckResult": "checks", "run_checks": "checks",
    "Corpus": "corpus", "load_corpus": "corpus",
    "AmbiguousError": "errors", "CnglossError": "errors", "DataError": "errors",
    "ExitCode": "errors", "GlossaryError": "errors", "NotFoundError": "errors",
    "Problem": "errors", "ReportError": "errors", "UsageError": "errors",
    "load_glossary": "glossary",
    "bundled_glossary_path": "paths", "resolve_glossary_path": "paths",
    "resolve_term": "lookup",
    "Glossary": "model", "Note": "model", "Paragraph": "model", "Part": "model",
    "Passage": "model", "Rendering": "model", "Report": "model", "Section": "model",
    "Term": "model",
    "PassageFinder": "passages",
    "load_report": "report", "parse_report": "report",
    "Hit": "searching", "search": "searching", "suggest": "searching",
    "render_appendix": "appendix",
    "passage_to_dict": "serialize", "term_to_dict": "serialize",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cngloss' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from .appendix import render_appendix
    from .checks import CheckResult, run_checks
    from .corpus import Corpus, load_corpus
    from .errors import (AmbiguousError, CnglossError, DataError, ExitCode, GlossaryError,
                         NotFoundError, Problem, ReportError, UsageError)
    from .glossary import load_glossary
    from .paths import bundled_glossary_path, resolve_glossary_path
    from .lookup import resolve_term
    from .model import (Glossary, Note, Paragraph, Part, Passage, Rendering, Report, Section,
                        Term)
    from .passages import PassageFinder
    from .report import load_report, parse_report
    from .searching import Hit, search, suggest
    from .serialize import passage_to_dict, term_to_dict
