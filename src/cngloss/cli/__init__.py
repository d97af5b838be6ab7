"""The ``cngloss`` command: the only importer of Typer (``app``), one module per command
(``commands/``), the shared options (``options``) and output (``emit``), one error boundary
(``app.main``)."""

from .app import OPTION_NAMES, State, app, main, run
from . import commands  # noqa: F401  (registers every command on ``app``)

__all__ = ["OPTION_NAMES", "State", "app", "main", "run"]
