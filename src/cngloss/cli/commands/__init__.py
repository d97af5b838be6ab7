"""One module per command (as pipx's ``commands/``): each parses its arguments, makes one
call to the core (``cngloss.core.Workspace``) and prints the result. Importing this package
registers every command on ``cli.app.app``."""

from . import (add, annotate, appendix, check, grep, import_, list, related,  # noqa: F401
               remove, reports, search, show, trend)
