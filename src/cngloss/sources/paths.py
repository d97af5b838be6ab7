"""Where things are: which glossary file to use (``--glossary``, else ``$CNGLOSS_GLOSSARY``, else
the bundled one), and the user's cache and data folders."""

from __future__ import annotations

import os
import sys
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


_XDG = {"cache": ("XDG_CACHE_HOME", "~/.cache"), "data": ("XDG_DATA_HOME", "~/.local/share")}


def user_folder(kind: str, environ: Mapping[str, str]) -> Path:
    """cngloss's folder in the user's ``"cache"`` or ``"data"`` folder.

    On Linux this is the XDG rule ($XDG_CACHE_HOME or ~/.cache; $XDG_DATA_HOME or
    ~/.local/share; a variable that is not an absolute path is ignored, as the XDG
    specification says), worked out here exactly as platformdirs does it there, because importing
    platformdirs costs every cold start about 4 ms; on other systems platformdirs knows the
    rules.
    """
    if sys.platform.startswith("linux") and "ANDROID_DATA" not in environ:
        variable, default = _XDG[kind]
        base = environ.get(variable, "")
        if not os.path.isabs(base):
            base = os.path.expanduser(default)
        return Path(base) / "cngloss"
    import platformdirs  # lazy: other systems only (see above)

    find = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    return Path(find("cngloss", appauthor=False))
