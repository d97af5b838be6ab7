"""The API's JSON text, byte for byte what ``output.json.dumps`` writes, faster when orjson is
installed (the ``serve`` extra; docs/development.md, "Dependencies, and why").

``json.dumps(indent=2)`` has no C encoder: for a ``show`` of every passage (bodies up to 4 MB)
it took 120 ms of a 370 ms answer. orjson's ``OPT_INDENT_2`` writes the same bytes for the
same data (two-space indent, ``": "`` and ``","`` separators, keys in order, UTF-8 text,
``\\n \\" \\\\`` and the other control characters escaped as ``json`` escapes them) except
floats, which it spells its own way (``0.00001`` where ``json`` writes ``1e-05``, ``1e-7``
for ``1e-07``, ``null`` for ``NaN``). So
orjson is used only for data with no float anywhere (checked by one walk, a fifth of the
encoder's time); anything else, or anything orjson refuses (a non-string key, an integer
beyond 64 bits, a lone surrogate), goes to the standard library's encoder.
"""

from __future__ import annotations

from typing import Any

from ..output import json as js

try:  # optional: the serve extra's accelerator
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None


def floatless(data: Any) -> bool:
    """True if no float stands anywhere in ``data`` (dicts, lists and tuples walked)."""
    stack = [data]
    pop, push = stack.pop, stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is str or kind is int:
            continue
        if kind is dict:
            push(value.values())
        elif kind is list or kind is tuple:
            push(value)
        elif isinstance(value, float):
            return False
    return True


def dumps(data: Any) -> str:
    """``output.json.dumps(data)``, by orjson where that gives the same text."""
    return encoded(data)[:-1].decode("utf-8", "surrogatepass")


def encoded(data: Any) -> bytes:
    """``dumps(data)`` and a newline, as the UTF-8 bytes the API sends: orjson's own bytes
    where it writes them, not decoded to text and encoded again (8 ms of a 2.3 MB ``show``)."""
    if orjson is not None and floatless(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
        except TypeError:  # orjson.JSONEncodeError: a non-str key, a huge int, a surrogate
            pass
    return (js.dumps(data) + "\n").encode("utf-8", "surrogatepass")
