"""Where output goes and what the terminal can show: one object the tests can replace.

Like httpie's ``Environment``: commands never touch ``sys.stdout`` or ``os.environ``
directly, so tests can give them a fake terminal (``Environment(stdout=StringIO(), ...)``).
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Mapping, TextIO


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Environment:
    """Streams, terminal facts and environment variables the CLI runs with.

    A plain class, not a dataclass: the classes on the cold-start path are written out
    (generating a dataclass's methods costs each start about 1 ms).
    """

    def __init__(self, stdout: TextIO | None = None, stderr: TextIO | None = None,
                 environ: Mapping[str, str] | None = None, stdout_isatty: bool | None = None,
                 width: int | None = None):
        self.stdout = sys.stdout if stdout is None else stdout
        self.stderr = sys.stderr if stderr is None else stderr
        self.environ = os.environ if environ is None else environ
        self.stdout_isatty = _isatty(self.stdout) if stdout_isatty is None else stdout_isatty
        self.width = width

    def __repr__(self) -> str:
        return (f"Environment(stdout={self.stdout!r}, isatty={self.stdout_isatty}, "
                f"width={self.width})")

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
