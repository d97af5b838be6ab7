"""The README tells the truth: its examples are real output, and it covers every command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cngloss.cli import app
from cngloss.cli.commands import load_all
from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


# A console block right after this marker runs with $CNGLOSS_LIBRARY set to a library of the
# six local reports of ../shared and the bundled Lianzhou report (skipped without ../shared).
LIBRARY_MARKER = "<!-- console: the library of the local reports -->"
SHARED_LOCAL = ROOT.parent / "shared" / "corpora" / "local-reports"


def console_examples() -> list[tuple[str, str, bool]]:
    """(command, expected output, needs the library) for every ``$ cngloss ...`` line in a
    console block."""
    examples = []
    for marker, block in re.findall(r"(" + re.escape(LIBRARY_MARKER) + r"\n)?```console\n(.*?)```",
                                    README, flags=re.S):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    examples.append((command, "\n".join(output), bool(marker)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            examples.append((command, "\n".join(output), bool(marker)))
    return examples


EXAMPLES = console_examples()


@pytest.fixture(scope="session")
def local_library(tmp_path_factory):
    """The library the marked examples use, its reports added by paths relative to the
    repository (as the README's commands are run from there)."""
    import os

    from cngloss.library.queries import add

    if not SHARED_LOCAL.is_dir():
        pytest.skip("../shared is not there")
    path = tmp_path_factory.mktemp("docs-library") / "library.sqlite"
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        reports = [Path(os.path.relpath(p, ROOT)) for p in sorted(SHARED_LOCAL.glob("*.txt"))]
        add(path, [*reports, Path("data/lianzhou-2021-government-work-report.txt")])
    finally:
        os.chdir(here)
    return path


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("command,expected,library", EXAMPLES,
                         ids=[c for c, _, _ in EXAMPLES])
def test_each_readme_example_prints_what_the_readme_shows(command, expected, library, request):
    args = shlex.split(command)
    assert args[0] == "cngloss"
    environ = {"COLUMNS": "100"}
    if library:
        environ["CNGLOSS_LIBRARY"] = str(request.getfixturevalue("local_library"))
    result = run_cli(*args[1:], environ=environ)
    assert (result.out + result.err).rstrip("\n") == expected.rstrip("\n")


PYTHON_EXAMPLES = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_the_readme_has_python_examples():
    assert PYTHON_EXAMPLES and all(">>> " in block for block in PYTHON_EXAMPLES)


@pytest.mark.parametrize("number", range(len(PYTHON_EXAMPLES)))
def test_each_readme_python_example_runs_and_prints_what_the_readme_shows(number):
    """Python examples are interpreter sessions: doctest runs them and compares each result."""
    import doctest

    test = doctest.DocTestParser().get_doctest(PYTHON_EXAMPLES[number], {}, f"README python "
                                               f"block {number + 1}", str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0 and test.examples, "".join(failures)


def test_every_command_is_documented():
    load_all()
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in names:
        assert f"### `cngloss {name}" in README or f"`cngloss {name}`" in README, name


def test_the_ci_script_reads_the_test_command_from_the_readme():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci
    marker = README.index("<!-- test-command")
    block = README[marker:].split("```sh\n", 1)[1].split("\n", 1)[0]
    assert "pytest" in block


def test_every_exit_code_is_documented():
    from cngloss.errors import ExitCode

    for code in ExitCode:
        assert f"| {int(code)} |" in README
