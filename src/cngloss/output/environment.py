"""Where output goes and what the terminal can show: one object the tests can replace.

Like httpie's ``Environment``: commands never touch ``sys.stdout`` or ``os.environ``
directly, so tests can give them a fake terminal (``Environment(stdout=StringIO(), ...)``).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import Mapping, TextIO


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class Environment:
    """Streams, terminal facts and environment variables the CLI runs with."""

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    stdout_isatty: bool | None = None
    width: int | None = None

    def __post_init__(self) -> None:
        if self.stdout_isatty is None:
            self.stdout_isatty = _isatty(self.stdout)

    @property
    def color(self) -> bool:
        """Colour only on a terminal, and never with NO_COLOR set (to anything but the empty
        string, as no-color.org says) or TERM=dumb."""
        return bool(self.stdout_isatty) and not self.environ.get("NO_COLOR") and \
            self.environ.get("TERM") != "dumb"

    @property
    def columns(self) -> int:
        """The terminal width (``--width``, ``$COLUMNS``, the terminal, else 80)."""
        if self.width:
            return self.width
        try:
            return int(self.environ.get("COLUMNS", "")) or 80
        except ValueError:
            pass
        return shutil.get_terminal_size((80, 24)).columns if self.stdout_isatty else 80
