"""Writing an output file so that it is either complete or not there at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UsageError


class OutputError(UsageError):
    """An output file cannot be written where the user asked (exit 2)."""


def make_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` (appendix --all-formats) unless it exists, but not missing parents:
    as with a file's folder, a mistyped path is an error rather than a tree of new folders."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    if folder.exists():
        raise OutputError(f"cannot create folder {folder}: a file of that name exists")
    if not folder.parent.is_dir():
        raise OutputError(f"cannot create folder {folder}: folder {folder.parent} does not "
                          "exist (create it first)")
    try:
        folder.mkdir()
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {exc.strerror}") from None
    return folder


def write_atomically(path: str | os.PathLike[str], text: str, force: bool = False) -> Path:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    Refuses to replace an existing file unless ``force``; on any failure the old file is
    untouched and no temporary file is left behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist "
                          "(create it first)")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder (name a file)")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists (use --force to replace it)")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror} "
                          "(choose a folder you can write to)") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror} "
                              "(choose a place you can write to)") from None
        raise
    return path
