"""cngloss: a glossary of Chinese policy terms, as a library and a command.

The public API loads a glossary and its report, looks terms up, finds where the report
uses them, and renders appendices. Importing it touches neither Typer nor rich.
"""

__version__ = "0.1.0"

from .checks import CheckResult, run_checks
from .corpus import Corpus, load_corpus
from .errors import (
    CnglossError,
    DataError,
    ExitCode,
    GlossaryError,
    NotFoundError,
    Problem,
    ReportError,
    UsageError,
)
from .glossary import bundled_glossary_path, load_glossary, resolve_glossary_path
from .lookup import resolve_term
from .model import Glossary, Note, Paragraph, Part, Passage, Rendering, Report, Section, Term
from .passages import PassageFinder
from .report import load_report, parse_report
from .search import Hit, search, suggest
from .serialize import passage_to_dict, term_to_dict

__all__ = [
    "CheckResult", "CnglossError", "Corpus", "DataError", "ExitCode", "Glossary",
    "GlossaryError", "Hit", "Note", "NotFoundError", "Paragraph", "Part", "Passage",
    "PassageFinder", "Problem", "Rendering", "Report", "ReportError", "Section", "Term",
    "UsageError", "__version__", "bundled_glossary_path", "load_corpus", "load_glossary",
    "load_report", "parse_report", "passage_to_dict", "resolve_glossary_path",
    "resolve_term", "run_checks", "search", "suggest", "term_to_dict",
]
