"""The console script's entry point: Ctrl-C is handled before anything heavy is imported.

Importing ``cngloss.cli`` (Typer and its click) takes a large part of a cold start. A Ctrl-C in
that time used to raise KeyboardInterrupt inside an import, outside ``cli.main``'s error
boundary: a traceback, and the process died by the signal instead of the documented quiet
exit 130. So this module imports nothing but ``signal``, ``os`` and ``sys``, makes Ctrl-C end
the process at once with 130 while the CLI loads, and then hands over to ``cli.run``, whose
own boundary turns KeyboardInterrupt into 130 (letting ``finally`` blocks clean up).
"""

from __future__ import annotations

import os
import signal
import sys

INTERRUPTED = 130  # errors.ExitCode.INTERRUPTED, not imported to keep this module tiny


def _exit_interrupted(signum: int, frame: object) -> None:
    """While the CLI imports there is nothing to clean up or flush: leave quietly now."""
    os._exit(INTERRUPTED)


def run() -> None:
    """Install the Ctrl-C handling, then load and run the command line."""
    # Only replace Python's own handler: an ignored SIGINT (a background job, nohup) stays
    # ignored, and an embedding program's handler stays in place.
    ours = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if ours:
        signal.signal(signal.SIGINT, _exit_interrupted)
    try:
        from .cli import run as run_cli  # lazy: Typer, once Ctrl-C is handled (module docstring)

        if ours:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        run_cli()
    except KeyboardInterrupt:  # between the handover and cli.main's own boundary
        sys.exit(INTERRUPTED)
