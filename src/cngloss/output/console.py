"""Printing views: rich on a terminal, plain aligned text in a pipe. The only rich import.

rich is imported only when stdout is a terminal, so piped and scripted use never pays
for it. Text from the data is handed to rich as ``Text`` objects, never as markup, so
``[bold red]`` in a definition prints as written; control characters are made visible
in both paths, so the data cannot send escape sequences to the terminal.
"""

from __future__ import annotations

import os

from ..errors import OutputError
from .environment import Environment
from ..text.escape import safe
from ..text.width import pad, width, wrap_spans
from .views import Blank, Block, Line, Span, Table

STYLES = {
    "headword": "bold",
    "pinyin": "cyan",
    "english": "green",
    "label": "bold",
    "heading": "bold underline",
    "dim": "dim",
    "match": "bold yellow",
    "hit": "bold yellow",
    "discovered": "bold magenta underline",  # a numbered slogan no glossary defines
    "number": "magenta",
    "section": "blue",
    "error": "bold red",
    "warning": "yellow",
    "ok": "bold green",
    # The series of a trend chart, in order (output/chart.py).
    "series0": "cyan",
    "series1": "magenta",
    "series2": "green",
    "series3": "yellow",
    "series4": "blue",
    "series5": "red",
}


# Styles that must still show without colour: their text is put between these marks.
MARKED = {"hit": ("»", "«"), "discovered": ("‹", "›")}
# A table keeps its columns while each wrapping column can have this many; below, records.
MIN_WRAP_COLUMN = 14


def print_view(view: list[Block], env: Environment) -> None:
    """Print a view to the environment's stdout."""
    if env.stdout_isatty:
        _print_rich(view, env)
    else:
        env.stdout.write(plain_text(view))
        env.stdout.flush()


def plain_text(view: list[Block]) -> str:
    """A view as plain text: no colour (marked uses between »«), a logical line a line,
    tables aligned by terminal width of CJK text."""
    out: list[str] = []
    for block in view:
        if isinstance(block, Blank):
            out.append("")
        elif isinstance(block, Line):
            out.append(" " * block.indent + _flat(block.spans))
        else:
            out.extend(_plain_table(block))
    return "\n".join(out) + ("\n" if out else "")


def _uncoloured(spans: list[Span]) -> list[Span]:
    """Spans made safe, with the MARKED styles' marks put around their text."""
    out: list[Span] = []
    for chunk, style in spans:
        left, right = MARKED.get(style or "", ("", ""))
        out.append((left + safe(chunk) + right, style))
    return out


def _flat(spans: list[Span]) -> str:
    return "".join(t for t, _ in _uncoloured(spans))


def _plain_table(table: Table) -> list[str]:
    cells = [[_flat(cell) for cell in row] for row in table.rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(table.headers)]

    def fmt(row: list[str]) -> str:
        padded = [pad(c, widths[i]) if i < len(row) - 1 else c for i, c in enumerate(row)]
        return "  ".join(padded).rstrip()

    return [fmt(table.headers)] + [fmt(r) for r in cells]


def _print_rich(view: list[Block], env: Environment) -> None:
    """Print on a terminal: lines and table cells wrapped by ``textwidth.wrap_spans`` (CJK
    line-breaking rules, hanging indents); rich only styles them."""
    from rich.console import Console  # lazy: rich, for a terminal only
    from rich.text import Text

    # no_color alone still lets rich emit bold, underline and dim (table headers): without
    # colour there is no colour system at all, so not one escape code (no-color.org).
    console = Console(file=env.stdout, no_color=not env.color, highlight=False,
                      emoji=False, markup=False, width=env.columns, soft_wrap=True,
                      force_terminal=env.color or None,
                      color_system="auto" if env.color else None)

    def emit(spans: list[Span]) -> None:
        out = Text(no_wrap=True, overflow="ignore")
        for chunk, style in spans:
            out.append(chunk, style=STYLES.get(style or "", "") if env.color else "")
        console.print(out)

    def wrapped(spans: list[Span], indent: int = 0, hang: int | None = None) -> None:
        spans = [(safe(t), s) for t, s in spans] if env.color else _uncoloured(spans)
        for row in wrap_spans(spans, console.width, indent, hang):
            emit(row)

    for block in view:
        if isinstance(block, Blank):
            console.print()
        elif isinstance(block, Line):
            wrapped(block.spans, block.indent, block.hang)
        else:
            rows = _table_rows(block, console.width, env.color)
            if rows is not None:
                for row in rows:
                    emit(row)
                continue
            # Too narrow for columns: one record per row, a field per line.
            label = max(width(h) for h in block.headers[1:]) + 1 if len(block.headers) > 1 else 0
            for row in block.rows:
                wrapped(row[0])
                for header, cell in zip(block.headers[1:], row[1:]):
                    wrapped([(pad(header, label), "dim")] + cell, 2, 2 + label)


