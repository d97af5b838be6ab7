"""The JSON API: one function per CLI command, given the query parameters, returning the
status and the body the CLI's ``--json`` prints for the same arguments (byte for byte:
``dumps(...) + "\\n"``). No Starlette here: the parameters are any mapping with
``getlist``-like access (``Params``), so the API is testable without a server.

Status from the CLI's exit code: 0 is 200, 1 ("nothing found") 404, 2 (a bad argument) 400,
3 (bad data) 500. ``search``, ``grep`` and ``trend`` print their JSON and then exit 1 when
nothing matched: the API sends that JSON with 404. ``show`` and ``related`` fail before
printing: the API sends an error object (``error_body``), the CLI's error line as its message.
"""

from __future__ import annotations

from typing import Callable, Sequence

from ..collector import paused
from ..core.arguments import filters
from ..core.workspace import Workspace
from ..errors import (AmbiguousError, CnglossError, ExitCode, NotFoundError, UsageError,
                      user_message)
from ..output import json as js
from .fast_json import encoded

STATUS = {ExitCode.OK: 200, ExitCode.NOT_FOUND: 404, ExitCode.USAGE: 400,
          ExitCode.BAD_DATA: 500, ExitCode.INTERNAL: 500}


class Params:
    """The query parameters of a request: each name's values, in order."""

    def __init__(self, items: Sequence[tuple[str, str]]):
        self.items = list(items)

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.items if k == name]

    def one(self, name: str, required: bool = False) -> str | None:
        values = self.all(name)
        if len(values) > 1:
            raise UsageError(f"parameter {name!r} given {len(values)} times (give it once)")
        if not values or values[0] == "":
            if required:
                raise UsageError(f"missing parameter {name!r} (e.g. ?{name}=六稳)")
            return None
        return values[0]

    def number(self, name: str, default: int | None, low: int, high: int | None = None
               ) -> int | None:
        value = self.one(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or number < low or (high is not None and number > high):
            bound = f"{low}..{high}" if high is not None else f"{low} or more"
            raise UsageError(f"parameter {name!r} must be a whole number {bound} (got {value!r})")
        return number

    def check(self, allowed: set[str]) -> None:
        unknown = sorted({k for k, _ in self.items} - allowed)
        if unknown:
            raise UsageError(f"unknown parameter {unknown[0]!r} (this endpoint takes: "
                             f"{', '.join(sorted(allowed))})")

    def filters(self):
        return filters(self.one("place"), self.one("year"), self.one("level"))


FILTERS = {"place", "year", "level"}


def search(ws: Workspace, p: Params) -> tuple[object, CnglossError | None]:
    p.check({"q", "limit"})
    found = ws.search(p.one("q", required=True), p.number("limit", 10, 1))
    return js.search_to_dict(found, ws.corpus.glossary), found.missing


LIMITS = {"limit", "per_report"}  # the CLI's --limit and --per-report (default: all)


def show(ws: Workspace, p: Params):
    p.check({"term", "context"} | FILTERS | LIMITS)
    shown = ws.show(p.one("term", required=True), p.one("context") or "sentence",
                    p.filters(), p.number("per_report", None, 1), p.number("limit", None, 0))
    return js.show_to_dict(shown, ws.corpus.glossary), None


def grep(ws: Workspace, p: Params):
    p.check({"text"} | FILTERS | LIMITS)
    found = ws.grep(p.one("text", required=True), p.filters(), p.number("per_report", None, 1),
                    p.number("limit", None, 0))
    return js.grep_to_dict(found), found.missing


def trend(ws: Workspace, p: Params):
    p.check({"text", "by"} | FILTERS)
    texts = [t for t in p.all("text") if t]
    if not texts:
        raise UsageError("missing parameter 'text' (e.g. ?text=六稳&text=六保)")
    chosen = p.filters()
    trends = ws.trend(texts, p.one("by"), chosen)
    return js.trend_to_dict(trends), ws.trend_missing(trends, chosen)


def reports(ws: Workspace, p: Params):
    p.check(FILTERS)
    return js.reports_to_dict(ws.reports(p.filters())), None


def related(ws: Workspace, p: Params):
    p.check({"term", "depth"})
    found = ws.related(p.one("term", required=True), p.number("depth", 2, 1, 5))
    return js.related_to_dict(found.tree), None


ENDPOINTS: dict[str, Callable[[Workspace, Params], tuple[object, CnglossError | None]]] = {
    "search": search, "show": show, "grep": grep, "trend": trend, "reports": reports,
    "related": related}


def answer(name: str, ws: Workspace, params: Params) -> tuple[int, bytes]:
    """The status and JSON of ``/api/NAME`` as UTF-8 bytes (KeyError: no such endpoint)."""
    endpoint = ENDPOINTS[name]
    with paused():  # the answer's objects all live until it is written (collector.py)
        try:
            data, missing = endpoint(ws, params)
        except CnglossError as exc:
            return STATUS.get(exc.exit_code, 500), encoded(error_body(exc, ws))
        status = STATUS[missing.exit_code] if missing is not None else 200
        return status, encoded(data)


def error_body(exc: CnglossError, ws: Workspace | None = None) -> dict:
    """The JSON of a failed request: the CLI's error line (without ``cngloss: error:``), its
    exit code, and for a term not found the suggestions, the hint and the candidates."""
    error: dict[str, object] = {"message": user_message(exc), "exit_code": int(exc.exit_code)}
    if isinstance(exc, NotFoundError):
        error["suggestions"] = list(exc.suggestions)
        error["hint"] = exc.hint
    if isinstance(exc, AmbiguousError):
        error["candidates"] = list(exc.candidates)
    return js.versioned({"error": error})


def not_found(message: str) -> str:
    """The JSON text of a 404 for a path that names nothing."""
    return js.dumps(js.versioned({"error": {"message": message, "exit_code": 1}})) + "\n"
