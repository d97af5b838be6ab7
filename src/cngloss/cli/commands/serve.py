"""``cngloss serve``: the library as a local web page, with its JSON API (docs/serve.md)."""

from typing import Annotated

import typer

from ..app import app, state_of
from ...errors import MissingExtraError
from ...output.console import print_message


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(
        "--host", metavar="ADDRESS",
        help="Address to listen on (default 127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535, metavar="N",
        help="Port to listen on (0: any free one).")] = 8765,
    no_open: Annotated[bool, typer.Option(
        "--no-open", help="Do not open the page in a browser.")] = False,
) -> None:
    """Serve the library (or the glossary's own report) as a local web page: search as you
    type, terms, passages, trends, reports; the JSON API at /api/ is the CLI's --json.
    Stops on Ctrl-C.

    \b
    Examples:
      cngloss serve
      cngloss --library full.sqlite serve --port 8000 --no-open
    """
    state = state_of(ctx)
    try:  # lazy: the web stack, an optional extra, for serve only
        import starlette  # noqa: F401  # lazy: the serve extra
        import uvicorn  # noqa: F401  # lazy: the serve extra
    except ImportError:
        raise MissingExtraError("cngloss serve", "starlette and uvicorn", "serve") from None
    from ...web.app import create_app  # lazy: the web layer, for serve only
    from ...web.security import LOOPBACK  # lazy: the web layer, serve only
    from ...web.server import bind, serve as run, url_of  # lazy: as above

    sock = bind(host, port)
    if host not in LOOPBACK:
        print_message(f"cngloss: warning: listening on {host}: other machines can read the "
                      "library (the default, 127.0.0.1, is this machine only)", state.env)
    url = url_of(sock)
    web = create_app(state.glossary, state.library, state.env.environ, host)
    print_message(f"cngloss: serving on {url} (Ctrl-C to stop)", state.env)

    def opened() -> None:
        if not no_open:
            import webbrowser  # lazy: only when a browser is opened

            webbrowser.open(url)

    run(web, sock, opened)
