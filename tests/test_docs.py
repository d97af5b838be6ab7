"""The README tells the truth: its examples are real output, and it covers every command."""

from __future__ import annotations

import re
import shlex

import pytest

from cngloss.cli import app
from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_examples() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ cngloss ...`` line in a console block."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    examples.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            examples.append((command, "\n".join(output)))
    return examples


EXAMPLES = console_examples()


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("command,expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_each_readme_example_prints_what_the_readme_shows(command, expected):
    args = shlex.split(command)
    assert args[0] == "cngloss"
    result = run_cli(*args[1:], environ={"COLUMNS": "100"})
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
