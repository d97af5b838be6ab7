"""Run the application with uvicorn on a socket bound here, so that an address in use is
one clear error rather than uvicorn's log and exit."""

from __future__ import annotations

import socket
import threading
from typing import Callable

from ..errors import UsageError
from .security import WILDCARD


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host!r}: not an address of this machine ({exc.strerror})")
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror} "
                         "(pick another with --port, or --port 0 for any free one)")
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    if host in WILDCARD:
        shown = "127.0.0.1"
    return f"http://{shown}:{port}/"


def serve(app, sock: socket.socket, started: Callable[[], None] | None = None) -> None:
    """Serve until Ctrl-C (uvicorn then returns quietly); ``started`` is called once the
    server accepts requests."""
    import uvicorn  # lazy: the web server, for cngloss serve only

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    server = uvicorn.Server(config)
    if started is not None:
        def watch() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.05)
            if server.started:
                started()
        threading.Thread(target=watch, daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops on Ctrl-C, then raises it again: quietly
        pass
