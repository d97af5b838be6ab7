"""``python -m cngloss``."""

from .cli import run

run()
