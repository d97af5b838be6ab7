"""How a command prints its result: the one branch every command has (JSON, CSV, or the
terminal view), files written whole or not at all, and progress on a terminal."""

import sys
from pathlib import Path
from typing import Any, Callable, Optional, TextIO

from ..output.console import print_view, write_output as write_result
from ..output.environment import Environment


def emit(env: Environment, json: Optional[Callable[[], Any]] = None,
         csv: Optional[Callable[[TextIO], None]] = None,
         view: Optional[Callable[[], list]] = None) -> None:
    """Print a result: ``json`` builds its JSON object, or its text (``--json``), ``csv``
    writes its rows (``--csv``), else ``view`` builds the terminal view (None or an empty
    view: nothing).
    Each is given only when its option was; the builders are imported by the caller
    lazily, so a path imports only its own output module."""
    if json is not None:
        from ..output.json import dumps  # lazy: for --json only

        data = json()
        if isinstance(data, bytes):  # already UTF-8 (discover across the library)
            _write_bytes(env.stdout, data + b"\n")
        else:
            env.stdout.write((data if isinstance(data, str) else dumps(data)) + "\n")
        env.stdout.flush()
    elif csv is not None:
        csv(env.stdout)
        env.stdout.flush()
    elif view is not None:
        blocks = view()
        if blocks:
            print_view(blocks, env)


def _write_bytes(stream: TextIO, data: bytes) -> None:
    """UTF-8 bytes to a text stream: to its buffer when it has one (not decoded again)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and (getattr(stream, "encoding", "") or "").lower().replace(
            "-", "") == "utf8":
        stream.flush()
        buffer.write(data)
    else:
        stream.write(data.decode("utf-8"))


def write_output(env: Environment, content: "str | bytes", output: Optional[Path],
                 force: bool) -> None:
    """``content`` to stdout, or (``--output FILE``) to FILE, whole or not at all; bytes never
    to a terminal (``output.console.write_output``)."""
    write_result(content, env, output, force)


def stdin_bytes():
    """Standard input as bytes, for ``-`` (None when there is none)."""
    return getattr(sys.stdin, "buffer", None)
