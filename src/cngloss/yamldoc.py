"""Reading YAML data files safely, with the line of every value kept for error messages.

PyYAML's ``safe_load`` throws away where a value came from, and constructs whatever the
document says. Instead we compose the node tree (no objects are built), refuse any tag
outside plain YAML, and read values through a ``Reader`` that records a Problem with
file:line for every value of the wrong shape, so one pass reports them all.
Aliases are followed, but every node visit is counted against a budget, so a document
that expands exponentially ("billion laughs") is refused in bounded time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from .errors import DataError, Problem

T = TypeVar("T")

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
NODE_BUDGET_MIN = 200_000
NODE_BUDGET_PER_CHAR = 4


class BudgetExceeded(Exception):
    """The document expands to far more nodes than its size allows (alias expansion)."""


def compose(text: str, path: Path, error: type[DataError], what: str) -> Any:
    """Parse YAML text into a node tree; a syntax error raises ``error`` with line and column."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        problem = (exc.problem or exc.context or "syntax error").strip()
        raise error(Problem(str(path), line, f"YAML syntax error{column}: {problem}",
                            fix=f"correct the YAML syntax of the {what} file")) from None
    except yaml.YAMLError as exc:
        raise error(Problem(str(path), None, f"YAML error: {exc}",
                            fix=f"correct the YAML syntax of the {what} file")) from None
    except RecursionError:
        raise error(Problem(str(path), None, "YAML nesting is too deep",
                            fix=f"flatten the {what} file")) from None


@dataclass
class Reader:
    """Reads typed values out of composed YAML nodes, collecting problems as it goes."""

    path: Path
    budget: int
    problems: list[Problem] = field(default_factory=list)
    term: str | None = None

    @classmethod
    def for_text(cls, path: Path, text: str) -> "Reader":
        return cls(path, max(NODE_BUDGET_MIN, NODE_BUDGET_PER_CHAR * len(text)))

    # -- problems

    def problem(self, node: Any, message: str, field: str | None = None,
                fix: str | None = None, severity: str = "error") -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(str(self.path), line, message, self.term, field, fix,
                                     severity))

    # -- shapes

    def _visit(self, node: Any, field: str | None) -> bool:
        """Count a node visit; check its tag. False if the node cannot be used."""
        self.budget -= 1
        if self.budget < 0:
            raise BudgetExceeded
        if node.tag not in ALLOWED_TAGS:
            self.problem(node, f"YAML tag {node.tag!r} is not allowed", field,
                         fix="use plain YAML values (strings, numbers, lists, mappings)")
            return False
        return True

    def mapping(self, node: Any, field: str | None, known: tuple[str, ...] | None,
                required: tuple[str, ...] = ()) -> dict[str, Any] | None:
        """A mapping's nodes by key; reports unknown (unless ``known`` is None), duplicate
        and missing keys."""
        if not self._visit(node, field):
            return None
        if node.id != "mapping":
            self.problem(node, f"expected a mapping, found {_shape(node)}", field)
            return None
        out: dict[str, Any] = {}
        for key, value in node.value:
            if not self._visit(key, field):
                continue
            name = key.value if key.id == "scalar" and key.tag == _CORE + "str" else None
            if name is None:
                self.problem(key, "mapping keys must be plain strings", field)
            elif name in out:
                self.problem(key, f"duplicate key {name!r}", name, fix="keep one of them")
            elif known is not None and name not in known:
                self.problem(key, f"unknown field {name!r}", name,
                             fix=f"use one of: {', '.join(known)}")
            else:
                out[name] = value
        for name in required:
            if name not in out:
                self.problem(node, f"missing required field {name!r}", name,
                             fix=f"add {name}: ...")
        return out

    def sequence(self, node: Any, field: str) -> list[Any] | None:
        if not self._visit(node, field):
            return None
        if node.id != "sequence":
            self.problem(node, f"expected a list, found {_shape(node)}", field)
            return None
        return list(node.value)

    def string(self, node: Any, field: str, allow_empty: bool = False) -> str | None:
        if not self._visit(node, field):
            return None
        if node.id != "scalar" or node.tag != _CORE + "str":
            self.problem(node, f"expected a string, found {_shape(node)}", field,
                         fix="quote the value" if node.id == "scalar" else None)
            return None
        value = node.value
        if not allow_empty and not value.strip():
            self.problem(node, "must not be empty", field)
            return None
        return value

    def optional_string(self, node: Any, field: str) -> str | None:
        if node is not None and node.id == "scalar" and node.tag == _CORE + "null":
            self._visit(node, field)
            return None
        return self.string(node, field)

    def integer(self, node: Any, field: str) -> int | None:
        if not self._visit(node, field):
            return None
        if node.id != "scalar" or node.tag != _CORE + "int":
            self.problem(node, f"expected an integer, found {_shape(node)}", field)
            return None
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            self.problem(node, f"expected an integer, found {node.value!r}", field)
            return None

    def strings(self, node: Any, field: str) -> tuple[str, ...]:
        items = self.sequence(node, field)
        if items is None:
            return ()
        return tuple(s for s in (self.string(i, field) for i in items) if s is not None)

    def items(self, node: Any, field: str, read: Callable[[Any], T | None]) -> tuple[T, ...]:
        seq = self.sequence(node, field)
        if seq is None:
            return ()
        return tuple(v for v in (read(i) for i in seq) if v is not None)


def _shape(node: Any) -> str:
    if node.id == "scalar":
        kind = node.tag.rsplit(":", 1)[-1]
        return {"str": "a string", "int": "an integer", "float": "a number", "bool": "a boolean",
                "null": "nothing (null)"}.get(kind, f"a {kind} value")
    return {"sequence": "a list", "mapping": "a mapping"}.get(node.id, node.id)
