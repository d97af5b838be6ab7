"""Compressed input that inflates far beyond its size (zip and gzip bombs) is refused before
it is read whole: a .docx part or a collection's record larger than a limit, or inflating
more than a ratio of its compressed size (docs/formats.md, "Report formats and encodings").

The bombs are made here, streamed, of runs of spaces (valid XML whitespace, a blank
collection line), which deflate about 1,000 to 1. Memory is measured with tracemalloc (what
Python allocates), not with timings, so the tests hold on a loaded machine.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import struct
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from cngloss.errors import DocumentError
from cngloss.sources.readers import inflate, read_document
from cngloss.sources.readers.jsonl import iter_records
from conftest import run_cli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readers_make import CONTENT_TYPES, W_NS, docx_bytes, para, run  # noqa: E402

MB = 1 << 20
CHUNK = b" " * MB
COMMON = "推进乡村振兴整治两违加强基础设施建设农业农村优先发展全面深化改革开放稳就业保民生"


def docx_bomb(path: Path, spaces_mb: int) -> Path:
    """A .docx whose document.xml is a valid document with ``spaces_mb`` MB of spaces
    between its elements, written one megabyte at a time."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as part:
            part.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for _ in range(spaces_mb):
                part.write(CHUNK)
            part.write(b"<w:p><w:r><w:t>\xe6\xad\xa3\xe6\x96\x87</w:t></w:r></w:p>"
                       b"</w:body></w:document>")
    return path


def peak_memory(call) -> tuple[int, object]:
    """The most memory Python allocated while ``call()`` ran, and what it raised."""
    tracemalloc.start()
    try:
        call()
        raised = None
    except Exception as exc:  # noqa: BLE001 - the test looks at what was raised
        raised = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, raised


# --- a zip part: the limits checked on the header, then while reading --------------------

def archive_of(name: str, data: bytes) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return zipfile.ZipFile(buffer)


def test_a_part_within_both_limits_is_read_whole():
    data = "乡村振兴".encode() * 300  # 3,600 bytes
    assert inflate.read_member(archive_of("a.xml", data), "a.xml", Path("r.docx"),
                               limit=len(data), ratio=1000) == data


def test_a_part_larger_than_the_limit_is_refused_by_its_header():
    data = bytes(range(256)) * 8  # 2,048 bytes that hardly compress
    with pytest.raises(DocumentError) as info:
        inflate.read_member(archive_of("a.xml", data), "a.xml", Path("r.docx"), limit=2047)
    assert str(info.value) == (
        "r.docx: a.xml inflates to 2,048 bytes, more than the 2,047 bytes cngloss reads from "
        "one part (a zip bomb?) (fix: give the report as an ordinary .docx, saved from Word)")


def test_a_part_compressed_more_than_the_ratio_is_refused_once_past_the_grace():
    data = b" " * (2 * MB)  # deflates to about 2 KB
    with pytest.raises(DocumentError) as info:
        inflate.read_member(archive_of("a.xml", data), "a.xml", Path("r.docx"), ratio=100)
    assert str(info.value).startswith("r.docx: a.xml inflates to 2 MB, ")
    assert "times its compressed size, more than the 100 times cngloss accepts (a zip " \
           "bomb?) (fix: " in str(info.value)
    small = b" " * (inflate.RATIO_GRACE - 1)  # just as compressible, but small: read
    assert inflate.read_member(archive_of("a.xml", small), "a.xml", Path("r.docx"),
                               ratio=100) == small


