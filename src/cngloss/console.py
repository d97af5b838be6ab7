"""Printing views: rich on a terminal, plain aligned text in a pipe. The only rich import.

rich is imported only when stdout is a terminal, so piped and scripted use never pays
for it. Text from the data is handed to rich as ``Text`` objects, never as markup, so
``[bold red]`` in a definition prints as written; control characters are made visible
in both paths, so the data cannot send escape sequences to the terminal.
"""

from __future__ import annotations

from .environment import Environment
from .textwidth import pad, safe, width
from .views import Blank, Block, Line, Table

STYLES = {
    "headword": "bold",
    "pinyin": "cyan",
    "english": "green",
    "label": "bold",
    "heading": "bold underline",
    "dim": "dim",
    "match": "bold yellow",
    "number": "magenta",
    "section": "blue",
    "error": "bold red",
    "warning": "yellow",
    "ok": "bold green",
}


def print_view(view: list[Block], env: Environment) -> None:
    """Print a view to the environment's stdout."""
    if env.stdout_isatty:
        _print_rich(view, env)
    else:
        env.stdout.write(plain_text(view))
        env.stdout.flush()


def plain_text(view: list[Block]) -> str:
    """A view as plain text: no colour, tables aligned by terminal width of CJK text."""
    out: list[str] = []
    for block in view:
        if isinstance(block, Blank):
            out.append("")
        elif isinstance(block, Line):
            out.append(" " * block.indent + safe("".join(t for t, _ in block.spans)))
        else:
            out.extend(_plain_table(block))
    return "\n".join(out) + ("\n" if out else "")


def _plain_table(table: Table) -> list[str]:
    cells = [[safe("".join(t for t, _ in cell)) for cell in row] for row in table.rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(table.headers)]

    def fmt(row: list[str]) -> str:
        padded = [pad(c, widths[i]) if i < len(row) - 1 else c for i, c in enumerate(row)]
        return "  ".join(padded).rstrip()

    return [fmt(table.headers)] + [fmt(r) for r in cells]


def _print_rich(view: list[Block], env: Environment) -> None:
    from rich import box
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table as RichTable
    from rich.text import Text

    # no_color alone still lets rich emit bold, underline and dim (table headers): without
    # colour there is no colour system at all, so not one escape code (no-color.org).
    console = Console(file=env.stdout, no_color=not env.color, highlight=False,
                      emoji=False, markup=False, width=env.width, soft_wrap=False,
                      force_terminal=env.color or None,
                      color_system="auto" if env.color else None)

    def text(spans: list[tuple[str, str | None]]) -> Text:
        out = Text()
        for chunk, style in spans:
            out.append(safe(chunk), style=STYLES.get(style or "", "") if env.color else "")
        return out

    for block in view:
        if isinstance(block, Blank):
            console.print()
        elif isinstance(block, Line):
            console.print(Padding(text(block.spans), (0, 0, 0, block.indent)))
        elif _table_width(block) > console.width:
            # Too narrow for columns: one record per row, a field per line.
            label = max(width(h) for h in block.headers[1:]) + 1 if len(block.headers) > 1 else 0
            for row in block.rows:
                console.print(text(row[0]))
                for header, cell in zip(block.headers[1:], row[1:]):
                    line = Text()
                    line.append(pad(header, label), style="dim" if env.color else "")
                    line.append_text(text(cell))
                    console.print(Padding(line, (0, 0, 0, 2)))
        else:
            table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
            for header in block.headers:
                table.add_column(header, overflow="fold")
            for row in block.rows:
                table.add_row(*(text(cell) for cell in row))
            console.print(table)


def _table_width(table: Table) -> int:
    """Columns a table needs to show every cell on one line."""
    widths = [max([width(h)] + [width("".join(t for t, _ in row[i])) for row in table.rows])
              for i, h in enumerate(table.headers)]
    return sum(widths) + 2 * (len(widths) - 1)


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
