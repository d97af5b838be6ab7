"""Errors of the core and the exit codes the CLI turns them into.

The core raises; only the CLI boundary (``cli.main``) prints and exits. Every error knows
its own exit code so the boundary needs no table of its own.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Documented exit codes of the ``cngloss`` command (see docs/commands.md, "Exit codes")."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    BAD_DATA = 3
    INTERNAL = 70  # a bug in cngloss (EX_SOFTWARE); CNGLOSS_DEBUG=1 shows the traceback
    INTERRUPTED = 130


class Problem(NamedTuple):
    """One finding about a data file: where it is, what is wrong, how to fix it."""

    path: str
    line: int | None
    message: str
    term: str | None = None
    field: str | None = None
    fix: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return self.describe()

    def describe(self, severity: bool = True) -> str:
        """``file:line: error: term T: field F: what (fix: how)``."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        parts = [where] + ([self.severity] if severity else [])
        if self.term:
            parts.append(f"term {self.term}")
        if self.field:
            parts.append(f"field {self.field}")
        text = ": ".join(parts) + ": " + self.message
        if self.fix:
            text += f" (fix: {self.fix})"
        return text


class CnglossError(Exception):
    """Base class of every error cngloss reports to a user."""

    exit_code: ExitCode = ExitCode.USAGE


class UsageError(CnglossError):
    """The user asked for something malformed (empty query, bad option value)."""

    exit_code = ExitCode.USAGE


class ChoiceError(UsageError):
    """A value that must be one of a fixed set (a format, a sort order) is not.

    ``name`` says what was chosen in the core's words (``format``); the command line
    words it as its option (``--format``)."""

    def __init__(self, name: str, value: str, choices: tuple[str, ...]):
        self.name, self.value, self.choices = name, value, tuple(choices)
        super().__init__(self.describe(f"the {name}"))

    def describe(self, subject: str) -> str:
        """``SUBJECT must be one of: a, b (got 'c')``."""
        return f"{subject} must be one of: {', '.join(self.choices)} (got {self.value!r})"


class BadValueError(UsageError):
    """A value given for a named setting is malformed (a year range written backwards).

    ``name`` says what was given in the core's words (``year``), as in ``ChoiceError``; the
    command line words it as its option (``--year``)."""

    def __init__(self, name: str, value: str, reason: str):
        self.name, self.value, self.reason = name, value, reason
        super().__init__(self.describe(f"the {name}"))

    def describe(self, subject: str) -> str:
        """``SUBJECT 'value': reason``."""
        return f"{subject} {self.value!r}: {self.reason}"


class NotFoundError(CnglossError):
    """Nothing matched what the user asked for."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, suggestions: tuple[str, ...] = (),
                 hint: str | None = None):
        super().__init__(message)
        self.suggestions = suggestions
        self.hint = hint  # what to try instead, e.g. the command that finds the text


class AmbiguousError(NotFoundError):
    """A query fits several terms equally well; ``candidates`` are their ids."""

    def __init__(self, message: str, candidates: tuple[str, ...]):
        super().__init__(message)
        self.candidates = candidates


class DataError(CnglossError):
    """A glossary, report or corrections file cannot be used."""

    exit_code = ExitCode.BAD_DATA

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(self.problems[0].describe(severity=False) if self.problems
                         else "bad data")


class GlossaryError(DataError):
    """The glossary file is missing, unreadable or structurally invalid."""


class ReportError(DataError):
    """The report (or its corrections file) named by a glossary cannot be read."""


class OutputError(UsageError):
    """An output file cannot be written where the user asked (exit 2)."""


class DocumentError(ReportError):
    """A document to read (a report file or a collection of them) cannot be used: a binary
    or empty file, a wrong encoding, a PDF without a text layer, a page that is not a report,
    a collection line that is not JSON. Bad data, so exit 3, like a bad glossary."""


# How the command line names what the core calls a setting (ChoiceError/BadValueError.name);
# the web API words its errors the same way, so a 400 reads as the CLI's error line.
OPTION_NAMES = {"format": "--format", "sort": "--sort", "context": "--context", "by": "--by",
                "measure": "--measure", "year": "--year", "kind": "--kind"}


def user_message(exc: CnglossError) -> str:
    """What the CLI prints after ``cngloss: error:`` for ``exc`` (a choice or a bad value
    worded with the option that set it)."""
    if isinstance(exc, (ChoiceError, BadValueError)):
        return exc.describe(OPTION_NAMES.get(exc.name, f"the {exc.name}"))
    return str(exc)


class MissingExtraError(UsageError):
    """A format needs an optional library that is not installed (``cngloss[pdf]``).

    Not bad data (the file may be fine) but the installation: exit 2, with the pip command
    that fixes it."""

    def __init__(self, what: str, package: str, extra: str):
        self.package, self.extra = package, extra
        super().__init__(f"{what} needs {package}: pip install 'cngloss[{extra}]'")
