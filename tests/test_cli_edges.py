"""Bad input, hostile data and the terminal: never a traceback, never a surprise.

Where the terminal matters, these run the real entry point in a subprocess: on a pseudo-
terminal, in a pipe that closes early, under the C locale, with Ctrl-C.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli, run_script

HOSTILE = FIXTURES / "hostile"
BAD = sorted(HOSTILE.glob("bad-*.yaml"))
OK = sorted(HOSTILE.glob("ok-*.yaml"))
COMMANDS = [["list"], ["list", "--json"], ["search", "jia"], ["search", "jia", "--json"],
            ["show", "a"], ["show", "a", "--json"], ["related", "a"], ["grep", "甲"],
            ["appendix"], ["appendix", "--format", "json"], ["appendix", "--format", "html"]]


def test_the_hostile_corpus_is_there():
    assert len(BAD) >= 15 and len(OK) >= 3


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_bad_data_gives_exit_3_and_one_line_naming_the_file(path, args):
    result = run_cli("--glossary", str(path), *args)
    assert result.code == 3
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("cngloss: error: ")
    assert str(HOSTILE) in lines[0] and "Traceback" not in result.err


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_check_lists_the_problems_of_bad_data(path):
    result = run_cli("--glossary", str(path), "check")
    assert result.code == 3
    assert result.err.startswith(str(HOSTILE))


@pytest.mark.parametrize("path", OK, ids=[p.name for p in OK])
@pytest.mark.parametrize("args", [["list"], ["show", "a", "--json"], ["appendix"],
                                  ["appendix", "--format", "tex"], ["check"]])
def test_odd_but_valid_data_works(path, args):
    if args[0] == "show":
        args = ["show", {"ok-bom-crlf.yaml": "a", "ok-rich-markup.yaml": "rich",
                         "ok-odd-unicode.yaml": "odd"}[path.name], "--json"]
    result = run_cli("--glossary", str(path), *args)
    assert result.code in (0, 3) if args[0] == "check" else result.code == 0, result.err
    assert "Traceback" not in result.err


def test_escape_sequences_in_the_data_never_reach_the_terminal_raw():
    path = HOSTILE / "ok-rich-markup.yaml"
    for tty in (False, True):
        result = run_cli("--glossary", str(path), "show", "rich", tty=tty, width=100,
                         environ={"TERM": "xterm"})
        assert "\\x1b[31mred\\x1b[0m" in result.out
        assert "\x1b]0;" not in result.out and "\x07" not in result.out
        assert "[bold red]甲[/]" in result.out and "[link=https://evil.example]点我[/link]" in result.out


def test_bidi_overrides_in_the_data_are_made_visible():
    result = run_cli("--glossary", str(HOSTILE / "ok-odd-unicode.yaml"), "list")
    assert "\u202e" not in result.out and "\\u202e" in result.out


@pytest.mark.parametrize("query", ["", " ", "\t", "\x00", "\x1b\x07", "\u200b"])
@pytest.mark.parametrize("command", ["search", "show", "grep", "related"])
def test_empty_or_invisible_queries_are_usage_errors(command, query):
    result = run_cli(command, query)
    assert result.code == 2
    assert result.err.startswith("cngloss: error: the query is empty")


@pytest.mark.parametrize("command", ["search", "show", "grep", "related"])
def test_a_200000_character_query_is_refused_quickly_in_one_line(command):
    result = run_cli(command, "六" * 200_000)
    assert result.code == 2
    assert result.err == ("cngloss: error: the query is 200000 characters long; at most 256 "
                          "are searched (shorten it)\n")


@pytest.mark.parametrize("query", ["\udcff\udcfe", "a\ud800b", "\U0001F600", "e\u0301", "\ufeff六稳"])
def test_lone_surrogates_and_odd_unicode_never_crash(query):
    for command in ("search", "show", "grep"):
        result = run_cli(command, query, "--json") if command != "grep" else run_cli(command, query)
        assert result.code in (0, 1, 2)
        result.err.encode("utf-8")  # always encodable
        result.out.encode("utf-8")


def test_a_missing_report_named_by_a_glossary_exits_3(write_glossary):
    path = write_glossary("report: gone.txt\nterms:\n  - {id: a, term: 甲, pinyin: jiǎ, definition: 甲。}\n")
    result = run_cli("--glossary", str(path), "show", "a")
    assert result.code == 3
    assert result.err == f"cngloss: error: {path.parent / 'gone.txt'}: report file not found (fix: check the path)\n"


def test_an_unreadable_file_is_one_clear_line(write_glossary, monkeypatch):
    path = write_glossary("terms: []\n")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run_cli("--glossary", str(path), "list")
    assert result.code == 3
    assert result.err == f"cngloss: error: {path}: glossary file is not readable " \
                         "(permission denied) (fix: check the file's permissions)\n"


def test_an_unreadable_file_for_real(tmp_path):
    """A file nobody may read, read by a user who is not root (root reads anything). As root
    the check runs in a forked child that has dropped to ``nobody``, with the modules it
    needs already imported (the interpreter itself may live where nobody can read)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="cngloss-unreadable-"))  # in /tmp: others may enter
    folder.chmod(0o755)  # ... and look in this folder, not read the file
    path = folder / "terms.yaml"
    path.write_text("terms: []\n", encoding="utf-8")
    environ = {"CNGLOSS_NO_CACHE": "1"}
    if os.geteuid() != 0:
        path.chmod(0)
        result = run_cli("--glossary", str(path), "list", environ=environ)
        code, err = result.code, result.err
    else:
        run_cli("--glossary", str(path), "list", environ=environ)  # imports what it needs
        path.chmod(0)
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports through the pipe
            try:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
                result = run_cli("--glossary", str(path), "list", environ=environ)
                os.write(writer, json.dumps([result.code, result.err]).encode())
            finally:
                os._exit(0)
        os.close(writer)
        with os.fdopen(reader, "rb") as pipe:
            report = pipe.read()
        os.waitpid(child, 0)
        if not report:
            pytest.skip("could not drop privileges to nobody here")
        code, err = json.loads(report)
    path.unlink()
    folder.rmdir()
    assert code == 3, err
    assert err == f"cngloss: error: {path}: glossary file is not readable " \
                  "(permission denied) (fix: check the file's permissions)\n"


