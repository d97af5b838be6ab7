"""The Starlette application: the JSON API (``api``), the pages (``pages``), the package's
own static files, all behind ``security.Guard``.

Endpoints are plain functions: Starlette runs each in its thread pool (anyio's, 40 threads),
so a slow query does not hold up the others. A ``Workspace`` holds one SQLite connection,
which belongs to the thread that opened it: each thread of the pool gets its own workspace
(``Workspaces``), opened on its first request.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Mapping

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.workspace import Workspace
from . import api, pages
from .security import Guard, allowed_hosts

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".svg": "image/svg+xml"}
JSON = "application/json; charset=utf-8"


class Workspaces:
    """One ``Workspace`` per thread, all over the same glossary and library."""

    def __init__(self, make: Callable[[], Workspace]):
        self.make = make
        self.local = threading.local()

    def get(self) -> Workspace:
        ws = getattr(self.local, "workspace", None)
        if ws is None:
            ws = self.local.workspace = self.make()
        return ws


def static_files() -> dict[str, tuple[bytes, str]]:
    """The package's static folder, read once: a request can name only these files (no path
    is ever joined from what a request says, so no traversal, encoded or not)."""
    return {p.name: (p.read_bytes(), TYPES[p.suffix]) for p in sorted(STATIC.iterdir())
            if p.is_file() and p.suffix in TYPES}


def create_app(glossary: str | None = None, library: str | None = None,
               environ: Mapping[str, str] | None = None, host: str = "127.0.0.1"):
    """The ASGI application over a glossary and a library (None: as the CLI finds them)."""
    workspaces = Workspaces(lambda: Workspace(glossary, library, environ))
    files = static_files()

    def api_endpoint(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in api.ENDPOINTS:
            return Response(api.not_found(f"no API endpoint {name!r} (there are: "
                                          f"{', '.join(api.ENDPOINTS)})"), 404, media_type=JSON)
        status, body = api.answer(name, workspaces.get(), api.Params(request.query_params.multi_items()))
        return Response(body, status, media_type=JSON)

    def static(request: Request) -> Response:
        found = files.get(request.path_params["name"])
        if found is None:
            return Response(api.not_found("no such file"), 404, media_type=JSON)
        return Response(found[0], media_type=found[1],
                        headers={"cache-control": "max-age=3600"})

    def page(render: Callable) -> Callable[[Request], Response]:
        def endpoint(request: Request) -> Response:
            status, body, kind = render(workspaces.get(), request.path_params,
                                        api.Params(request.query_params.multi_items()))
            return Response(body, status, media_type=kind)
        return endpoint

    routes = [Route("/api/{name}", api_endpoint), Route("/static/{name}", static)]
    routes += [Route(path, page(render)) for path, render in pages.ROUTES]
    app = Starlette(routes=routes)
    return Guard(app, allowed_hosts(host))
