"""Reading YAML data files safely, with the line of every value kept for error messages.

PyYAML's ``safe_load`` throws away where a value came from, and constructs whatever the
document says. Instead we compose light nodes (kind, tag, value, line) from the C parser's
event stream (no objects are built), refuse any tag outside plain YAML, and read values
through a ``Reader`` that records a Problem with file:line for every value of the wrong
shape, so one pass reports them all. A long list can be composed one item at a time
(``LazySequence``), so a glossary of 100,000 terms is never held as a node tree.
Aliases are followed, but every node visit is counted against a budget, so a document
that expands exponentially ("billion laughs") is refused in bounded time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from ..errors import DataError, Problem

T = TypeVar("T")

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq",
                                    "map")}
NODE_BUDGET_MIN = 200_000
NODE_BUDGET_PER_CHAR = 4


class BudgetExceeded(Exception):
    """The document expands to far more nodes than its size allows (alias expansion)."""


class Node:
    """A composed YAML node: kind (``scalar``, ``sequence``, ``mapping``), resolved tag,
    value (a string, a list of nodes, a list of (key, value) node pairs) and 1-based line."""

    __slots__ = ("id", "tag", "value", "line")

    def __init__(self, id: str, tag: str, value: Any, line: int):
        self.id, self.tag, self.value, self.line = id, tag, value, line


class LazySequence(Node):
    """A sequence whose items are composed one at a time, as ``items()`` is iterated."""

    __slots__ = ("_composer",)

    def __init__(self, tag: str, line: int, composer: "Composer"):
        super().__init__("sequence", tag, None, line)
        self._composer = composer

    def items(self) -> Iterator[Node]:
        composer, self._composer = self._composer, None
        if composer is None:
            raise RuntimeError("a lazy sequence can be read once")
        while not composer.at("SequenceEndEvent"):
            yield composer.node()
        composer.next()


class Composer:
    """Composes nodes from PyYAML's (C) event stream; syntax errors become ``error``."""

    def __init__(self, text: str, path: Path, error: type[DataError], what: str):
        import yaml  # lazy: PyYAML, for a cache miss only

        self._yaml = yaml
        self._path, self._error, self._what = path, error, what
        self._loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers
        self._implicit = resolvers  # first character -> [(tag, regexp)]
        self._anchors: dict[str, Node] = {}

    def _fail(self, exc: Exception) -> DataError:
        yaml = self._yaml
        if isinstance(exc, yaml.MarkedYAMLError):
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            column = f", column {mark.column + 1}" if mark else ""
            problem = (exc.problem or exc.context or "syntax error").strip()
            return self._error(Problem(str(self._path), line,
                                       f"YAML syntax error{column}: {problem}",
                                       fix=f"correct the YAML syntax of the {self._what} file"))
        return self._error(Problem(str(self._path), None, f"YAML error: {exc}",
                                   fix=f"correct the YAML syntax of the {self._what} file"))

    def peek(self) -> Any:
        try:
            return self._loader.peek_event()
        except self._yaml.YAMLError as exc:
            raise self._fail(exc) from None
        except RecursionError:
            raise self._error(Problem(str(self._path), None, "YAML nesting is too deep",
                                      fix=f"flatten the {self._what} file")) from None

    def next(self) -> Any:
        try:
            return self._loader.get_event()
        except self._yaml.YAMLError as exc:
            raise self._fail(exc) from None

    def at(self, kind: str) -> bool:
        return type(self.peek()).__name__ == kind

    def _resolve(self, value: str, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged scalar, as PyYAML's resolver gives it (quoted: str)."""
        if implicit[0]:
            for resolvers in (self._implicit.get(value[0] if value else "", ()),
                              self._implicit.get(None, ())):
                for tag, regexp in resolvers:
                    if regexp.match(value):
                        return tag
        return _CORE + "str"

    def document(self, lazy: tuple[str, ...] = ()) -> Node | None:
        """The single document's root node (None for an empty file). The values of root
        keys named in ``lazy`` that are sequences are composed lazily: read the root
        mapping's pairs in order, and each lazy sequence before the next pair."""
        self.next()  # StreamStart
        if self.at("StreamEndEvent"):
            return None
        self.next()  # DocumentStart
        if lazy and self.at("MappingStartEvent"):
            root = self._lazy_mapping(lazy)
        else:
            root = self.node()
            self._end()
        return root

    def _end(self) -> None:
        self.next()  # DocumentEnd
        if not self.at("StreamEndEvent"):
            event = self.next()
            raise self._error(Problem(str(self._path), event.start_mark.line + 1,
                                      "expected a single YAML document, found another",
                                      fix="remove the second document (after ---)"))

    def _lazy_mapping(self, lazy: tuple[str, ...]) -> Node:
        event = self.next()
        tag = self._tag(event.tag, "map")
        composer = self

        def pairs() -> Iterator[tuple[Node, Node]]:
            while not composer.at("MappingEndEvent"):
                key = composer.node()
                if key.id == "scalar" and key.value in lazy and \
                        composer.at("SequenceStartEvent") and composer.peek().anchor is None:
                    start = composer.next()
                    yield key, LazySequence(composer._tag(start.tag, "seq"),
                                            start.start_mark.line + 1, composer)
                else:
                    yield key, composer.node()
            composer.next()
            composer._end()

        return Node("mapping", tag, pairs(), event.start_mark.line + 1)

    def _tag(self, tag: str | None, default: str) -> str:
        return _CORE + default if tag in (None, "!") else tag

    def node(self) -> Node:
        event = self.next()
        kind = type(event).__name__
        line = event.start_mark.line + 1
        if kind == "AliasEvent":
            if event.anchor not in self._anchors:
                raise self._error(Problem(str(self._path), line,
                                          f"YAML alias *{event.anchor} names no anchor",
                                          fix=f"define &{event.anchor} before using it"))
            return self._anchors[event.anchor]
        if kind == "ScalarEvent":
            tag = event.tag
            if tag in (None, "!"):
                tag = self._resolve(event.value, event.implicit)
            node = Node("scalar", tag, event.value, line)
        elif kind == "SequenceStartEvent":
            node = Node("sequence", self._tag(event.tag, "seq"), [], line)
            if event.anchor:
                self._anchors[event.anchor] = node
            while not self.at("SequenceEndEvent"):
                node.value.append(self.node())
            self.next()
            return node
        elif kind == "MappingStartEvent":
            node = Node("mapping", self._tag(event.tag, "map"), [], line)
            if event.anchor:
                self._anchors[event.anchor] = node
            while not self.at("MappingEndEvent"):
                key = self.node()
                node.value.append((key, self.node()))
            self.next()
            return node
        else:  # pragma: no cover - the parser guarantees the grammar
            raise self._error(Problem(str(self._path), line, f"unexpected YAML {kind}"))
        if event.anchor:
            self._anchors[event.anchor] = node
        return node


def load_data_file(path: Path) -> Any:
    """A small list shipped with cngloss and read whole (``data/headword-variants.yaml``,
    ``data/pinyin-phrases.yaml``), with the safe loader; DataError naming the file when it
    cannot be read or parsed."""
    import yaml  # lazy: PyYAML, for a data file only

    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(Problem(str(path), None, f"cannot be read ({exc})",
                                fix="restore the file from the cngloss sources")) from None


def compose(text: str, path: Path, error: type[DataError], what: str) -> Node | None:
    """Parse YAML text into light nodes; a syntax error raises ``error`` with line and column."""
    return Composer(text, path, error, what).document()


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
        line = node.line if node is not None else None
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

    def fields(self, node: Any, field: str | None, known: tuple[str, ...] | None,
               required: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
        """A mapping's (key, value node) pairs in order, as they are composed; reports
        unknown (unless ``known`` is None), duplicate and missing keys."""
        if not self._visit(node, field):
            return
        if node.id != "mapping":
            self.problem(node, f"expected a mapping, found {_shape(node)}", field)
            return
        seen: set[str] = set()
        for key, value in node.value:
            if not self._visit(key, field):
                _drain(value)
                continue
            name = key.value if key.id == "scalar" and key.tag == _CORE + "str" else None
            if name is None:
                self.problem(key, "mapping keys must be plain strings", field)
            elif name in seen:
                self.problem(key, f"duplicate key {name!r}", name, fix="keep one of them")
            elif known is not None and name not in known:
                self.problem(key, f"unknown field {name!r}", name,
                             fix=f"use one of: {', '.join(known)}")
            else:
                seen.add(name)
                yield name, value
            _drain(value)  # a lazy value not read by the caller
        for name in required:
            if name not in seen:
                self.problem(node, f"missing required field {name!r}", name,
                             fix=f"add {name}: ...")

    def mapping(self, node: Any, field: str | None, known: tuple[str, ...] | None,
                required: tuple[str, ...] = ()) -> dict[str, Any] | None:
        """A mapping's nodes by key (None if the node is not a mapping); see ``fields``."""
        out = dict(self.fields(node, field, known, required))
        return out if out or node.id == "mapping" and node.tag in ALLOWED_TAGS else None

    def sequence(self, node: Any, field: str) -> Iterator[Any] | list[Any] | None:
        if not self._visit(node, field):
            return None
        if node.id != "sequence":
            self.problem(node, f"expected a list, found {_shape(node)}", field)
            return None
        return node.items() if isinstance(node, LazySequence) else node.value

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


def _drain(node: Any) -> None:
    """Compose and drop the rest of a lazy sequence nobody read, to reach the next key."""
    if isinstance(node, LazySequence) and node._composer is not None:
        for _ in node.items():
            pass


def _shape(node: Any) -> str:
    if node.id == "scalar":
        kind = node.tag.rsplit(":", 1)[-1]
        return {"str": "a string", "int": "an integer", "float": "a number", "bool": "a boolean",
                "null": "nothing (null)", "timestamp": "a date"}.get(kind, f"a {kind} value")
    return {"sequence": "a list", "mapping": "a mapping"}.get(node.id, node.id)