def test_an_internal_error_is_one_line_not_a_traceback(monkeypatch):
    import cngloss.cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("cngloss.corpus.load.load_corpus", broken)
    result = run_cli("list")
    assert result.code == 70
    assert result.err == ("cngloss: error: internal error: ZeroDivisionError: division by zero "
                          "(this is a bug in cngloss; CNGLOSS_DEBUG=1 shows the traceback)\n")


# --------------------------------------------------------------------------- the terminal


def run_on_pty(args: list[str], env: dict[str, str] | None = None, columns: int = 80) -> str:
    """Run ``python -m cngloss ARGS`` with stdout on a pseudo-terminal; return what it shows."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    full_env.update({"TERM": "xterm-256color", **(env or {})})
    process = subprocess.Popen([sys.executable, "-m", "cngloss", *args], stdout=slave,
                               stderr=subprocess.PIPE, env=full_env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=30)
    os.close(master)
    assert process.returncode == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_colour():
    out = run_on_pty(["show", "八有一超"])
    assert "\x1b[" in out and "八有一超" in out


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"NO_COLOR": "true"}, {"TERM": "dumb"}])
@pytest.mark.parametrize("args", [["show", "八有一超"], ["list"], ["search", "liuwen"],
                                  ["related", "八有一超"], ["grep", "八有一超"], ["check"]])
def test_no_escape_code_at_all_with_no_color_or_a_dumb_terminal(env, args):
    """Not even bold (table headers): no-color.org asks for no escape codes, not only no
    colours."""
    out = run_on_pty(args, env=env, columns=200)
    assert "\x1b" not in out and out.strip()


def test_an_empty_no_color_does_not_turn_colour_off():
    """no-color.org: NO_COLOR counts when it is set to a non-empty string."""
    from cngloss.output.environment import Environment

    assert Environment(stdout_isatty=True, environ={"NO_COLOR": "", "TERM": "xterm"}).color
    assert not Environment(stdout_isatty=True, environ={"NO_COLOR": "0", "TERM": "xterm"}).color


def test_a_pipe_gets_plain_text():
    result = run_script("search", "liuwen")
    assert result.returncode == 0 and "\x1b" not in result.stdout


def test_a_20_column_terminal_works():
    out = run_on_pty(["search", "liuwen"], columns=20)
    assert "六稳" in out
    out = run_on_pty(["show", "八有一超"], columns=20)
    assert "八有一超" in out


def test_a_pipe_closed_early_ends_quietly(tmp_path):
    command = f"{sys.executable} -m cngloss appendix --format json | head -c 10"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout == '{\n  "title'
    assert result.stderr == ""
    assert result.returncode == 0


@pytest.fixture(scope="module")
def big_glossary(tmp_path_factory):
    """A glossary whose list --json and appendix run to megabytes: more than any pipe holds."""
    terms = "".join(f"  - {{id: t{i}, term: 甲{i}, pinyin: jiǎ, definition: 定义{'长' * 200}}}\n"
                    for i in range(3000))
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text("terms:\n" + terms, encoding="utf-8")
    return path


@pytest.mark.parametrize("reader", ["head -c 10", "sleep 0.5"], ids=["head", "never-reads"])
@pytest.mark.parametrize("args", [["list", "--json"], ["appendix"], ["appendix", "-f", "csv"]])
def test_a_pipe_closed_early_on_output_larger_than_any_pipe_buffer_ends_quietly(
        big_glossary, args, reader):
    """Megabytes into a reader that stops early (``head``) or never reads: the write fails
    (EPIPE) and the end is quiet with exit 0, not Typer's 1 ("nothing found")."""
    full = subprocess.run([sys.executable, "-m", "cngloss", "--glossary", str(big_glossary),
                           *args], capture_output=True, timeout=120)
    assert len(full.stdout) > 1_100_000  # more than a pipe holds (64 KiB; at most 1 MiB)
    command = f"{sys.executable} -m cngloss --glossary {big_glossary} {' '.join(args)} | {reader}"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                            timeout=120)
    assert result.stdout == (full.stdout[:10] if reader.startswith("head") else b"")
    assert result.stderr == b""
    assert result.returncode == 0


