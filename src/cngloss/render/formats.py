"""The appendix formats, in one table: what ``appendix --format`` accepts, what
``--all-formats`` writes, and whether a format's output is text or bytes.

Each row names its format, the extension of its file, whether it renders ``bytes`` (a .docx,
an .apkg or a zipped TBX would) rather than ``str``, and its render function as
``module:function`` (relative to ``cngloss.render``, imported only when that format is
asked for) or the function itself. Every render function is ``render(appendix, width=80,
standalone=False)``; options a format has no use for are ignored.

The table is here, not in each format's module, because the command line names the formats
in its help at start-up: reading them from the modules would import every renderer on every
run. Adding a format is one module in ``render/`` and one row (or ``register(...)``).
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable


class AppendixFormat:
    """One output format of the appendix (see the module's docstring)."""

    __slots__ = ("name", "extension", "render", "description", "binary")

    def __init__(self, name: str, extension: str, render: str | Callable, description: str,
                 binary: bool = False):
        self.name = name
        self.extension = extension
        self.render = render
        self.description = description
        self.binary = binary

    def __repr__(self) -> str:
        return f"AppendixFormat({self.name!r}, {self.extension!r}, binary={self.binary})"

    def renderer(self) -> Callable:
        """The render function (its module imported now, once)."""
        if callable(self.render):
            return self.render
        module, _, name = self.render.partition(":")
        return getattr(import_module(module, __package__), name)


FORMATS: list[AppendixFormat] = [
    AppendixFormat("md", ".md", ".markdown:render", "Markdown"),
    AppendixFormat("html", ".html", ".html:render", "a printable web page"),
    AppendixFormat("tex", ".tex", ".latex:render", "a XeLaTeX body (or --standalone document)"),
    AppendixFormat("txt", ".txt", ".text:render", "plain text, wrapped to --width"),
    AppendixFormat("json", ".json", ".jsonfmt:render", "JSON"),
    AppendixFormat("csv", ".csv", ".csvfmt:render", "CSV, one row a term"),
    AppendixFormat("tbx", ".tbx", ".tbx:render", "a TBX-Basic termbase (CAT tools)"),
    AppendixFormat("memoq-csv", ".memoq.csv", ".memoq:render",
                   "a CSV termbase for memoQ and Trados MultiTerm"),
    AppendixFormat("anki", ".anki.txt", ".anki:render", "an Anki deck (File > Import)"),
    AppendixFormat("pleco", ".pleco.txt", ".pleco:render", "a Pleco user dictionary"),
]


def register(fmt: AppendixFormat) -> None:
    """Add a format at the end (or replace the format of that name where it stands)."""
    known = names()
    if fmt.name in known:
        FORMATS[known.index(fmt.name)] = fmt
    else:
        FORMATS.append(fmt)


def names() -> tuple[str, ...]:
    """The formats' names, in table order (``md``, ``html``, …)."""
    return tuple(fmt.name for fmt in FORMATS)


def get(name: str) -> AppendixFormat | None:
    return next((fmt for fmt in FORMATS if fmt.name == name), None)


def metavar() -> str:
    """``md|html|tex|txt|json|csv``, for the command line's help."""
    return "|".join(names())


def file_names(stem: str = "appendix") -> str:
    """``appendix.md, .html, .tex, …``: the files ``--all-formats`` writes, for help."""
    extensions = [fmt.extension for fmt in FORMATS]
    return ", ".join([stem + extensions[0], *extensions[1:]]) if extensions else ""
