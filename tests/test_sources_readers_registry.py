"""The table of report formats (sources/readers/registry.py): what it holds, and that adding
a format is one registration that sniffing, read_document, KINDS, the folder scan of `add`
and the command line's help all follow. Expected values are written out by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cngloss.errors import DocumentError
from cngloss.library.ingest import is_report_name
from cngloss.sources import readers
from cngloss.sources.readers import Document, document, read_document, registry
from cngloss.sources.readers.registry import Reader, Refusal, register, starts
from cngloss.sources.readers.sniff import is_collection, kind_of

FAKE_MAGIC = b"FAKEDOC1\n"


def read_fake(path: Path, data: bytes, encoding: str | None = None) -> Document:
    body = data[len(FAKE_MAGIC):] if data.startswith(FAKE_MAGIC) else data
    return Document(body.decode("utf-8").upper(), {"reader": "fake"}, path, "fake")


FAKE = Reader("fake", (".fake",), read_fake, "fake notes", magic=starts(FAKE_MAGIC),
              also=(".fk",))


@pytest.fixture
def table(monkeypatch):
    """The registry's table, restored after the test."""
    monkeypatch.setattr(registry, "FORMATS", list(registry.FORMATS))
    return registry.FORMATS


# --- what the table holds -----------------------------------------------------------------

def test_the_kinds_are_the_readers_in_table_order():
    assert registry.kinds() == ("text", "pdf", "docx", "html", "record")
    assert readers.KINDS == document.KINDS == registry.kinds()


@pytest.mark.parametrize("name,kind", [
    ("r.txt", "text"), ("r.MD", "text"), ("r.markdown", "text"), ("r.text", "text"),
    ("r.html", "html"), ("r.HTM", "html"), ("r.xhtml", "html"), ("r.shtml", "html"),
    ("r.docx", "docx"), ("r.pdf", "pdf"), ("r.jsonl", "record"), ("r.ndjson", "record"),
    ("r.jsonl.gz", "record"), ("r.NDJSON.GZ", "record"),
    ("r.csv", None), ("r.doc", None), ("r.gz", None), ("txt", None), ("r", None)])
def test_each_extension_names_its_reader(name, kind):
    row = registry.by_name(name)
    assert (row.kind if row else None) == kind
    assert is_report_name(Path(name)) is (kind is not None)


def test_collections_are_known_by_name_or_by_gzip_bytes():
    assert is_collection(Path("set.ndjson.gz"), b"")
    assert is_collection(Path("set.bin"), b"\x1f\x8b\x08\x00")
    assert not is_collection(Path("report.txt"), b"hello")


def test_the_help_lists_come_from_the_table():
    assert registry.document_extensions() == ".txt, .md, .pdf, .docx, .html"
    assert registry.formats_help() == (
        "text or Markdown (.txt .md); PDF with a text layer (.pdf); Word (.docx); web pages "
        "(.html); collections, one report a line (.jsonl .jsonl.gz)")


@pytest.mark.parametrize("data,message", [
    (b"GIF89a" + b"\x00" * 20, "is an image (GIF): no text layer; run OCR first"),
    (b"II*\x00" + b"\x00" * 20, "is an image (TIFF)"),
    (b"MM\x00*" + b"\x00" * 20, "is an image (TIFF)"),
    (b"PK\x03\x04" + b"\x00" * 20, "is a zip archive, not a report (fix: give the .docx, "
                                   ".pdf, .html or .txt file itself)"),
])
def test_refused_formats_are_named_whatever_the_extension(tmp_path, data, message):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert message in str(info.value)


def test_a_pdf_header_after_junk_beats_an_image_prefix():
    """Rows are tried in order: the PDF test comes before the refusals."""
    assert kind_of(Path("x.png"), b"\x89PNG junk %PDF-1.7\n") == "pdf"


# --- adding a format ----------------------------------------------------------------------

def test_a_registered_reader_is_sniffed_dispatched_and_listed(table, tmp_path):
    register(FAKE)
    assert [getattr(row, "kind", None) for row in table[:6]] == \
        ["text", "pdf", "docx", "html", "record", "fake"]  # before the refusals
    assert registry.kinds()[-1] == "fake" and readers.KINDS[-1] == document.KINDS[-1] == "fake"
    by_name = tmp_path / "notes.fake"
    by_name.write_bytes(b"hello")
    assert read_document(by_name) == Document("HELLO", {"reader": "fake"}, by_name, "fake")
    by_bytes = tmp_path / "notes.txt"  # the bytes beat the extension
    by_bytes.write_bytes(FAKE_MAGIC + b"world")
    assert read_document(by_bytes).text == "WORLD"
    assert kind_of(Path("a.fk"), b"x") == "fake"
    assert is_report_name(Path("dir/a.fake")) and is_report_name(Path("a.FK"))
    assert registry.document_extensions() == ".txt, .md, .pdf, .docx, .html, .fake"
    assert registry.formats_help().endswith("; fake notes (.fake)")


def test_without_the_registration_the_same_file_is_text(tmp_path):
    path = tmp_path / "notes.fake"
    path.write_bytes(FAKE_MAGIC + b"world")
    assert read_document(path).kind == "text"


def test_a_zip_based_reader_is_tried_before_any_other_zip_is_refused(table, tmp_path):
    register(Reader("zipnotes", (".zn",), read_fake, "zipped notes",
                    magic=lambda data: data.startswith(b"PK\x03\x04zipnotes")))
    path = tmp_path / "a.zn"
    path.write_bytes(b"PK\x03\x04zipnotes")
    assert read_document(path).kind == "fake"  # read_fake's kind: it was dispatched to
    other = tmp_path / "b.zn"
    other.write_bytes(b"PK\x03\x04other")
    with pytest.raises(DocumentError, match="is a zip archive, not a report"):
        read_document(other)


def test_a_refusal_and_a_replacement_are_one_registration_each(table, tmp_path):
    register(Refusal("RAR", starts(b"Rar!\x1a\x07"), "is a RAR archive ({name})", "unpack it"))
    path = tmp_path / "r.txt"
    path.write_bytes(b"Rar!\x1a\x07\x00")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: is a RAR archive (RAR) (fix: unpack it)"
    register(Reader("text", (".txt",), read_fake, "plain"))  # replaces text where it stood
    assert registry.kinds() == ("text", "pdf", "docx", "html", "record")
    assert registry.document_extensions() == ".txt, .pdf, .docx, .html"
    register(FAKE, before="pdf")
    assert registry.kinds() == ("text", "fake", "pdf", "docx", "html", "record")


def test_the_command_line_help_names_a_registered_format():
    """The help strings are built when cngloss.cli is imported: a fresh interpreter that
    registers a format first."""
    probe = (
        "from cngloss.sources.readers import registry\n"
        "registry.register(registry.Reader('fake', ('.fake',), lambda p, d, e=None: None, "
        "'fake notes'))\n"
        "from cngloss.cli import main\n"
        "for command in ('add', 'annotate', 'import'):\n"
        "    try:\n"
        "        main([command, '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         encoding="utf-8", env={"COLUMNS": "300", "TERM": "dumb",
                                                "PATH": "/usr/bin:/bin"}, check=True).stdout
    flat = " ".join(out.split())
    assert "fake notes (.fake)." in flat  # add
    assert "The document: .txt, .md, .pdf, .docx, .html, .fake; '-': stdin." in flat
    assert "Report files with a notes section: .txt, .md, .pdf, .docx, .html, .fake." in flat
