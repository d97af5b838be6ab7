"""The table of appendix formats (render/formats.py) and output that is bytes: a tiny binary
format registered here goes through render_appendix, --all-formats, --output and stdout
(a pipe yes, a terminal no). Expected bytes and messages are written out by hand."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from cngloss.cli import main
from cngloss.errors import OutputError
from cngloss.output.console import write_output
from cngloss.output.environment import Environment
from cngloss.render import formats
from cngloss.render.appendix import render_appendix, write_all_formats
from cngloss.model import Glossary
from cngloss.render.formats import AppendixFormat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_terms import BUCHOU, PLAIN  # noqa: E402

BUNDLED_TERMS = 23  # data/terms.yaml


def corpus() -> NS:
    """Two terms and no report: all render_appendix needs."""
    return NS(glossary=Glossary(Path("terms.yaml"), (BUCHOU, PLAIN), title="T"), report=None,
              passages_for=lambda terms: {t.id: [] for t in terms})


def render_bin(appendix, width: int = 80, standalone: bool = False) -> bytes:
    """Binary on purpose: a NUL, a byte that is no UTF-8, and the number of entries."""
    return b"\x00BIN\xff" + bytes([len(appendix.entries)])


@pytest.fixture
def binary(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    formats.register(AppendixFormat("bin", ".bin", render_bin, "a test format", binary=True))


def test_the_table_names_the_formats_and_their_files():
    assert formats.names() == ("md", "html", "tex", "txt", "json", "csv", "tbx", "memoq-csv", "anki", "pleco")
    assert formats.metavar() == "md|html|tex|txt|json|csv|tbx|memoq-csv|anki|pleco"
    assert formats.file_names() == "appendix.md, .html, .tex, .txt, .json, .csv, .tbx, .memoq.csv, .anki.txt, .pleco.txt"
    assert not any(f.binary for f in formats.FORMATS)


def test_a_registered_bytes_format_renders_bytes(binary):
    assert render_appendix(corpus(), "bin") == b"\x00BIN\xff\x02"
    assert formats.metavar() == "md|html|tex|txt|json|csv|tbx|memoq-csv|anki|pleco|bin"


def test_all_formats_writes_the_bytes_format_byte_for_byte(binary, tmp_path):
    paths = write_all_formats(corpus(), tmp_path / "out")
    assert [p.name for p in paths] == ["appendix.md", "appendix.html", "appendix.tex",
                                       "appendix.txt", "appendix.json", "appendix.csv",
                                       "appendix.tbx", "appendix.memoq.csv",
                                       "appendix.anki.txt", "appendix.pleco.txt", "appendix.bin"]
    assert (tmp_path / "out" / "appendix.bin").read_bytes() == b"\x00BIN\xff\x02"
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in paths)  # no temp


def test_a_renderer_that_breaks_its_declaration_is_a_bug_not_output(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    formats.register(AppendixFormat("liar", ".x", lambda a, width, standalone: "text",
                                    "says bytes", binary=True))
    with pytest.raises(TypeError, match="the liar renderer returned str, not bytes"):
        render_appendix(corpus(), "liar")


def test_a_replaced_format_keeps_its_place(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", list(formats.FORMATS))
    formats.register(AppendixFormat("html", ".htm", render_bin, "other", binary=True))
    assert formats.names() == ("md", "html", "tex", "txt", "json", "csv", "tbx", "memoq-csv", "anki", "pleco")
    assert render_appendix(corpus(), "html") == b"\x00BIN\xff\x02"


# --- the command line ---------------------------------------------------------------------

def run(*args: str, tty: bool = False):
    raw, err = io.BytesIO(), io.StringIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    code = main(list(args), env=Environment(stdout=out, stderr=err, stdout_isatty=tty,
                                            environ=dict(os.environ)))
    out.flush()
    return int(code), raw.getvalue(), err.getvalue()


def test_appendix_output_writes_the_bytes_to_a_file(binary, tmp_path):
    target = tmp_path / "glossary.bin"
    code, out, err = run("appendix", "--format", "bin", "--output", str(target))
    assert (code, out, err) == (0, b"", f"wrote {target}\n")
    assert target.read_bytes() == b"\x00BIN\xff" + bytes([BUNDLED_TERMS])


def test_appendix_writes_the_bytes_to_a_pipe(binary):
    assert run("appendix", "-f", "bin") == (0, b"\x00BIN\xff" + bytes([BUNDLED_TERMS]), "")
    assert run("appendix", "-f", "bin", "-o", "-")[1] == b"\x00BIN\xff" + bytes([BUNDLED_TERMS])


def test_appendix_refuses_bytes_to_a_terminal_in_one_line(binary):
    code, out, err = run("appendix", "-f", "bin", tty=True)
    assert (code, out) == (2, b"")
    assert err == ("cngloss: error: binary output is not written to a terminal (write it to "
                   "a file with --output FILE, or pipe it)\n")


def test_text_formats_still_go_to_a_terminal(binary):
    code, out, _ = run("appendix", "-f", "md", tty=True)
    assert code == 0 and out.startswith(b"# ")


def test_bytes_to_a_text_only_stream_are_refused_and_text_goes_first():
    with pytest.raises(OutputError, match="stdout takes text only"):
        write_output(b"\x00", Environment(stdout=io.StringIO(), stdout_isatty=False))
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")
    env = Environment(stdout=out, stdout_isatty=False)
    write_output("前", env)
    write_output(b"\x00", env)
    assert raw.getvalue() == "前".encode() + b"\x00"


def test_the_bytes_reach_a_real_pipe_unchanged():
    """Through the real sys.stdout (a text stream over the pipe), not a test double."""
    probe = ("from cngloss.render import formats\n"
             "formats.register(formats.AppendixFormat('bin', '.bin', lambda a, width, "
             "standalone: bytes(range(256)), 'all bytes', binary=True))\n"
             "from cngloss.cli import main\nraise SystemExit(main(['appendix', '-f', 'bin']))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, bytes(range(256)), b"")
