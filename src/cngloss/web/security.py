"""The layer every request passes before the application (plain ASGI, no Starlette):

- read-only: no method but GET and HEAD (others: 405, with ``Allow``);
- DNS rebinding: a request whose ``Host`` header is not one of the server's own names or
  addresses is refused (403), as Jupyter does: a page of another site that re-points its
  name at 127.0.0.1 still sends its own name as the Host;
- every response says ``Content-Security-Policy`` (nothing from anywhere but this server, no
  inline script, no frames), ``X-Content-Type-Options: nosniff``, no referrer, no framing.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any, Awaitable, Callable, Iterable

from ..output.json import dumps, versioned

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()),
           (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY"),
           (b"cross-origin-resource-policy", b"same-origin")]
METHODS = {"GET", "HEAD"}
LOOPBACK = {"localhost", "127.0.0.1", "::1"}
WILDCARD = {"0.0.0.0", "::", ""}


def allowed_hosts(host: str) -> set[str]:
    """The names a Host header may give for a server bound to ``host``: the loopback names,
    the address itself, and for a wildcard address this machine's name and addresses."""
    names = set(LOOPBACK) | {host.lower()}
    if host in WILDCARD:
        try:
            name = socket.gethostname()
            names |= {name.lower(), socket.getfqdn().lower()}
            names |= {info[4][0] for info in socket.getaddrinfo(name, None)}
        except OSError:
            pass
    return names - {""}


def host_name(header: str) -> str:
    """The name of a Host header without its port (``[::1]:8765`` is ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    if header.count(":") == 1:
        header = header.rsplit(":", 1)[0]
    try:
        return str(ipaddress.ip_address(header))
    except ValueError:
        return header.rstrip(".")


class Guard:
    """ASGI middleware: methods, Host, and the security headers (module docstring)."""

    def __init__(self, app: Callable[..., Awaitable[Any]], hosts: Iterable[str]):
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if scope["method"] not in METHODS:
            return await _refuse(send, 405, "method not allowed: this server is read-only "
                                 "(GET and HEAD only)", [(b"allow", b"GET, HEAD")])
        if host_name(host) not in self.hosts:
            return await _refuse(send, 403, f"host {host!r} refused: open the page at the "
                                 "address cngloss serve printed")

        async def secured(message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + HEADERS)
            await send(message)

        await self.app(scope, receive, secured)


async def _refuse(send, status: int, message: str, extra: list | None = None) -> None:
    body = (dumps(versioned({"error": {"message": message, "exit_code": 2}})) + "\n").encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]
                + (extra or []) + HEADERS})
    await send({"type": "http.response.body", "body": body})