def understate(path: Path, name: str, size: int) -> None:
    """Write ``size`` as the inflated size of part ``name`` in both of its headers (the
    local one, offset 22, and the central directory's, offset 24)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = data.index(signature)
        while data[at + name_at:at + name_at + len(encoded)] != encoded:
            at = data.index(signature, at + 4)
        struct.pack_into("<I", data, at + size_at, size)
    path.write_bytes(bytes(data))


def test_a_header_that_understates_the_size_cannot_make_a_part_read_whole(tmp_path):
    """The headers say 100 bytes; the data inflates to 8 MB. What is read stops at the size
    declared, and the checksum then fails: a damaged file, found with little memory."""
    path = docx_bomb(tmp_path / "liar.docx", 8)
    understate(path, "word/document.xml", 100)
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == 100
    peak, raised = peak_memory(lambda: read_document(path))
    assert isinstance(raised, DocumentError)
    assert str(raised).startswith(f"{path}: is a damaged .docx file (")
    assert peak < 4 * MB


# --- a .docx bomb, end to end ------------------------------------------------------------

def test_a_docx_part_larger_than_the_limit_is_refused_before_it_is_read(tmp_path):
    path = docx_bomb(tmp_path / "bomb.docx", inflate.MAX_INFLATED // MB + 16)
    assert path.stat().st_size < MB  # 80 MB of XML in a small file
    peak, raised = peak_memory(lambda: read_document(path))
    assert isinstance(raised, DocumentError)
    assert str(raised) == (
        f"{path}: word/document.xml inflates to 80 MB, more than the 64 MB cngloss reads "
        "from one part (a zip bomb?) (fix: give the report as an ordinary .docx, saved "
        "from Word)")
    assert peak < 4 * MB
    r = run_cli("import", str(path))
    assert r.code == 3 and r.out == ""
    assert r.err == f"cngloss: error: {raised}\n"


def test_a_docx_part_within_the_size_but_compressed_a_thousand_times_is_refused(tmp_path):
    path = docx_bomb(tmp_path / "dense.docx", 8)
    peak, raised = peak_memory(lambda: read_document(path))
    assert isinstance(raised, DocumentError)
    assert str(raised).startswith(f"{path}: word/document.xml inflates to 8 MB, ")
    assert "more than the 100 times cngloss accepts (a zip bomb?)" in str(raised)
    assert peak < 4 * MB


def test_an_ordinary_docx_still_reads(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(docx_bytes(para(run("推进乡村振兴。")) * 50))
    assert read_document(path).text.count("推进乡村振兴。") == 50


# --- a gzip collection: a record's length, and the ratio --------------------------------

def lines_of(data: bytes, **limits) -> list[bytes]:
    return list(inflate.bounded_lines(io.BytesIO(data), Path("c.jsonl"), **limits))


def test_bounded_lines_gives_every_line_as_readline_does():
    data = b"a\n" + b"b" * 200_000 + b"\n\nlast"
    assert lines_of(data, limit=200_001) == io.BytesIO(data).readlines()


def test_a_record_longer_than_the_limit_is_refused_with_its_line():
    with pytest.raises(DocumentError) as info:
        lines_of(b"{}\n" + b"x" * 1001 + b"\n", limit=1000)
    assert str(info.value) == (
        "c.jsonl:2: record is longer than the 1,000 bytes cngloss reads as one report "
        "(fix: write one JSON object a line)")
    assert lines_of(b"{}\n" + b"x" * 999 + b"\n", limit=1000)[1] == b"x" * 999 + b"\n"


def test_a_gzip_collection_compressed_a_thousand_times_is_refused_early(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as out:
        for _ in range(100):  # 100 MB of spaces, no line end: one "record"
            out.write(CHUNK)
    peak, raised = peak_memory(lambda: list(iter_records(path)))
    assert isinstance(raised, DocumentError)
    assert str(raised).startswith(f"{path}:1: inflates to ")
    assert "times its compressed size, more than the 100 times cngloss accepts (a gzip " \
           "bomb?) (fix: " in str(raised)
    assert peak < 8 * MB


def test_an_ordinary_gzip_collection_still_reads(tmp_path):
    """Three records of 200,000 hanzi (1.8 MB, past the grace): Chinese text deflates
    about 2.6 to 1 (the shared collection: 152 MB in 58 MB)."""
    rng = random.Random(21)
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for _ in range(3):
            text = "".join(rng.choice(COMMON) for _ in range(200_000))
            out.write(json.dumps({"place": "甲市", "content": text}, ensure_ascii=False) + "\n")
    assert [len(d.text) for d in iter_records(path)] == [200_000] * 3
