"""The ``cngloss`` command: the only importer of Typer (``app``), one module per command
(``commands/``), the shared options (``options``) and output (``emit``), one error boundary
(``app.main``). ``main`` registers only the command a run names (``commands.load_for``);
``commands.load_all()`` registers every one."""

from .app import OPTION_NAMES, State, app, main, run

__all__ = ["OPTION_NAMES", "State", "app", "main", "run"]
