"""The reference for cold start: a hello-world Typer app that prints one rich table."""

import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("hello", "name")
    table.add_row("hello", name)
    Console().print(table)


if __name__ == "__main__":
    app()
