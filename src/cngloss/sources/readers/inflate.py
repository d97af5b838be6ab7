"""Limits on what compressed input may inflate to: the zip- and gzip-bomb defence of every
reader that decompresses (.docx parts, .jsonl.gz collections).

Two limits, as zip-bomb defences have them (Apache POI's ZipSecureFile, for one): a size
(``MAX_INFLATED``, what one part of a container or one record of a collection may inflate
to) and a ratio (``MAX_RATIO``, inflated to compressed, checked once more than
``RATIO_GRACE`` bytes are out, as a small part may legitimately compress very well). A zip
part's header is checked before anything is read, and the part is then read in chunks that
are counted, so a header that lies cannot make it read whole; a gzip stream has no header
that tells, so its lines are read in chunks, counted as they inflate.

The numbers: the shared collection's largest record is 170 KB and the whole of it inflates
2.6 times (58 MB to 152 MB); a report's document.xml is a few MB at most, and XML deflates
5 to 20 times. A bomb inflates about 1,000 times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .document import fail

if TYPE_CHECKING:  # pragma: no cover - types only: a collection needs no zipfile
    import zipfile

MAX_INFLATED = 64 << 20
MAX_RATIO = 100
RATIO_GRACE = 1 << 20
CHUNK = 1 << 16

_ZIP_FIX = "give the report as an ordinary .docx, saved from Word"
_GZIP_FIX = "give the collection itself: reports compress about 3 to 1, not 100"


def read_member(archive: zipfile.ZipFile, name: str, path: Path, limit: int | None = None,
                ratio: int | None = None) -> bytes:
    """The bytes of part ``name``, refused (DocumentError naming ``path``) when its header
    or what it inflates to passes ``limit`` bytes or ``ratio`` times its compressed size."""
    limit = MAX_INFLATED if limit is None else limit
    ratio = MAX_RATIO if ratio is None else ratio
    info = archive.getinfo(name)
    _check_size(path, f"{name} ", info.file_size, limit)
    _check_ratio(path, f"{name} ", info.file_size, info.compress_size, ratio, "zip", _ZIP_FIX)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            size += len(chunk)
            _check_size(path, f"{name} ", size, limit, more=True)
            chunks.append(chunk)
    return b"".join(chunks)


def bounded_lines(stream: BinaryIO, path: Path, compressed: Callable[[], int] | None = None,
                  limit: int | None = None, ratio: int | None = None) -> Iterator[bytes]:
    """The lines of ``stream`` (as ``readline`` gives them), read ``CHUNK`` bytes at a time:
    a line longer than ``limit`` bytes is refused, and with ``compressed`` (the compressed
    bytes read so far) so is a stream inflating more than ``ratio`` times."""
    limit = MAX_INFLATED if limit is None else limit
    ratio = MAX_RATIO if ratio is None else ratio
    inflated = 0
    number = 1
    pieces: list[bytes] = []
    length = 0
    while piece := stream.readline(CHUNK):
        inflated += len(piece)
        length += len(piece)
        if length > limit:
            raise fail(path, f"record is longer than the {_size(limit)} cngloss reads as one "
                             "report", "write one JSON object a line", line=number)
        if compressed is not None:
            _check_ratio(path, "", inflated, compressed(), ratio, "gzip", _GZIP_FIX,
                         line=number)
        if piece.endswith(b"\n"):
            pieces.append(piece)
            yield b"".join(pieces)
            pieces, length = [], 0
            number += 1
        else:
            pieces.append(piece)
    if pieces:
        yield b"".join(pieces)


def _check_size(path: Path, what: str, size: int, limit: int, more: bool = False) -> None:
    """``more``: ``size`` is what was read so far, not what the header says."""
    if size > limit:
        amount = "more" if more else f"{_size(size)}, more"
        raise fail(path, f"{what}inflates to {amount} than the {_size(limit)} cngloss reads "
                         "from one part (a zip bomb?)", _ZIP_FIX)


def _check_ratio(path: Path, what: str, inflated: int, compressed: int, ratio: int,
                 kind: str, fix: str, line: int | None = None) -> None:
    if inflated > RATIO_GRACE and inflated > ratio * max(compressed, 1):
        raise fail(path, f"{what}inflates to {_size(inflated)}, "
                         f"{inflated / max(compressed, 1):,.0f} times its compressed size, more "
                         f"than the {ratio:,} times cngloss accepts (a {kind} bomb?)", fix,
                   line=line)


def _size(n: int) -> str:
    """``80 MB``, ``1.5 MB``; below a megabyte, exact: ``2,048 bytes``."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):,.1f}".removesuffix(".0") + " MB"
    return f"{n:,} bytes"
