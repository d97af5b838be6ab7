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

# The public API, name -> the module that defines it: the one list (``__all__`` derives
# from it, and tests/test_architecture.py checks each name resolves to what it says).
_EXPORTS = {
    "AmbiguousError": "errors", "CnglossError": "errors", "DataError": "errors",
    "ExitCode": "errors", "GlossaryError": "errors", "NotFoundError": "errors",
    "OutputError": "errors", "Problem": "errors", "ReportError": "errors",
    "UsageError": "errors",
    "Glossary": "model", "Note": "model", "Paragraph": "model", "Part": "model",
    "Passage": "model", "Rendering": "model", "Report": "model", "Section": "model",
    "Term": "model",
    "load_glossary": "sources.glossary",
    "bundled_glossary_path": "sources.paths", "resolve_glossary_path": "sources.paths",
    "load_report": "sources.report", "parse_report": "sources.report",
    "Hit": "lookup.results", "search": "lookup.search", "suggest": "lookup.search",
    "resolve_term": "lookup.resolve",
    "PassageFinder": "lookup.passages",
    "Corpus": "corpus.load", "load_corpus": "corpus.load",
    "CheckResult": "corpus.checks", "run_checks": "corpus.checks",
    "passage_to_dict": "output.json", "term_to_dict": "output.json",
    "render_appendix": "render.appendix",
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

