"""The package's shape holds: layers import only downwards, no import cycles (counting the
imports inside functions), every import inside a function says why it is there, and the
public API is one list that resolves to what it names (README, "Architecture")."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

import cngloss

PACKAGE = Path(cngloss.__file__).resolve().parent

# The layers, lowest first; a module may import from its own layer and the ones below.
LAYERS = [
    {"errors", "model", "collector"},
    {"text"},
    {"sources"},
    {"lookup"},
    {"corpus", "library", "discover"},
    {"output"},
    {"render"},
    {"core"},
    {"web"},
    {"cli", "entry", "__main__"},
]
LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["cngloss", *parts])


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> list[tuple[str, int, bool]]:
    """(imported cngloss module, line, inside a function?) for every import in a module,
    relative imports resolved; ``from PKG import MOD`` counts as an import of PKG.MOD."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function |= {id(sub) for sub in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("cngloss"):
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.append((candidate if candidate in MODULES else target, node.lineno,
                              id(node) in in_function))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("cngloss"):
                    found.append((alias.name, node.lineno, id(node) in in_function))
    return found


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYER_OF.get(parts[1]) if len(parts) > 1 else None


def test_every_module_has_a_layer():
    unplaced = [name for name in MODULES if name != "cngloss" and layer(name) is None]
    assert unplaced == []


@pytest.mark.parametrize("name", [n for n in MODULES if n != "cngloss"])
def test_a_module_imports_only_its_own_layer_and_lower(name):
    mine = layer(name)
    upward = [(target, line) for target, line, _ in imports_of(name)
              if target != "cngloss" and layer(target) > mine]
    assert upward == [], f"{name} imports from a higher layer"


def test_text_imports_nothing_of_cngloss_but_errors():
    for name in (n for n in MODULES if n.startswith("cngloss.text.")):
        others = {t for t, _, _ in imports_of(name)
                  if not t.startswith("cngloss.text") and t != "cngloss.errors"}
        assert others == set(), name


def test_there_is_no_import_cycle_even_through_imports_inside_functions():
    graph = {name: {t for t, _, _ in imports_of(name) if t in MODULES and t != name}
             for name in MODULES if name != "cngloss"}
    # Depth-first search for a back edge; the package root (__version__, lazy exports) is
    # left out: it imports nothing at import time.
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, path: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt == "cngloss":
                continue
            if state.get(nxt) == 1:
                cycle.extend(path[path.index(nxt):] + [nxt])
                return True
            if state.get(nxt) is None and visit(nxt, path + [nxt]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if state.get(start) is None and visit(start, [start]):
            break
    assert cycle == []


def test_the_cycle_check_finds_a_cycle(monkeypatch, tmp_path):
    """The check above can fail: two modules that import each other inside functions."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("def f():\n    from .b import g  # lazy: test\n", encoding="utf-8")
    b.write_text("def g():\n    from .a import f  # lazy: test\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "cngloss.lookup.a", a)
    monkeypatch.setitem(MODULES, "cngloss.lookup.b", b)
    with pytest.raises(AssertionError):
        test_there_is_no_import_cycle_even_through_imports_inside_functions()


def _imports_inside_functions(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    out.append((sub.lineno, lines[sub.lineno - 1]))
    return sorted(set(out))


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_import_inside_a_function_says_why(name):
    """An import inside a function is there for start-up speed, and says so: ``# lazy: …``
    on its line, or on the comment or import lines right above it."""
    path = MODULES[name]
    lines = path.read_text(encoding="utf-8").splitlines()
    unexplained = []
    for number, text in _imports_inside_functions(path):
        k = number - 1
        reason = "# lazy" in text
        while not reason and k > 0 and lines[k - 1].strip().startswith(("#", "from ", "import ")):
            k -= 1
            reason = "# lazy" in lines[k]
        if not reason:
            unexplained.append(f"{path.name}:{number}: {text.strip()}")
    assert unexplained == []


def test_the_public_api_is_one_list_and_each_name_is_what_it_says():
    exports = cngloss._EXPORTS
    assert cngloss.__all__ == ["__version__", *sorted(exports)]
    for name, module in exports.items():
        value = getattr(cngloss, name)
        assert not inspect.ismodule(value), name
        defined_in = importlib.import_module(f"cngloss.{module}")
        assert getattr(defined_in, name) is value, name
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__ == f"cngloss.{module}", name


def test_no_public_name_is_also_a_module_or_package_of_cngloss():
    children = {name.split(".")[1] for name in MODULES if name.count(".") >= 1}
    assert children & set(cngloss.__all__) == set()


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        getattr(cngloss, "nothing_here")


def test_imports_are_read_as_python_resolves_them():
    """The checks above see relative imports, package imports and imports in functions."""
    found = {(target, inside) for target, _, inside in imports_of("cngloss.corpus.load")}
    assert ("cngloss.sources.cache", False) in found  # from ..sources import cache as store
    assert ("cngloss.lookup.registry", False) in found  # from ..lookup.registry import ...
    assert ("cngloss.sources.glossary", True) in found  # inside load_corpus
    assert ("cngloss.lookup.index", True) in found  # inside load_corpus
    assert layer("cngloss.corpus.load") > layer("cngloss.lookup.index") > layer("cngloss.text.hanzi")
