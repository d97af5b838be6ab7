"""One module per command (as pipx's ``commands/``): each parses its arguments, makes one
call to the core (``cngloss.core.Workspace``) and prints the result.

A run imports only the module of the command it runs (``load``): Typer builds every
registered command's parameters at each start, and thirteen modules of them cost a cold
start 6-8% of its instructions. ``--help``, completion and anything that is not plainly one
command load them all (``load_all``), so the help always lists every command.
"""

from importlib import import_module

# command name -> its module (``import`` is a keyword, hence ``import_``)
MODULES = {"add": "add", "annotate": "annotate", "appendix": "appendix", "check": "check",
           "discover": "discover", "grep": "grep", "import": "import_", "list": "list",
           "related": "related", "remove": "remove", "reports": "reports", "search": "search",
           "serve": "serve", "show": "show", "trend": "trend"}

# the root's options that take a value (so that ``-g terms.yaml show`` finds ``show``)
VALUED_OPTIONS = {"--glossary", "-g", "--library", "-L"}


def load(name: str) -> None:
    """Register the command ``name`` on the app."""
    import_module(f"{__name__}.{MODULES[name]}")


def load_all() -> None:
    """Register every command on the app."""
    for name in MODULES:
        load(name)


def load_for(args: list[str]) -> None:
    """Register what a run with these arguments needs: the one command it names, or all of
    them (help, completion, a word that is no command: Typer then says what is wrong)."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in VALUED_OPTIONS:
            i += 2
            continue
        if arg.startswith("-"):
            if arg in ("--help", "-h") or arg.startswith(("--install-completion",
                                                          "--show-completion")):
                break
            i += 1
            continue
        if arg in MODULES:
            load(arg)
            return
        break
    load_all()
