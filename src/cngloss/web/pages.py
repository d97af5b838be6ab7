"""The HTML pages, drawn on the server (every value escaped), with a little script."""

from __future__ import annotations

from html import escape

HTML = "text/html; charset=utf-8"


def home(ws, path, params):
    return 200, "<!doctype html><title>cngloss</title><h1>cngloss</h1>", HTML


ROUTES = [("/", home)]