# How a process typed at a terminal starts, whatever launched these tests: SIGINT at its
# default (a launcher may ignore it, and an ignored signal stays ignored in children), in a
# process group of its own that Ctrl-C signals as a whole.
AS_AT_A_TERMINAL = {"start_new_session": True,
                    "preexec_fn": lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)}


def test_ctrl_c_ends_quietly_with_130(tmp_path):
    # A glossary big enough that its appendix blocks on a full pipe we do not read.
    terms = "".join(f"  - {{id: t{i}, term: 甲{i}, pinyin: jiǎ, definition: 定义{'长' * 200}}}\n"
                    for i in range(400))
    path = tmp_path / "big.yaml"
    path.write_text("terms:\n" + terms, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "cngloss", "--glossary", str(path),
                                "appendix"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               **AS_AT_A_TERMINAL)
    assert process.stdout.read(1)  # it has started writing ...
    time.sleep(0.5)  # ... and is now blocked on the full pipe
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode() == ""


# Runs an entry point with the import of typer held until a signal comes: a Ctrl-C "while
# cngloss.cli is still importing", without depending on timing.
HOLD_THE_CLI_IMPORT = """
import os, runpy, sys, time
from importlib import import_module

class Hold:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            os.write(1, b"importing typer\\n")
            time.sleep(60)
        return None

sys.meta_path.insert(0, Hold())
entry = sys.argv.pop(1)
if entry == "-m":
    sys.argv[0] = "cngloss"
    runpy.run_module("cngloss", run_name="__main__", alter_sys=True)
else:
    module, _, function = entry.partition(":")
    getattr(import_module(module), function)()
"""


def _console_script_entry_point() -> str:
    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    scripts = text.split("[project.scripts]", 1)[1].split("\n[", 1)[0]
    return scripts.split('cngloss = "', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("entry", ["console script", "python -m cngloss"])
def test_ctrl_c_while_the_cli_is_importing_ends_quietly_with_130(entry):
    target = _console_script_entry_point() if entry == "console script" else "-m"
    process = subprocess.Popen([sys.executable, "-c", HOLD_THE_CLI_IMPORT, target, "list"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               **AS_AT_A_TERMINAL)
    try:
        assert process.stdout.readline() == b"importing typer\n"
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert (process.returncode, err.decode(), out) == (130, "", b"")


def test_the_c_locale_and_an_unwritable_home(tmp_path):
    env = {"LC_ALL": "C", "LANG": "C", "HOME": "/proc/nonexistent",
           "XDG_CACHE_HOME": "/proc/nonexistent/cache"}
    env_clean = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env_clean.update(env)
    result = subprocess.run([sys.executable, "-m", "cngloss", "show", "两违"], env=env_clean,
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "两违" in result.stdout.decode("utf-8")


def test_an_ascii_only_stdout_gets_escapes_not_a_traceback():
    result = run_script("show", "两违", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    assert "\\u4e24\\u8fdd" in result.stdout and "Traceback" not in result.stderr


def test_json_output_is_utf8_not_escaped(cli):
    out = cli("show", "两违", "--json").out
    assert '"term": "两违"' in out
    assert json.loads(out)["term"]["term"] == "两违"


def test_bare_cngloss_shows_the_help_as_help():
    """No arguments: the help on stdout and exit 0, as for --help (not a usage error)."""
    bare, helped = run_script(), run_script("--help")
    assert (bare.returncode, bare.stderr) == (0, "")
    assert bare.stdout.startswith("Usage: cngloss [OPTIONS] COMMAND [ARGS]...\n")
    assert bare.stdout == helped.stdout
    assert "error" not in bare.stdout and "(see 'cngloss --help')" not in bare.stdout


HELPS = [[], ["list"], ["check"], ["show"], ["search"], ["grep"], ["related"], ["appendix"]]


def _columns(text: str) -> int:
    """Terminal columns of text: wide and fullwidth characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(c) or "cngloss")
def test_help_usage_and_examples_read_cleanly(command, capsys):
    code = run_cli(*command, "--help").code
    help_text = capsys.readouterr().out
    assert code == 0 and help_text.startswith("Usage: cngloss")
    usage = help_text.splitlines()[0]
    assert "{" not in usage and "}" not in usage, usage
    if command:
        assert usage.split()[-1] in ("TERM", "QUERY...", "TEXT", "[OPTIONS]"), usage
    # The examples: one heading, then "cngloss ..." lines, a comment after two spaces or more.
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() in ("Example:", "Examples:"))
    examples = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        examples.append(line)
    assert examples and all(line.strip().startswith("cngloss") for line in examples)
    assert lines[start].strip() == ("Examples:" if len(examples) > 1 else "Example:")
    # Where a comment follows, it starts at the same terminal column on every line.
    starts = {_columns(m.group(0)) for m in (re.match(r"\s*cngloss.*?\S {2,}(?=\S)", line)
                                             for line in examples) if m}
    assert len(starts) <= 1, examples
