"""Which glossary file to use: ``--glossary``, else ``$CNGLOSS_GLOSSARY``, else the bundled one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

ENV_VAR = "CNGLOSS_GLOSSARY"


def bundled_glossary_path() -> Path:
    """The glossary shipped with cngloss: inside the installed package, or the source tree."""
    here = Path(__file__).resolve().parents[1]  # the package folder (this is sources/)
    for candidate in (here / "data" / "terms.yaml", here.parents[1] / "data" / "terms.yaml"):
        if candidate.is_file():
            return candidate
    return here / "data" / "terms.yaml"


def resolve_glossary_path(option: str | os.PathLike[str] | None = None,
                          environ: Mapping[str, str] | None = None) -> Path:
    """``--glossary`` if given, else ``$CNGLOSS_GLOSSARY``, else the bundled glossary."""
    environ = os.environ if environ is None else environ
    if option:
        return Path(option)
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR])
    return bundled_glossary_path()
