"""Reading a user's text file, with every way it can fail turned into one clear problem."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError, Problem


def read_text(path: Path, error: type[DataError], what: str) -> str:
    """The file's text as UTF-8, without a byte-order mark, with ``\\n`` line ends.

    Raises ``error`` (a DataError subclass) naming the file and how to fix it when the file
    is missing, is a directory, cannot be read or is not UTF-8.
    """
    try:
        data = path.read_bytes()
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
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(Problem(str(path), line, f"{what} file is not valid UTF-8 "
                            f"(byte 0x{data[exc.start]:02x} at offset {exc.start})",
                            fix="save the file as UTF-8")) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
