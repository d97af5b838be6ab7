"""Files in and out: reading a user's text file, with every way it can fail turned into one
clear problem, and writing an output file so that it is either complete or not there at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import DataError, OutputError, Problem


def read_text(path: Path, error: type[DataError], what: str) -> str:
    """The file's text as UTF-8, without a byte-order mark, with ``\\n`` line ends.

    Raises ``error`` (a DataError subclass) naming the file and how to fix it when the file
    is missing, is a directory, cannot be read or is not UTF-8.
    """
    data = read_bytes(path, error, what)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(Problem(str(path), line, f"{what} file is not valid UTF-8 "
                            f"(byte 0x{data[exc.start]:02x} at offset {exc.start})",
                            fix="save the file as UTF-8")) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")

def read_bytes(path: Path, error: type[DataError], what: str, limit: int = -1) -> bytes:
    """The file's bytes (at most ``limit`` of them, if given); ``error`` naming the file and
    how to fix it when the file is missing, is a directory or cannot be read."""
    try:
        if limit < 0:
            return path.read_bytes()
        with open(path, "rb") as file:
            return file.read(limit)
    except FileNotFoundError:
        raise error(Problem(str(path), None, f"{what} file not found",
                            fix="check the path")) from None
    except IsADirectoryError:
        raise error(Problem(str(path), None, f"{what} path is a directory, not a file",
                            fix="name the file itself")) from None
    except PermissionError:
        raise error(Problem(str(path), None, f"{what} file is not readable (permission denied)",
                            fix="check the file's permissions")) from None
    except OSError as exc:
        raise error(Problem(str(path), None, f"{what} file cannot be read: {exc.strerror}",
                            fix="check the path")) from None


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


def write_atomically(path: str | os.PathLike[str], text: str | bytes,
                     force: bool = False) -> Path:
    """Write ``text`` to ``path`` as UTF-8 (line ends as given), or bytes as they are,
    atomically: see ``write_bytes_atomically``."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return write_bytes_atomically(path, data, force)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes,
                           force: bool = False) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

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
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
