"""The Typer application, its global options, and the one error boundary (``main``).

``main()`` turns core errors, usage errors, Ctrl-C and a closed pipe into one line on stderr
and a documented exit code (docs/commands.md, "Exit codes"). Each command lives in its own
module under ``cli/commands/``; this module knows none of them.

No ``from __future__ import annotations`` in the command modules: Typer reads every
command's parameter annotations at start-up, and string annotations are each compiled and
evaluated again (400 evals: a seventh of a cold start); real ones are built once.
"""

import os
import sys
from pathlib import Path
from typing import Annotated, Any, List, Optional

import typer
from typer.core import TyperCommand

from .. import __version__
from ..core.workspace import Workspace
from ..errors import (
    AmbiguousError,
    BadValueError,
    ChoiceError,
    CnglossError,
    DataError,
    ExitCode,
    OPTION_NAMES,
    NotFoundError,
    user_message,
)
from ..output.console import print_error, print_message
from ..output.environment import Environment



class _PipeClosed(Exception):
    """The reader of stdout went away (``cngloss … | head``): not an OSError, so that Typer,
    which turns EPIPE into exit 1 ("nothing found"), lets it through to ``main``."""


class _Command(TyperCommand):
    """A command whose usage line shows its arguments as named (``show [OPTIONS] TERM``):
    Typer wraps required ones in braces (``{TERM}``), a notation help readers do not know.
    A closed pipe leaves it as ``_PipeClosed``."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed() from None

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]


class _Typer(typer.Typer):
    """Every command of the app is a ``_Command``."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


# Examples in help texts are aligned by terminal columns: a CJK character takes two.
app = _Typer(
    name="cngloss",
    help="A glossary of Chinese policy terms: search, show, and glossary appendices.\n\n"
         "\b\nExamples:\n"
         "  cngloss search liuwen         find a term from pinyin, hanzi or English\n"
         "  cngloss show 八有一超         definition, parts, related terms, passages\n"
         "  cngloss appendix --format html --output glossary.html\n"
         "  cngloss list --json           every term, for scripts",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class State:
    """What the global options set up for the commands: the environment and the workspace
    (the core object every command calls once)."""

    def __init__(self, env: Optional[Environment] = None):
        self.env = Environment() if env is None else env
        self.glossary: Optional[Path] = None
        self.library: Optional[Path] = None
        self._workspace: Optional[Workspace] = None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = Workspace(self.glossary, self.library, self.env.environ)
        return self._workspace


def state_of(ctx: typer.Context) -> State:
    if not isinstance(ctx.obj, State):
        ctx.obj = State()
    return ctx.obj


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"cngloss {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    glossary: Annotated[Optional[Path], typer.Option(
        "--glossary", "-g", metavar="PATH",
        # Not checked here: the loader says what is wrong in the documented words (exit 3).
        readable=False,
        help="Glossary file (YAML). Default: $CNGLOSS_GLOSSARY, else the bundled "
             "Lianzhou 2021 glossary.")] = None,
    library: Annotated[Optional[Path], typer.Option(
        "--library", "-L", metavar="PATH", readable=False,
        help="Library of reports (SQLite). Default: $CNGLOSS_LIBRARY, else library.sqlite in "
             "the user data folder.")] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """A glossary of Chinese policy terms."""
    state_of(ctx).glossary = glossary
    state_of(ctx).library = library


# --------------------------------------------------------------------------- main


def main(argv: List[str] | None = None, env: Environment | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    from .commands import load_for  # lazy: the command modules register themselves

    env = env or Environment()
    state = State(env=env)
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:  # bare `cngloss` is `cngloss --help`, not a usage error ("Exit codes")
        args = ["--help"]
    if env.environ.get("_CNGLOSS_COMPLETE") or env.environ.get("_TYPER_COMPLETE_ARGS"):
        from .commands import load_all  # lazy: completion needs every command

        load_all()
    else:
        load_for(args)
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="cngloss", standalone_mode=False, obj=state)
        return int(result) if isinstance(result, int) else ExitCode.OK
    except AmbiguousError as exc:
        print_error(str(exc), env)
        _print_candidates(exc.candidates, state, env, exc)
        return exc.exit_code
    except (ChoiceError, BadValueError) as exc:  # worded with the option that set the value
        print_error(user_message(exc), env)
        return exc.exit_code
    except NotFoundError as exc:
        print_error(str(exc), env)
        if exc.suggestions:
            print_message("did you mean: " + ", ".join(exc.suggestions) + "?", env)
        if exc.hint:
            print_message(exc.hint, env)
        return exc.exit_code
    except DataError as exc:
        more = len(exc.problems) - 1
        print_error(str(exc) + (f" [and {more} more problem(s); to see them all, run: "
                                f"{_check_command(state)}]" if more > 0 else ""), env)
        return exc.exit_code
    except CnglossError as exc:
        print_error(str(exc), env)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):  # Ctrl-C: quietly (Typer itself exits 130 too)
        return ExitCode.INTERRUPTED
    except (BrokenPipeError, _PipeClosed):  # the reader stopped: quietly, and not a failure
        _silence_stdout()
        return ExitCode.OK
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        ctx = getattr(exc, "ctx", None)
        where = f"{ctx.command_path} --help" if ctx is not None else "cngloss --help"
        print_error(message, env, hint=f"see '{where}'")
        return getattr(exc, "exit_code", ExitCode.USAGE)
    except Exception as exc:  # a bug: one line, not a traceback, unless asked for
        if env.environ.get("CNGLOSS_DEBUG"):
            raise
        print_error(f"internal error: {type(exc).__name__}: {exc}", env,
                    hint="this is a bug in cngloss; CNGLOSS_DEBUG=1 shows the traceback")
        return ExitCode.INTERNAL
    finally:
        if state._workspace is not None:
            state._workspace.close()


def _check_command(state: State) -> str:
    """The command that checks the glossary this run used (plain ``cngloss check`` checks
    the bundled one), its path quoted for the shell where it needs to be."""
    import shlex  # lazy: for a data error's hint only
    from ..sources.paths import ENV_VAR, resolve_glossary_path  # lazy: a data error's hint

    if state.glossary is None and not state.env.environ.get(ENV_VAR):
        return "cngloss check"
    path = resolve_glossary_path(state.glossary, state.env.environ)
    return f"cngloss --glossary {shlex.quote(str(path))} check"


def _print_candidates(ids: tuple[str, ...], state: State, env: Environment,
                      exc: Exception | None = None) -> None:
    from ..output.console import plain_text  # lazy: for an ambiguous term only
    from ..output.views import candidates_view  # lazy: the views, for terminal output only

    glossary = state.workspace.corpus.glossary
    terms = list(getattr(exc, "terms", ())) or \
        [t for t in (glossary.get(i) for i in ids) if t is not None]
    env.stderr.write(plain_text(candidates_view(terms)))
    env.stderr.flush()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:  # pragma: no cover - called by the console script (entry.run)
    for stream in (sys.stdout, sys.stderr):
        try:  # an odd locale or PYTHONIOENCODING must not turn Chinese into a traceback
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(code)
