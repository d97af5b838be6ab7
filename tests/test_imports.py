"""What gets imported: the library without the CLI stack, each command without heavy extras.

Each check runs in a fresh interpreter, since this test session has imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("typer", "rich", "pypinyin", "rapidfuzz", "zhconv_rs_opencc", "yaml")


def imported_after(code: str) -> set[str]:
    probe = (f"import sys\n{code}\n"
             f"print(__import__('json').dumps([m for m in {HEAVY!r} if m in sys.modules]),"
             " file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_import_cngloss_touches_neither_typer_nor_rich():
    assert imported_after("import cngloss") == set()


def test_the_library_loads_and_searches_without_the_cli_stack():
    used = imported_after("import cngloss\ncngloss.search(cngloss.load_corpus().glossary, 'liuwen')")
    assert used == {"yaml"}


@pytest.mark.parametrize("args", [["show", "八有一超"], ["search", "liuwen"], ["list"],
                                  ["grep", "扶贫"], ["related", "八有一超"]])
def test_piped_commands_import_no_rich_pypinyin_or_rapidfuzz(args):
    used = imported_after(f"from cngloss.cli import main\nmain({args!r})")
    assert used == {"typer", "yaml"}


def test_a_typo_loads_rapidfuzz_only_then():
    used = imported_after("from cngloss.cli import main\nmain(['search', 'liuwne'])")
    assert "rapidfuzz" in used and "pypinyin" not in used


def test_check_is_the_command_that_loads_pypinyin():
    used = imported_after("from cngloss.cli import main\nmain(['check'])")
    assert "pypinyin" in used and "rich" not in used


def test_the_reading_engine_loads_pypinyin_at_its_first_reading_only():
    assert imported_after("import cngloss.corpus.readings, cngloss.corpus.suggest") == set()
    used = imported_after("from cngloss.corpus.readings import read\nread('藏区')")
    assert "pypinyin" in used and "typer" not in used


def test_a_warm_cache_skips_yaml_and_the_report_parser(tmp_path):
    env = dict(os.environ, CNGLOSS_CACHE_DIR=str(tmp_path))
    probe = ("import sys\nfrom cngloss.cli import main\nmain(['show', '八有一超'])\n"
             "print(__import__('json').dumps(sorted(m for m in sys.modules if m in "
             "('yaml', 'cngloss.sources.report', 'cngloss.sources.yaml_reader', 'cngloss.sources.glossary', "
             "'cngloss.sources.corrections'))), file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, check=True) for _ in range(2)]
    first, second = (json.loads(r.stderr.strip().splitlines()[-1]) for r in runs)
    assert "yaml" in first and "cngloss.sources.report" in first
    assert second == []


def test_no_submodule_shadows_a_public_name():
    """Importing a submodule sets it as an attribute of the package: a module named like a
    public function (``cngloss.search``) would replace that function once imported."""
    import pkgutil
    from importlib import import_module
    from types import ModuleType

    import cngloss

    modules = {m.name for m in pkgutil.iter_modules(cngloss.__path__)} - {"__main__"}
    for name in modules:
        import_module(f"cngloss.{name}")
    assert not modules & set(cngloss.__all__)
    for name in cngloss.__all__:
        assert not isinstance(getattr(cngloss, name), ModuleType), name
    assert cngloss.search is import_module("cngloss.lookup.search").search


def test_the_library_search_works_after_passages_were_found():
    """The README's library example, in the order it runs (passages import the core first)."""
    code = ("import cngloss\ncorpus = cngloss.load_corpus()\n"
            "corpus.passages(cngloss.resolve_term(corpus.glossary, 'liuwen'))\n"
            "print(cngloss.search(corpus.glossary, 'lwlb')[0].term.term)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            encoding="utf-8", check=True)
    assert result.stdout.strip() == "六稳六保"


@pytest.mark.parametrize("cached", [True, False], ids=["cache", "no-cache"])
@pytest.mark.parametrize("query", ["八有一抄", "两为", "八有一起", "不存在的词"])
def test_a_homophone_or_typo_search_never_loads_pypinyins_phrase_dictionary(query, cached,
                                                                             tmp_path):
    """Reading an unknown character needs one character's reading, not pypinyin's 2.5 MB
    phrase dictionary (its import alone costs several times a whole lookup)."""
    env = dict(os.environ, CNGLOSS_CACHE_DIR=str(tmp_path))
    if not cached:
        env["CNGLOSS_NO_CACHE"] = "1"
    probe = ("import sys\nfrom cngloss.cli import main\n"
             f"main(['search', {query!r}])\n"
             "print(__import__('json').dumps(sorted(m for m in sys.modules "
             "if m.split('.')[0] == 'pypinyin')), file=sys.stderr)")
    runs = 2 if cached else 1  # the second run reads the index from the cache entry
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                text=True, env=env, check=True)
        assert json.loads(result.stderr.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("args", [["show", "八有一超"], ["search", "liuwen"]])
def test_a_warm_command_without_a_library_loads_no_store_dataclasses_or_platformdirs(
        tmp_path, args):
    """Each of these costs every cold start 1-4 ms and none is needed to answer."""
    unwanted = ("sqlite3", "cngloss.library.store", "dataclasses")
    if sys.platform.startswith("linux"):
        unwanted += ("platformdirs",)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    for name in ("CNGLOSS_CACHE_DIR", "CNGLOSS_NO_CACHE", "CNGLOSS_LIBRARY", "CNGLOSS_GLOSSARY"):
        env.pop(name, None)
    probe = (f"import sys\nfrom cngloss.cli import main\ntry:\n    main({args!r})\n"
             "except SystemExit:\n    pass\n"
             f"print([m for m in {unwanted!r} if m in sys.modules], file=sys.stderr)")
    for _ in range(2):  # the first run fills the cache
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                env=env, check=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_the_commands_annotations_are_objects_not_strings_to_evaluate():
    """Typer reads every command's annotations at each start; strings cost an eval each."""
    from cngloss import cli
    from cngloss.cli.commands import load_all

    load_all()
    callbacks = [c.callback for c in cli.app.registered_commands]
    assert len(callbacks) >= 10
    for callback in callbacks + [cli.app.registered_callback.callback]:
        assert not [a for a in callback.__annotations__.values() if isinstance(a, str)], \
            callback.__name__


READER_MODULES = ("zipfile", "html.parser", "pdfminer", "tempfile",
                  "cngloss.sources.readers.document", "cngloss.sources.readers.docx",
                  "cngloss.sources.readers.html", "cngloss.sources.readers.pdf",
                  "cngloss.sources.readers.jsonl", "cngloss.render.appendix",
                  "cngloss.render.markdown")


def modules_after(code: str, names: tuple[str, ...] = READER_MODULES) -> list[str]:
    probe = (f"import sys\n{code}\n"
             f"print([m for m in {names!r} if m in sys.modules], file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    return eval(result.stderr.strip().splitlines()[-1])


def test_the_format_registries_and_the_cli_import_no_reader_or_renderer():
    """The CLI builds its help from both tables at start-up: they must stay this light."""
    assert modules_after("import cngloss.sources.readers.registry, cngloss.render.formats\n"
                         "import cngloss.cli") == []


@pytest.mark.parametrize("name,expected", [
    ("data/lianzhou-2021-government-work-report.txt", []),
    ("tests/fixtures/readers/gov-report-page.html",
     ["html.parser", "cngloss.sources.readers.html"]),
])
def test_reading_a_file_imports_only_its_own_reader(name, expected):
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), name)
    code = f"from cngloss.sources.readers import read_document\nread_document({path!r})"
    readers = ("zipfile", "html.parser", "pdfminer", "cngloss.sources.readers.docx",
               "cngloss.sources.readers.html", "cngloss.sources.readers.pdf",
               "cngloss.sources.readers.jsonl")
    assert modules_after(code, readers) == expected


def test_only_serve_imports_the_web_stack():
    code = ("import sys, cngloss\nfrom cngloss.cli import main\nmain(['show', '八有一超'])\n"
            "main(['search', 'liuwen'])\n"
            "print(__import__('json').dumps([m for m in ('starlette', 'uvicorn', 'anyio', "
            "'cngloss.web') if m in sys.modules]), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []
