"""Which library to use: ``--library``, else ``$CNGLOSS_LIBRARY``, else the one in the user data
folder if it exists.

Apart from the store because every ``show`` and ``grep`` asks, library or not, and the answer
needs neither sqlite3 nor the store (importing them costs a cold start about 2 ms).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..sources.paths import user_folder

ENV_VAR = "CNGLOSS_LIBRARY"


def default_path(environ: Mapping[str, str]) -> Path:
    """The library in the user data folder (it may not exist yet)."""
    return user_folder("data", environ) / "library.sqlite"


def library_path(given: Path | None, environ: Mapping[str, str]) -> tuple[Path, bool]:
    """(path, named): --library, else $CNGLOSS_LIBRARY, else the default. ``named`` is False
    for the default, which is used only when it exists."""
    if given is not None:
        return Path(given), True
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]), True
    return default_path(environ), False
