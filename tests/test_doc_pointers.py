"""Pointers into the docs from code, data and tests name a heading the page has: the README
(``README, "X"``) or a page of docs/ (``docs/commands.md, "Exit codes"``).

A pointer is the README named with a section after it, in the forms the code uses:
``(README, "Exit codes")``, ``README.md, "Data schema"``, ``README ("JSON contract")``,
``README "JSON contract"``, the unquoted ``(README, JSON contract)``, and a quoted name broken
across two comment or docstring lines. A heading is compared without its backticks, so
``### `cngloss search QUERY...``` is named "cngloss search QUERY..." or with the backticks.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where pointers are written: the package, its metadata, the data files' comments, the tests,
# the benchmarks and the other docs. tests/fixtures holds reports and glossaries, not pointers.
SCANNED = ["src", "tests", "data", "bench", "docs", "mutation", ".ci", "tools",
           "pyproject.toml", "BENCHMARKS.md"]
SKIPPED = {"fixtures", "__pycache__"}
SUFFIXES = {".py", ".toml", ".yaml", ".yml", ".md", ".txt", ".sh", ""}

PAGE = r'(?P<page>README(?:\.md)?|docs/[\w-]+\.md)'
POINTER = re.compile(
    PAGE + r'(?:,\s*|\s+)\(?\\?"(?P<quoted>[^"\\]+)\\?"'   # README, "X" / README ("X")
    r'|' + PAGE.replace("page", "page2") + r',\s+(?P<bare>[A-Z][^"()]*?)\)')  # (README, X)
# A line break inside a pointer, with what starts the next line of a comment or docstring.
CONTINUATION = re.compile(r"\s*\n\s*(?:#+\s*)?")


def headings(markdown: str) -> set[str]:
    """The README's headings (outside code blocks), without their #s and backticks."""
    found, fenced = set(), False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"#{1,6} +(.+?)\s*$", line)):
            found.add(match.group(1).replace("`", ""))
    return found


def pointers(text: str) -> list[str]:
    """The section names that ``text`` points to in the README."""
    return [name for page, name in page_pointers(text) if page == "README.md"]


def page_pointers(text: str) -> list[tuple[str, str]]:
    """(page, section name) for every pointer in ``text``; the README as ``README.md``."""
    joined = CONTINUATION.sub(" ", text)
    found = []
    for m in POINTER.finditer(joined):
        page = m.group("page") or m.group("page2")
        page = "README.md" if page.startswith("README") else page
        found.append((page, " ".join((m.group("quoted") or m.group("bare")).split())
                      .replace("`", "")))
    return found


def scanned_files() -> list[Path]:
    files = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        files += [p for p in candidates if p.is_file() and p.suffix in SUFFIXES
                  and not SKIPPED & set(p.relative_to(ROOT).parts)]
    return files


def test_the_forms_in_use_are_found():
    text = '''
    # extra (README, "Dependencies, and why"); the other (README "Trend charts").
    """... a README ("JSON contract") and the (README, JSON contract) ... README.md,
    # "Data
    # schema" ... "Schema: cngloss README, \\"Data schema\\"." (README, "Dependencies,
    and why") `cngloss check` (README, "`cngloss list` and `cngloss check`")'''
    assert pointers(text) == ["Dependencies, and why", "Trend charts", "JSON contract",
                              "JSON contract", "Data schema", "Data schema",
                              "Dependencies, and why", "cngloss list and cngloss check"]
    # Mentions of a README that name no section are not pointers.
    assert pointers("a README or SOURCES.md beside them; the README's command; "
                    "README: how to build it (README, see below)") == []


def test_headings_are_read_outside_code_blocks():
    markdown = "# Title\n\n## `cngloss show TERM`\n\n```yaml\n# a comment\n```\n### Exit codes\n"
    assert headings(markdown) == {"Title", "cngloss show TERM", "Exit codes"}


def test_the_scan_covers_the_code_the_data_and_the_tests():
    relative = {p.relative_to(ROOT).as_posix() for p in scanned_files()}
    assert {"pyproject.toml", "src/cngloss/cli/app.py", "data/terms.yaml",
            "tests/conftest.py", "bench/choose_chart.py"} <= relative
    assert not any(p.startswith("tests/fixtures/") for p in relative)


def test_a_pointer_to_a_page_of_docs_names_that_page():
    assert page_pointers('(docs/commands.md, "Exit codes") and (README, "Quick start")') == [
        ("docs/commands.md", "Exit codes"), ("README.md", "Quick start")]


def test_every_pointer_names_a_heading_of_its_page():
    have: dict[str, set[str]] = {}
    missing = []
    for path in scanned_files():
        if path.name == Path(__file__).name:  # its examples
            continue
        for page, name in page_pointers(path.read_text(encoding="utf-8", errors="replace")):
            if page not in have:
                target = ROOT / page
                have[page] = headings(target.read_text(encoding="utf-8")) \
                    if target.exists() else set()
            if name not in have[page]:
                missing.append((path.relative_to(ROOT).as_posix(), page, name))
    assert missing == []