def _table_rows(table: Table, columns: int, color: bool) -> list[list[Span]] | None:
    """The table as styled lines within ``columns``, its wrapping columns narrowed (widest
    first) and their cells wrapped; None when even narrowed columns do not fit."""
    gap = 2
    cells = [[[(safe(t), s) for t, s in cell] if color else _uncoloured(cell) for cell in row]
             for row in table.rows]
    widths = [max([width(h)] + [width("".join(t for t, _ in r[i])) for r in cells])
              for i, h in enumerate(table.headers)]
    room = columns - gap * (len(widths) - 1)
    floor = {i: min(widths[i], max(MIN_WRAP_COLUMN, width(table.headers[i])))
             for i in table.wrap}
    while sum(widths) > room:
        narrowable = [i for i in table.wrap if widths[i] > floor[i]]
        if not narrowable:
            return None
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1

    def lay(row: list[list[Span]]) -> list[list[Span]]:
        wrapped_cells = [wrap_spans(cell, widths[i]) if cell else [[]]
                         for i, cell in enumerate(row)]
        out = []
        for k in range(max(len(c) for c in wrapped_cells)):
            line: list[Span] = []
            for i, cell in enumerate(wrapped_cells):
                part = cell[k] if k < len(cell) else []
                used = width("".join(t for t, _ in part))
                line += part
                if i < len(wrapped_cells) - 1:
                    line.append((" " * (widths[i] - used + gap), None))
            out.append(line)
        return out

    header = [[(h, "label")] for h in table.headers]
    rule = [[("─" * w, "dim")] for w in widths]
    lines = lay(header) + lay(rule)
    for row in cells:
        lines += lay(row)
    return [_rstrip(line) for line in lines]


def _rstrip(line: list[Span]) -> list[Span]:
    """A line without the padding after its last visible character."""
    line = list(line)
    while line and not line[-1][0].rstrip():
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(), line[-1][1])
    return line


def print_error(message: str, env: Environment, hint: str | None = None) -> None:
    """One line on stderr: ``cngloss: error: what (fix: how)``."""
    text = f"cngloss: error: {safe(message)}"
    if hint:
        text += f" ({safe(hint)})"
    env.stderr.write(text + "\n")
    env.stderr.flush()


def print_message(message: str, env: Environment) -> None:
    """An informational line on stderr (never mixed into data on stdout)."""
    env.stderr.write(safe(message) + "\n")
    env.stderr.flush()


class Progress:
    """A rich progress bar on stderr when it is a terminal, nothing otherwise: the share of
    the input read (its size is known before reading: compressed bytes for a .gz
    collection), the reports dealt with and the time left. The core reports
    ``(reports, bytes done, bytes in all)`` through the callback this gives."""

    def __init__(self, env: Environment, label: str):
        self.env, self.label, self.bar = env, label, None

    def __enter__(self) -> "object":
        isatty = getattr(self.env.stderr, "isatty", None)
        if not (isatty and isatty()):
            return None
        # lazy: rich's progress bar, only on a terminal
        from rich.console import Console
        from rich.progress import (BarColumn, Progress as Bar, TaskProgressColumn,
                                   TextColumn, TimeRemainingColumn)

        self.bar = Bar(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                       TextColumn("{task.fields[reports]:,} reports"), TimeRemainingColumn(),
                       transient=True,
                       console=Console(file=self.env.stderr, force_terminal=True))
        self.bar.start()
        task = self.bar.add_task(self.label, total=None, reports=0)
        return lambda reports, done, total: self.bar.update(task, completed=done, total=total,
                                                            reports=reports)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def write_output(data: str | bytes, env: Environment, output: str | os.PathLike[str] | None = None,
                 force: bool = False) -> None:
    """``data`` (text, or the bytes of a binary format) to stdout, or to the file ``output``
    (``-``: stdout), whole or not at all. Bytes go to a pipe or a file as they are, never to
    a terminal: that is an OutputError (exit 2)."""
    if output is not None and str(output) != "-":
        from ..sources.files import write_atomically  # lazy: for --output only

        write_atomically(output, data, force)
        print_message(f"wrote {output}", env)
        return
    if isinstance(data, str):
        env.stdout.write(data)
        env.stdout.flush()
        return
    if env.stdout_isatty:
        raise OutputError("binary output is not written to a terminal (write it to a file "
                          "with --output FILE, or pipe it)")
    buffer = getattr(env.stdout, "buffer", None)
    if buffer is None:
        raise OutputError("binary output needs a file or a byte stream, and stdout takes "
                          "text only here (write it to a file with --output FILE)")
    env.stdout.flush()  # text written before the bytes stays before them
    buffer.write(data)
    buffer.flush()
